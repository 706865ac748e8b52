package org.deeprg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.deeprg.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QftCliTest {
    @Test
    void ensembleJsonFollowsTheContract(@TempDir Path tmp) throws Exception {
        CliRun r = CliRun.of("qft", "ensemble", "--activation", "gauss", "--sigma-w", "1", "--sigma-b", "1", "--width", "2,10",
                "--points=-0.01,0.0,0.01", "--nets", "500", "--bags", "3", "--seed", "4", "--json", "--out", tmp.resolve("r").toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = Json.mapper().readTree(r.out());
        assertThat(json.path("widths")).hasSize(2);
        JsonNode w = json.path("widths").get(0);
        assertThat(w.path("width").asInt()).isEqualTo(2);
        JsonNode functions = w.path("functions");
        assertThat(functions).hasSize(6 + 15 + 28);
        JsonNode four = functions.get(6);
        assertThat(four.path("n").asInt()).isEqualTo(4);
        assertThat(four.path("points")).hasSize(4);
        for (String k : List.of("mean", "stderr", "stderrReliable", "tailDiagnostic", "exactStderr", "gaussian", "exact", "deviation")) {
            assertThat(four.has(k)).as(k).isTrue();
        }
        assertThat(json.path("estimator").asText()).isEqualTo("plain");
        assertThat(four.path("stderrReliable").isBoolean()).isTrue();
        assertThat(four.path("deviation").asDouble()).isEqualTo(four.path("mean").asDouble() - four.path("gaussian").asDouble());
        assertThat(tmp.resolve("r").resolve("fig1-m4-vs-width.svg")).exists();
    }

    @Test
    void sameSeedSameJsonForOneAndTwoThreads(@TempDir Path tmp) {
        String[] base = {"qft", "ensemble", "--width", "3,20", "--nets", "3000", "--bags", "2", "--json", "--seed", "8"};
        CliRun a = CliRun.of(concat(base, "--threads", "1", "--out", tmp.resolve("a").toString()));
        CliRun b = CliRun.of(concat(base, "--threads", "2", "--out", tmp.resolve("b").toString()));
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(b.out()).isEqualTo(a.out());
    }

    @Test
    void couplingsRunAndReportTheConvention(@TempDir Path tmp) throws Exception {
        CliRun r = CliRun.of("qft", "couplings", "--sigma-w", "0.5,1,1.5", "--width", "4", "--points=-0.2,0,0.2", "--nets", "500",
                "--bags", "4", "--json", "--out", tmp.resolve("c").toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = Json.mapper().readTree(r.out());
        assertThat(json.path("convention").asText()).contains("4!");
        assertThat(json.path("scan")).hasSize(3);
        assertThat(json.path("u4Slope").path("paper").asDouble()).isEqualTo(3.0);
        for (String u : List.of("u4", "u6")) {
            for (String norm : List.of("eq8", "flow")) {
                assertThat(json.path("exactSlopes").path(u).path(norm).isNumber()).as(u + "." + norm).isTrue();
            }
        }
        // the two normalisations differ by exactly 2(4 - d) and 3(4 - d)
        assertThat(json.path("exactSlopes").path("u4").path("flow").asDouble() - json.path("exactSlopes").path("u4").path("eq8").asDouble())
                .isCloseTo(6.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(json.path("scan").get(0).has("networksToResolveU4")).isTrue();
        assertThat(tmp.resolve("c").resolve("fig2-u4-vs-sigmaw.svg")).exists();
        assertThat(tmp.resolve("c").resolve("couplings-flow-normalisation.svg")).exists();
    }

    @Test
    void badInputIsOneLineExitTwoAndNoResult(@TempDir Path tmp) {
        Path out = tmp.resolve("never");
        List<String[]> cases = List.of(
                new String[] {"qft", "ensemble", "--width", "0"},
                new String[] {"qft", "ensemble", "--nets", "1"},
                new String[] {"qft", "ensemble", "--bags", "1"},
                new String[] {"qft", "ensemble", "--sigma-w", "-1"},
                new String[] {"qft", "ensemble", "--sigma-b", "-0.5"},
                new String[] {"qft", "ensemble", "--points", "0:1,1:0"},
                new String[] {"qft", "ensemble", "--d-in", "2", "--points", "0.5"},
                new String[] {"qft", "ensemble", "--points", "abc"},
                new String[] {"qft", "ensemble", "--max-n", "5"},
                new String[] {"qft", "ensemble", "--max-n", "10"},
                new String[] {"qft", "ensemble", "--activation", "softplus"},
                new String[] {"qft", "ensemble", "--activation", "gauss", "--depth", "2"},
                new String[] {"qft", "ensemble", "--preset", "bogus"},
                new String[] {"qft", "ensemble", "--nets", "1000000000", "--bags", "100000", "--width", "1000000"},
                new String[] {"qft", "ensemble", "--nets", "100000000", "--bags", "1000", "--width", "1"},
                new String[] {"qft", "couplings", "--sigma-w", "0"},
                new String[] {"qft", "couplings", "--bags", "1"},
                new String[] {"qft", "couplings", "--preset", "erbin2022"},
                new String[] {"qft", "ensemble", "--estimator", "importance"},
                new String[] {"qft", "ensemble", "--estimator", ""},
                new String[] {"bench", "qft", "--estimators", "--numpy"},
                new String[] {"bench", "qft", "--estimators", "--widths", "0"});
        for (String[] args : cases) {
            CliRun r = CliRun.of(concat(args, "--out", out.toString()));
            assertThat(r.code()).as(String.join(" ", args) + " -> " + r.err()).isEqualTo(2);
            assertThat(r.errLines()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        }
        assertThat(out).doesNotExist();
    }

    @Test
    void benchRunsOnATinyProblem(@TempDir Path tmp) throws Exception {
        CliRun r = CliRun.of("bench", "qft", "--bags", "2", "--nets", "64", "--no-exact", "--json", "--out", tmp.resolve("b").toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = Json.mapper().readTree(r.out());
        assertThat(json.path("wallSeconds").asDouble()).isPositive();
        assertThat(json.path("neuronEvaluationsPerSecond").asDouble()).isPositive();
    }

    /** Deep networks: the leading-1/N vertex is printed beside the sampled connected 4-point function. */
    @Test
    void deepEnsemblePrintsThePerturbativeVertex(@TempDir Path tmp) throws Exception {
        CliRun r = CliRun.of("qft", "ensemble", "--activation", "relu", "--sigma-w", "1.4142135623730951", "--sigma-b", "0", "--depth", "3",
                "--width", "12", "--points", "1", "--max-n", "4", "--nets", "600", "--bags", "4", "--estimator", "conditional",
                "--out", tmp.resolve("d").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("1/N vertex 1.25");
        JsonNode json = Json.mapper().readTree(java.nio.file.Files.readString(tmp.resolve("d").resolve("result.json")));
        assertThat(json.path("estimator").asText()).isEqualTo("conditional");
        assertThat(json.path("widths").get(0).path("vertex").path("perturbative").asDouble())
                .isCloseTo(5.0 * 3 / 12, org.assertj.core.api.Assertions.within(1e-9));
        // no vertex recursion where a Gaussian integral needs more than 4 directions: sampling still works, with a note
        CliRun note = CliRun.of("qft", "ensemble", "--activation", "erf", "--depth", "2", "--d-in", "5", "--width", "3",
                "--points", "1:0:0:0:0,0:1:0:0:0,0:0:1:0:0,0:0:0:1:0", "--max-n", "4", "--nets", "200", "--bags", "2", "--json",
                "--out", tmp.resolve("e").toString());
        assertThat(note.code()).as(note.err()).isZero();
        assertThat(Json.mapper().readTree(note.out()).path("perturbativeNote").asText()).contains("no perturbative");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
