package org.deeprg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeprg.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dyn mc} and {@code dyn spinglass}: JSON contract, bad input, kill-and-resume through the CLI. */
class DynMcCommandTest {

    @Test
    void jsonContractHasCostAndConstraintEstimates(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.of("dyn", "mc", "--width", "1", "--depth", "6", "--alphabet=-1,1", "--activation", "heaviside",
                "--example", "1:1", "--beta", "1", "--beta-v", "2", "--sweeps", "2000", "--chains", "2", "--seed", "3",
                "--json", "--quiet", "--out", dir.resolve("r").toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = Json.mapper().readTree(r.out());
        for (String k : new String[] {"cost", "constraint", "energy", "neuronMean"}) {
            assertThat(j.get(k).has("mean")).isTrue();
            assertThat(j.get(k).has("stderr")).isTrue();
            assertThat(j.get(k).has("tauInt")).isTrue();
            assertThat(j.get(k).get("samples").asLong()).isEqualTo(4000);
        }
        assertThat(j.get("correlation")).hasSize(6);
        assertThat(j.get("cost").get("rHat").isNumber()).isTrue();
        assertThat(dir.resolve("r/result.json")).exists();
        // honest uncertainty: every estimate carries R-hat and its reliability; a flagged one says why, in JSON and CSV
        for (JsonNode e : j.get("correlation")) {
            assertThat(e.has("rHat")).isTrue();
            assertThat(e.get("stderrReliable").isBoolean()).isTrue();
        }
        JsonNode acc = j.get("acceptanceRate");
        assertThat(acc.get("samples").asLong()).isEqualTo(2);
        assertThat(acc.get("stderrReliable").asBoolean()).isFalse();
        assertThat(acc.get("unreliableBecause").asText()).contains("effective samples");
        List<String> csv = Files.readAllLines(dir.resolve("r/estimates.csv"));
        assertThat(csv.get(0)).endsWith(",stderrReliable,unreliableBecause");
        assertThat(csv).anySatisfy(l -> assertThat(l).startsWith("acceptanceRate,").contains(",false,").contains("effective samples"));
        assertThat(csv).anySatisfy(l -> assertThat(l).startsWith("G_h(1),"));
        assertThat(Files.readAllLines(dir.resolve("r/correlation.plot.csv")).get(0)).contains("y error reliable");
        assertThat(r.out()).doesNotContain("warning");
        // too few chains for the scatter of the acceptance rates: flagged on the console line too
        CliRun text = CliRun.of("dyn", "mc", "--width", "1", "--depth", "6", "--example", "1:1", "--sweeps", "2000", "--chains", "2",
                "--seed", "3", "--quiet", "--out", dir.resolve("t").toString());
        assertThat(text.out()).containsPattern("acceptance [0-9.()]+ \\(error bar unreliable\\)");
        // a run too short for its chains to be trusted gets the warning
        CliRun shortRun = CliRun.of("dyn", "mc", "--width", "1", "--depth", "6", "--example", "1:1", "--sweeps", "20", "--chains", "2",
                "--seed", "3", "--quiet", "--out", dir.resolve("s").toString());
        assertThat(shortRun.out()).contains("error bars cannot be trusted");
    }

    @Test
    void killedRunResumesToTheUninterruptedResult(@TempDir Path dir) throws Exception {
        String[] base = {"dyn", "mc", "--depth", "300", "--example", "1:1", "--beta-v", "1,3", "--sweeps", "1000",
                "--chains", "2", "--seed", "11", "--json", "--quiet", "--checkpoint", dir.resolve("cp.json").toString()};
        CliRun full = CliRun.of(concat(base, "--out", dir.resolve("full").toString()));
        assertThat(full.code()).as(full.err()).isZero();
        CliRun killed = CliRun.of(concat(base, "--out", dir.resolve("resumed").toString(), "--stop-after-sweeps", "500"));
        assertThat(killed.code()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(killed.err()).contains("--resume");
        assertThat(dir.resolve("cp.json")).exists();
        assertThat(dir.resolve("resumed")).doesNotExist();
        CliRun resumed = CliRun.of(concat(base, "--out", dir.resolve("resumed").toString(), "--resume", "--threads", "1"));
        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.out()).isEqualTo(full.out());
        assertThat(dir.resolve("cp.json")).doesNotExist();
        assertThat(Files.readString(dir.resolve("resumed/result.json"))).isEqualTo(Files.readString(dir.resolve("full/result.json")));
    }

    /**
     * A crafted or stale checkpoint given to --resume is one stderr line naming the checkpoint file and what is wrong,
     * exit 2, no result directory, and the file is left alone (issue 15, class 7).
     */
    @Test
    void craftedCheckpointsAreRefusedOnResume(@TempDir Path dir) throws Exception {
        Path cp = dir.resolve("cp.json");
        String[] base = {"dyn", "mc", "--depth", "300", "--example", "1:1", "--beta-v", "1,3", "--sweeps", "1000",
                "--chains", "2", "--seed", "11", "--quiet", "--checkpoint", cp.toString()};
        CliRun killed = CliRun.of(concat(base, "--out", dir.resolve("k").toString(), "--stop-after-sweeps", "500"));
        assertThat(killed.code()).as(killed.err()).isEqualTo(ExitCodes.INTERRUPTED);
        String valid = Files.readString(cp);
        String[][] crafted = {
                {"{}", "formatVersion"},
                {valid.replaceFirst("\"segmentsDone\" : \\d+", "\"segmentsDone\" : 1000000000000"), "checksum"},
                {valid.substring(0, valid.length() / 3), "not a"},
        };
        int i = 0;
        for (String[] c : crafted) {
            Files.writeString(cp, c[0]);
            Path out = dir.resolve("r" + i++);
            CliRun r = CliRun.of(concat(base, "--out", out.toString(), "--resume"));
            assertThat(r.code()).as(r.err()).isEqualTo(2);
            assertThat(r.errLines()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).startsWith("deeprg:").contains(cp.toString()).contains(c[1]).doesNotContain("Exception");
            assertThat(out).doesNotExist();
            assertThat(Files.readString(cp)).isEqualTo(c[0]);
        }
        // the same checkpoint with other options: another spec
        Files.writeString(cp, valid);
        CliRun other = CliRun.of(concat(base, "--out", dir.resolve("o").toString(), "--resume", "--beta", "2"));
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).contains(cp.toString()).contains("another spec or seed");
    }

