package org.deeprg.report;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * Who owns a lock or a partial directory: the process id, the process start time (so a recycled pid is not
 * mistaken for the owner) and the host. A lock is <em>stale</em> when its owner is on this host and is gone (no
 * such process, or a process with the same pid that started at another time), or the file is unreadable and older
 * than a minute (a crash between creating and filling it). Locks of other hosts are never considered stale.
 *
 * @param pid   process id
 * @param start process start time (ISO-8601), or "unknown"
 * @param host  host name
 */
record OwnerLock(long pid, String start, String host) {
    private static final long UNREADABLE_GRACE_MILLIS = 60_000;

    /** This process. */
    static OwnerLock current() {
        ProcessHandle self = ProcessHandle.current();
        return new OwnerLock(self.pid(), self.info().startInstant().map(Instant::toString).orElse("unknown"), localHost());
    }

    private static final String HOST = findHost();

    /** This host's name (kernel host name; no DNS lookup, which can be slow). */
    static String localHost() {
        return HOST;
    }

    private static String findHost() {
        try {
            Path k = Path.of("/proc/sys/kernel/hostname");
            if (Files.isRegularFile(k)) {
                String h = Files.readString(k, StandardCharsets.UTF_8).trim();
                if (!h.isEmpty()) {
                    return h;
                }
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Text of the lock file. */
    String text() {
        return "tool=deeprg\npid=" + pid + "\nstart=" + start + "\nhost=" + host + "\n";
    }

    /** Creates {@code file} with this owner, failing if it exists (the atomic claim). */
    void createNew(Path file) throws IOException {
        Files.write(file, text().getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /** The owner recorded in {@code file}, or empty if it is missing or unreadable. */
    static Optional<OwnerLock> read(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > 4096) {
                return Optional.empty();
            }
            Properties p = new Properties();
            p.load(new java.io.StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            return Optional.of(new OwnerLock(Long.parseLong(p.getProperty("pid", "").trim()),
                    p.getProperty("start", "unknown").trim(), p.getProperty("host", "unknown").trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the owner process is still running (on another host: assumed running). */
    boolean alive() {
        if (!host.equals(localHost())) {
            return true;
        }
        Optional<ProcessHandle> ph = ProcessHandle.of(pid);
        if (ph.isEmpty() || !ph.get().isAlive()) {
            return false;
        }
        if (start.equals("unknown")) {
            return true;
        }
        return ph.get().info().startInstant().map(i -> sameInstant(i, start)).orElse(true);
    }

    private static boolean sameInstant(Instant i, String recorded) {
        try {
            // start times are derived from /proc with clock-tick resolution: allow a small difference
            return Math.abs(i.toEpochMilli() - Instant.parse(recorded).toEpochMilli()) < 2_000;
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** Whether the lock in {@code file} (a lock file or a directory's owner file) belongs to nobody alive. */
    static boolean stale(Path file) {
        Optional<OwnerLock> o = read(file);
        if (o.isPresent()) {
            return !o.get().alive();
        }
        try {
            return Files.getLastModifiedTime(file).toMillis() < System.currentTimeMillis() - UNREADABLE_GRACE_MILLIS;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** One phrase describing the owner, for messages. */
    String describe() {
        return "pid " + pid + (start.equals("unknown") ? "" : ", started " + start) + (host.equals(localHost()) ? "" : ", on host " + host);
    }
}
