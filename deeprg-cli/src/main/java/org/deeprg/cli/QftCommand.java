package org.deeprg.cli;

import picocli.CommandLine.Command;

/** The {@code qft} command group. Subcommands are registered in {@code subcommands}. */
@Command(name = "qft", mixinStandardHelpOptions = true,
        description = "NN-QFT ensembles (Erbin, Lahoche, Samary 2022): n-point functions, Wick's theorem, effective couplings.",
        subcommands = {QftEnsembleCommand.class, QftCouplingsCommand.class},
        footer = {"%nExamples:", "  ./deeprg qft ensemble --preset erbin2022", "  ./deeprg qft ensemble --activation gauss --sigma-w 1 --sigma-b 1 --width 10,100 --points 0,0.5,1 --nets 10000 --bags 10", "  ./deeprg qft couplings --preset erbin2022-fig2"})
public final class QftCommand extends GroupCommand {
}
