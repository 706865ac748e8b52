package org.deeprg.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Run spark = run(concat(base, "--backend", "spark", "--spark-master", "local[2]", "--partitions", "3",
                "--out", tmp.resolve("spark").toString()));
        assertThat(local.code()).as(local.err()).isZero();
        assertThat(spark.code()).as(spark.err()).isZero();
        JsonNode a = Json.mapper().readTree(local.out());
        JsonNode b = Json.mapper().readTree(spark.out());
        assertThat(a.get("widths")).isNotNull();
        assertThat(b.get("widths").toString()).isEqualTo(a.get("widths").toString());
        JsonNode provenance = Json.mapper().readTree(Files.readString(tmp.resolve("spark/provenance.json")));
        assertThat(provenance.at("/backend/name").asText()).isEqualTo("spark");
        assertThat(provenance.at("/backend/master").asText()).isEqualTo("local[2]");
        assertThat(provenance.at("/backend/partitions").asInt()).isEqualTo(3);
        assertThat(provenance.at("/backend/sparkVersion").asText()).isEqualTo("4.2.0");
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
    }

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

    static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
