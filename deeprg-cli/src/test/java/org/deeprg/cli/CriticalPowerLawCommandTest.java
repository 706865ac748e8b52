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

    @Test
    void fitsAFileAndPrintsTheJsonContract() throws Exception {
        Path input = sample("x.txt", 1000, 2.5);
        CliRun r = CliRun.of("critical", "powerlaw", "--input", input.toString(), "--bootstrap", "20", "--json",
                "--quiet", "--out", dir.resolve("out").toString());
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        JsonNode j = Json.mapper().readTree(r.out());
        for (String field : new String[] {"alpha", "alphaStderr", "xmin", "ks", "pValue", "comparisons"}) {
            assertThat(j.has(field)).as(field).isTrue();
        }
        assertThat(Math.abs(j.get("alpha").asDouble() - 2.5)).isLessThan(2 * j.get("alphaStderr").asDouble());
        assertThat(j.get("comparisons")).hasSize(3);
        assertThat(j.get("discrete").asBoolean()).isFalse();
        assertThat(Files.exists(dir.resolve("out/result.json"))).isTrue();
    }

    private void assertRefused(String content, String expected) throws IOException {
        Path input = dir.resolve("bad-" + Math.abs(content.hashCode()) + ".txt");
        Files.writeString(input, content);
        Path out = dir.resolve("out-" + Math.abs(content.hashCode()));
        CliRun r = CliRun.of("critical", "powerlaw", "--input", input.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).isEqualTo(1);
        assertThat(r.err()).contains(expected).doesNotContain("Exception");
        assertThat(Files.exists(out.resolve("result.json"))).isFalse();
    }

    @Test
    void refusesBadInputWithOneLine() throws Exception {
        StringBuilder few = new StringBuilder();
        for (int i = 1; i <= 49; i++) {
            few.append(i).append('\n');
        }
        assertRefused(few.toString(), "49 positive values");
        StringBuilder negative = new StringBuilder();
        for (int i = 1; i <= 60; i++) {
            negative.append(i == 7 ? "-3" : String.valueOf(i)).append('\n');
        }
        assertRefused(negative.toString(), "line 7");
        assertRefused(negative.toString().replace("-3", "0"), "line 7");
        assertRefused(negative.toString().replace("-3", "abc"), "line 7: 'abc' is not a number");
        assertRefused(negative.toString().replace("-3", "NaN"), "line 7");
        assertRefused("", "0 positive values");
        CliRun missing = CliRun.of("critical", "powerlaw", "--input", dir.resolve("nope.txt").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("not found");
        CliRun type = CliRun.of("critical", "powerlaw", "--input", sample("y.txt", 100, 2).toString(), "--type", "weird");
        assertThat(type.code()).isEqualTo(2);
        assertThat(type.err()).contains("--type");
        CliRun discrete = CliRun.of("critical", "powerlaw", "--input", sample("z.txt", 100, 2).toString(), "--type", "discrete");
        assertThat(discrete.code()).isEqualTo(2);
        assertThat(discrete.err()).contains("not an integer");
    }
}