    @Test
    void langevinRunOfAContinuousNet(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.of("dyn", "mc", "--sampler", "mala", "--activation", "sigmoid", "--width", "2", "--depth", "3",
                "--example", "1,0:0,1", "--beta", "2", "--beta-v", "10", "--step-size", "0.01", "--sweeps", "3000", "--chains", "2",
                "--json", "--quiet", "--out", dir.resolve("r").toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(j.get("sampler").asText()).isEqualTo("mala");
        assertThat(j.get("acceptanceRate").get("mean").asDouble()).isBetween(0.3, 1.0);
        assertThat(j.get("acceptanceRate").get("stderr").asDouble()).isPositive();
        assertThat(j.get("weightHistogram").get("x")).hasSize(40);
    }

    @Test
    void badInputGivesOneLineAndExitCode2(@TempDir Path dir) throws Exception {
        String[][] bad = {
                {"--sweeps", "0"},
                {"--chains", "0"},
                {"--beta-v", "2,1"},
                {"--beta-v", "1,x"},
                {"--sampler", "langevin"},
                {"--sampler", "gibbs"},
                {"--alphabet=1,1"},
                {"--example", "1,0:1"},
                {"--beta", "-1"},
                {"--width", "60", "--depth", "100000", "--chains", "64", "--example", "0:0"},
                // issue 15 class 6: DynMcSpec.SWEEPS_RANGE, THERMALIZATION_RANGE and the work bound MAX_UPDATES
                {"--sweeps", "2147483648"},
                {"--thermalization", "2147483648"},
                {"--thermalization", "-1"},
                {"--width", "64", "--depth", "64", "--sweeps", "100000000", "--chains", "64"},
                // the checkpoint path is an output, checked before computing: a directory, a path under a file
                {"--checkpoint", dir.toString()},
                {"--checkpoint", dir.resolve("x1").toString() + "/under-a-file/ck.json"},
        };
        java.nio.file.Files.writeString(dir.resolve("x1"), "a file, not a directory");
        for (String[] extra : bad) {
            String out = dir.resolve("x" + extra.length + extra[0].hashCode()).toString();
            CliRun r = CliRun.of(concat(concat(new String[] {"dyn", "mc", "--depth", "3", "--quiet", "--out", out}), extra));
            assertThat(r.code()).as(String.join(" ", extra) + ": " + r.err()).isEqualTo(2);
            assertThat(r.errLines()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).doesNotContain("Exception").startsWith("deeprg:");
            assertThat(Path.of(out)).doesNotExist();
        }
        CliRun sw = CliRun.of("dyn", "mc", "--sweeps", "2147483648", "--quiet");
        assertThat(sw.err()).contains("--sweeps").contains("2147483648").contains(org.deeprg.dyn.mc.DynMcSpec.SWEEPS_RANGE);
        CliRun work = CliRun.of("dyn", "mc", "--width", "64", "--depth", "64", "--sweeps", "100000000", "--chains", "64", "--quiet");
        assertThat(work.err()).contains("--sweeps").contains("updates");
        CliRun h = CliRun.of("dyn", "mc", "--sampler", "langevin", "--activation", "heaviside", "--quiet");
        assertThat(h.err()).contains("heaviside").contains("metropolis");
    }

    @Test
    void spinglassJsonHasOverlapsAndCouplings(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.of("dyn", "spinglass", "--width", "3", "--depth", "4", "--samples", "6", "--sweeps", "500",
                "--json", "--quiet", "--out", dir.resolve("s").toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = Json.mapper().readTree(r.out());
        assertThat(j.get("qSquared").has("stderr")).isTrue();
        assertThat(j.get("susceptibility").get("mean").asDouble()).isPositive();
        assertThat(j.get("overlap").get("q")).hasSize(13);
        assertThat(j.get("couplings").get("couplings")).hasSize(27);
        assertThat(dir.resolve("s/couplings.csv")).exists();
        CliRun bad = CliRun.of("dyn", "spinglass", "--samples", "1", "--quiet");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.errLines()).isEqualTo(1);
        for (String[] extra : new String[][] {{"--sweeps", "2147483648"}, {"--thermalization", "2147483648"},
                {"--width", "100", "--depth", "100", "--samples", "1000", "--sweeps", "100000000"}}) {
            CliRun b = CliRun.of(concat(new String[] {"dyn", "spinglass", "--quiet", "--out", dir.resolve("never").toString()}, extra));
            assertThat(b.code()).as(b.err()).isEqualTo(2);
            assertThat(b.errLines()).as(b.err()).isEqualTo(1);
            assertThat(b.err()).startsWith("deeprg: option " + extra[extra.length - 2]).doesNotContain("Exception");
        }
        assertThat(dir.resolve("never")).doesNotExist();
    }

    static String[] concat(String[] a, String... b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
