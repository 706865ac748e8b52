package org.deeprg.cli;

import picocli.CommandLine.Command;

/** The {@code dyn} command group. Subcommands are registered in {@code subcommands}. */
@Command(name = "dyn", mixinStandardHelpOptions = true,
        description = "Dynamic neurons (Lee, Lee, Yi 2024): exact partition functions, transfer matrices, decimation RG, Monte Carlo.",
        subcommands = {DynExactCommand.class, DynChainCommand.class, DynRgCommand.class, DynMcCommand.class, DynSpinglassCommand.class})
public final class DynCommand extends GroupCommand {
}
