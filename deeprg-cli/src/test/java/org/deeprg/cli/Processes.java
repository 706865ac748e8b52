package org.deeprg.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Child processes for the reliability tests: the launcher {@code ./deeprg} and plain child JVMs. */
final class Processes {
    private Processes() {
    }

    /** The result of a child process. */
    record Outcome(int code, String out, String err, long pid) {
        long errLines() {
            return err.lines().filter(l -> !l.isBlank()).count();
        }
    }

    /** The launcher script at the repository root (tests run in the module directory). */
    static Path launcher() {
        Path p = Path.of("..", "deeprg").toAbsolutePath().normalize();
        if (!Files.isExecutable(p)) {
            throw new IllegalStateException("launcher not found at " + p);
        }
        return p;
    }

    /** This JVM's class path (surefire's booter jar lists the test class path in its manifest). */
    static String classPath() {
        return System.getProperty("java.class.path");
    }

    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /**
     * Starts the launcher on the test class path with the fixture commands and the given heap.
     */
    static ProcessBuilder launcher(Path workDir, String heap, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(launcher().toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        Map<String, String> env = pb.environment();
        env.put("DEEPRG_CLASSPATH", classPath());
        env.put("DEEPRG_MAIN", ReliabilityFixtures.class.getName());
        env.put("DEEPRG_JAVA_OPTS", "-Xmx" + heap + " -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.remove("DEEPRG_STDERR_TTY");
        return pb;
    }

    /** Runs a process to completion (killing it after {@code timeoutSeconds}) and captures its output. */
    static Outcome run(ProcessBuilder pb, int timeoutSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("deeprg-child", ".out");
        Path err = Files.createTempFile("deeprg-child", ".err");
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor();
                throw new AssertionError("timed out after " + timeoutSeconds + " s: " + pb.command() + "\nstderr: "
                        + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new Outcome(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8), p.pid());
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Runs deeprg (with the fixtures) in a child JVM with heap {@code heap}, e.g. "256m". */
    static Outcome jvm(Path workDir, String heap, int timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java().toString(), "-Xmx" + heap, "-XX:+UseSerialGC",
                "--add-modules", "jdk.incubator.vector",
                "-XX:TieredStopAtLevel=1", "-cp", classPath(), ReliabilityFixtures.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().remove("DEEPRG_STDERR_FILTER");
        Outcome o = run(pb, timeoutSeconds);
        // a plain child JVM has no launcher filter: drop the JVM's incubator warning line
        return new Outcome(o.code(), o.out(), o.err().replaceAll("(?m)^WARNING: Using incubator modules.*\\R", ""), o.pid());
    }
}
