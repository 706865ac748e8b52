package org.deeprg.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeprg.InvalidInputException;
import org.deeprg.result.Figure;
import org.deeprg.result.Result;
import org.deeprg.result.Series;
import org.deeprg.sft.MomentumMapping;
import org.deeprg.net.Dataset;
import org.deeprg.net.DenseNetwork;
import org.deeprg.net.NetworkCost;
import org.deeprg.sft.spectral.Lanczos;
import org.deeprg.run.RunContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sft modes}: extreme Hessian eigenvalues (normal modes of training) by Lanczos over Hessian-vector products. */
@Command(name = "modes", mixinStandardHelpOptions = true,
        description = "Normal modes of training: the extreme eigenvalues omega^2 of the cost Hessian at W0 by Lanczos over exact "
                + "Hessian-vector products (no dense Hessian), with momentum frequencies and damping of Eq. 5.",
        footer = {"%nExamples:", "  ./deeprg sft modes --widths 100,400,150,10 --examples 1000 --eigenvalues 20 --which largest --json",
                "  ./deeprg sft modes --widths 3,8,2 --momentum 0.5"})
public final class SftModesCommand extends ComputeCommand<SftModesCommand.Spec> {

    /** Validated inputs; momentum NaN = none. */
    public record Spec(SftNetworkOptions.NetworkSpec network, int eigenvalues, String which, int maxSteps, double tolerance, double momentum) {
        public Spec {
            if (!java.util.List.of("largest", "smallest", "both").contains(which)) {
                throw new InvalidInputException("which", which, "largest, smallest or both");
            }
            InvalidInputException.requireInRange("eigenvalues", eigenvalues, 1, 1000);
            InvalidInputException.requireInRange("maxSteps", maxSteps, 2, 5000);
            InvalidInputException.requirePositive("tolerance", tolerance);
            if (!Double.isNaN(momentum)) {
                InvalidInputException.requireNonNegative("momentum", momentum);
            }
        }
    }

    @Mixin
    SftNetworkOptions net;

    @Option(names = "--eigenvalues", paramLabel = "K", description = "Number of extreme eigenvalues (default: ${DEFAULT-VALUE}).")
    int eigenvalues = 20;

    @Option(names = "--which", paramLabel = "END", description = "largest, smallest, or both (K/2 smallest and K - K/2 largest) (default: ${DEFAULT-VALUE}).")
    String which = "both";

    @Option(names = "--max-steps", paramLabel = "M", description = "Largest Lanczos basis (default: ${DEFAULT-VALUE}).")
    int maxSteps = 300;

    @Option(names = "--tolerance", paramLabel = "TOL", description = "Relative residual tolerance (default: ${DEFAULT-VALUE}).")
    double tolerance = 1e-8;

    @Option(names = "--momentum", paramLabel = "G", description = "Damping gamma >= 0 of Eq. 5.")
    Double momentum;

    /** A mode with its motion under momentum gamma. */
    public record Mode(double omega2, Double frequency, Double damping) { }

    /** JSON contract. */
    public record Output(int parameters, int examples, double[] smallest, double[] largest, double[] residuals, int steps,
                         boolean converged, List<Mode> modes) { }

    @Override
    protected Spec spec() {
        return new Spec(net.spec(), eigenvalues, which, maxSteps, tolerance, momentum == null ? Double.NaN : momentum);
    }

    @Override
    protected Result compute(Spec spec, RunContext ctx) {
        DenseNetwork n = spec.network().network();
        Dataset d = spec.network().dataset(ctx.streams());
        double[] w0 = spec.network().referencePoint(n, ctx.streams());
        NetworkCost cost = NetworkCost.of(n, d, ctx);
        int p = n.parameterCount();
        int want = Math.min(spec.eigenvalues(), p);
        int small = switch (spec.which()) {
            case "largest" -> 0;
            case "smallest" -> want;
            default -> want / 2;
        };
        int large = want - small;
        ctx.progress().start("lanczos", 1);
        Lanczos.Result r = Lanczos.extremes((v, out) -> cost.hessianVectorProduct(w0, v, out), p, small, large,
                Math.min(spec.maxSteps(), p), spec.tolerance(), ctx.streams().split("lanczos").generator());
        ctx.progress().advance(1);
        List<Mode> modes = new ArrayList<>();
        double[] all = new double[r.smallest().length + r.largest().length];
        System.arraycopy(r.smallest(), 0, all, 0, r.smallest().length);
        System.arraycopy(r.largest(), 0, all, r.smallest().length, r.largest().length);
        for (double w2 : all) {
            if (Double.isNaN(spec.momentum())) {
                modes.add(new Mode(w2, null, null));
            } else {
                double[] rates = MomentumMapping.continuumRates(w2, spec.momentum());
                modes.add(new Mode(w2, Math.abs(rates[1]), -Math.max(rates[0], rates[2])));
            }
        }
        double[] idx = new double[all.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Result.Builder b = Result.builder("Hessian normal modes of a " + java.util.Arrays.toString(spec.network().widths()) + " network")
                .data(new Output(p, d.size(), r.smallest(), r.largest(), r.residuals(), r.steps(), r.converged(), modes))
                .figure(Figure.of("extreme-eigenvalues", "Extreme Hessian eigenvalues", "index (smallest, then largest)", "omega^2",
                        "Ritz values from Lanczos with full re-orthogonalisation; residual bounds in result.json.", Series.markers("omega^2", idx, all)))
                .summary(String.format(Locale.ROOT, "%d parameters, %d Lanczos steps, converged: %s", p, r.steps(), r.converged()))
                .summary(String.format(Locale.ROOT, "smallest omega^2 = %.6g, largest = %.6g", all[0], all[all.length - 1]));
        if (spec.network().data() != null) {
            b.inputFile(spec.network().data());
        }
        return b.build();
    }
}
