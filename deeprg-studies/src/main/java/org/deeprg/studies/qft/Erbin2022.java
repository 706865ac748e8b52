package org.deeprg.studies.qft;

import java.util.ArrayList;
import java.util.List;
import org.deeprg.net.Activation;
import org.deeprg.qft.CouplingSpec;
import org.deeprg.qft.EnsembleSpec;
import org.deeprg.qft.NetworkSpec;
import org.deeprg.study.Scale;

/** The settings of Erbin, Lahoche, Samary (2022), Sec. 3 and Fig. 2, at paper (FULL) and QUICK scale. */
public final class Erbin2022 {
    /** The six points of Sec. 3. */
    public static final double[][] POINTS = {{-0.01}, {-0.006}, {-0.002}, {0.002}, {0.006}, {0.01}};
    /** The widths of Sec. 3. */
    public static final List<Integer> WIDTHS = List.of(2, 3, 4, 5, 10, 20, 50, 100, 500, 1000);
    /** Width used for the sigmaW scan (Fig. 2 does not state it). */
    public static final int FIG2_WIDTH = 10;

    private Erbin2022() {
    }

    /** Sec. 3: sigmaB = sigmaW = 1, 20 bags of 30000 nets (FULL); 10 bags of 3000 nets (QUICK). */
    public static EnsembleSpec ensemble(Scale scale) {
        NetworkSpec net = NetworkSpec.oneLayer(1, 1, Activation.GAUSS, 1.0, 1.0);
        return scale == Scale.FULL
                ? new EnsembleSpec(net, WIDTHS, POINTS, 6, 30_000, 20, true)
                : new EnsembleSpec(net, WIDTHS, POINTS, 6, 3_000, 10, true);
    }

    /** Sec. 3's Gauss-net (sigma_b = sigma_W = 1) at width N. */
    public static NetworkSpec sec3Network(int width) {
        return NetworkSpec.oneLayer(1, width, Activation.GAUSS, 1.0, 1.0);
    }

    /** The sigmaW values of Fig. 2: 1.0, 1.5, ..., 10, 20. */
    public static List<Double> fig2Sigmas() {
        List<Double> s = new ArrayList<>();
        for (int i = 0; i <= 18; i++) {
            s.add(1.0 + 0.5 * i);
        }
        s.add(20.0);
        return s;
    }

    /** Fig. 2: sigmaB = 0, 30 bags of 30000 nets per sigmaW (FULL); 5 sigmaW values, 10 bags of 2000 nets (QUICK). */
    public static CouplingSpec fig2(Scale scale) {
        NetworkSpec net = NetworkSpec.oneLayer(1, FIG2_WIDTH, Activation.GAUSS, 1.0, 0.0);
        return scale == Scale.FULL
                ? new CouplingSpec(net, fig2Sigmas(), POINTS, 30_000, 30)
                : new CouplingSpec(net, List.of(1.0, 2.0, 5.0, 10.0, 20.0), POINTS, 2_000, 10);
    }
}
