package org.deeprg.cli;

import java.util.ArrayList;
import java.util.List;
import org.deeprg.dyn.Alphabet;
import org.deeprg.dyn.Example;
import org.deeprg.dyn.DynNetwork;
import org.deeprg.dyn.exact.ExactDyn;
import org.deeprg.studies.dyn.ExactReport;
import org.deeprg.dyn.exact.ExactSpec;
import org.deeprg.result.Result;
import org.deeprg.run.RunContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dyn exact}: exact ln Z of H_new and of the original ensemble by transfer matrices. */
@Command(name = "exact", mixinStandardHelpOptions = true,
        description = "Exact ln Z of H_new (Eq. 14) and of the original Gibbs ensemble (Eq. 5) by transfer matrices along depth, "
                + "exact <cost>, <constraint>, <h>, and the betaV -> infinity convergence table.",
        footer = {"%nExamples:", "  ./deeprg dyn exact --width 2 --depth 3 --example 1,0:0,1 --beta 1 --beta-v 5",
                "  ./deeprg dyn exact --width 1 --depth 1000000 --example 1:0 --beta 1 --beta-v 1000 --json"})
public final class DynExactCommand extends ComputeCommand<ExactSpec> {
    @Option(names = "--width", paramLabel = "N", description = "Width N (default: ${DEFAULT-VALUE}).")
    int width = 1;
    @Option(names = "--depth", paramLabel = "M", description = "Depth M, number of dynamic-neuron layers (default: ${DEFAULT-VALUE}).")
    int depth = 4;
    @Option(names = "--alphabet", paramLabel = "LIST", description = "Weight and bias alphabet (default: ${DEFAULT-VALUE}).")
    String alphabet = "-1,1";
    @Option(names = "--neuron-alphabet", paramLabel = "LIST", description = "Neuron alphabet (default: ${DEFAULT-VALUE}).")
    String neuronAlphabet = "0,1";
    @Option(names = "--activation", paramLabel = "NAME", description = "heaviside, sigmoid, tanh, relu, linear (default: ${DEFAULT-VALUE}).")
    String activation = "heaviside";
    @Option(names = "--example", paramLabel = "X:Y", description = "A training example, X and Y comma-separated (repeatable; default 1:0 per unit).")
    List<String> examples = new ArrayList<>();
    @Option(names = "--beta", paramLabel = "B", description = "Inverse temperature beta (default: ${DEFAULT-VALUE}).")
    double beta = 1.0;
    @Option(names = "--beta-v", paramLabel = "BV", description = "Constraint coupling betaV = beta lambda (default: ${DEFAULT-VALUE}).")
    double betaV = 5.0;

    @Override
    protected ExactSpec spec() {
        List<Example> ex = new ArrayList<>();
        for (String s : examples) {
            ex.add(Example.parse("example", s));
        }
        if (ex.isEmpty()) {
            double[] x = new double[Math.max(width, 1)];
            java.util.Arrays.fill(x, 1);
            ex.add(new Example(x, new double[x.length]));
        }
        return new ExactSpec(width, depth, DynNetwork.parseActivation("activation", activation), Alphabet.parse("alphabet", alphabet),
                Alphabet.parse("neuronAlphabet", neuronAlphabet), ex, beta, betaV);
    }

    @Override
    protected Result compute(ExactSpec spec, RunContext context) {
        return ExactReport.result(spec, ExactDyn.run(spec, context));
    }
}
