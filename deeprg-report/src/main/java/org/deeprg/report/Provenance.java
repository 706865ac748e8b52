package org.deeprg.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.deeprg.Version;

/**
 * Where a result came from: enough to rerun it and to tell whether a rerun may differ.
 *
 * @param tool       always "deeprg" (marks a directory as a deeprg result)
 * @param version    deeprg version
 * @param command    the command line arguments
 * @param spec       the validated spec of the computation (serialised as JSON)
 * @param seed       the root seed
 * @param threads    worker threads used
 * @param gitCommit  commit of the deeprg checkout, or null if not available
 * @param gitDirty   whether the checkout had uncommitted changes (null if unknown)
 * @param jvmVendor  java.vm.vendor
 * @param jvmVersion java.runtime.version
 * @param os         os.name and os.version
 * @param arch       os.arch
 * @param cores      available processors
 * @param blas       the BLAS in use and why ({@link org.deeprg.numerics.Blas#describe()}: native OpenBLAS through JNI, or
 *                   the pure-Java fallback with the reason); results of BLAS-backed computations round per implementation
 * @param start      start time (UTC, ISO-8601)
 * @param end        end time (UTC, ISO-8601)
 * @param inputs     input files with their SHA-256
 * @param backend    where the distributable tasks ran ({@code org.deeprg.run.Backend#describe()}): {@code name}
 *                   ("local" or "spark"), for Spark also {@code master}, {@code partitions}, {@code defaultParallelism},
 *                   {@code sparkVersion}, {@code applicationId}, {@code deployMode}
 */
public record Provenance(String tool, String version, List<String> command, Object spec, long seed, int threads,
                         String gitCommit, Boolean gitDirty, String jvmVendor, String jvmVersion, String os,
                         String arch, int cores, String blas, String start, String end, List<InputFile> inputs,
                         Map<String, Object> backend) {

    /** An input file and its hash. */
    public record InputFile(String path, long bytes, String sha256) {
    }

    /** Captures the environment now; {@code end} is set by {@link #finished(List)}. */
    public static Provenance capture(List<String> command, Object spec, long seed, int threads, Instant start) {
        String[] git = gitState();
        return new Provenance("deeprg", Version.get(), List.copyOf(command), spec, seed, threads, git[0],
                git[1] == null ? null : Boolean.valueOf(git[1]),
                System.getProperty("java.vm.vendor"), System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(), org.deeprg.numerics.Blas.describe(),
                start.toString(), null, List.of(), Map.of("name", "local"));
    }

    /** A copy that records the backend on which the tasks ran ({@code Backend#describe()}). */
    public Provenance withBackend(Map<String, Object> description) {
        return new Provenance(tool, version, command, spec, seed, threads, gitCommit, gitDirty, jvmVendor, jvmVersion, os, arch,
                cores, blas, start, end, inputs, java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(description)));
    }

    /** A copy with the end time set to now and the input files hashed. */
    public Provenance finished(List<Path> inputFiles) {
        List<InputFile> in = new ArrayList<>();
        for (Path p : inputFiles) {
            in.add(hash(p));
        }
        return new Provenance(tool, version, command, spec, seed, threads, gitCommit, gitDirty, jvmVendor,
                jvmVersion, os, arch, cores, blas, start, Instant.now().toString(), List.copyOf(in), backend);
    }

    /** A copy with these input files hashed (a study of a reproduce run that read data files: their SHA-256). */
    public Provenance withInputFiles(List<Path> inputFiles) {
        List<InputFile> in = new ArrayList<>();
        for (Path p : inputFiles) {
            in.add(hash(p));
        }
        return new Provenance(tool, version, command, spec, seed, threads, gitCommit, gitDirty, jvmVendor,
                jvmVersion, os, arch, cores, blas, start, end, List.copyOf(in), backend);
    }

    /** A copy describing another spec (a study of a reproduce run: same command, seed, environment and times). */
    public Provenance withSpec(Object otherSpec) {
        return new Provenance(tool, version, command, otherSpec, seed, threads, gitCommit, gitDirty, jvmVendor, jvmVersion, os,
                arch, cores, blas, start, end, inputs, backend);
    }

    static InputFile hash(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            long total = 0;
            int r;
            while ((r = in.read(buf)) > 0) {
                md.update(buf, 0, r);
                total += r;
            }
            return new InputFile(p.toAbsolutePath().normalize().toString(), total, HexFormat.of().formatHex(md.digest()));
        } catch (IOException | NoSuchAlgorithmException e) {
            return new InputFile(p.toString(), -1, "unreadable: " + e.getMessage());
        }
    }

    /** [commit, dirty] of the deeprg checkout (system property deeprg.home, else the working directory). */
    static String[] gitState() {
        String home = System.getProperty("deeprg.home", ".");
        String commit = runGit(home, "rev-parse", "HEAD");
        if (commit == null || !commit.matches("[0-9a-f]{40}")) {
            return new String[] {null, null};
        }
        String status = runGit(home, "status", "--porcelain", "--untracked-files=no");
        return new String[] {commit, status == null ? null : String.valueOf(!status.isBlank())};
    }

    private static String runGit(String dir, String... args) {
        List<String> cmd = new ArrayList<>(List.of("git", "-C", dir));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            return new String(out, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
