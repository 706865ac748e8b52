package org.deeprg.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.deeprg.dyn.Alphabet;
import org.deeprg.dyn.DynNetwork;
import org.deeprg.dyn.Example;
import org.deeprg.dyn.mc.DynMcSpec;
import org.deeprg.dyn.mc.DynMonteCarlo;
import org.deeprg.json.Json;
import org.deeprg.net.Activation;
import org.deeprg.qft.Ensemble;
import org.deeprg.qft.EnsembleSpec;
import org.deeprg.qft.NetworkSpec;
import org.deeprg.random.RandomStreams;
import org.deeprg.run.RunContext;
import org.deeprg.testing.Reproducibility;
import org.deeprg.testing.SyntheticJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A real Spark cluster on 127.0.0.1: a standalone master and two workers (one core, 1 GiB each) as separate JVMs started
 * from the Maven jars (SPARK_HOME's {@code jars/} holds the jars of {@code target/spark-classpath.txt}), the deeprg jars
 * shipped to the executors as {@code ./deeprg} ships them. A synthetic job runs on it; one worker's executor is killed
 * with SIGKILL by its process id while the job runs; the job must finish with numbers bit-identical to the local run.
 * On the same cluster, after the loss, a dyn mc run (Metropolis chains with tempering) and an NN-QFT ensemble (widths x
 * bags x chunks) must give the local numbers. Then spark-submit (SparkSubmit with deeprg-spark-app.jar and {@link SubmitMain}) runs the qft ensemble command on
 * the cluster and must print the same {@code widths} as a local run. Everything started here is stopped, also on failure.
 *
 * <p>Simplification against a production cluster: the third-party jars deeprg's core needs (Commons RNG, EJML, ...) are
 * in SPARK_HOME/jars here, so only the deeprg jars travel with the job.
 */
class SparkClusterIT {
    private static final List<String> OPENS = List.of("--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED");
    private static final Path TARGET = Path.of("target").toAbsolutePath();

    private final List<Process> started = new ArrayList<>();
    private Path sparkHome;
    private Path logs;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void aJobSurvivesAKilledExecutorWithTheLocalNumbers() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs /proc to find executor processes");
        Path run = Files.createDirectories(TARGET.resolve("it-cluster"));
        deleteTree(run);
        logs = Files.createDirectories(run.resolve("logs"));
        sparkHome = sparkHome(run.resolve("spark-home"));
        Map<String, String> savedProperties = new HashMap<>();
        try {
            int masterPort = freePort();
            String master = "spark://127.0.0.1:" + masterPort;
            Process masterProcess = startJvm("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                    "--port", String.valueOf(masterPort), "--webui-port", String.valueOf(freePort()));
            awaitPort(masterPort, masterProcess, 90);
            List<Process> workers = new ArrayList<>();
            for (int w = 1; w <= 2; w++) {
                workers.add(startJvm("worker-" + w, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1",
                        "--memory", "1g", "--webui-port", String.valueOf(freePort()), "--work-dir",
                        Files.createDirectories(run.resolve("work-" + w)).toString(), master));
            }
            for (int w = 1; w <= 2; w++) {
                awaitLog("worker-" + w, "Successfully registered with master", workers.get(w - 1), 90);
            }

            // the driver: this JVM, configured like ./deeprg configures it
            setProperty(savedProperties, "spark.executor.memory", "512m");
            setProperty(savedProperties, "spark.driver.host", "127.0.0.1");
            setProperty(savedProperties, "spark.driver.bindAddress", "127.0.0.1");
            setProperty(savedProperties, "spark.app.name", "deeprg-it");
            setProperty(savedProperties, "deeprg.spark.jars", deeprgJars(run.resolve("ship")));

            Path markers = Files.createDirectories(run.resolve("markers"));
            SyntheticJob job = new SyntheticJob(24, 20_000, -1, 1200, markers.toString());
            // the local reference (sleeping and markers do not change the numbers)
            String expected = Json.write(SyntheticJob.run(SyntheticJob.of(24, 20_000), RunContext.of(Reproducibility.SEED, 2)));

            long killedPid;
            String actual;
            try (SparkBackend spark = SparkBackend.start(master, 24)) {
                String appId = spark.context().sc().applicationId();
                CompletableFuture<String> result = CompletableFuture.supplyAsync(() -> Json.write(SyntheticJob.run(job,
                        new RunContext(RandomStreams.root(Reproducibility.SEED), 1, spark, org.deeprg.run.Progress.NONE))));
                // kill an executor while it runs a task: a task sleeps 1.2 s after writing its marker, so an executor
                // whose marker is younger than 0.6 s is still inside that task when it is killed
                Marker running = awaitRunningTask(markers, appId, workers, result, 180);
                killedPid = running.pid();
                ProcessHandle victim = ProcessHandle.of(killedPid).orElseThrow();
                assertThat(result).as("the job is still running when the executor is killed").isNotDone();
                victim.destroyForcibly();
                assertThat(victim.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
                actual = result.get(240, TimeUnit.SECONDS);
                Map<Integer, List<Long>> attempts = attempts(markers);
                assertThat(attempts.get(running.index())).as("task %d, killed with executor %d, ran again on another executor: %s",
                        running.index(), killedPid, attempts).contains(killedPid).anyMatch(pid -> pid != killedPid);
                assertThat(attempts.keySet()).as("every task ran").hasSize(24);

                // the physics jobs on the same cluster (after the loss, with the executor the worker started instead):
                // a Metropolis dyn mc with tempering (4 chains) and an NN-QFT ensemble (widths x bags x chunks)
                DynMcSpec mc = new DynMcSpec(new DynNetwork(1, 4, Activation.HEAVISIDE),
                        List.of(new Example(new double[] {1}, new double[] {1})), DynMcSpec.Sampler.METROPOLIS,
                        Alphabet.BINARY_WEIGHTS, Alphabet.BINARY_WEIGHTS, Alphabet.BINARY_NEURONS, 1.0, new double[] {1, 2}, 0, 0, 0,
                        2_000, 200, 4, 3, 20);
                String mcLocal = Json.write(DynMonteCarlo.run(mc, RunContext.of(Reproducibility.SEED, 1)));
                String mcCluster = Json.write(DynMonteCarlo.run(mc, new RunContext(RandomStreams.root(Reproducibility.SEED), 1, spark,
                        org.deeprg.run.Progress.NONE)));
                assertThat(mcCluster).as("dyn mc on the cluster equals the local run").isEqualTo(mcLocal);
                EnsembleSpec ensemble = new EnsembleSpec(NetworkSpec.oneLayer(1, 1, Activation.GAUSS, 1, 1), List.of(2, 5, 20),
                        new double[][] {{-0.01}, {0.0}, {0.01}}, 4, 3_000, 4, false);
                String qftLocal = Json.write(Ensemble.run(ensemble, RunContext.of(Reproducibility.SEED, 2)));
                String qftCluster = Json.write(Ensemble.run(ensemble, new RunContext(RandomStreams.root(Reproducibility.SEED), 1, spark,
                        org.deeprg.run.Progress.NONE)));
                assertThat(qftCluster).as("qft ensemble on the cluster equals the local run").isEqualTo(qftLocal);
                assertThat(spark.describe().get("jobs")).as("the jobs ran on the cluster: %s", spark.describe()).isNotEqualTo(0L);
            }
            assertThat(actual).as("numbers on the cluster with a killed executor equal the local run").isEqualTo(expected);

            // spark-submit with the application jar: the command on the cluster, the same widths as locally
            restore(savedProperties);
            savedProperties.clear();
            String[] command = {"qft", "ensemble", "--width", "3", "--nets", "400", "--bags", "4", "--seed", "5", "--json", "--quiet"};
            SparkCliTest.Run local = SparkCliTest.run(SparkCliTest.concat(command, "--threads", "1", "--out", run.resolve("local").toString()));
            assertThat(local.code()).as(local.err()).isZero();
            List<String> submit = new ArrayList<>(List.of("org.apache.spark.deploy.SparkSubmit", "--master", master,
                    "--deploy-mode", "client", "--class", SubmitMain.class.getName(), "--conf", "spark.executor.memory=512m",
                    "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
                    TARGET.resolve("deeprg-spark-app.jar").toString()));
            submit.addAll(List.of(command));
            submit.addAll(List.of("--out", run.resolve("submitted").toString()));
            Process p = startJvm("spark-submit", submit.toArray(String[]::new));
            assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("spark-submit finished").isTrue();
            assertThat(p.exitValue()).as(Files.readString(logs.resolve("spark-submit.err"))).isZero();
            JsonNode submitted = Json.mapper().readTree(Files.readString(logs.resolve("spark-submit.out")));
            assertThat(submitted.get("widths").toString()).isEqualTo(Json.mapper().readTree(local.out()).get("widths").toString());
            JsonNode provenance = Json.mapper().readTree(Files.readString(run.resolve("submitted/provenance.json")));
            assertThat(provenance.at("/backend/master").asText()).isEqualTo(master);
        } finally {
            restore(savedProperties);
            stopAll();
        }
    }

    // ---- the cluster ----

    /** SPARK_HOME with jars/ linking the Spark class path (and deeprg's third-party jars). */
    private static Path sparkHome(Path home) throws IOException {
        Path jars = Files.createDirectories(home.resolve("jars"));
        String cp = Files.readString(TARGET.resolve("spark-classpath.txt")).trim();
        for (String entry : cp.split(java.io.File.pathSeparator)) {
            Path jar = Path.of(entry);
            Path link = jars.resolve(jar.getFileName());
            if (!Files.exists(link)) {
                Files.createSymbolicLink(link, jar);
            }
        }
        return home;
    }

    private Process startJvm(String name, String... mainAndArgs) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-XX:+UseSerialGC", "--add-modules", "jdk.incubator.vector"));
        if (name.startsWith("master") || name.startsWith("worker")) {
            // they only schedule: the quick compiler halves their start-up CPU (executors and drivers keep C2: the
            // numbers are compared bit for bit)
            cmd.add("-XX:TieredStopAtLevel=1");
        }
        cmd.addAll(OPENS);
        cmd.addAll(List.of("-cp", sparkHome.resolve("jars") + "/*"));
        cmd.addAll(List.of(mainAndArgs));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(logs.resolve(name + ".out").toFile())
                .redirectError(logs.resolve(name + ".err").toFile());
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        started.add(p);
        return p;
    }

    /** Stops what this test started: workers first (they stop their executors), then the master, then stragglers. */
    private void stopAll() {
        List<ProcessHandle> all = new ArrayList<>();
        for (Process p : started) {
            all.add(p.toHandle());
            p.toHandle().descendants().forEach(all::add);
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).destroy();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (ProcessHandle h : all) {
            try {
                h.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
        for (ProcessHandle h : all) {
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
        started.clear();
    }

    private static List<ProcessHandle> executorsOf(String appId, List<Process> workers) throws IOException {
        List<ProcessHandle> out = new ArrayList<>();
        for (Process w : workers) {
            for (ProcessHandle h : w.toHandle().descendants().toList()) {
                String cmd = commandLine(h.pid());
                if (cmd.contains("CoarseGrainedExecutorBackend") && cmd.contains(appId)) {
                    out.add(h);
                }
            }
        }
        return out;
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }

    // ---- waiting ----

    private void awaitPort(int port, Process owner, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            assertThat(owner.isAlive()).as("master alive: " + tail("master")).isTrue();
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(250);
            }
        }
        throw new AssertionError("the master did not open port " + port + " within " + seconds + " s: " + tail("master"));
    }

    private void awaitLog(String name, String text, Process owner, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (Files.readString(logs.resolve(name + ".err")).contains(text) || Files.readString(logs.resolve(name + ".out")).contains(text)) {
                return;
            }
            assertThat(owner.isAlive()).as(name + " alive: " + tail(name)).isTrue();
            Thread.sleep(250);
        }
        throw new AssertionError(name + " did not log '" + text + "' within " + seconds + " s: " + tail(name));
    }

    /** A task attempt: its index, the executor's process id, and when it started (System.nanoTime, one clock per host). */
    record Marker(int index, long pid, long nanos) {
        static Marker parse(String name) {
            String[] parts = name.split("-");
            return new Marker(Integer.parseInt(parts[1]), Long.parseLong(parts[2]), Long.parseLong(parts[3]));
        }
    }

    /**
     * Waits until both executors of the application are up and one of them started a task less than 0.6 s ago (so it
     * is still sleeping inside it); returns that task's marker.
     */
    private static Marker awaitRunningTask(Path markers, String appId, List<Process> workers, CompletableFuture<?> job, int seconds)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (job.isDone()) {
                job.get(); // rethrows the job's failure
                throw new AssertionError("the job finished before an executor could be killed");
            }
            List<ProcessHandle> executors = executorsOf(appId, workers);
            if (executors.size() == 2) {
                long now = System.nanoTime();
                List<Long> pids = executors.stream().map(ProcessHandle::pid).toList();
                try (Stream<Path> s = Files.list(markers)) {
                    Optional<Marker> fresh = s.map(p -> Marker.parse(p.getFileName().toString()))
                            .filter(m -> pids.contains(m.pid()) && now - m.nanos() < 600_000_000L).findFirst();
                    if (fresh.isPresent()) {
                        return fresh.get();
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no executor was seen inside a task within " + seconds + " s");
    }

    private String tail(String name) {
        try {
            String s = Files.readString(logs.resolve(name + ".err"));
            return s.length() > 3000 ? s.substring(s.length() - 3000) : s;
        } catch (IOException e) {
            return "(no log)";
        }
    }

    // ---- helpers ----

    /** Task index -> process ids of its attempts, from the marker files task-INDEX-PID-NANOS. */
    private static Map<Integer, List<Long>> attempts(Path markers) throws IOException {
        try (Stream<Path> s = Files.list(markers)) {
            return s.map(p -> Marker.parse(p.getFileName().toString()))
                    .collect(Collectors.groupingBy(Marker::index, Collectors.mapping(Marker::pid, Collectors.toList())));
        }
    }

    /** The deeprg jars the executors need (core, its test-jar with the synthetic job, this module), directories jarred. */
    private static String deeprgJars(Path dir) throws IOException, URISyntaxException {
        Files.createDirectories(dir);
        List<String> out = new ArrayList<>();
        for (Class<?> c : List.of(RandomStreams.class, SyntheticJob.class, SparkBackend.class)) {
            Path location = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                Path jar = dir.resolve(c.getSimpleName() + ".jar");
                jarDirectory(location, jar);
                location = jar;
            }
            out.add(location.toString());
        }
        return String.join(",", out);
    }

    private static void jarDirectory(Path root, Path jar) throws IOException {
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os); Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(root.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void setProperty(Map<String, String> saved, String key, String value) {
        saved.putIfAbsent(key, Optional.ofNullable(System.getProperty(key)).orElse("\0"));
        System.setProperty(key, value);
    }

    private static void restore(Map<String, String> saved) {
        saved.forEach((k, v) -> {
            if (v.equals("\0")) {
                System.clearProperty(k);
            } else {
                System.setProperty(k, v);
            }
        });
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!p.equals(dir)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
