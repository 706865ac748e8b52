package org.deeprg.cli;

import picocli.CommandLine.Command;

/** The {@code critical} command group. Subcommands are registered in {@code subcommands}. */
@Command(name = "critical", mixinStandardHelpOptions = true,
        description = "Critical regularisation (arXiv:1705.11023): a layer as a Gaussian field theory, power-law diagnostics.",
        subcommands = {CriticalCorrelationCommand.class, CriticalCouplingsCommand.class, CriticalPowerLawCommand.class,
                CriticalTrainCommand.class, CriticalExperimentCommand.class},
        footer = {"%nExamples:", "  ./deeprg critical correlation --dim 3 --r 0.25 --g 1", "  ./deeprg critical couplings --weights model.safetensors", "  ./deeprg critical powerlaw --input degrees.txt --json", "  ./deeprg critical experiment --help"})
public final class CriticalCommand extends GroupCommand {
}
