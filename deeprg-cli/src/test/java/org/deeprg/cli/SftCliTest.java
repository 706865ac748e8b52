package org.deeprg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeprg.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sft commands: JSON contracts and one-line errors for bad input. */
class SftCliTest {
    static final String EX1 = "x0,x1,x2,y0,y1,y2\n0.5,-0.2,0.9,0.1,0.3,-0.4\n-0.7,0.4,0.1,0.2,-0.5,0.6\n0.3,0.8,-0.6,-0.1,0.4,0.2\n";

    @Test
    void perceptronJsonContract(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("ex1.csv");
        Files.writeString(data, EX1);
        CliRun r = CliRun.of("sft", "perceptron", "--data", data.toString(), "--p", "1.5", "--q", "0.1", "--momentum", "0.4",
                "--json", "--out", tmp.resolve("r").toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = Json.mapper().readTree(r.out());
        JsonNode ev = j.path("hessianEigenvalues");
        assertThat(ev.size()).isEqualTo(6);
        for (int i = 1; i < ev.size(); i++) {
            assertThat(ev.get(i).asDouble()).isGreaterThanOrEqualTo(ev.get(i - 1).asDouble());
        }
        assertThat(j.path("couplings").path("K").size()).isEqualTo(6);
        assertThat(j.path("couplings").path("J").size()).isEqualTo(6);
        assertThat(j.path("couplings").path("K").get(1).asDouble()).isZero();
        // K_0 = -2 p^2 sum_l x0 x1
        double k0 = -2 * 1.5 * 1.5 * (0.5 * -0.2 + -0.7 * 0.4 + 0.3 * 0.8);
        assertThat(j.path("couplings").path("K").get(0).asDouble()).isCloseTo(k0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(j.path("modes").get(0).path("damping").asDouble()).isEqualTo(0.2);
    }

    @Test
    void otherCommandsProduceTheirContracts(@TempDir Path tmp) throws Exception {
        CliRun e = CliRun.of("sft", "expand", "--widths", "2,2,1", "--activation", "poly:0.2,0.5,-0.3", "--order", "3", "--json",
                "--out", tmp.resolve("e").toString());
        assertThat(e.code()).as(e.err()).isZero();
        JsonNode je = Json.mapper().readTree(e.out());
        assertThat(je.path("parameters").asInt()).isEqualTo(9);
        assertThat(je.path("sources").path("J3").size()).isPositive();
        CliRun m = CliRun.of("sft", "modes", "--widths", "3,5,2", "--eigenvalues", "4", "--momentum", "0.3", "--json", "--out", tmp.resolve("m").toString());
        assertThat(m.code()).as(m.err()).isZero();
        JsonNode jm = Json.mapper().readTree(m.out());
        assertThat(jm.path("converged").asBoolean()).isTrue();
        assertThat(jm.path("smallest").size()).isEqualTo(2);
        CliRun l = CliRun.of("sft", "locality", "--example", "hidden", "--sites", "6", "--json", "--out", tmp.resolve("l").toString());
        assertThat(l.code()).as(l.err()).isZero();
        JsonNode jl = Json.mapper().readTree(l.out());
        assertThat(jl.path("chosen").path("r99").asDouble()).isLessThanOrEqualTo(4);
        assertThat(jl.path("standard").path("r99").asDouble()).isGreaterThan(8);
        assertThat(tmp.resolve("l").resolve("locality.svg")).exists();
    }

    @Test
    void badDataFilesAreOneLineWithFileLineAndColumn(@TempDir Path tmp) throws Exception {
        List<String[]> cases = List.of(
                new String[] {"x0,x1,z2,y0,y1,y2\n1,2,3,4,5,6\n", "line 1, column 3"},
                new String[] {"x0,x1,x2,y0,y1,y2\n1,2,3,4,5,6\n1,2,3\n", "line 3, column 4"},
                new String[] {"x0,x1,x2,y0,y1,y2\n1,2,3,4,abc,6\n", "line 2, column 5"},
                new String[] {"x0,y0\n1,2\n", "line 1, column 1"},
                new String[] {"x0,x1,y0,y1\n", "line 2, column 1"},
                new String[] {"x0,x1,x2,y0,y1\n1,2,3,4,5\n", "line 1"},
                new String[] {"x0,x1,y0,y1\n1,2,3,4\n1,-1e200,3,4\n", "line 3, column 2"});
        int i = 0;
        for (String[] c : cases) {
            Path f = tmp.resolve("bad" + i++ + ".csv");
            Files.writeString(f, c[0]);
            Path out = tmp.resolve("never" + i);
            CliRun r = CliRun.of("sft", "perceptron", "--data", f.toString(), "--out", out.toString());
            assertThat(r.code()).as(c[0] + r.err()).isEqualTo(2);
            assertThat(r.errLines()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).contains(f.toString()).contains(c[1]).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(out).doesNotExist();
        }
    }

    /** The edges of the stated ranges compute, and give no missing numbers beyond those of the plain run. */
    @Test
    void theEdgesOfTheStatedRangesGiveFiniteResults(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("ex1.csv");
        Files.writeString(data, "x0,x1,y0,y1\n1e30,2,0.5,0.3\n0.2,-1,0.1,-1e30\n0.5,0.5,0.2,0.2\n");
        String[][] cases = {
                {"sft", "perceptron", "--data", data.toString(), "--p", "1e6", "--q", "-1e6", "--momentum", "1e100"},
                {"sft", "perceptron", "--data", data.toString(), "--p", "-1e6", "--q", "1e6", "--momentum", "0"},
                {"sft", "modes", "--widths", "2,3,1", "--examples", "4", "--eigenvalues", "2", "--momentum", "1e100"}};
        int i = 0;
        for (String[] c : cases) {
            String[] args = java.util.Arrays.copyOf(c, c.length + 4);
            args[c.length] = "--out";
            args[c.length + 1] = tmp.resolve("ok" + i++).toString();
            args[c.length + 2] = "--json";
            args[c.length + 3] = "--quiet";
            CliRun r = CliRun.of(args);
            assertThat(r.code()).as(String.join(" ", c) + r.err()).isZero();
            com.fasterxml.jackson.databind.JsonNode j = org.deeprg.json.Json.mapper().readTree(r.out());
            for (com.fasterxml.jackson.databind.JsonNode m : j.path("modes")) {
                m.fields().forEachRemaining(f -> assertThat(f.getValue().isNull()).as(String.join(" ", c) + " " + f.getKey()).isFalse());
            }
            assertThat(j.path("modes").size()).as(String.join(" ", c)).isPositive();
        }
        // the overdamped slow rate omega^2/gamma keeps its digits where -gamma/2 + sqrt(gamma^2/4 - omega^2) loses them
        double[] r = org.deeprg.sft.MomentumMapping.continuumRates(2, 1e10);
        assertThat(r[0]).isCloseTo(-2e-10, org.assertj.core.data.Percentage.withPercentage(1e-6));
        assertThat(r[2]).isCloseTo(-1e10, org.assertj.core.data.Percentage.withPercentage(1e-6));
    }

    @Test
    void badOptionsAreOneLineExitTwo(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("ex1.csv");
        Files.writeString(data, EX1);
        Path emb = tmp.resolve("emb.csv");
        Files.writeString(emb, "index,x0\n0,0\n1,1\n1,2\n");
        Path emb2 = tmp.resolve("emb2.csv");
        Files.writeString(emb2, "index,x0\n0,0\n");
        List<String[]> cases = List.of(
                new String[] {"--momentum", "sft", "perceptron", "--data", data.toString(), "--momentum", "-1"},
                new String[] {"--simulate", "sft", "perceptron", "--data", data.toString(), "--simulate"},
                new String[] {"line 4, column 1", "sft", "locality", "--example", "mlp", "--widths", "1,1", "--embedding", emb.toString()},
                new String[] {"index 1 is not mapped", "sft", "locality", "--example", "mlp", "--widths", "1,1", "--embedding", emb2.toString()},
                new String[] {"--widths", "sft", "modes", "--widths", "3"},
                new String[] {"--activation", "sft", "expand", "--activation", "relu"},
                new String[] {"--order", "sft", "expand", "--order", "7"},
                new String[] {"--sites", "sft", "locality", "--sites", "1"},
                new String[] {"--momentum", "sft", "modes", "--momentum", "-0.5"},
                // issue 15 class 6: the stated ranges (PerceptronSpec.P_RANGE, Q_RANGE, MomentumMapping.GAMMA_RANGE)
                new String[] {"--p", "sft", "perceptron", "--data", data.toString(), "--p", "1e308"},
                new String[] {"--p", "sft", "perceptron", "--data", data.toString(), "--p", "-2e6"},
                new String[] {"--p", "sft", "perceptron", "--data", data.toString(), "--p", "NaN"},
                new String[] {"--q", "sft", "perceptron", "--data", data.toString(), "--q", "1e308"},
                new String[] {"--q", "sft", "perceptron", "--data", data.toString(), "--q", "-Infinity"},
                new String[] {"--momentum", "sft", "perceptron", "--data", data.toString(), "--momentum", "1e308"},
                new String[] {"--momentum", "sft", "perceptron", "--data", data.toString(), "--momentum", "NaN"},
                new String[] {"--momentum", "sft", "modes", "--momentum", "1e308"},
                new String[] {"--momentum", "sft", "modes", "--momentum", "NaN"});
        for (String[] c : cases) {
            String[] args = java.util.Arrays.copyOfRange(c, 1, c.length);
            String[] withOut = java.util.Arrays.copyOf(args, args.length + 2);
            withOut[args.length] = "--out";
            withOut[args.length + 1] = tmp.resolve("never").toString();
            CliRun r = CliRun.of(withOut);
            assertThat(r.code()).as(String.join(" ", args) + r.err()).isEqualTo(2);
            assertThat(r.errLines()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).contains(c[0]).doesNotContain("\tat ");
        }
        assertThat(tmp.resolve("never")).doesNotExist();
    }
}
