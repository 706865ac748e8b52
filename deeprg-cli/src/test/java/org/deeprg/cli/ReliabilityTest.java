package org.deeprg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.deeprg.io.Checkpoints;
import org.deeprg.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reliability promise of issue 15, one or more cases per class and per file reader (docs/RELIABILITY.md maps
 * each class to its mechanism and to the tests here). Every refusal asserts: exit code 2, exactly one stderr line
 * naming the option or file, no stack trace, and no result, partial or lock left in the output's parent.
 * Cases that need a process (signals, small heaps) run the launcher or a child JVM; the others go through
 * {@link DeepRg#run}.
 */
class ReliabilityTest {
    @TempDir
    Path tmp;

    // ---------------------------------------------------------------------------------------------- helpers

    private static CliRun cli(String... args) {
        return CliRun.with(ReliabilityFixtures::add, args);
    }

    /** Exit 2, one line naming {@code names}, no trace. */
    private static void assertRefused(int code, long lines, String err, String... names) {
        assertThat(code).as(err).isEqualTo(2);
        assertThat(lines).as(err).isEqualTo(1);
        assertThat(err).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("OutOfMemory")
                .startsWith("deeprg: ");
        for (String n : names) {
            assertThat(err).contains(n);
        }
    }

    private static void assertRefused(CliRun r, String... names) {
        assertRefused(r.code(), r.errLines(), r.err(), names);
    }

    private static void assertRefused(Processes.Outcome r, String... names) {
        assertRefused(r.code(), r.errLines(), r.err(), names);
    }

    /** Nothing deeprg writes (result, partial directory, lock, probe) is left in {@code dir}, apart from {@code keep}. */
    private static void assertNothingWritten(Path dir, String... keep) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<String> left = s.map(p -> p.getFileName().toString()).filter(n -> !List.of(keep).contains(n)).toList();
            assertThat(left).as("left in " + dir).isEmpty();
        }
    }

    private Path parent() throws IOException {
        return Files.createDirectories(tmp.resolve("out-" + System.nanoTime()));
    }

    private static Path mkfifo(Path p) throws IOException, InterruptedException {
        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assertThat(mk.waitFor()).isZero();
        return p;
    }

    private static Path sparse(Path p, byte[] head, long length) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.write(head);
            f.setLength(length);
        }
        return p;
    }

    private static byte[] npyHeader(String descr, String shape) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int total = 10 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        byte[] h = header.getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[10 + h.length];
        out[0] = (byte) 0x93;
        System.arraycopy("NUMPY".getBytes(StandardCharsets.ISO_8859_1), 0, out, 1, 5);
        out[6] = 1;
        out[8] = (byte) (h.length & 0xFF);
        out[9] = (byte) (h.length >> 8);
        System.arraycopy(h, 0, out, 10, h.length);
        return out;
    }

    /** A live process that is not deeprg (to own a lock), and one that has ended (a stale owner). */
    private static Process sleeper() throws IOException {
        return new ProcessBuilder("sleep", "60").start();
    }

    private static String lockText(ProcessHandle ph) {
        return "tool=deeprg\npid=" + ph.pid() + "\nstart=" + ph.info().startInstant().map(Object::toString).orElse("unknown")
                + "\nhost=" + hostName() + "\n";
    }

    private static String hostName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long deadPid() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    // ------------------------------------------------------ class 1: work thrown away (outputs checked first)

    @Test
    void outputsThatCannotBeWrittenAreRefusedBeforeComputing() throws IOException {
        Path parent = parent();
        Path file = Files.writeString(parent.resolve("a-file"), "x");
        String longName = "n".repeat(300);
        for (String out : List.of("/proc/deeprg-test-out", "/sys/deeprg-test-out", "/proc/self/deeprg", file + "/sub",
                file.toString(), parent.resolve(longName).toString(), parent.resolve("ok").resolve(longName).toString(),
                "/dev/null/x")) {
            long t0 = System.nanoTime();
            // --seconds 30: a refusal that came after computing would take 30 s
            CliRun r = cli("work", "--seconds", "30", "--out", out);
            assertRefused(r, "--out");
            assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.SECONDS.toNanos(10));
        }
        assertNothingWritten(parent, "a-file");
        assertThat(Path.of("/proc/deeprg-test-out")).doesNotExist();
    }

    @Test
    void checkpointPathsAreCheckedBeforeComputingToo() throws IOException {
        Path parent = parent();
        Path file = Files.writeString(parent.resolve("a-file"), "x");
        CliRun r = cli("work", "--seconds", "30", "--checkpoint", file + "/ck", "--out", parent.resolve("r").toString());
        assertRefused(r, "--checkpoint");
        assertNothingWritten(parent, "a-file");
    }

    @Test
    void theCheckpointIsDeletedOnlyAfterTheResultIsInPlace() throws Exception {
        Path parent = parent();
        Path ck = parent.resolve("run.ckpt");
        CliRun ok = cli("work", "--seconds", "0.05", "--checkpoint", ck.toString(), "--out", parent.resolve("r").toString(), "--quiet");
        assertThat(ok.code()).as(ok.err()).isZero();
        assertThat(ck).doesNotExist();
        assertThat(parent.resolve("r/result.json")).exists();

        // now the write fails (someone puts a foreign file into the target while the run computes): the checkpoint stays
        Path target = parent.resolve("r2");
        CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() ->
                cli("work", "--seconds", "1.5", "--checkpoint", ck.toString(), "--out", target.toString(), "--quiet"));
        Path lock = parent.resolve(".r2.lock");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(lock) && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        Files.createDirectories(target);
        Files.writeString(target.resolve("foreign.txt"), "not deeprg's");
        CliRun failed = run.get(60, TimeUnit.SECONDS);
        assertRefused(failed, "--out");
        assertThat(ck).exists();
        assertThat(Checkpoints.read(ck, ReliabilityFixtures.Work.FORMAT, 1,
                Checkpoints.specHash(new ReliabilityFixtures.Work.Spec(1.5, ck, 1)))).isNotEmpty();
        assertNothingWritten(parent, "r", "r2", "run.ckpt");
    }

    @Test
    void leftoversOfKilledRunsAreCleanedByTheNextRunAndLiveOnesAreKept() throws Exception {
        Path parent = parent();
        long dead = deadPid();
        Process live = sleeper();
        try {
            Path stalePartial = Files.createDirectories(parent.resolve(".old-run.partial-0badc0de"));
            Files.writeString(stalePartial.resolve(".deeprg-owner"), "tool=deeprg\npid=" + dead + "\nstart=unknown\nhost=" + hostName() + "\n");
            Files.writeString(stalePartial.resolve("result.json"), "{}");
            Path livePartial = Files.createDirectories(parent.resolve(".busy.partial-12345678"));
            Files.writeString(livePartial.resolve(".deeprg-owner"), lockText(live.toHandle()));
            Files.writeString(parent.resolve(".gone.lock"), "tool=deeprg\npid=" + dead + "\nstart=unknown\nhost=" + hostName() + "\n");
            Files.writeString(parent.resolve(".busy.lock"), lockText(live.toHandle()));
            // an earlier result being replaced when its run was killed: moved back
            Path orphanOld = Files.createDirectories(parent.resolve(".kept.old-00000001"));
            Files.writeString(orphanOld.resolve("result.json"), "{}");

            CliRun r = cli("work", "--out", parent.resolve("new").toString(), "--quiet");
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(stalePartial).doesNotExist();
            assertThat(parent.resolve(".gone.lock")).doesNotExist();
            assertThat(livePartial).exists();
            assertThat(parent.resolve(".busy.lock")).exists();
            assertThat(parent.resolve("kept/result.json")).exists();
            assertThat(orphanOld).doesNotExist();
        } finally {
            live.destroyForcibly();
        }
    }

    // ------------------------------------------------------------------------ class 2: two runs, one result

    @Test
    void anOutHeldByAnotherRunningProcessIsRefusedAndAStaleLockIsTakenOver() throws Exception {
        Path parent = parent();
        Process live = sleeper();
        try {
            Files.writeString(parent.resolve(".r.lock"), lockText(live.toHandle()));
            CliRun r = cli("work", "--out", parent.resolve("r").toString());
            assertRefused(r, "--out", "another deeprg run", "pid " + live.pid());
            assertThat(parent.resolve("r")).doesNotExist();
        } finally {
            live.destroyForcibly();
            live.waitFor();
        }
        // the owner is gone now: its lock is stale and the next run takes over
        CliRun again = cli("work", "--out", parent.resolve("r").toString(), "--quiet");
        assertThat(again.code()).as(again.err()).isZero();
        assertNothingWritten(parent, "r");
    }

    @Test
    void concurrentRunsWithTheSameOutInOneProcessDoNotShareIt() throws Exception {
        Path parent = parent();
        String out = parent.resolve("r").toString();
        CompletableFuture<CliRun> first = CompletableFuture.supplyAsync(() -> cli("work", "--seconds", "2", "--out", out, "--quiet"));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(parent.resolve(".r.lock")) && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        CliRun second = cli("work", "--out", out);
        assertRefused(second, "--out");
        assertThat(first.get(60, TimeUnit.SECONDS).code()).isZero();
        assertNothingWritten(parent, "r");
    }

    @Test
    void twoLaunchersWithTheSameOutOneWinsTheOtherIsRefused() throws Exception {
        Path parent = parent();
        Process a = Processes.launcher(tmp, "128m", "work", "--seconds", "4", "--out", parent.resolve("r").toString(), "--quiet").start();
        try {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(parent.resolve(".r.lock")) && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            Processes.Outcome b = Processes.run(Processes.launcher(tmp, "128m", "work", "--out", parent.resolve("r").toString()), 60);
            assertRefused(b, "--out", "another deeprg run", "pid " + a.pid());
            assertThat(a.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(a.exitValue()).isZero();
            assertNothingWritten(parent, "r");
        } finally {
            a.destroyForcibly();
        }
    }

    // ----------------------------------------------------------------- class 3: killing the launcher stops the run

    private Process startWork(Path parent, String seconds, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("work", "--seconds", seconds, "--out", parent.resolve("r").toString()));
        args.addAll(List.of(extra));
        ProcessBuilder pb = Processes.launcher(tmp, "128m", args.toArray(String[]::new));
        Path err = tmp.resolve("launcher-" + System.nanoTime() + ".err");
        pb.redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(parent.resolve(".r.lock")) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(parent.resolve(".r.lock")).as("the run started").exists();
        Thread.sleep(300);
        return p;
    }

    private static void signal(Process p, String sig) throws Exception {
        assertThat(new ProcessBuilder("kill", "-" + sig, Long.toString(p.pid())).start().waitFor()).isZero();
    }

    private static String stderrOf(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            Path f = s.filter(p -> p.getFileName().toString().startsWith("launcher-")).max(java.util.Comparator.naturalOrder()).orElseThrow();
            return Files.readString(f);
        }
    }

    @Test
    void sigtermToTheLauncherStopsTheRunWithExitCode143AndNothingWritten() throws Exception {
        Path parent = parent();
        Process p = startWork(parent, "120");
        // exec: the launcher's pid is the JVM's
        assertThat(p.toHandle().info().command().orElse("")).endsWith("java");
        signal(p, "TERM");
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(ExitCodes.SIGTERM);
        String err = stderrOf(tmp);
        assertThat(err.lines().filter(l -> !l.isBlank())).hasSize(1);
        assertThat(err).contains("interrupted").doesNotContain("WARNING").doesNotContain("Exception");
        assertNothingWritten(parent);
    }

    @Test
    void sigintWithACheckpointExitsWith3AndLeavesAValidCheckpoint() throws Exception {
        Path parent = parent();
        Path ck = tmp.resolve("ck-" + System.nanoTime());
        Process p = startWork(parent, "120", "--checkpoint", ck.toString());
        // the lock is taken before provenance and backend start: wait until the computation itself runs
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(ck) && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        signal(p, "INT");
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(stderrOf(tmp)).contains("--resume");
        assertThat(Checkpoints.read(ck, ReliabilityFixtures.Work.FORMAT, 1,
                Checkpoints.specHash(new ReliabilityFixtures.Work.Spec(120, ck, 1)))).isNotEmpty();
        assertNothingWritten(parent);
    }

    /**
     * The real checkpointing command: SIGINT to a running {@code dyn mc} makes the chains finish their round and write
     * the checkpoint ({@code DynMcCommand.onInterrupt}), exit 3 with one line, no result; {@code --resume} then gives
     * the uninterrupted run's result.json exactly, and deletes the checkpoint once the result is in place.
     */
    @Test
    void sigintToADynMcRunExitsWith3AndResumesToTheUninterruptedResult() throws Exception {
        Path parent = parent();
        Path ck = tmp.resolve("dyn-mc-" + System.nanoTime() + ".json");
        List<String> base = List.of("dyn", "mc", "--depth", "300", "--example", "1:1", "--beta-v", "1,3", "--sweeps", "10000",
                "--chains", "2", "--seed", "11", "--quiet", "--threads", "1", "--checkpoint", ck.toString(), "--checkpoint-every", "0.2");
        List<String> args = new ArrayList<>(base);
        args.addAll(List.of("--out", parent.resolve("r").toString()));
        ProcessBuilder pb = Processes.launcher(tmp, "256m", args.toArray(String[]::new));
        Path err = tmp.resolve("launcher-" + System.nanoTime() + ".err");
        pb.redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        try {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(ck) && p.isAlive() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(ck).as("the run samples (its first periodic checkpoint)").exists();
            signal(p, "INT");
            assertThat(p.waitFor(40, TimeUnit.SECONDS)).isTrue();
            String e = Files.readString(err);
            assertThat(p.exitValue()).as(e).isEqualTo(ExitCodes.INTERRUPTED);
            assertThat(e.lines().filter(l -> !l.isBlank())).as(e).hasSize(1);
            assertThat(e).contains("--resume").doesNotContain("Exception");
        } finally {
            p.destroyForcibly();
        }
        assertNothingWritten(parent);
        List<String> resume = new ArrayList<>(args);
        resume.add("--resume");
        CliRun resumed = CliRun.of(resume.toArray(String[]::new));
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(ck).as("deleted once the result is in place").doesNotExist();
        List<String> full = new ArrayList<>(base);
        full.addAll(List.of("--out", parent.resolve("full").toString()));
        CliRun uninterrupted = CliRun.of(full.toArray(String[]::new));
        assertThat(uninterrupted.code()).as(uninterrupted.err()).isZero();
        assertThat(Files.readString(parent.resolve("r/result.json"))).isEqualTo(Files.readString(parent.resolve("full/result.json")));
    }

    @Test
    void sigkillToTheLauncherKillsTheRunAndTheNextRunCleansUp() throws Exception {
        Path parent = parent();
        Process p = startWork(parent, "3");
        signal(p, "KILL");
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.toHandle().isAlive()).isFalse();
        Thread.sleep(4000); // past the run's 3 s: an orphaned JVM would have written its result by now
        assertThat(parent.resolve("r")).doesNotExist();
        // the lock of the killed run is stale: the next run takes over and cleans
        CliRun next = cli("work", "--out", parent.resolve("r").toString(), "--quiet");
        assertThat(next.code()).as(next.err()).isZero();
        assertNothingWritten(parent, "r");
    }

    // ------------------------------------------------------------ class 4: hostile sizes (child JVM, -Xmx256m)

    @Test
    void hostileSizesAreRefusedInASmallHeapWithoutOutOfMemory() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path parent = parent();
        List<String[]> cases = new ArrayList<>();
        // a sparse .npy whose legal shape needs 800 MB
        Path npy = sparse(in.resolve("big.npy"), npyHeader("<f8", "(100000, 1000)"), 128 + 800_000_000L);
        long npyHeaderLength = npyHeader("<f8", "(100000, 1000)").length;
        try (RandomAccessFile f = new RandomAccessFile(npy.toFile(), "rw")) {
            f.setLength(npyHeaderLength + 800_000_000L);
        }
        cases.add(new String[] {npy.toString(), "critical", "couplings", "--weights", npy.toString()});
        // a .safetensors tensor of 800 MB (sparse)
        String st = "{\"w\":{\"dtype\":\"F64\",\"shape\":[100000,1000],\"data_offsets\":[0,800000000]}}";
        byte[] sth = st.getBytes(StandardCharsets.UTF_8);
        byte[] stHead = new byte[8 + sth.length];
        java.nio.ByteBuffer.wrap(stHead).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(sth.length);
        System.arraycopy(sth, 0, stHead, 8, sth.length);
        Path safetensors = sparse(in.resolve("big.safetensors"), stHead, stHead.length + 800_000_000L);
        cases.add(new String[] {safetensors.toString(), "critical", "couplings", "--weights", safetensors.toString()});
        // a compressed .npz entry that expands to 400 MB
        Path npz = in.resolve("bomb.npz");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(npz))) {
            z.putNextEntry(new ZipEntry("w.npy"));
            z.write(npyHeader("<f8", "(50000000,)"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 400; i++) {
                z.write(zeros);
            }
            z.closeEntry();
        }
        cases.add(new String[] {npz.toString(), "critical", "couplings", "--weights", npz.toString()});
        // a 300 MB "line" without a newline (sparse zeros) as a text input and as a CSV input
        Path line = sparse(in.resolve("line.txt"), "1".getBytes(StandardCharsets.US_ASCII), 300_000_000L);
        cases.add(new String[] {line.toString(), "critical", "powerlaw", "--input", line.toString()});
        Path csv = sparse(in.resolve("wide.csv"), "x0,".getBytes(StandardCharsets.US_ASCII), 300_000_000L);
        cases.add(new String[] {csv.toString(), "sft", "perceptron", "--data", csv.toString()});
        // CIFAR-10 batches with 100000 records each (sparse)
        Path cifar = Files.createDirectories(tmp.resolve("cifar"));
        for (String b : List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                "data_batch_5.bin", "test_batch.bin")) {
            sparse(cifar.resolve(b), new byte[] {1}, 3073L * 100_000);
        }
        cases.add(new String[] {"data_batch_1.bin", "critical", "train", "--data", "cifar10", "--data-dir", cifar.toString(),
            "--epochs", "1"});
        // gzipped IDX images declaring 10^9 bytes behind a tiny, valid gzip stream of zeros
        Path fm = Files.createDirectories(tmp.resolve("fashion"));
        for (String n : List.of("train-images-idx3-ubyte.gz", "t10k-images-idx3-ubyte.gz")) {
            try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(fm.resolve(n)))) {
                o.write(new byte[] {0, 0, 8, 3, 0x00, 0x0F, 0x42, 0x40, 0, 0, 0, 28, 0, 0, 0, 28});
                byte[] zeros = new byte[1 << 20];
                for (int i = 0; i < 300; i++) {
                    o.write(zeros);
                }
            }
        }
        for (String n : List.of("train-labels-idx1-ubyte.gz", "t10k-labels-idx1-ubyte.gz")) {
            try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(fm.resolve(n)))) {
                o.write(new byte[] {0, 0, 8, 1, 0x00, 0x0F, 0x42, 0x40});
                o.write(new byte[1_000_000]);
            }
        }
        cases.add(new String[] {"images-idx3-ubyte.gz", "critical", "train", "--data", "fashion-mnist", "--data-dir",
            fm.toString(), "--epochs", "1"});
        // network widths whose matrices cannot fit
        cases.add(new String[] {"--hidden", "critical", "train", "--data", "synthetic", "--hidden", "100000,100000", "--epochs", "1"});
        cases.add(new String[] {"--widths", "sft", "modes", "--widths", "100000,100000,1"});

        List<String> failures = new ArrayList<>();
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of(c).subList(1, c.length));
            args.addAll(List.of("--out", parent.resolve("r").toString(), "--threads", "1"));
            Processes.Outcome r = Processes.jvm(tmp, "256m", 120, args.toArray(String[]::new));
            if (r.code() != 2 || r.errLines() != 1 || !r.err().contains(c[0]) || r.err().contains("Exception")
                    || r.err().contains("OutOfMemory")) {
                failures.add(String.join(" ", args) + " -> exit " + r.code() + ": " + r.err().strip());
            }
        }
        assertThat(failures).isEmpty();
        assertNothingWritten(parent);
    }

    // ----------------------------------------------------------------- class 5: reads that never return

    @Test
    void pipesDevicesAndDirectoriesAreRefusedBeforeOpeningForEveryInputOption() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("fifos"));
        Path parent = parent();
        Path fifoTxt = mkfifo(in.resolve("fifo.txt"));
        Path fifoCsv = mkfifo(in.resolve("fifo.csv"));
        Path fifoNpy = mkfifo(in.resolve("fifo.npy"));
        Path fifoNpz = mkfifo(in.resolve("fifo.npz"));
        Path fifoSt = mkfifo(in.resolve("fifo.safetensors"));
        Path fifoCk = mkfifo(in.resolve("fifo.ckpt"));
        Path cifar = Files.createDirectories(tmp.resolve("cifar-fifo"));
        for (String b : List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                "data_batch_5.bin", "test_batch.bin")) {
            mkfifo(cifar.resolve(b));
        }
        Path fm = Files.createDirectories(tmp.resolve("fashion-fifo"));
        for (String n : List.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz",
                "t10k-labels-idx1-ubyte.gz")) {
            mkfifo(fm.resolve(n));
        }
        String out = parent.resolve("r").toString();
        List<String[]> cases = List.of(
                new String[] {fifoTxt.toString(), "critical", "powerlaw", "--input", fifoTxt.toString()},
                new String[] {"/dev/zero", "critical", "powerlaw", "--input", "/dev/zero"},
                new String[] {in.toString(), "critical", "powerlaw", "--input", in.toString()},
                new String[] {fifoNpy.toString(), "critical", "couplings", "--weights", fifoNpy.toString()},
                new String[] {fifoNpz.toString(), "critical", "couplings", "--weights", fifoNpz.toString()},
                new String[] {fifoSt.toString(), "critical", "couplings", "--weights", fifoSt.toString()},
                new String[] {fifoCsv.toString(), "sft", "perceptron", "--data", fifoCsv.toString()},
                new String[] {fifoCsv.toString(), "sft", "expand", "--data", fifoCsv.toString()},
                new String[] {fifoCsv.toString(), "sft", "locality", "--example", "mlp", "--widths", "2,2,1", "--embedding", fifoCsv.toString()},
                new String[] {"data_batch_1.bin", "critical", "train", "--data", "cifar10", "--data-dir", cifar.toString(), "--epochs", "1"},
                new String[] {"images-idx3-ubyte.gz", "critical", "train", "--data", "fashion-mnist", "--data-dir", fm.toString(), "--epochs", "1"},
                new String[] {fifoCk.toString(), "critical", "train", "--data", "synthetic", "--hidden", "4", "--epochs", "1",
                    "--train-count", "20", "--test-count", "10", "--resume", fifoCk.toString()});
        List<String> failures = new ArrayList<>();
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of(c).subList(1, c.length));
            args.addAll(List.of("--out", out, "--threads", "1"));
            CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> cli(args.toArray(String[]::new)),
                    () -> "hangs: " + args);
            if (r.code() != 2 || r.errLines() != 1 || !r.err().contains(c[0]) || r.err().contains("Exception")) {
                failures.add(String.join(" ", args) + " -> exit " + r.code() + ": " + r.err().strip());
            }
        }
        assertThat(failures).isEmpty();
        assertNothingWritten(parent);
    }

    // ------------------------------------------------------------ class 6: numbers outside the physics' domain

    @Test
    void aStatedRangeIsEnforcedAndQuotedInTheHelp() throws IOException {
        Path parent = parent();
        CliRun r = cli("work", "--scale", "1e308", "--out", parent.resolve("r").toString());
        assertRefused(r, "--scale", "1.0E308", "(0, 1e6]");
        CliRun nan = cli("work", "--scale", "NaN", "--out", parent.resolve("r").toString());
        assertRefused(nan, "--scale", "NaN");
        assertThat(cli("work", "--help").out()).contains("A scale in (0, 1e6].");
        assertNothingWritten(parent);
    }

    @Test
    void degenerateOrExtremeDataAreRefusedNamingTheFile() throws IOException {
        Path parent = parent();
        Path equal = Files.writeString(tmp.resolve("equal.txt"), "3.5\n".repeat(200));
        CliRun r = cli("critical", "powerlaw", "--input", equal.toString(), "--out", parent.resolve("r").toString());
        assertRefused(r, equal.toString(), "all 200 values are equal", "no tail to fit");
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= 200; i++) {
            b.append(i).append('\n');
        }
        b.append("1.7e308\n");
        Path huge = Files.writeString(tmp.resolve("huge.txt"), b);
        CliRun h = cli("critical", "powerlaw", "--input", huge.toString(), "--out", parent.resolve("r").toString());
        assertRefused(h, huge.toString(), "line 201");
        assertThat(h.err()).doesNotContain("option");
        assertNothingWritten(parent);
    }

    // -------------------------------------------------------------------- class 8: silent non-numbers

    @Test
    void resultJsonNeverHoldsNaNAMissingValueIsNullWithAReason() throws IOException {
        Path parent = parent();
        CliRun r = cli("work", "--nan", "--json", "--quiet", "--out", parent.resolve("r").toString());
        assertThat(r.code()).as(r.err()).isZero();
        String json = Files.readString(parent.resolve("r/result.json"));
        assertThat(json).doesNotContain("NaN").doesNotContain("Infinity");
        assertThat(r.out()).doesNotContain("NaN");

        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= 300; i++) {
            b.append(Math.floor(1000 / Math.pow(i, 0.8))).append('\n');
        }
        Path data = Files.writeString(tmp.resolve("pl.txt"), b);
        CliRun p = cli("critical", "powerlaw", "--input", data.toString(), "--bootstrap", "0", "--quiet",
                "--out", parent.resolve("p").toString());
        assertThat(p.code()).as(p.err()).isZero();
        String pj = Files.readString(parent.resolve("p/result.json"));
        assertThat(pj).doesNotContain("NaN").doesNotContain("Infinity");
        JsonNode node = Json.mapper().readTree(pj);
        // without bootstrap resamples the goodness-of-fit p-value is null, and the result says why
        assertThat(node.at("/goodnessOfFit/pValue").isNull()).as(pj).isTrue();
        assertThat(node.at("/goodnessOfFit/note").asText()).as(pj).contains("not computed");
    }

    // ------------------------------------------------------- every file reader: malformed content, one line

    @Test
    void everyReaderRefusesMalformedContentWithOneLineNamingTheFile() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("bad"));
        Path parent = parent();
        String out = parent.resolve("r").toString();
        Path npy = Files.write(in.resolve("t.npy"), npyHeader("<f8", "(3, 4)"));
        Path npz = Files.writeString(in.resolve("t.npz"), "PK not a zip");
        Path st = Files.write(in.resolve("t.safetensors"), new byte[] {(byte) 0xff, (byte) 0xff, 0, 0, 0, 0, 0, 0, '{', '}'});
        Path txt = Files.write(in.resolve("t.txt"), new byte[] {'1', '\n', (byte) 0xC3, '\n'});
        Path csv = Files.writeString(in.resolve("t.csv"), "x0,x1,y0,y1\n1,2,3\n");
        Path emb = Files.writeString(in.resolve("e.csv"), "index,x0\n0,1\n0,2\n");
        Path cifar = Files.createDirectories(in.resolve("cifar"));
        for (String b : List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                "data_batch_5.bin", "test_batch.bin")) {
            byte[] rec = new byte[3073];
            rec[0] = 11; // label out of range
            Files.write(cifar.resolve(b), rec);
        }
        Path fm = Files.createDirectories(in.resolve("fashion"));
        for (String n : List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                "t10k-labels-idx1-ubyte")) {
            Files.write(fm.resolve(n), new byte[] {1, 2, 3});
        }
        Path ck = Files.writeString(in.resolve("t.ckpt"), "{}");
        List<String[]> cases = List.of(
                new String[] {npy.toString(), "critical", "couplings", "--weights", npy.toString()},
                new String[] {npz.toString(), "critical", "couplings", "--weights", npz.toString()},
                new String[] {st.toString(), "critical", "couplings", "--weights", st.toString()},
                new String[] {txt.toString(), "critical", "powerlaw", "--input", txt.toString()},
                new String[] {csv.toString(), "sft", "perceptron", "--data", csv.toString()},
                new String[] {emb.toString(), "sft", "locality", "--example", "mlp", "--widths", "2,2,1", "--embedding", emb.toString()},
                new String[] {"data_batch_1.bin", "critical", "train", "--data", "cifar10", "--data-dir", cifar.toString(), "--epochs", "1"},
                new String[] {"images-idx3-ubyte", "critical", "train", "--data", "fashion-mnist", "--data-dir", fm.toString(), "--epochs", "1"},
                new String[] {ck.toString(), "critical", "train", "--data", "synthetic", "--hidden", "4", "--epochs", "1",
                    "--train-count", "20", "--test-count", "10", "--resume", ck.toString()});
        List<String> failures = new ArrayList<>();
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of(c).subList(1, c.length));
            args.addAll(List.of("--out", out, "--threads", "1"));
            CliRun r = cli(args.toArray(String[]::new));
            if (r.code() != 2 || r.errLines() != 1 || !r.err().contains(c[0]) || r.err().contains("Exception")) {
                failures.add(String.join(" ", args) + " -> exit " + r.code() + ": " + r.err().strip());
            }
        }
        assertThat(failures).isEmpty();
        assertNothingWritten(parent);
    }

    @Test
    void theLauncherPrintsNoIncubatorWarning() throws Exception {
        Processes.Outcome r = Processes.run(Processes.launcher(tmp, "64m", "--version"), 60);
        assertThat(r.code()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().toLowerCase(Locale.ROOT)).contains("deeprg");
    }
}
