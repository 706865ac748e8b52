package org.deeprg.cli;

import picocli.CommandLine.Command;

/** The {@code dyn} command group. Subcommands are registered in {@code subcommands}. */
@Command(name = "dyn", mixinStandardHelpOptions = true,
        description = "Dynamic neurons (Lee, Lee, Yi 2024): exact partition functions, transfer matrices, decimation RG, Monte Carlo.",
        subcommands = {DynExactCommand.class, DynChainCommand.class, DynRgCommand.class, DynMcCommand.class, DynSpinglassCommand.class},
        footer = {"%nExamples:", "  ./deeprg dyn exact --width 1 --depth 4 --example 1:1 --beta 1 --beta-v 2", "  ./deeprg dyn chain --width 1 --alphabet=-1,1 --beta-v 2", "  ./deeprg dyn rg --preset lee2024", "  ./deeprg dyn mc --width 1 --depth 8 --example 1:1 --beta 1 --beta-v 2 --sweeps 20000"})
public final class DynCommand extends GroupCommand {
}
