package org.deeprg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeprg.InvalidInputException;
import org.deeprg.json.Json;
import org.deeprg.run.LocalBackend;
import org.deeprg.random.RandomStreams;
import org.deeprg.result.Figure;
import org.deeprg.result.Result;
import org.deeprg.result.Series;
import org.deeprg.result.Table;
import org.deeprg.stats.Estimate;
import org.deeprg.run.RunContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The CLI machinery (options, errors, result directories, reproducibility) through a small test command. */
class FoundationCliTest {

    /** Mean of Gaussian samples split over 8 tasks: exercises streams, Parallel, Estimate, figures, tables. */
    @Command(name = "gauss-test")
    static final class GaussTestCommand extends ComputeCommand<GaussTestCommand.Spec> {
        record Spec(int samples) {
            Spec {
                InvalidInputException.requireInRange("samples", samples, 2, 10_000_000);
            }
        }

        @Option(names = "--samples")
        int samples = 1000;

        @Override
        protected Spec spec() {
            return new Spec(samples);
        }

        @Override
        protected Result compute(Spec spec, RunContext context) {
            List<double[]> parts = LocalBackend.inThreads(8, context.threads(), task -> {
                var g = context.streams().split(task).gaussian();
                double[] xs = new double[spec.samples()];
                for (int i = 0; i < xs.length; i++) {
                    xs[i] = g.sample();
                }
                return xs;
            });
            double[] means = parts.stream().mapToDouble(xs -> java.util.Arrays.stream(xs).average().orElseThrow()).toArray();
            Estimate e = Estimate.ofIndependent(means);
            double[] idx = {0, 1, 2, 3, 4, 5, 6, 7};
            return Result.builder("Gaussian test").data(java.util.Map.of("mean", e))
                    .figure(Figure.of("means", "Task means", "task", "mean", "test", Series.markers("means", idx, means)))
                    .table(Table.builder("means", "task", "mean").row(0, means[0]).row(1, means[1]).build())
                    .summary("mean = " + e.format()).build();
        }
    }

    private static CliRun gauss(String... args) {
        return CliRun.with(cl -> cl.addSubcommand(new GaussTestCommand()), args);
    }

    @Test
    void helpListsEveryGroupWithADescription() {
        CliRun r = CliRun.of("--help");
        assertThat(r.code()).isZero();
        for (String g : List.of("dyn", "sft", "critical", "qft", "reproduce", "bench")) {
            assertThat(r.out()).containsPattern("(?m)^\\s+" + g + "\\s+\\S+");
        }
    }

    @Test
    void everyCommandHasHelp() {
        CommandLine root = DeepRg.commandLine();
        List<CommandLine> all = new java.util.ArrayList<>();
        collect(root, all);
        for (CommandLine c : all) {
            String name = c.getCommandSpec().qualifiedName();
            String[] args = (name.replaceFirst("^deeprg ?", "") + " --help").trim().split(" ");
            CliRun r = CliRun.of(args);
            assertThat(r.code()).as(name).isZero();
            assertThat(r.out()).as(name).contains("Usage:").contains("Example");
        }
    }

    private static void collect(CommandLine c, List<CommandLine> out) {
        out.add(c);
        c.getSubcommands().values().forEach(s -> collect(s, out));
    }

