package org.deeprg.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deeprg.InvalidInputException;

/**
 * Checks a Spark master URL before a context is started: the syntax (so a typo is one line, exit 2, instead of a
 * Spark stack trace), that a standalone master answers on its port (instead of Spark's minute of retries), and that
 * the cluster manager of {@code yarn} and {@code k8s://} URLs is on the class path.
 */
final class MasterUrl {
    /** What {@code --spark-master} accepts, for messages. */
    static final String ALLOWED = "must be local, local[N], local[*], local[N,F] (F attempts per task), spark://HOST:PORT[,HOST:PORT...],"
            + " yarn or k8s://https://HOST:PORT";
    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9]\\d{0,4})(,([1-9]\\d{0,3}))?\\])?");
    private static final Pattern LOCAL_CLUSTER = Pattern.compile("local-cluster\\[[1-9]\\d*,\\s*[1-9]\\d*,\\s*[1-9]\\d*\\]");
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9a-fA-F:]+\\]|[A-Za-z0-9._-]+):(\\d{1,5})");
    private static final int CONNECT_TIMEOUT_MILLIS = 3000;

    private MasterUrl() {
    }

    /** True for the in-process masters ({@code local...}), which need no jars shipped. */
    static boolean isLocal(String master) {
        return master.startsWith("local");
    }

    /**
     * Validates {@code master}; connects to a standalone master's port.
     *
     * @throws InvalidInputException naming {@code sparkMaster}: malformed, unreachable, or its cluster manager missing
     */
    static void check(String master) {
        if (master == null || master.isBlank()) {
            throw new InvalidInputException("sparkMaster", master, ALLOWED);
        }
        if (LOCAL.matcher(master).matches() || LOCAL_CLUSTER.matcher(master).matches()) {
            return;
        }
        if (master.startsWith("spark://")) {
            checkStandalone(master);
            return;
        }
        if (master.equals("yarn")) {
            requireClass(master, "org.apache.spark.deploy.yarn.YarnClusterManager", "YARN (spark-yarn_2.13)");
            return;
        }
        if (master.startsWith("k8s://") && master.length() > "k8s://".length()) {
            requireClass(master, "org.apache.spark.scheduler.cluster.k8s.KubernetesClusterManager", "Kubernetes (spark-kubernetes_2.13)");
            return;
        }
        throw new InvalidInputException("sparkMaster", master, ALLOWED);
    }

    private static void checkStandalone(String master) {
        String rest = master.substring("spark://".length());
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (String part : rest.split(",", -1)) {
            Matcher m = HOST_PORT.matcher(part);
            int port = m.matches() ? Integer.parseInt(m.group(2)) : -1;
            if (port < 1 || port > 65535) {
                throw new InvalidInputException("sparkMaster", master, ALLOWED + " ('" + part + "' is not HOST:PORT with a port in [1, 65535])");
            }
            String host = m.group(1).startsWith("[") ? m.group(1).substring(1, m.group(1).length() - 1) : m.group(1);
            addresses.add(new InetSocketAddress(host, port));
        }
        String lastError = null;
        for (InetSocketAddress a : addresses) {
            if (a.isUnresolved()) {
                lastError = "unknown host " + a.getHostString();
                continue;
            }
            try (Socket s = new Socket()) {
                s.connect(a, CONNECT_TIMEOUT_MILLIS);
                return;
            } catch (IOException e) {
                lastError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
        }
        throw new InvalidInputException("sparkMaster", master, "no Spark master answers there (" + lastError
                + "): start one (sbin/start-master.sh) and give the spark://HOST:PORT URL it prints");
    }

    private static void requireClass(String master, String className, String what) {
        try {
            Class.forName(className, false, MasterUrl.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new InvalidInputException("sparkMaster", master, "needs Spark's " + what + " support, which ./deeprg does not bundle:"
                    + " submit with the spark-submit of a Spark 4.2 distribution built for it (docs/spark.md)");
        }
    }
}
