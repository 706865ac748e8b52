package org.deeprg.cli;

import org.deeprg.dyn.Alphabet;
import org.deeprg.dyn.DynNetwork;
import org.deeprg.dyn.exact.BulkChain;
import org.deeprg.studies.dyn.ChainReport;
import org.deeprg.dyn.exact.ChainSpec;
import org.deeprg.result.Result;
import org.deeprg.run.RunContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dyn chain}: the infinite-depth bulk transfer matrix. */
@Command(name = "chain", mixinStandardHelpOptions = true,
        description = "Infinite-depth bulk chain: free energy per layer -ln lambda_1, all eigenvalues, correlation length "
                + "xi = 1/ln(lambda_1/|lambda_2|), exact G_h(r) and G_sigma(r) (Eqs. 34-35).",
        footer = {"%nExamples:", "  ./deeprg dyn chain --width 1 --alphabet -1,1 --beta-v 2",
                "  ./deeprg dyn chain --width 2 --examples 2 --alphabet -1,0,1 --beta-v 1 --json"})
public final class DynChainCommand extends ComputeCommand<ChainSpec> {
    @Option(names = "--width", paramLabel = "N", description = "Width N (default: ${DEFAULT-VALUE}).")
    int width = 1;
    @Option(names = "--examples", paramLabel = "L", description = "Number of examples L sharing the weights (default: ${DEFAULT-VALUE}).")
    int examples = 1;
    @Option(names = "--alphabet", paramLabel = "LIST", description = "Weight and bias alphabet (default: ${DEFAULT-VALUE}).")
    String alphabet = "-1,1";
    @Option(names = "--neuron-alphabet", paramLabel = "LIST", description = "Neuron alphabet (default: ${DEFAULT-VALUE}).")
    String neuronAlphabet = "0,1";
    @Option(names = "--activation", paramLabel = "NAME", description = "heaviside, sigmoid, tanh, relu, linear (default: ${DEFAULT-VALUE}).")
    String activation = "heaviside";
    @Option(names = "--beta-v", paramLabel = "BV", description = "Constraint coupling betaV (default: ${DEFAULT-VALUE}).")
    double betaV = 2.0;
    @Option(names = "--max-distance", paramLabel = "R", description = "Largest |m - n| of the correlation functions (default: ${DEFAULT-VALUE}).")
    int maxDistance = 30;

    @Override
    protected ChainSpec spec() {
        return new ChainSpec(width, examples, DynNetwork.parseActivation("activation", activation), Alphabet.parse("alphabet", alphabet),
                Alphabet.parse("neuronAlphabet", neuronAlphabet), betaV, maxDistance);
    }

    @Override
    protected Result compute(ChainSpec spec, RunContext context) {
        return ChainReport.result(BulkChain.run(spec, context));
    }
}