    @Test
    void unknownOptionIsOneLineAndExitTwo() {
        CliRun r = CliRun.of("--bogus");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).isEqualTo(1);
        assertThat(r.err()).contains("--bogus");
    }

    @Test
    void groupWithoutSubcommandIsInvalidInput() {
        CliRun r = CliRun.of("qft");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).isEqualTo(1);
    }

    @Test
    void resultDirectoryHasAllFilesAndJsonIsAloneOnStdout(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("r");
        CliRun r = gauss("gauss-test", "--samples", "200", "--json", "--out", out.toString(), "--seed", "7");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = Json.mapper().readTree(r.out());
        assertThat(json.path("mean").path("stderr").asDouble()).isPositive();
        for (String f : List.of("result.json", "provenance.json", "index.html", "means.csv", "means.svg", "means.png")) {
            assertThat(out.resolve(f)).exists();
        }
        JsonNode prov = Json.mapper().readTree(out.resolve("provenance.json").toFile());
        assertThat(prov.path("seed").asLong()).isEqualTo(7);
        assertThat(prov.path("tool").asText()).isEqualTo("deeprg");
        assertThat(prov.path("spec").path("samples").asInt()).isEqualTo(200);
        for (String k : List.of("version", "jvmVendor", "jvmVersion", "os", "arch", "threads", "start", "end")) {
            assertThat(prov.has(k)).as(k).isTrue();
        }
        assertThat(Files.readString(out.resolve("result.json"))).isEqualToIgnoringWhitespace(r.out());
        // a second run may replace an earlier deeprg result
        assertThat(gauss("gauss-test", "--samples", "100", "--out", out.toString(), "--quiet").code()).isZero();
        try (var s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("r");
        }
    }

    @Test
    void sameSeedSameNumbersForAnyThreadCount(@TempDir Path tmp) {
        String a = gauss("gauss-test", "--json", "--threads", "1", "--out", tmp.resolve("a").toString()).out();
        String b = gauss("gauss-test", "--json", "--threads", "2", "--out", tmp.resolve("b").toString()).out();
        String c = gauss("gauss-test", "--json", "--threads", "8", "--out", tmp.resolve("c").toString()).out();
        assertThat(a).isEqualTo(b).isEqualTo(c);
        String d = gauss("gauss-test", "--json", "--seed", "99", "--out", tmp.resolve("d").toString()).out();
        assertThat(d).isNotEqualTo(a);
    }

    @Test
    void badValuesAreOneLineNamingTheOptionAndCreateNothing(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("never");
        List<String[]> cases = List.of(
                new String[] {"gauss-test", "--samples", "1", "--out", out.toString()},
                new String[] {"gauss-test", "--samples", "abc", "--out", out.toString()},
                new String[] {"gauss-test", "--threads", "0", "--out", out.toString()},
                new String[] {"gauss-test", "--seed", "1.5", "--out", out.toString()});
        for (String[] args : cases) {
            CliRun r = gauss(args);
            assertThat(r.code()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.errLines()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(r.err()).containsAnyOf("--samples", "--threads", "--seed");
        }
        assertThat(out).doesNotExist();
    }

    @Test
    void outThatIsNotADeeprgResultIsRefused(@TempDir Path tmp) throws Exception {
        Path foreign = tmp.resolve("foreign");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("thesis.tex"), "precious");
        CliRun r = gauss("gauss-test", "--out", foreign.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).isEqualTo(1);
        assertThat(r.err()).contains("--out");
        assertThat(Files.readString(foreign.resolve("thesis.tex"))).isEqualTo("precious");
        Path file = tmp.resolve("file");
        Files.writeString(file, "x");
        assertThat(gauss("gauss-test", "--out", file.toString()).code()).isEqualTo(2);
    }

    @Test
    void internalErrorIsExitFourWithoutStackTraceUnlessAsked() {
        @Command(name = "boom")
        final class Boom extends ComputeCommand<String> {
            @Override
            protected String spec() {
                return "x";
            }

            @Override
            protected Result compute(String spec, RunContext context) {
                throw new IllegalStateException("kaboom");
            }
        }
        CliRun r = CliRun.with(cl -> cl.addSubcommand(new Boom()), "boom", "--out", "/tmp/deeprg-never-written-" + System.nanoTime());
        assertThat(r.code()).isEqualTo(4);
        assertThat(r.err()).contains("kaboom").doesNotContain("\tat ");
        CliRun s = CliRun.with(cl -> cl.addSubcommand(new Boom()), "boom", "--stacktrace", "--out", "/tmp/deeprg-never-written-" + System.nanoTime());
        assertThat(s.code()).isEqualTo(4);
        assertThat(s.err()).contains("\tat ");
    }

    @Test
    void optionNamesFollowTheSpecParameters() {
        assertThat(DeepRg.optionName("betaV")).isEqualTo("--beta-v");
        assertThat(DeepRg.optionName("sigmaW")).isEqualTo("--sigma-w");
        assertThat(DeepRg.optionName("--weights")).isEqualTo("--weights");
        assertThat(RandomStreams.root(1).split(3).seed()).isEqualTo(RandomStreams.root(1).split(3).seed());
    }
}
