package org.deeprg.cli;

import org.deeprg.dyn.DynNetwork;
import org.deeprg.dyn.Example;
import org.deeprg.studies.dyn.DynMcReport;
import org.deeprg.dyn.mc.SpinGlassAnalysis;
import org.deeprg.dyn.mc.SpinGlassSpec;
import org.deeprg.result.Result;
import org.deeprg.run.RunContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dyn spinglass}: the Edwards-Anderson limit of Appendix A, replica overlaps of sampled coupling sets. */
@Command(name = "spinglass", mixinStandardHelpOptions = true,
        description = "Spin-glass limit (Appendix A, Eq. A2): draws W, b from the Gaussian regulariser weight, builds the "
                + "Edwards-Anderson couplings J = lambda_m W^(m) and fields K = lambda_m b^(m) (exported as a coupling list), "
                + "and runs two independent Metropolis replicas per coupling set: overlap distribution P(q), [<q^2>], "
                + "spin-glass susceptibility n [<q^2>], Binder ratio.",
        footer = {"%nExamples:", "  ./deeprg dyn spinglass --width 4 --depth 8 --beta 2 --beta-v 4 --samples 32 --sweeps 2000",
                "  ./deeprg dyn spinglass --width 8 --depth 16 --example 1,1,1,1,1,1,1,1:1,0,1,0,1,0,1,0 --json"})
public final class DynSpinglassCommand extends ComputeCommand<SpinGlassSpec> {
    @Option(names = "--width", paramLabel = "N", description = "Width N (default: ${DEFAULT-VALUE}).")
    int width = 4;
    @Option(names = "--depth", paramLabel = "M", description = "Depth M (default: ${DEFAULT-VALUE}).")
    int depth = 8;
    @Option(names = "--activation", paramLabel = "NAME", description = "Recorded activation; Eq. A2 is the sigmoid's linear regime (default: ${DEFAULT-VALUE}).")
    String activation = "sigmoid";
    @Option(names = "--example", paramLabel = "X:Y", description = "Input and target (default: x = 1, y = 1 per unit).")
    String example;
    @Option(names = "--beta", paramLabel = "B", description = "Inverse temperature (default: ${DEFAULT-VALUE}).")
    double beta = 2.0;
    @Option(names = "--beta-v", paramLabel = "BV", description = "betaV; couplings lambda_m = betaV/beta (default: ${DEFAULT-VALUE}).")
    double betaV = 4.0;
    @Option(names = {"--weight-regulariser", "--c-w"}, paramLabel = "C", description = "c_W: W ~ N(0, 1/(2 beta c_W)) (default: ${DEFAULT-VALUE}).")
    double weightRegulariser = 0.25;
    @Option(names = {"--bias-regulariser", "--c-b"}, paramLabel = "C", description = "c_b (default: ${DEFAULT-VALUE}).")
    double biasRegulariser = 0.25;
    @Option(names = "--samples", paramLabel = "S", description = "Coupling sets (default: ${DEFAULT-VALUE}).")
    int samples = 32;
    @Option(names = "--sweeps", paramLabel = "K", description = "Measured sweeps per replica, in " + org.deeprg.dyn.mc.DynMcSpec.SWEEPS_RANGE + " (default: ${DEFAULT-VALUE}).")
    long sweeps = 2000;
    @Option(names = "--thermalization", paramLabel = "K", description = "Discarded sweeps, in " + org.deeprg.dyn.mc.DynMcSpec.THERMALIZATION_RANGE + " (default: sweeps/10).")
    Long thermalization;
    @Option(names = "--rungs", paramLabel = "K", description = "Parallel tempering over K betaV rungs, geometric from betaV/8 to betaV (default: ${DEFAULT-VALUE}, none).")
    int rungs = 1;

    @Override
    protected SpinGlassSpec spec() {
        org.deeprg.InvalidInputException.requireInRange("width", width, 1, 1 << 16);
        org.deeprg.InvalidInputException.requireInRange("depth", depth, 1, Integer.MAX_VALUE);
        Example ex;
        if (example != null) {
            ex = Example.parse("example", example);
        } else {
            double[] x = new double[width];
            java.util.Arrays.fill(x, 1);
            ex = new Example(x, x);
        }
        return new SpinGlassSpec(new DynNetwork(width, depth, DynNetwork.parseActivation("activation", activation)), ex, beta, betaV,
                weightRegulariser, biasRegulariser, samples, sweeps, thermalization != null ? thermalization : sweeps / 10, rungs);
    }

    @Override
    protected Result compute(SpinGlassSpec spec, RunContext context) {
        return DynMcReport.spinGlass(spec, SpinGlassAnalysis.run(spec, context));
    }
}
