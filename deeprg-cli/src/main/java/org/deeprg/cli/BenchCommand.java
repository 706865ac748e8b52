package org.deeprg.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code bench} group: end-to-end benchmarks of whole computations (wall time of the same work the CLI does).
 * Micro-benchmarks are JMH benchmarks in the deeprg-bench module.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "End-to-end benchmarks (wall time of whole computations); JMH micro-benchmarks live in deeprg-bench.",
        subcommands = {DynExactBenchCommand.class, BenchQftCommand.class},
        footer = {"%nExamples:", "  ./deeprg bench qft --numpy", "  ./deeprg bench dyn-exact", "%nJMH micro-benchmarks:",
                "  mvn -q -pl deeprg-bench -am package -DskipTests",
                "  java -jar deeprg-bench/target/benchmarks.jar [REGEX]",
                "Results and the commands that produce them are recorded in docs/PERFORMANCE.md."})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return ExitCodes.OK;
    }
}
