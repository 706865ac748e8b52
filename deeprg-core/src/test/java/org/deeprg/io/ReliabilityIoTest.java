package org.deeprg.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.deeprg.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared reliability mechanisms of org.deeprg.io: budget, regular-file check, bounded lines, checkpoints, output paths. */
class ReliabilityIoTest {
    @TempDir
    Path tmp;

    @Test
    void budgetRefusesWhatCannotFitAndNamesTheFileOrOption() {
        assertThat(Budget.bytes(Long.MAX_VALUE / 2, 3)).isEqualTo(Long.MAX_VALUE);
        assertThat(Budget.bytes(-1, 3)).isEqualTo(Long.MAX_VALUE);
        assertThat(Budget.fits(1024)).isTrue();
        assertThat(Budget.fits(Runtime.getRuntime().maxMemory() + 1)).isFalse();
        assertThatThrownBy(() -> Budget.requireFile("f.npy", Long.MAX_VALUE, "tensor 'w'"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("f.npy").hasMessageContaining("tensor 'w'");
        assertThatThrownBy(() -> Budget.requireOption("hidden", "100000,100000", 1L << 50, "the weights"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.parameter()).isEqualTo("hidden"));
        Budget.Meter m = Budget.meter("f.csv", "the rows");
        m.add(10);
        assertThatThrownBy(() -> m.add(Long.MAX_VALUE)).hasMessageContaining("f.csv");
    }

    @Test
    void theBudgetCanBeCappedByAProperty() {
        String old = System.getProperty(Budget.PROPERTY);
        System.setProperty(Budget.PROPERTY, "1000");
        try {
            assertThat(Budget.availableBytes()).isEqualTo(1000);
            assertThat(Budget.fits(1001)).isFalse();
            assertThat(Budget.maxLineChars()).isEqualTo(1 << 16);
        } finally {
            if (old == null) {
                System.clearProperty(Budget.PROPERTY);
            } else {
                System.setProperty(Budget.PROPERTY, old);
            }
        }
    }

    @Test
    void aLimitedStreamRefusesMoreThanItsBound() throws IOException {
        InputStream in = Budget.limit(new ByteArrayInputStream(new byte[100]), 50, "x.gz", "the decompressed data");
        byte[] buf = new byte[40];
        assertThat(in.read(buf)).isEqualTo(40);
        assertThatThrownBy(() -> in.read(buf)).isInstanceOf(InvalidInputException.class).hasMessageContaining("x.gz");
    }

    @Test
    void onlyRegularFilesAreInputsAndNothingBlocks() throws Exception {
        Path fifo = tmp.resolve("fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        for (Path p : List.of(fifo, Path.of("/dev/zero"), Path.of("/dev/random"), tmp, tmp.resolve("missing"))) {
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                assertThatThrownBy(() -> InputFiles.requireRegularFile(p)).isInstanceOf(InvalidInputException.class)
                        .hasMessageContaining(p.toString());
                assertThatThrownBy(() -> InputFiles.open(p)).isInstanceOf(InvalidInputException.class);
                assertThatThrownBy(() -> NpyReader.read(p)).isInstanceOf(InvalidInputException.class);
                assertThatThrownBy(() -> NpzReader.read(p)).isInstanceOf(InvalidInputException.class);
                assertThatThrownBy(() -> SafetensorsReader.read(p)).isInstanceOf(InvalidInputException.class);
                assertThatThrownBy(() -> IdxReader.read(p)).isInstanceOf(InvalidInputException.class);
                assertThatThrownBy(() -> Cifar10.loadBatch(p)).isInstanceOf(InvalidInputException.class);
                assertThatThrownBy(() -> TextLines.open(p)).isInstanceOf(InvalidInputException.class);
            });
        }
        Path f = Files.writeString(tmp.resolve("ok.txt"), "1\n");
        assertThat(InputFiles.requireRegularFile(f)).isEqualTo(2);
    }

