package org.deeprg.cli;

import picocli.CommandLine.Command;

/** The {@code critical} command group. Subcommands are registered in {@code subcommands}. */
@Command(name = "critical", mixinStandardHelpOptions = true,
        description = "Critical regularisation (arXiv:1705.11023): a layer as a Gaussian field theory, power-law diagnostics.",
        subcommands = {CriticalCorrelationCommand.class, CriticalCouplingsCommand.class, CriticalPowerLawCommand.class,
                CriticalTrainCommand.class, CriticalExperimentCommand.class})
public final class CriticalCommand extends GroupCommand {
}
