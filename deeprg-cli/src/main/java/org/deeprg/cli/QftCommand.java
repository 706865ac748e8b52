package org.deeprg.cli;

import picocli.CommandLine.Command;

/** The {@code qft} command group. Subcommands are registered in {@code subcommands}. */
@Command(name = "qft", mixinStandardHelpOptions = true,
        description = "NN-QFT ensembles (Erbin, Lahoche, Samary 2022): n-point functions, Wick's theorem, effective couplings.",
        subcommands = {QftEnsembleCommand.class, QftCouplingsCommand.class})
public final class QftCommand extends GroupCommand {
}
