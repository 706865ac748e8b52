package org.deeprg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeprg.net.Activation;
import org.deeprg.dyn.Alphabet;
import org.deeprg.dyn.DynNetwork;
import org.deeprg.dyn.Example;
import org.deeprg.dyn.exact.DiscreteDynModel;
import org.deeprg.dyn.exact.ExactDyn;
import org.deeprg.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code dyn exact}, {@code dyn chain}, {@code dyn rg}: JSON contracts and bad input. */
class DynExactCliTest {

    @Test
    void exactJsonContract(@TempDir Path tmp) throws Exception {
        CliRun r = CliRun.of("dyn", "exact", "--width", "2", "--depth", "3", "--example", "1,0:0,1", "--example", "0,1:1,0",
                "--beta", "1", "--beta-v", "5", "--json", "--quiet", "--out", tmp.resolve("r").toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = Json.mapper().readTree(r.out());
        DiscreteDynModel m = new DiscreteDynModel(new DynNetwork(2, 3, Activation.HEAVISIDE), Alphabet.BINARY_WEIGHTS,
                Alphabet.BINARY_NEURONS, List.of(Example.parse("example", "1,0:0,1"), Example.parse("example", "0,1:1,0")));
        assertThat(j.path("logZ").asDouble()).isCloseTo(ExactDyn.logPartitionFunction(m, 1, 5), within(1e-12));
        assertThat(j.path("logZOriginal").asDouble()).isCloseTo(ExactDyn.logPartitionFunctionOriginal(m, 1), within(1e-12));
        assertThat(j.path("meanCost").isNumber()).isTrue();
        assertThat(j.path("neuronMeans").size()).isEqualTo(4);
        assertThat(tmp.resolve("r").resolve("betav-limit.csv")).exists();
    }

    @Test
    void chainJsonContract(@TempDir Path tmp) throws Exception {
        CliRun r = CliRun.of("dyn", "chain", "--width", "1", "--alphabet", "-1,1", "--beta-v", "2", "--json", "--quiet",
                "--out", tmp.resolve("c").toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = Json.mapper().readTree(r.out());
        double e = Math.exp(-2);
        double tr = 5 + 3 * e;
        double det = 4 * (1 - e * e);
        double l1 = (tr + Math.sqrt(tr * tr - 4 * det)) / 2;
        assertThat(j.path("freeEnergyPerLayer").asDouble()).isCloseTo(-Math.log(l1), within(1e-12));
        assertThat(j.path("eigenvalues").size()).isEqualTo(2);
        double xi = j.path("correlationLength").asDouble();
        assertThat(j.path("decayRate").asDouble()).isCloseTo(1 / xi, within(1e-6));
    }

    @Test
    void rgPresetReportsPlaneAndFictitiousPoint(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("rg");
        CliRun r = CliRun.of("dyn", "rg", "--preset", "lee2024", "--starts", "30", "--json", "--quiet", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = Json.mapper().readTree(r.out());
        JsonNode fp = j.path("fixedPoints").get(0);
        double[] expected = {3, -2.0 / 3, -1.0 / 3};
        for (int i = 0; i < 3; i++) {
            assertThat(fp.path("expCouplings").get(i).asDouble()).isCloseTo(expected[i], within(1e-9));
            assertThat(fp.path("eigenvalues").get(i).asDouble()).isCloseTo(2.0, within(1e-9));
            assertThat(fp.path("exponents").get(i).asDouble()).isCloseTo(1.0, within(1e-9));
        }
        assertThat(fp.path("stable").asBoolean()).isFalse();
        JsonNode plane = j.path("fixedManifolds").get(0);
        assertThat(plane.path("dimension").asInt()).isEqualTo(2);
        assertThat(plane.path("description").asText()).contains("e^A = 1");
        assertThat(plane.path("maxResidual").asDouble()).isLessThan(1e-12);
        for (String f : List.of("flow-plane.svg", "flow-fictitious.svg", "xi-scaling.svg")) {
            assertThat(out.resolve(f)).exists();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "dyn exact --depth 0",
        "dyn exact --width 0",
        "dyn exact --alphabet 1,1",
        "dyn exact --alphabet x",
        "dyn exact --neuron-alphabet ,",
        "dyn exact --example 1,0:1",
        "dyn exact --example 2:0",
        "dyn exact --example 1",
        "dyn exact --beta -1",
        "dyn exact --beta-v NaN",
        "dyn exact --beta-v Infinity",
        "dyn exact --activation softmax",
        "dyn exact --width 12 --example 1,1,1,1,1,1,1,1,1,1,1,1:0,0,0,0,0,0,0,0,0,0,0,0",
        "dyn exact --width 11 --depth 1000000 --example 1,1,1,1,1,1,1,1,1,1,1:0,0,0,0,0,0,0,0,0,0,0",
        "dyn chain --beta-v -2",
        "dyn chain --width 12",
        "dyn chain --max-distance 0",
        "dyn rg --preset foo",
        "dyn rg --preset general --width 4",
        "dyn rg --preset general --rescaling 1",
        "dyn rg --preset lee2024 --alphabet -1,0,1",
        "dyn rg --starts 0"
    })
    void badInputIsOneLineExitTwoAndNoResult(String args, @TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("bad");
        String[] a = (args + " --out " + out).split(" ");
        CliRun r = CliRun.of(a);
        assertThat(r.code()).as(args + " -> " + r.err()).isEqualTo(2);
        assertThat(r.errLines()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(Files.exists(out) && Files.list(out).findAny().isPresent()).isFalse();
    }
}
