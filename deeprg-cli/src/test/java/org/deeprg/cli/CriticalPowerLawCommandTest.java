package org.deeprg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.deeprg.json.Json;
import org.deeprg.random.RandomStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CriticalPowerLawCommandTest {
    @TempDir
    Path dir;

    private Path sample(String name, int n, double alpha) throws IOException {
        UniformRandomProvider rng = RandomStreams.root(3).generator();
        StringBuilder sb = new StringBuilder("# a power law\n");
        for (int i = 0; i < n; i++) {
            sb.append(String.format(Locale.ROOT, "%.10g%n", Math.pow(1 - rng.nextDouble(), -1 / (alpha - 1))));
        }
        Path p = dir.resolve(name);
        Files.writeString(p, sb);
        return p;
    }

    private Path integers(String name, int n) throws IOException {
        UniformRandomProvider rng = RandomStreams.root(4).generator();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append((long) Math.floor(0.5 + 0.5 * Math.pow(1 - rng.nextDouble(), -1 / 1.2))).append('\n');
        }
        Path p = dir.resolve(name);
        Files.writeString(p, sb);
        return p;
    }

    @Test
    void fitsAFileAndPrintsTheJsonContract() throws Exception {
        Path input = sample("x.txt", 1000, 2.5);
        Path out = dir.resolve("out");
        CliRun r = CliRun.of("critical", "powerlaw", "--input", input.toString(), "--bootstrap", "20", "--uncertainty-resamples", "20",
                "--json", "--quiet", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        JsonNode j = Json.mapper().readTree(r.out());
        for (String field : new String[] {"alpha", "alphaStderr", "xmin", "ks", "nTail", "n", "xminCandidates", "logLikelihood",
            "goodnessOfFit", "uncertainty", "alternatives", "comparisons"}) {
            assertThat(j.has(field)).as(field).isTrue();
        }
        assertThat(Math.abs(j.get("alpha").asDouble() - 2.5)).isLessThan(3 * j.get("alphaStderr").asDouble());
        assertThat(j.get("discrete").asBoolean()).isFalse();
        assertThat(j.get("goodnessOfFit").get("pValue").get("mean").isNumber()).isTrue();
        assertThat(j.get("uncertainty").get("xmin").get("stderr").isNumber()).isTrue();
        JsonNode alternatives = j.get("alternatives");
        assertThat(alternatives).hasSize(5);
        for (JsonNode a : alternatives) {
            for (String field : new String[] {"name", "parameters", "standardErrors", "logLikelihood", "vsPowerLaw"}) {
                assertThat(a.has(field)).as(a.get("name") + " " + field).isTrue();
            }
            for (String field : new String[] {"logLikelihoodRatio", "normalizedRatio", "pValue", "nested", "favoured"}) {
                assertThat(a.get("vsPowerLaw").has(field)).as(field).isTrue();
            }
        }
        assertThat(alternatives.get(1).get("name").asText()).isEqualTo("stretchedExponential");
        assertThat(Files.exists(out.resolve("result.json"))).isTrue();
        for (String figure : new String[] {"pdf", "cdf", "ccdf"}) {
            assertThat(Files.exists(out.resolve(figure + ".svg"))).as(figure).isTrue();
        }
        assertThat(Files.exists(out.resolve("alternatives.csv"))).isTrue();
        // no missing value is written as NaN (Estimate's own rHat, not applicable to a bootstrap, is the foundation's business)
        assertThat(r.out().lines().filter(l -> !l.contains("\"rHat\"")).filter(l -> l.contains("NaN")).toList()).isEmpty();
    }

    @Test
    void optionsReachTheAnalysis() throws Exception {
        Path input = sample("y.txt", 2000, 2.2);
        CliRun fixed = CliRun.of("critical", "powerlaw", "--input", input.toString(), "--xmin", "1.5", "--xmax", "200", "--bootstrap", "0",
                "--uncertainty-resamples", "0", "--compare", "lognormal,truncatedPowerLaw:lognormal", "--json", "--quiet",
                "--out", dir.resolve("fixed").toString());
        assertThat(fixed.code()).as(fixed.err()).isEqualTo(0);
        JsonNode j = Json.mapper().readTree(fixed.out());
        assertThat(j.get("xmin").asDouble()).isEqualTo(1.5);
        assertThat(j.get("xmax").asDouble()).isEqualTo(200);
        assertThat(j.get("xminSelection").asText()).isEqualTo("fixed");
        assertThat(j.get("aboveXmax").asInt()).isPositive();
        assertThat(j.get("alternatives")).hasSize(2);
        assertThat(j.get("comparisons").get(0).get("first").asText()).isEqualTo("truncatedPowerLaw");
        assertThat(j.get("goodnessOfFit").get("pValue").isNull()).isTrue();
        assertThat(j.get("goodnessOfFit").get("note").asText()).contains("not computed");
        CliRun range = CliRun.of("critical", "powerlaw", "--input", input.toString(), "--xmin-range", "1.2:3", "--bootstrap", "0",
                "--uncertainty-resamples", "0", "--compare", "none", "--json", "--quiet", "--out", dir.resolve("range").toString());
        assertThat(range.code()).as(range.err()).isEqualTo(0);
        JsonNode k = Json.mapper().readTree(range.out());
        assertThat(k.get("xmin").asDouble()).isBetween(1.2, 3.0);
        assertThat(k.get("alternatives")).isEmpty();
        Path counts = integers("counts.txt", 3000);
        CliRun discrete = CliRun.of("critical", "powerlaw", "--input", counts.toString(), "--discrete-estimate", "approx", "--bootstrap", "0",
                "--uncertainty-resamples", "0", "--json", "--quiet", "--out", dir.resolve("discrete").toString());
        assertThat(discrete.code()).as(discrete.err()).isEqualTo(0);
        JsonNode d = Json.mapper().readTree(discrete.out());
        assertThat(d.get("discrete").asBoolean()).isTrue();
        assertThat(d.get("alphaEstimator").asText()).isEqualTo("closedForm");
        assertThat(d.get("alpha").asDouble()).isEqualTo(d.get("alphaClosedForm").asDouble());
    }

    private void assertRefused(CliRun r, String... expected) {
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.errLines()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        for (String e : expected) {
            assertThat(r.err()).contains(e);
        }
    }

    private CliRun run(Path input, String... more) {
        String[] args = new String[6 + more.length];
        args[0] = "critical";
        args[1] = "powerlaw";
        args[2] = "--input";
        args[3] = input.toString();
        args[4] = "--out";
        args[5] = dir.resolve("out-" + Math.abs((input + String.join(" ", more)).hashCode())).toString();
        System.arraycopy(more, 0, args, 6, more.length);
        CliRun r = CliRun.of(args);
        if (r.code() != 0) {
            assertThat(Files.exists(Path.of(args[5]).resolve("result.json"))).isFalse();
        }
        return r;
    }

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void refusesBadFilesWithOneLine() throws Exception {
        StringBuilder few = new StringBuilder();
        for (int i = 1; i <= 49; i++) {
            few.append(i).append('\n');
        }
        assertRefused(run(file("few.txt", few.toString())), "49 positive values");
        StringBuilder negative = new StringBuilder();
        for (int i = 1; i <= 60; i++) {
            negative.append(i == 7 ? "-3" : String.valueOf(i)).append('\n');
        }
        assertRefused(run(file("neg.txt", negative.toString())), "line 7");
        assertRefused(run(file("zero.txt", negative.toString().replace("-3", "0"))), "line 7");
        assertRefused(run(file("abc.txt", negative.toString().replace("-3", "abc"))), "line 7: 'abc' is not a number");
        assertRefused(run(file("nan.txt", negative.toString().replace("-3", "NaN"))), "line 7");
        assertRefused(run(file("empty.txt", "")), "0 positive values");
        assertRefused(run(dir.resolve("nope.txt")), "not found");
        assertRefused(run(file("equal.txt", "2.5\n".repeat(200))), "equal.txt", "all 200 values are equal (2.5): no tail to fit");
        assertRefused(run(sample("z.txt", 100, 2), "--type", "discrete"), "z.txt", "not an integer");
    }

    @Test
    void refusesBadOptionsWithOneLineNamingTheOption() throws Exception {
        Path input = sample("w.txt", 300, 2.5);
        assertRefused(run(input, "--type", "weird"), "--type", "auto, continuous or discrete");
        assertRefused(run(input, "--xmin", "1e9"), "option --xmin", "above the largest value");
        assertRefused(run(input, "--xmin", "-2"), "option --xmin", "> 0");
        // fewer than 10 points in the tail
        assertRefused(run(input, "--xmin", String.valueOf(topValue(input, 5))), "option --xmin", "at least 10");
        assertRefused(run(input, "--xmin", "2", "--xmax", "2"), "option --xmax", "must be above --xmin");
        assertRefused(run(input, "--xmin", "2", "--xmax", "1"), "option --xmax", "must be above --xmin");
        assertRefused(run(input, "--xmax", "0.5"), "option --xmax", "below every value");
        assertRefused(run(input, "--compare", "lognormal,weibull"), "option --compare", "unknown distribution", "stretchedExponential");
        assertRefused(run(input, "--compare", "powerLaw"), "option --compare");
        assertRefused(run(input, "--compare", "lognormal:lognormal"), "option --compare", "itself");
        assertRefused(run(input, "--xmin-range", "5"), "option --xmin-range", "A:B");
        assertRefused(run(input, "--xmin-range", "5:2"), "option --xmin-range", "A < B");
        assertRefused(run(input, "--xmin-range", "x:2"), "option --xmin-range", "not a number");
        assertRefused(run(input, "--xmin", "2", "--xmin-range", "1:3"), "option --xmin", "not both");
        assertRefused(run(input, "--discrete-estimate", "rough"), "option --discrete-estimate", "exact or approx");
        assertRefused(run(input, "--bootstrap", "-1"), "option --bootstrap");
        assertRefused(run(input, "--uncertainty-resamples", "1000000"), "option --uncertainty-resamples");
        Path counts = integers("c.txt", 500);
        assertRefused(run(counts, "--xmin", "2.5"), "option --xmin", "integer");
        assertRefused(run(counts, "--discrete-estimate", "approx", "--xmax", "100"), "option --discrete-estimate", "unbounded");
    }

    private static double topValue(Path input, int rank) throws IOException {
        double[] v = Files.readAllLines(input).stream().filter(l -> !l.startsWith("#")).mapToDouble(Double::parseDouble).sorted().toArray();
        return v[v.length - rank];
    }
}
