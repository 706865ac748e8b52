package org.deeprg.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.deeprg.cli.DeepRg;
import org.deeprg.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line with {@code --backend spark} (this module and Spark on the class path). */
class SparkCliTest {
    record Run(int code, String out, String err) {
        long errLines() {
            return err.lines().filter(l -> !l.isBlank()).count();
        }
    }

    static Run run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = DeepRg.run(new PrintWriter(o), new PrintWriter(e), args);
        return new Run(code, o.toString(), e.toString());
    }

    /**
     * The acceptance command: the same {@code widths} numbers on Spark local[2] as with one local thread, and
     * provenance records the backend.
     */
    @Test
    void qftEnsembleOnSparkPrintsTheSameWidthsAsOneThread(@TempDir Path tmp) throws Exception {
        String[] base = {"qft", "ensemble", "--width", "3", "--nets", "400", "--bags", "4", "--seed", "5", "--json", "--quiet"};
        Run local = run(concat(base, "--threads", "1", "--out", tmp.resolve("local").toString()));
        Run spark = run(concat(base, "--backend", "spark", "--spark-master", "local[2]", "--out", tmp.resolve("spark").toString()));
        assertThat(local.code()).as(local.err()).isZero();
        assertThat(spark.code()).as(spark.err()).isZero();
        JsonNode a = Json.mapper().readTree(local.out());
        JsonNode b = Json.mapper().readTree(spark.out());
        assertThat(a.get("widths")).isNotNull();
        assertThat(a.get("widths").size()).isPositive();
        assertThat(b.get("widths").toString()).isEqualTo(a.get("widths").toString());
        JsonNode provenance = Json.mapper().readTree(Files.readString(tmp.resolve("spark/provenance.json")));
        assertThat(provenance.at("/backend/name").asText()).isEqualTo("spark");
        assertThat(provenance.at("/backend/master").asText()).isEqualTo("local[2]");
        assertThat(provenance.at("/backend/partitions").asText()).isEqualTo("min(tasks, 3 x defaultParallelism)");
        assertThat(provenance.at("/backend/defaultParallelism").asInt()).isEqualTo(2);
        assertThat(provenance.at("/backend/sparkVersion").asText()).isEqualTo("4.2.0");
        assertRanOnSpark(tmp.resolve("spark"));
        JsonNode localProvenance = Json.mapper().readTree(Files.readString(tmp.resolve("local/provenance.json")));
        assertThat(localProvenance.at("/backend/name").asText()).isEqualTo("local");
    }

    /** The power-law bootstraps (goodness of fit and uncertainties) on Spark: the same numbers as with one thread. */
    @Test
    void powerLawBootstrapsOnSparkGiveTheSameNumbersAsOneThread(@TempDir Path tmp) throws Exception {
        StringBuilder sample = new StringBuilder();
        var rng = org.deeprg.random.RandomStreams.root(3).generator();
        for (int i = 0; i < 400; i++) {
            sample.append(Math.pow(1 - rng.nextDouble(), -1 / 1.4)).append('\n');
        }
        Path input = tmp.resolve("sample.txt");
        Files.writeString(input, sample);
        String[] base = {"critical", "powerlaw", "--input", input.toString(), "--bootstrap", "12", "--uncertainty-resamples", "12",
            "--compare", "lognormal", "--seed", "5", "--json", "--quiet"};
        Run local = run(concat(base, "--threads", "1", "--out", tmp.resolve("local").toString()));
        Run spark = run(concat(base, "--backend", "spark", "--spark-master", "local[2]", "--partitions", "3",
                "--out", tmp.resolve("spark").toString()));
        assertThat(local.code()).as(local.err()).isZero();
        assertThat(spark.code()).as(spark.err()).isZero();
        JsonNode a = Json.mapper().readTree(local.out());
        assertThat(a.get("goodnessOfFit").get("resamples").asInt()).isEqualTo(12);
        assertThat(Json.mapper().readTree(spark.out()).toString()).isEqualTo(a.toString());
        assertRanOnSpark(tmp.resolve("spark"));
    }

    /** qft couplings (the sigma_W scan: width x bag x chunk tasks per sigma_W): the same JSON on Spark as with one thread. */
    @Test
    void qftCouplingsOnSparkGiveTheSameNumbersAsOneThread(@TempDir Path tmp) throws Exception {
        assertSameOnSpark(tmp, "qft", "couplings", "--sigma-w", "1,2,5", "--width", "4", "--nets", "300", "--bags", "4",
                "--seed", "7");
    }

    /** dyn mc (chains, with tempering over a betaV ladder): the same JSON on Spark as with one thread. */
    @Test
    void dynMonteCarloOnSparkGivesTheSameNumbersAsOneThread(@TempDir Path tmp) throws Exception {
        assertSameOnSpark(tmp, "dyn", "mc", "--depth", "4", "--beta-v", "1,2", "--sweeps", "400", "--chains", "3", "--seed", "11",
                "--checkpoint", tmp.resolve("checkpoint.json").toString());
    }

    /** dyn spinglass (coupling sets): the same JSON on Spark as with one thread. */
    @Test
    void spinGlassOnSparkGivesTheSameNumbersAsOneThread(@TempDir Path tmp) throws Exception {
        assertSameOnSpark(tmp, "dyn", "spinglass", "--width", "3", "--depth", "4", "--samples", "6", "--sweeps", "200", "--seed", "13");
    }

    /** critical experiment (seeds x settings trainings on synthetic data): the same JSON on Spark as with one thread. */
    @Test
    void criticalExperimentOnSparkGivesTheSameNumbersAsOneThread(@TempDir Path tmp) throws Exception {
        assertSameOnSpark(tmp, "critical", "experiment", "--data", "synthetic", "--train-count", "300", "--test-count", "200",
                "--hidden", "16,8", "--epochs", "1", "--batch-size", "32", "--every", "3", "--bootstrap", "3", "--dip-resamples", "50",
                "--seeds", "2", "--seed", "17");
    }

    /**
     * reproduce with two studies whose computations go through the backend (NN-QFT ensembles; the Monte Carlo study
     * with dyn mc, Gibbs training and the spin-glass limit): every study's result.json has the same numbers on Spark
     * local[2] as with one local thread (wall-clock timings aside).
     */
    @Test
    void reproduceOnSparkGivesTheSameStudyResultsAsOneThread(@TempDir Path tmp) throws Exception {
        String[] base = {"reproduce", "--only", "erbin2022-ensembles,lee2024-monte-carlo", "--seed", "3", "--quiet", "--json"};
        Run local = run(concat(base, "--threads", "1", "--out", tmp.resolve("local").toString()));
        Run spark = run(concat(base, "--backend", "spark", "--spark-master", "local[2]", "--out", tmp.resolve("spark").toString()));
        assertThat(local.code()).as(local.err()).isZero();
        assertThat(spark.code()).as(spark.err()).isZero();
        for (String study : new String[] {"erbin2022-ensembles", "lee2024-monte-carlo"}) {
            Path a = tmp.resolve("local").resolve(study).resolve("result.json");
            Path b = tmp.resolve("spark").resolve(study).resolve("result.json");
            assertThat(a).exists();
            assertThat(withoutTimings(Json.mapper().readTree(Files.readString(b))))
                    .as(study).isEqualTo(withoutTimings(Json.mapper().readTree(Files.readString(a))));
        }
        assertRanOnSpark(tmp.resolve("spark"));
    }

    /** Runs the command with {@code --threads 1} and on Spark local[2] with 3 partitions; the JSON must be identical. */
    static void assertSameOnSpark(Path tmp, String... command) throws Exception {
        String[] base = concat(command, "--json", "--quiet");
        Run local = run(concat(base, "--threads", "1", "--out", tmp.resolve("local").toString()));
        assertThat(local.code()).as(local.err()).isZero();
        Run spark = run(concat(base, "--backend", "spark", "--spark-master", "local[2]", "--partitions", "3",
                "--out", tmp.resolve("spark").toString()));
        assertThat(spark.code()).as(spark.err()).isZero();
        JsonNode a = withoutTimings(Json.mapper().readTree(local.out()));
        assertThat(a.size()).isGreaterThan(0);
        assertThat(withoutTimings(Json.mapper().readTree(spark.out()))).isEqualTo(a);
        assertRanOnSpark(tmp.resolve("spark"));
    }

    /** provenance.json of a result directory says that its tasks ran as Spark jobs (not on the driver's threads). */
    static void assertRanOnSpark(Path result) throws Exception {
        JsonNode backend = Json.mapper().readTree(Files.readString(result.resolve("provenance.json"))).get("backend");
        assertThat(backend.get("name").asText()).isEqualTo("spark");
        assertThat(backend.get("jobs").asLong()).as("Spark jobs run: %s", backend).isPositive();
        assertThat(backend.get("tasks").asLong()).as("deeprg tasks shipped: %s", backend).isGreaterThanOrEqualTo(backend.get("jobs").asLong());
    }

    /** The tree without wall-clock fields (seconds, millis, elapsed...): they differ on every run, the numbers must not. */
    static JsonNode withoutTimings(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            List<String> drop = new ArrayList<>();
            o.fieldNames().forEachRemaining(k -> {
                if (TIMING.matcher(k).matches()) {
                    drop.add(k);
                }
            });
            o.remove(drop);
        }
        node.forEach(SparkCliTest::strip);
    }

    /** The wall-clock keys of tools/compare-results.py. */
    private static final Pattern TIMING = Pattern.compile("(seconds|millis\\w*|\\w*Seconds|\\w*Millis|elapsed\\w*|startedAt|finishedAt)");

    @Test
    void badBackendSettingsAreOneLineAndExitTwoWithoutAResultDirectory(@TempDir Path tmp) {
        String[][] cases = {
            {"--backend", "spark", "--spark-master", "spork://host:7077"},
            {"--backend", "spark", "--spark-master", "local[0]"},
            {"--backend", "spark", "--spark-master", "spark://127.0.0.1:1"},
            {"--backend", "spark", "--partitions", "0"},
            {"--backend", "spark", "--partitions", "-2"},
            {"--backend", "flink"},
            {"--spark-master", "local[2]"},
            {"--backend", "local", "--partitions", "4"},
        };
        String[] expected = {"option --spark-master: value 'spork://host:7077' is not allowed: must be local, local[N]",
            "option --spark-master: value 'local[0]'", "no Spark master answers there",
            "option --partitions: value '0' is not allowed", "option --partitions: value '-2'",
            "option --backend: value 'flink' is not allowed: must be one of local, spark",
            "option --spark-master: value 'local[2]' is not allowed: is only used with --backend spark",
            "option --partitions: value '4' is not allowed: is only used with --backend spark"};
        for (int i = 0; i < cases.length; i++) {
            Path out = tmp.resolve("r" + i);
            String[] args = concat(concat(new String[] {"qft", "ensemble", "--width", "3", "--nets", "64", "--bags", "2", "--quiet",
                "--out", out.toString()}, cases[i]));
            Run r = run(args);
            assertThat(r.code()).as(String.join(" ", cases[i]) + ": " + r.err()).isEqualTo(2);
            assertThat(r.errLines()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).startsWith("deeprg: ").contains(expected[i]);
            assertThat(r.out()).isEmpty();
            assertThat(out).doesNotExist();
        }
    }

    /**
     * A job whose task serialises to more than {@code spark.deeprg.maxTaskBytes} (here the power-law bootstrap, which
     * carries the sorted sample, against a 2 KiB limit) is refused before anything runs: one line naming the option,
     * exit 2, no result directory.
     */
    @Test
    void anOversizedTaskIsOneLineAndExitTwoWithoutAResultDirectory(@TempDir Path tmp) throws Exception {
        StringBuilder sample = new StringBuilder();
        for (int i = 1; i <= 400; i++) {
            sample.append(Math.pow(i / 401.0, -1 / 1.5)).append('\n');
        }
        Path input = tmp.resolve("sample.txt");
        Files.writeString(input, sample);
        Path out = tmp.resolve("r");
        String saved = System.getProperty("spark.deeprg.maxTaskBytes");
        System.setProperty("spark.deeprg.maxTaskBytes", "2k");
        Run r;
        try {
            r = run("critical", "powerlaw", "--input", input.toString(), "--bootstrap", "8", "--seed", "5", "--quiet",
                    "--backend", "spark", "--spark-master", "local[2]", "--out", out.toString());
        } finally {
            if (saved == null) {
                System.clearProperty("spark.deeprg.maxTaskBytes");
            } else {
                System.setProperty("spark.deeprg.maxTaskBytes", saved);
            }
        }
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.errLines()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).startsWith("deeprg: option --backend: value 'spark' is not allowed: the task ")
                .contains("above the 2.0 KiB").contains("spark.deeprg.maxTaskBytes").contains("--backend local");
        assertThat(r.out()).isEmpty();
        assertThat(out).doesNotExist();
    }

    /**
     * A job that Spark aborts mid-job (here: the results exceed {@code spark.driver.maxResultSize}, set to 1 KiB) is exit
     * 4 with Spark's error in one line, and no result directory.
     */
    @Test
    void aJobThatFailsOnTheClusterIsOneLineExitFourWithoutAResultDirectory(@TempDir Path tmp) {
        Path out = tmp.resolve("r");
        String saved = System.getProperty("spark.driver.maxResultSize");
        System.setProperty("spark.driver.maxResultSize", "1k");
        Run r;
        try {
            r = run("qft", "ensemble", "--width", "3", "--nets", "400", "--bags", "4", "--seed", "5", "--quiet", "--backend", "spark",
                    "--spark-master", "local[2]", "--out", out.toString());
        } finally {
            if (saved == null) {
                System.clearProperty("spark.driver.maxResultSize");
            } else {
                System.setProperty("spark.driver.maxResultSize", saved);
            }
        }
        assertThat(r.code()).as(r.err()).isEqualTo(4);
        List<String> lines = r.err().lines().filter(l -> l.startsWith("deeprg:")).toList();
        assertThat(lines).as(r.err()).hasSize(1);
        assertThat(lines.get(0)).startsWith("deeprg: backend spark: the Spark job failed: Job aborted due to stage failure: Total size of serialized results")
                .contains("spark.driver.maxResultSize");
        assertThat(r.err()).doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
        assertThat(out).doesNotExist();
    }

    static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