    @Test
    void textLinesSplitAllTerminatorsAndRefuseLongLinesAndBadUtf8() throws IOException {
        Path f = Files.write(tmp.resolve("t.txt"), "a\r\nb\rc\n\nd".getBytes(StandardCharsets.UTF_8));
        assertThat(TextLines.readAll(f)).containsExactly("a", "b", "c", "", "d");
        assertThat(TextLines.readAll(Files.writeString(tmp.resolve("e.txt"), ""))).isEmpty();
        assertThat(TextLines.readAll(Files.writeString(tmp.resolve("n.txt"), "x\n"))).containsExactly("x");
        Path longLine = tmp.resolve("long.txt");
        try (RandomAccessFile r = new RandomAccessFile(longLine.toFile(), "rw")) {
            r.setLength(50_000_000L); // 50 MB of NUL characters and no newline (sparse)
        }
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (TextLines in = TextLines.open(longLine, 1000)) {
                assertThatThrownBy(in::next).isInstanceOf(InvalidInputException.class)
                        .hasMessageContaining("line 1 is longer than 1000 characters").hasMessageContaining(longLine.toString());
            }
        });
        Path bad = Files.write(tmp.resolve("bad.txt"), new byte[] {'1', '\n', (byte) 0xC3, '\n'});
        assertThatThrownBy(() -> TextLines.readAll(bad)).hasMessageContaining("line 2: not UTF-8");
    }

    record Spec(int n, double beta) {
    }

    record State(long done, double[] values) {
        State {
            if (done < 0 || done > 1000) {
                throw new InvalidInputException("done", done, "must be in [0, 1000]");
            }
            if (values == null || values.length != 3) {
                throw new InvalidInputException("values", values == null ? null : values.length, "must hold 3 values");
            }
        }
    }

    @Test
    void checkpointsRoundTripExactlyAndRefuseEverythingElseWithOneLine() throws IOException {
        Path ck = tmp.resolve("sub/run.ckpt");
        Spec spec = new Spec(3, 0.5);
        State s = new State(7, new double[] {1.5, Double.NaN, -0.0});
        Checkpoints.writeJson(ck, "test", 2, spec, s);
        State back = Checkpoints.readJson(ck, "test", 2, spec, State.class);
        assertThat(back.done()).isEqualTo(7);
        assertThat(Double.doubleToRawLongBits(back.values()[1])).isEqualTo(Double.doubleToRawLongBits(Double.NaN));
        assertThat(Double.doubleToRawLongBits(back.values()[2])).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(tmp.resolve("sub").toFile().list()).containsExactly("run.ckpt");

        assertThatThrownBy(() -> Checkpoints.readJson(ck, "test", 2, new Spec(4, 0.5), State.class)).hasMessageContaining("different run");
        assertThatThrownBy(() -> Checkpoints.readJson(ck, "test", 3, spec, State.class)).hasMessageContaining("version 2");
        assertThatThrownBy(() -> Checkpoints.readJson(ck, "other", 2, spec, State.class)).hasMessageContaining("kind 'test'");

        byte[] all = Files.readAllBytes(ck);
        Path cut = Files.write(tmp.resolve("cut"), java.util.Arrays.copyOf(all, all.length - 3));
        assertThatThrownBy(() -> Checkpoints.readJson(cut, "test", 2, spec, State.class)).hasMessageContaining("truncated");
        byte[] flipped = all.clone();
        flipped[flipped.length - 2] ^= 1;
        Path edit = Files.write(tmp.resolve("edit"), flipped);
        assertThatThrownBy(() -> Checkpoints.readJson(edit, "test", 2, spec, State.class)).hasMessageContaining("checksum");
        for (String bad : List.of("{}", "", "DEEPRG-CHECKPOINT 1\n{}\n", "DEEPRG-CHECKPOINT 1\n" + "x".repeat(10000))) {
            Path p = Files.writeString(tmp.resolve("bad"), bad);
            assertThatThrownBy(() -> Checkpoints.readJson(p, "test", 2, spec, State.class))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining(p.toString());
        }
        // well-formed container, meaningless state: the record's own validation, reported about the file
        for (String state : List.of("{}", "{\"done\":-5,\"values\":[1,2,3]}", "{\"done\":1000000000000,\"values\":[1,2,3]}",
                "{\"done\":1,\"values\":[1]}", "{\"done\":1,\"values\":[1,2,3],\"extra\":1}", "null", "[1]")) {
            Path p = tmp.resolve("state.ckpt");
            Checkpoints.write(p, "test", 2, Checkpoints.specHash(spec), state.getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> Checkpoints.readJson(p, "test", 2, spec, State.class))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.parameter()).isNull();
                        assertThat(e.getMessage()).contains(p.toString()).doesNotContain("\n");
                    });
        }
    }

    @Test
    void outputPathsAreCheckedBeforeAnythingIsComputed() throws IOException {
        Path file = Files.writeString(tmp.resolve("f"), "x");
        for (Path p : List.of(Path.of("/proc/x"), Path.of("/sys/x/y"), file.resolve("sub"), tmp.resolve("n".repeat(250)),
                tmp.resolve("a").resolve("b".repeat(300)), Path.of("/dev/null/x"))) {
            assertThatThrownBy(() -> OutputPaths.checkCreatable("out", p, 0))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.parameter()).isEqualTo("out"));
        }
        Path loop1 = tmp.resolve("loop1");
        Files.createSymbolicLink(loop1, tmp.resolve("loop2"));
        Files.createSymbolicLink(tmp.resolve("loop2"), loop1);
        Path dangling = Files.createSymbolicLink(tmp.resolve("dangling"), tmp.resolve("nowhere/deeper"));
        for (Path p : List.of(loop1, loop1.resolve("sub"), dangling, dangling.resolve("r"))) {
            assertThatThrownBy(() -> OutputPaths.checkCreatable("out", p, 0)).hasMessageContaining("symbolic link");
        }
        Files.delete(loop1);
        Files.delete(tmp.resolve("loop2"));
        Files.delete(dangling);
        assertThatThrownBy(() -> OutputPaths.checkCreatable("out", tmp.resolve("r"), Long.MAX_VALUE / 2))
                .hasMessageContaining("free on the file system");
        OutputPaths.checkCreatable("out", tmp.resolve("new/deeper/r"), 1);
        assertThat(tmp.resolve("new")).doesNotExist();
        assertThat(tmp.toFile().list()).containsExactly("f");
    }
}
