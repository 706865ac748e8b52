package org.deeprg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.deeprg.io.NdArray;
import org.deeprg.io.NpyWriter;
import org.deeprg.io.NpzWriter;
import org.deeprg.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code critical train --data files}: features and integer labels from .npy, .npz and CSV files give the same
 * training as the same numbers in another format; broken files are refused with one line naming the file, exit 2, and
 * no result directory.
 */
class CriticalTrainFilesTest {
    @TempDir
    Path dir;

    static final int N = 120;
    static final int D = 6;

    /** Two separable classes plus a third, as features and labels. */
    static double[] features(int n) {
        double[] x = new double[n * D];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < D; j++) {
                x[i * D + j] = ((i % 3) == (j % 3) ? 1.0 : 0.0) + 0.01 * ((i * 7 + j * 3) % 11);
            }
        }
        return x;
    }

    static double[] labels(int n) {
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
        }
        return y;
    }

    private Path npy(String name, NdArray a) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, NpyWriter.bytes(a));
        return p;
    }

    private Path npz(String name, NdArray... arrays) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        NpzWriter.write(List.of(arrays), out);
        Path p = dir.resolve(name);
        Files.write(p, out.toByteArray());
        return p;
    }

    private Path csv(String name, double[] x, double[] y) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < D; j++) {
            b.append("f").append(j).append(',');
        }
        b.append("label\n");
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < D; j++) {
                b.append(x[i * D + j]).append(',');
            }
            b.append((int) y[i]).append('\n');
        }
        return Files.writeString(dir.resolve(name), b);
    }

    private CliRun train(String out, String... data) {
        String[] base = {"critical", "train", "--data", "files", "--hidden", "8", "--epochs", "10", "--batch-size", "16",
            "--learning-rate", "0.01", "--threads", "1", "--json", "--quiet", "--out", dir.resolve(out).toString()};
        String[] args = Arrays.copyOf(base, base.length + data.length);
        System.arraycopy(data, 0, args, base.length, data.length);
        return CliRun.of(args);
    }

    @Test
    void npyNpzAndCsvGiveTheSameTraining() throws Exception {
        double[] x = features(N);
        double[] y = labels(N);
        Path xs = npy("x.npy", new NdArray("x", new int[] {N, D}, x));
        Path ys = npy("y.npy", new NdArray("y", new int[] {N}, y));
        Path z = npz("xy.npz", new NdArray("x", new int[] {N, D}, x), new NdArray("y", new int[] {N}, y));
        Path c = csv("xy.csv", x, y);
        CliRun a = train("npy", "--train-features", xs.toString(), "--train-labels", ys.toString(), "--test-features", xs.toString(),
                "--test-labels", ys.toString());
        assertThat(a.code()).as(a.err()).isEqualTo(0);
        CliRun b = train("npz", "--train-features", z.toString(), "--test-features", z.toString());
        assertThat(b.code()).as(b.err()).isEqualTo(0);
        CliRun d = train("csv", "--train-features", c.toString(), "--test-features", c.toString());
        assertThat(d.code()).as(d.err()).isEqualTo(0);
        JsonNode ja = Json.mapper().readTree(a.out());
        assertThat(ja.get("trainCount").asInt()).isEqualTo(N);
        assertThat(ja.get("finalTestAccuracy").asDouble()).isGreaterThan(0.9); // 3 separable classes: chance 1/3
        // same numbers, same training (the data set's name differs, the epochs do not)
        assertThat(Json.mapper().readTree(b.out()).get("epochs")).isEqualTo(ja.get("epochs"));
        assertThat(Json.mapper().readTree(d.out()).get("epochs")).isEqualTo(ja.get("epochs"));
        // provenance lists the data files with their SHA-256
        JsonNode prov = Json.mapper().readTree(dir.resolve("npy/provenance.json").toFile());
        assertThat(prov.toString()).contains("x.npy").contains("y.npy").contains("sha256");
    }

    @Test
    void realFashionMnistWhenInstalledIsHashedInProvenance() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(org.deeprg.train.DataSource.fashionMnistInstalled(),
                "dataset-fashion-mnist not installed (.ci/run installs it)");
        CliRun r = CliRun.of("critical", "train", "--data", "fashion-mnist", "--train-count", "2048", "--test-count", "256", "--batch-size", "64", "--learning-rate", "0.005",
                "--hidden", "32", "--epochs", "2", "--threads", "1", "--json", "--quiet", "--out", dir.resolve("fm").toString());
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(j.get("data").asText()).containsIgnoringCase("fashion");
        assertThat(j.get("finalTestAccuracy").asDouble()).isGreaterThan(0.5); // 10 classes: chance 0.1
        JsonNode inputs = Json.mapper().readTree(dir.resolve("fm/provenance.json").toFile()).get("inputs");
        assertThat(inputs).hasSize(4);
        for (JsonNode in : inputs) {
            assertThat(in.get("path").asText()).contains("fashion-mnist");
            assertThat(in.get("sha256").asText()).matches("[0-9a-f]{64}");
        }
    }

    private void assertRefused(String out, String expected, String... data) {
        CliRun r = train(out, data);
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.errLines()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains(expected).doesNotContain("Exception");
        assertThat(dir.resolve(out)).doesNotExist();
    }

    @Test
    void brokenFilesAreRefusedNamingTheFileWithNothingWritten() throws Exception {
        double[] x = features(N);
        double[] y = labels(N);
        Path xs = npy("x.npy", new NdArray("x", new int[] {N, D}, x));
        Path ys = npy("y.npy", new NdArray("y", new int[] {N}, y));
        // wrong magic
        Path magic = Files.write(dir.resolve("magic.npy"), "PK not a numpy file at all".getBytes());
        assertRefused("o1", "magic.npy", "--train-features", magic.toString(), "--train-labels", ys.toString(),
                "--test-features", xs.toString(), "--test-labels", ys.toString());
        // truncated
        byte[] full = Files.readAllBytes(xs);
        Path cut = Files.write(dir.resolve("cut.npy"), Arrays.copyOf(full, full.length - 100));
        assertRefused("o2", "cut.npy", "--train-features", cut.toString(), "--train-labels", ys.toString(),
                "--test-features", xs.toString(), "--test-labels", ys.toString());
        // label out of range (negative, non-integer)
        double[] bad = y.clone();
        bad[7] = -1;
        Path neg = npy("neg.npy", new NdArray("y", new int[] {N}, bad));
        assertRefused("o3", "neg.npy", "--train-features", xs.toString(), "--train-labels", neg.toString(),
                "--test-features", xs.toString(), "--test-labels", ys.toString());
        bad[7] = 1.5;
        Path frac = npy("frac.npy", new NdArray("y", new int[] {N}, bad));
        assertRefused("o4", "frac.npy", "--train-features", xs.toString(), "--train-labels", frac.toString(),
                "--test-features", xs.toString(), "--test-labels", ys.toString());
        // shapes that disagree: labels of another length, test features of another width
        Path shortLabels = npy("short.npy", new NdArray("y", new int[] {N - 1}, Arrays.copyOf(y, N - 1)));
        assertRefused("o5", "short.npy", "--train-features", xs.toString(), "--train-labels", shortLabels.toString(),
                "--test-features", xs.toString(), "--test-labels", ys.toString());
        Path narrow = npy("narrow.npy", new NdArray("x", new int[] {N, D - 1}, Arrays.copyOf(x, N * (D - 1))));
        assertRefused("o6", "narrow.npy", "--train-features", xs.toString(), "--train-labels", ys.toString(),
                "--test-features", narrow.toString(), "--test-labels", ys.toString());
        // a ragged CSV and a missing file
        Path ragged = Files.writeString(dir.resolve("ragged.csv"), "1,2,3,0\n1,2,1\n");
        assertRefused("o7", "ragged.csv", "--train-features", ragged.toString(), "--test-features", ragged.toString());
        assertRefused("o8", "absent.npy", "--train-features", dir.resolve("absent.npy").toString(), "--test-features", xs.toString());
        // options that need each other
        assertRefused("o9", "--test-features", "--train-features", xs.toString(), "--train-labels", ys.toString());
        CliRun r = CliRun.of("critical", "train", "--data", "synthetic", "--train-features", xs.toString(), "--out",
                dir.resolve("o10").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--train-features");
    }
}
