package org.deeprg.cli;

import java.util.List;
import org.deeprg.InvalidInputException;
import org.deeprg.qft.CouplingScan;
import org.deeprg.qft.CouplingSpec;
import org.deeprg.qft.Ensemble;
import org.deeprg.qft.EnsembleSpec;
import org.deeprg.qft.Estimator;
import org.deeprg.qft.NetworkSpec;
import org.deeprg.studies.qft.Erbin2022;
import org.deeprg.studies.qft.QftReports;
import org.deeprg.result.Result;
import org.deeprg.study.Scale;
import org.deeprg.run.RunContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code deeprg qft ensemble}: n-point functions of random-network ensembles against width (Sec. 3, Fig. 1). */
@Command(name = "ensemble", mixinStandardHelpOptions = true,
        description = {"Sample ensembles of random networks f(x) = W1 g(W0 x + b0) + b1 (Eq. 1) and measure all n-point functions "
                + "at the sorted multisets of the points (Eq. 5), with Wick values (Eq. 4), deviations m_n (Eq. 6) and exact "
                + "finite-width values.",
                "Presets: erbin2022 (Sec. 3: sigma_b = sigma_W = 1, 20 bags x 30000 nets, N in {2..1000}, the six points), "
                + "erbin2022-fig2 (the sigma_W scan of Fig. 2, same as 'qft couplings --preset erbin2022-fig2'). "
                + "--width, --nets, --bags and --max-n override a preset."},
        footer = {"%nExamples:",
                "  ./deeprg qft ensemble --activation gauss --sigma-w 1 --sigma-b 1 --width 2,10,100 --points=-0.01,0,0.01 --nets 20000 --bags 10",
                "  ./deeprg qft ensemble --activation relu --width 5 --points 0.5,1 --max-n 4 --json",
                "  ./deeprg qft ensemble --activation relu --sigma-w 1.4142 --sigma-b 0 --depth 4 --width 32 --points 1 --max-n 4 --estimator conditional",
                "  ./deeprg qft ensemble --preset erbin2022"})
public final class QftEnsembleCommand extends ComputeCommand<QftEnsembleCommand.Request> {
    /** Either an ensemble or (preset erbin2022-fig2) a coupling scan. */
    public record Request(String preset, EnsembleSpec ensemble, CouplingSpec couplings) {
    }

    @Option(names = "--preset", paramLabel = "NAME", description = "erbin2022 or erbin2022-fig2.")
    String preset;

    @Option(names = "--activation", paramLabel = "G", description = "gauss (Eq. 3), erf, relu, tanh or gelu (default: gauss).")
    String activation = "gauss";

    @Option(names = "--sigma-w", paramLabel = "S", description = "Weight scale sigma_W (default: 1).")
    double sigmaW = 1.0;

    @Option(names = "--sigma-b", paramLabel = "S", description = "Bias scale sigma_b (default: 1).")
    double sigmaB = 1.0;

    @Option(names = "--width", split = ",", paramLabel = "N", description = "Hidden widths N, comma separated (default: 2,10,100).")
    List<Integer> widths;

    @Option(names = "--points", split = ",", paramLabel = "X", description = "Input points, comma separated; coordinates of one point separated by ':' (default: the six points of Sec. 3). Use --points=-0.01,... for negative first values.")
    List<String> points;

    @Option(names = "--d-in", paramLabel = "D", description = "Input dimension d_in (default: 1).")
    int dIn = 1;

    @Option(names = "--depth", paramLabel = "L", description = "Hidden layers (default: 1; exact finite-width values need 1). For L > 1 the "
            + "leading-1/N connected 4-point function of the four-point vertex recursion is printed beside the sampled one.")
    int depth = 1;

    @Option(names = "--nets", paramLabel = "K", description = "Networks per bag (default: 10000).")
    Integer nets;

    @Option(names = "--bags", paramLabel = "B", description = "Bags (default: 10).")
    Integer bags;

    @Option(names = "--max-n", paramLabel = "n", description = "Largest n (even, 2..8; default: 6).")
    Integer maxN;

    @Option(names = "--no-exact", description = "Skip the exact finite-width values.")
    boolean noExact;

    @Option(names = "--estimator", paramLabel = "E", description = "plain (the paper's average of products, Eq. 5; default) or conditional "
            + "(the readout layer integrated analytically: E[f(x1)..f(xn) | hidden layer] is a Wick sum over the hidden-layer covariance; "
            + "unbiased, with a variance smaller by about the width).")
    String estimator = "plain";

    @Override
    protected Request spec() {
        if (preset != null) {
            switch (preset) {
                case "erbin2022": {
                    EnsembleSpec p = Erbin2022.ensemble(Scale.FULL);
                    return new Request(preset, new EnsembleSpec(p.network(), widths != null ? widths : p.widths(), p.points(),
                            maxN != null ? maxN : p.maxN(), nets != null ? nets : p.nets(), bags != null ? bags : p.bags(), !noExact,
                            Estimator.parse("estimator", estimator)), null);
                }
                case "erbin2022-fig2": {
                    CouplingSpec p = Erbin2022.fig2(Scale.FULL);
                    NetworkSpec net = widths != null && !widths.isEmpty() ? p.network().withWidth(checkWidth(widths.get(0))) : p.network();
                    return new Request(preset, null, new CouplingSpec(net, p.sigmaWs(), p.points(), nets != null ? nets : p.nets(),
                            bags != null ? bags : p.bags()));
                }
                default:
                    throw new InvalidInputException("--preset", preset, "must be erbin2022 or erbin2022-fig2");
            }
        }
        NetworkSpec net = new NetworkSpec(dIn, 1, depth, QftOptions.activation(activation), sigmaW, sigmaB);
        double[][] pts = points != null ? QftOptions.points(points, dIn) : (dIn == 1 ? Erbin2022.POINTS : null);
        if (pts == null) {
            throw new InvalidInputException("points", "(none)", "give the points for d_in = " + dIn);
        }
        return new Request(null, new EnsembleSpec(net, widths != null ? widths : List.of(2, 10, 100), pts,
                maxN != null ? maxN : 6, nets != null ? nets : 10_000, bags != null ? bags : 10, !noExact,
                Estimator.parse("estimator", estimator)), null);
    }

    private static int checkWidth(int w) {
        return InvalidInputException.requireInRange("width", w, 1, NetworkSpec.MAX_WIDTH);
    }

    @Override
    protected Result compute(Request spec, RunContext context) {
        if (spec.couplings() != null) {
            return QftReports.couplings("NN-QFT couplings, preset " + spec.preset(), CouplingScan.run(spec.couplings(), context));
        }
        return QftReports.ensemble("NN-QFT ensemble" + (spec.preset() != null ? ", preset " + spec.preset() : ""),
                Ensemble.run(spec.ensemble(), context));
    }
}
