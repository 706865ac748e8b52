package org.deeprg.cli;

import org.deeprg.studies.dyn.EndToEndBenchmark;
import org.deeprg.result.Result;
import org.deeprg.run.RunContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench dyn-exact}: wall time of the issue-3 performance targets. */
@Command(name = "dyn-exact", mixinStandardHelpOptions = true,
        description = "End-to-end wall time: build + decimate the N L = 8 bond, exact ln Z at depth 10^6 (S = 256).",
        footer = {"%nExamples:", "  ./deeprg bench dyn-exact", "  ./deeprg bench dyn-exact --repeats 9 --json"})
public final class DynExactBenchCommand extends ComputeCommand<EndToEndBenchmark.Spec> {
    @Option(names = "--repeats", paramLabel = "K", description = "Timed runs per task, median reported (default: ${DEFAULT-VALUE}).")
    int repeats = 5;
    @Option(names = "--depth", paramLabel = "M", description = "Depth of the ln Z task (default: ${DEFAULT-VALUE}).")
    int depth = 1_000_000;

    @Override
    protected EndToEndBenchmark.Spec spec() {
        return new EndToEndBenchmark.Spec(repeats, depth);
    }

    @Override
    protected Result compute(EndToEndBenchmark.Spec spec, RunContext context) {
        return EndToEndBenchmark.report(EndToEndBenchmark.run(spec, context));
    }
}
