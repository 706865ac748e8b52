package org.deeprg.cli;

import picocli.CommandLine.Command;

/** The {@code sft} command group. Subcommands are registered in {@code subcommands}. */
@Command(name = "sft", mixinStandardHelpOptions = true,
        description = "Synaptic field theory (Lee, Lee, Yi 2025): training with momentum as a field in de Sitter space.",
        subcommands = {SftPerceptronCommand.class, SftExpandCommand.class, SftLocalityCommand.class, SftModesCommand.class})
public final class SftCommand extends GroupCommand {
}
