package org.deeprg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.deeprg.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CriticalTrainCommandTest {
    @TempDir
    Path dir;

    private static final String[] SMALL = {"critical", "train", "--data", "synthetic", "--train-count", "600",
        "--test-count", "100", "--hidden", "32,16", "--epochs", "2", "--batch-size", "32", "--learning-rate", "0.01", "--lambda", "0.01", "--every", "2",
        "--json", "--quiet"};

    private CliRun run(String out, String... extra) {
        String[] args = new String[SMALL.length + extra.length + 2];
        System.arraycopy(SMALL, 0, args, 0, SMALL.length);
        System.arraycopy(extra, 0, args, SMALL.length, extra.length);
        args[args.length - 2] = "--out";
        args[args.length - 1] = dir.resolve(out).toString();
        return CliRun.of(args);
    }

    @Test
    void trainsAndReportsPerEpochAccuracyIdenticallyForAnyThreadCount() throws Exception {
        CliRun one = run("a", "--threads", "1", "--diagnostics", "--bootstrap", "5");
        assertThat(one.code()).as(one.err()).isEqualTo(0);
        JsonNode j = Json.mapper().readTree(one.out());
        assertThat(j.get("epochs")).hasSize(2);
        assertThat(j.get("epochs").get(1).get("testAccuracy").asDouble()).isGreaterThan(0.5); // 10 classes: chance 0.1
        assertThat(j.get("regulariserApplications").asLong()).isEqualTo(19); // 2 epochs x 19 steps, every 2nd step counted from 0
        assertThat(j.get("fits")).hasSize(8); // 2 hidden layers x 4 power-law readings
        assertThat(j.get("dips")).hasSize(4); // 2 hidden layers x 2 degree readings
        CliRun two = run("b", "--threads", "2", "--diagnostics", "--bootstrap", "5");
        JsonNode k = Json.mapper().readTree(two.out());
        assertThat(k.get("epochs")).isEqualTo(j.get("epochs"));
        assertThat(k.get("fits")).isEqualTo(j.get("fits"));
        assertThat(k.get("dips")).isEqualTo(j.get("dips"));
        // bit-identical result.json for 1 and 2 threads (timings are not in it)
        assertThat(Files.readAllBytes(dir.resolve("b/result.json"))).isEqualTo(Files.readAllBytes(dir.resolve("a/result.json")));
        assertThat(Files.readAllBytes(dir.resolve("b/weights.safetensors"))).isEqualTo(Files.readAllBytes(dir.resolve("a/weights.safetensors")));
    }

    @Test
    void trainedWeightsAreReadByCriticalCouplings() throws Exception {
        CliRun t = run("r", "--threads", "1");
        assertThat(t.code()).as(t.err()).isEqualTo(0);
        for (String file : new String[] {"weights.safetensors", "weights.npz"}) {
            Path w = dir.resolve("r").resolve(file);
            assertThat(w).isRegularFile();
            CliRun c = CliRun.of("critical", "couplings", "--weights", w.toString(), "--json", "--quiet", "--out",
                    dir.resolve("couplings-" + file.replace('.', '-')).toString());
            assertThat(c.code()).as(c.err()).isEqualTo(0);
            JsonNode j = Json.mapper().readTree(c.out());
            // 64 -> 32 -> 16 -> 10: three weight matrices, in file order, with PyTorch's (out, in) shapes
            assertThat(j.toString()).contains("layers.0.weight").contains("layers.2.weight");
        }
        // the two files hold the same numbers as read back by the library
        var st = org.deeprg.io.WeightFiles.read(dir.resolve("r/weights.safetensors"));
        var npz = org.deeprg.io.WeightFiles.read(dir.resolve("r/weights.npz"));
        assertThat(st).hasSameSizeAs(npz);
        for (int i = 0; i < st.size(); i++) {
            assertThat(st.get(i).name()).isEqualTo(npz.get(i).name());
            assertThat(st.get(i).shape()).isEqualTo(npz.get(i).shape());
            assertThat(st.get(i).data()).isEqualTo(npz.get(i).data());
        }
        assertThat(st.get(0).shape()).containsExactly(32, 64);
    }

    @Test
    void checkpointAndResumeGiveTheUninterruptedNumbers() throws Exception {
        JsonNode full = Json.mapper().readTree(run("full").out());
        Path ck = dir.resolve("run.ckpt");
        String[] first = SMALL.clone();
        first[java.util.Arrays.asList(first).indexOf("--epochs") + 1] = "1";
        String[] args = java.util.Arrays.copyOf(first, first.length + 4);
        args[first.length] = "--checkpoint";
        args[first.length + 1] = ck.toString();
        args[first.length + 2] = "--out";
        args[first.length + 3] = dir.resolve("first").toString();
        assertThat(CliRun.of(args).code()).isEqualTo(0);
        CliRun resumed = run("resumed", "--resume", ck.toString());
        assertThat(resumed.code()).as(resumed.err()).isEqualTo(0);
        assertThat(Json.mapper().readTree(resumed.out()).get("epochs")).isEqualTo(full.get("epochs"));
    }

    /** A gzipped IDX file of unsigned bytes. */
    private static void idx(Path file, int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(0x0800 | dims.length);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(data);
        }
        Files.write(file, bytes.toByteArray());
    }

    @Test
    void trainsOnSmallGeneratedFashionMnistFiles() throws Exception {
        Path data = dir.resolve("fmnist");
        Files.createDirectories(data);
        for (String split : new String[] {"train", "t10k"}) {
            int n = split.equals("train") ? 64 : 32;
            byte[] images = new byte[n * 28 * 28];
            byte[] labels = new byte[n];
            for (int i = 0; i < n; i++) {
                labels[i] = (byte) (i % 10);
                for (int p = 0; p < 28 * 28; p++) {
                    images[i * 784 + p] = (byte) ((p % 10 == i % 10) ? 200 : 10);
                }
            }
            idx(data.resolve(split + "-images-idx3-ubyte.gz"), new int[] {n, 28, 28}, images);
            idx(data.resolve(split + "-labels-idx1-ubyte.gz"), new int[] {n}, labels);
        }
        CliRun r = CliRun.of("critical", "train", "--data", "fashion-mnist", "--data-dir", data.toString(), "--hidden", "16",
                "--epochs", "3", "--batch-size", "16", "--learning-rate", "0.01", "--json", "--quiet", "--out", dir.resolve("f").toString());
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(j.get("trainCount").asInt()).isEqualTo(64);
        assertThat(j.get("finalTestAccuracy").asDouble()).isGreaterThan(0.5);
    }

    private void assertRefused(String expected, String... args) {
        CliRun r = CliRun.of(args);
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(2);
        assertThat(r.errLines()).isEqualTo(1);
        assertThat(r.err()).contains(expected).doesNotContain("Exception");
    }

    @Test
    void refusesBadInput() throws Exception {
        assertRefused("not found", "critical", "train", "--data", "fashion-mnist", "--data-dir", dir.resolve("none").toString());
        assertRefused("--data", "critical", "train", "--data", "mnist");
        assertRefused("--data-dir", "critical", "train", "--data", "cifar10");
        assertRefused("--activation", "critical", "train", "--data", "synthetic", "--activation", "tanh");
        assertRefused("--hidden", "critical", "train", "--data", "synthetic", "--hidden", "0");
        assertRefused("--hidden", "critical", "train", "--data", "synthetic", "--hidden", "100000,100000");
        assertRefused("--lambda", "critical", "train", "--data", "synthetic", "--lambda", "-1");
        assertRefused("--every", "critical", "train", "--data", "synthetic", "--every", "0");
        assertRefused("--batch-size", "critical", "train", "--data", "synthetic", "--train-count", "50", "--batch-size", "1000000");
        assertRefused("--hidden", "critical", "train", "--data", "synthetic", "--train-count", "50", "--hidden", "20000",
                "--lambda", "1");
        Path junk = dir.resolve("junk.ckpt");
        Files.writeString(junk, "not a checkpoint at all");
        assertRefused("bad magic", "critical", "train", "--data", "synthetic", "--train-count", "50", "--test-count", "10",
                "--hidden", "4", "--resume", junk.toString());
        Path empty = dir.resolve("cifar");
        Files.createDirectories(empty);
        assertRefused("cifar", "critical", "train", "--data", "cifar10", "--data-dir", empty.toString());
    }

    @Test
    void experimentCommandComparesBothRunsAndRefusesLambdaZero() throws Exception {
        String[] args = {"critical", "experiment", "--data", "synthetic", "--train-count", "300", "--test-count", "200",
            "--hidden", "16,8", "--epochs", "1", "--batch-size", "32", "--every", "3", "--bootstrap", "3", "--dip-resamples", "50",
            "--seeds", "2", "--json", "--quiet"};
        CliRun r = CliRun.of(concat(args, "--threads", "1", "--out", dir.resolve("exp").toString()));
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(j.get("runs")).hasSize(4); // 2 seeds x (plain, critical)
        assertThat(j.get("runs").get(0).get("lambda").asDouble()).isEqualTo(0.0);
        assertThat(j.get("runs").get(1).get("finalTestAccuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(j.get("runs").get(1).get("regulariserApplications").asLong()).isEqualTo(4); // 10 steps, every 3rd from 0
        assertThat(Files.exists(dir.resolve("exp/fig3-fig4-pattern-ranks.svg"))).isTrue();
        assertThat(dir.resolve("exp/critical-seed1.safetensors")).isRegularFile();
        assertThat(dir.resolve("exp/plain-seed0.npz")).isRegularFile();
        // synthetic data: every paper claim inconclusive, with the command that decides it
        JsonNode claims = Json.mapper().readTree(dir.resolve("exp/claims.json").toFile());
        for (JsonNode c : claims) {
            if (c.get("kind").asText().equals("paper-claim")) {
                assertThat(c.get("verdict").asText()).as(c.get("id").asText()).isEqualTo("inconclusive");
                assertThat(c.get("resolve").asText()).contains("dataset-fashion-mnist");
            }
            assertThat(c.get("id").asText()).startsWith("criticality2017-");
            assertThat(c.has("ref")).isTrue();
        }
        // the same seed gives a byte-identical result.json with 2 threads
        CliRun two = CliRun.of(concat(args, "--threads", "2", "--out", dir.resolve("exp2").toString()));
        assertThat(two.code()).as(two.err()).isEqualTo(0);
        assertThat(Files.readAllBytes(dir.resolve("exp2/result.json"))).isEqualTo(Files.readAllBytes(dir.resolve("exp/result.json")));
        assertThat(Files.readAllBytes(dir.resolve("exp2/critical-seed1.safetensors")))
                .isEqualTo(Files.readAllBytes(dir.resolve("exp/critical-seed1.safetensors")));
        assertRefused("--lambda", "critical", "experiment", "--data", "synthetic", "--lambda", "0");
        assertRefused("--lambda", "critical", "experiment", "--data", "synthetic", "--lambda", "10,1");
        assertRefused("--seeds", "critical", "experiment", "--data", "synthetic", "--seeds", "0");
        assertRefused("--dip-resamples", "critical", "experiment", "--data", "synthetic", "--dip-resamples", "0");
        assertRefused("--weights", "critical", "experiment", "--data", "synthetic", "--weights", "some");
        assertRefused("--epochs", "critical", "experiment", "--data", "synthetic", "--epochs", "0");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
