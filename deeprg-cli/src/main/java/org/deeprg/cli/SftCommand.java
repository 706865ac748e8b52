package org.deeprg.cli;

import picocli.CommandLine.Command;

/** The {@code sft} command group. Subcommands are registered in {@code subcommands}. */
@Command(name = "sft", mixinStandardHelpOptions = true,
        description = "Synaptic field theory (Lee, Lee, Yi 2025): training with momentum as a field in de Sitter space.",
        subcommands = {SftPerceptronCommand.class, SftExpandCommand.class, SftLocalityCommand.class, SftModesCommand.class},
        footer = {"%nExamples:", "  ./deeprg sft perceptron --data ex1.csv --p 1 --q 0.2 --momentum 0.5 --simulate", "  ./deeprg sft locality --help", "  ./deeprg sft modes --help"})
public final class SftCommand extends GroupCommand {
}
