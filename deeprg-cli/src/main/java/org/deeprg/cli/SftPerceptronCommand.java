package org.deeprg.cli;

import java.nio.file.Path;
import org.deeprg.result.Result;
import org.deeprg.run.RunContext;
import org.deeprg.sft.PerceptronAnalysis;
import org.deeprg.sft.PerceptronSpec;
import org.deeprg.studies.sft.SftReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sft perceptron}: Example 1 (Eqs. 13-17) on a data file. */
@Command(name = "perceptron", mixinStandardHelpOptions = true,
        description = "Example 1: periodic nearest-neighbour perceptron with sigma(z) = p z + q. Couplings K_i, J_i of Eq. 14, "
                + "the shift of the weights, the Hessian spectrum (normal modes), momentum frequencies and damping.",
        footer = {"%nData: S sites, CSV header x0..x{S-1},y0..y{S-1}, one row per example; y_i ~ sigma(w_{2i} x_i + w_{2i+1} x_{i+1 mod S}).",
                "%nExamples:", "  ./deeprg sft perceptron --data ex1.csv --p 1 --q 0 --json",
                "  ./deeprg sft perceptron --data ex1.csv --momentum 0.5 --simulate", "  ./deeprg sft perceptron --data ex1.csv --symmetrize"})
public final class SftPerceptronCommand extends ComputeCommand<PerceptronSpec> {

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Example-1 data file.")
    Path data;

    @Option(names = "--p", paramLabel = "P", description = "Slope p of sigma, in " + PerceptronSpec.P_RANGE + " (default: ${DEFAULT-VALUE}).")
    double p = 1;

    @Option(names = "--q", paramLabel = "Q", description = "Offset q of sigma, in " + PerceptronSpec.Q_RANGE + " (default: ${DEFAULT-VALUE}).")
    double q = 0;

    @Option(names = "--momentum", paramLabel = "G", description = "Damping gamma of Eq. 5, in " + org.deeprg.sft.MomentumMapping.GAMMA_RANGE + ": report frequencies sqrt(omega^2 - gamma^2/4) and damping gamma/2.")
    Double momentum;

    @Option(names = "--simulate", description = "Train with heavy ball and measure every mode's frequency and damping (needs --momentum > 0).")
    boolean simulate;

    @Option(names = "--symmetrize", description = "Close the data under cyclic shifts of the sites and add the dispersion relation.")
    boolean symmetrize;

    @Override
    protected PerceptronSpec spec() {
        return new PerceptronSpec(data, p, q, momentum, simulate, symmetrize);
    }

    @Override
    protected Result compute(PerceptronSpec spec, RunContext ctx) {
        return SftReports.perceptron(spec, PerceptronAnalysis.run(spec, ctx));
    }
}
