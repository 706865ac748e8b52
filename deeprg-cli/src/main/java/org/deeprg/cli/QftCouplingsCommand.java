package org.deeprg.cli;

import java.util.List;
import org.deeprg.qft.CouplingScan;
import org.deeprg.qft.CouplingSpec;
import org.deeprg.qft.NetworkSpec;
import org.deeprg.studies.qft.Erbin2022;
import org.deeprg.studies.qft.QftReports;
import org.deeprg.result.Result;
import org.deeprg.study.Scale;
import org.deeprg.run.RunContext;
import org.deeprg.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code deeprg qft couplings}: effective couplings u_4, u_6 against sigma_W and the flow equation (Fig. 2). */
@Command(name = "couplings", mixinStandardHelpOptions = true,
        description = {"Effective couplings of the local ansatz Eq. 7 for Gauss-net ensembles: u_4 of Eq. 8 and a joint (u_4, u_6) fit "
                + "with jackknife covariance, at each sigma_W; slopes of log|u| against log sigma_W beside the paper's Eq. 13; "
                + "the flow equation in the paper's truncation.",
                "Convention: S_int = u_4/4! int f^4 + u_6/6! int f^6, so Delta G^(4) = -u_4 int prod K_W (Eq. 8).",
                "Preset erbin2022-fig2: sigma_b = 0, sigma_W in {1.0, 1.5, ..., 10, 20}, 30 bags x 30000 nets, N = 10."},
        footer = {"%nExamples:",
                "  ./deeprg qft couplings --sigma-w 1,2,5,10,20 --width 10 --nets 5000 --bags 10",
                "  ./deeprg qft couplings --preset erbin2022-fig2 --json"})
public final class QftCouplingsCommand extends ComputeCommand<CouplingSpec> {
    @Option(names = "--preset", paramLabel = "NAME", description = "erbin2022-fig2 (--width, --nets, --bags override it).")
    String preset;

    @Option(names = "--sigma-w", split = ",", paramLabel = "S", description = "sigma_W values (default: 1,2,5,10,20).")
    List<Double> sigmaW;

    @Option(names = "--sigma-b", paramLabel = "S", description = "Bias scale sigma_b (default: 0, as in Fig. 2).")
    double sigmaB = 0.0;

    @Option(names = "--width", paramLabel = "N", description = "Hidden width N (default: 10).")
    Integer width;

    @Option(names = "--points", split = ",", paramLabel = "X", description = "Input points (default: the six points of Sec. 3); coordinates separated by ':'.")
    List<String> points;

    @Option(names = "--d-in", paramLabel = "D", description = "Input dimension d_in (default: 1).")
    int dIn = 1;

    @Option(names = "--nets", paramLabel = "K", description = "Networks per bag (default: 10000).")
    Integer nets;

    @Option(names = "--bags", paramLabel = "B", description = "Bags (default: 10).")
    Integer bags;

    @Override
    protected CouplingSpec spec() {
        if (preset != null) {
            if (!preset.equals("erbin2022-fig2")) {
                throw new InvalidInputException("--preset", preset, "must be erbin2022-fig2");
            }
            CouplingSpec p = Erbin2022.fig2(Scale.FULL);
            return new CouplingSpec(width != null ? p.network().withWidth(width) : p.network(), sigmaW != null ? sigmaW : p.sigmaWs(),
                    p.points(), nets != null ? nets : p.nets(), bags != null ? bags : p.bags());
        }
        NetworkSpec net = NetworkSpec.oneLayer(dIn, width != null ? width : 10, org.deeprg.net.Activation.GAUSS, 1.0, sigmaB);
        double[][] pts = points != null ? QftOptions.points(points, dIn) : (dIn == 1 ? Erbin2022.POINTS : null);
        if (pts == null) {
            throw new InvalidInputException("points", "(none)", "give the points for d_in = " + dIn);
        }
        return new CouplingSpec(net, sigmaW != null ? sigmaW : List.of(1.0, 2.0, 5.0, 10.0, 20.0), pts,
                nets != null ? nets : 10_000, bags != null ? bags : 10);
    }

    @Override
    protected Result compute(CouplingSpec spec, RunContext context) {
        return QftReports.couplings("NN-QFT effective couplings against sigma_W", CouplingScan.run(spec, context));
    }
}
