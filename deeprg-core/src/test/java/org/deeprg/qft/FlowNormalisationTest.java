package org.deeprg.qft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.deeprg.net.Activation;
import org.junit.jupiter.api.Test;

/**
 * The relation between Eq. 8's coupling and the flow's (Z0-normalised) one, the exact slopes in both normalisations,
 * and the zero-dimensional checks of Eqs. 8 and 10.
 */
class FlowNormalisationTest {
    private static final double[][] SIX = {{-0.01}, {-0.006}, {-0.002}, {0.002}, {0.006}, {0.01}};

    /** Eq. 9 by numerical Fourier transform (paper's convention), and Z0^-1 from its small-p expansion. */
    @Test
    void eq9PropagatorAndResidue() {
        for (int d : new int[] {1, 2, 3}) {
            for (double sw : new double[] {0.7, 1.3, 4.0}) {
                double a = Math.pow(sw * sw, 1 - d / 2.0) * Math.pow(d / (2 * Math.PI), d / 2.0);
                double lambda2 = 2 * sw * sw / d;
                assertThat(WetterichFlow.z0Inverse(sw, d)).isCloseTo(a * lambda2, within(1e-12 * a * lambda2));
                // K_W(p) = Z0^-1/(Lambda^2 + p^2) + O(p^4): compare the p^2 coefficients numerically
                double p = 1e-3 * Math.sqrt(lambda2);
                double kw = a * Math.exp(-p * p / lambda2);
                assertThat(kw).isCloseTo(WetterichFlow.z0Inverse(sw, d) / (lambda2 + p * p), within(1e-10 * kw));
            }
        }
        // d = 1: the transform itself, by the trapezoidal rule on (2 pi)^-1 int dx e^{-ipx} sigma^2 exp(-sigma^2 x^2 / 2)
        double sw = 1.3;
        for (double p : new double[] {0, 0.4, 1.5}) {
            double lim = 14 / sw;
            int n = 20001;
            double h = 2 * lim / (n - 1);
            double s = 0;
            for (int i = 0; i < n; i++) {
                double x = -lim + i * h;
                s += (i == 0 || i == n - 1 ? 0.5 : 1) * sw * sw * Math.exp(-sw * sw * x * x / 2) * Math.cos(p * x);
            }
            s *= h / (2 * Math.PI);
            double eq9 = Math.pow(sw * sw, 0.5) * Math.sqrt(1 / (2 * Math.PI)) * Math.exp(-p * p / (2 * sw * sw));
            assertThat(s).isCloseTo(eq9, within(1e-12));
        }
    }

    /**
     * Eq. 13 and its u_6 analogue hold in the flow normalisation when sigma_b > 0, not at Fig. 2's sigma_b = 0; the two
     * normalisations differ by exactly 2(4 - d) and 3(4 - d).
     */
    @Test
    void exactSlopesInBothNormalisations() {
        List<Double> sig = new ArrayList<>();
        for (int i = 0; i <= 18; i++) {
            sig.add(1.0 + 0.5 * i);
        }
        sig.add(20.0);
        CouplingScan.Exact one = CouplingScan.exact(NetworkSpec.oneLayer(1, 10, Activation.GAUSS, 1.0, 1.0), sig, SIX);
        assertThat(one.slopes().u4().flow()).isCloseTo(3.0, within(0.01));
        assertThat(one.slopes().u4().eq8()).isCloseTo(-3.0, within(0.01));
        assertThat(one.slopes().u6().flow()).isCloseTo(4.0, within(0.02));
        assertThat(one.slopes().u4().flow() - one.slopes().u4().eq8()).isCloseTo(6.0, within(1e-12));
        assertThat(one.slopes().u6().flow() - one.slopes().u6().eq8()).isCloseTo(9.0, within(1e-12));
        CouplingScan.Exact zero = CouplingScan.exact(NetworkSpec.oneLayer(1, 10, Activation.GAUSS, 1.0, 0.0), sig, SIX);
        // at sigma_b = 0 the sigma_W-independent part of Delta G^(4) vanishes: u_4 ~ sigma_W^(d-2), u_4^flow ~ sigma_W^(6-d)
        assertThat(zero.slopes().u4().eq8()).isCloseTo(-1.0, within(0.03));
        assertThat(zero.slopes().u4().flow()).isCloseTo(5.0, within(0.03));
        // point by point, u^flow = Z0^-2 u
        CouplingScan.ExactPoint p = one.points().get(3);
        assertThat(p.u4Flow()).isCloseTo(Math.pow(WetterichFlow.z0Inverse(p.sigmaW(), 1), 2) * p.u4(), within(1e-12 * Math.abs(p.u4Flow())));
    }

    /** Fig. 2 at its statistics cannot resolve u_4: millions of networks are needed at every sigma_W (exact 8-point functions). */
    @Test
    void fig2CouldNotResolveU4() {
        CouplingScan.Exact zero = CouplingScan.exact(NetworkSpec.oneLayer(1, 10, Activation.GAUSS, 1.0, 0.0), List.of(1.0, 5.0, 20.0), SIX);
        for (CouplingScan.ExactPoint p : zero.points()) {
            assertThat(p.networksToResolve(5)).as("sigma_W %s", p.sigmaW()).isGreaterThan(1e8);
            assertThat(p.u4()).isNegative();
        }
    }

    /** The u_4 standard error from the exact 8-point functions matches the scatter of the sampled Eq. 8 average. */
    @Test
    void exactStandardErrorOfU4MatchesSampling() {
        NetworkSpec net = NetworkSpec.oneLayer(1, 5, Activation.GAUSS, 1.0, 0.2);
        double[][] pts = {{-0.2}, {0.0}, {0.2}};
        CouplingResult r = CouplingScan.run(new CouplingSpec(net, List.of(0.5, 1.0), pts, 12000, 20), org.deeprg.run.RunContext.of(7, 2));
        for (CouplingResult.ScanPoint p : r.scan()) {
            assertThat(p.u4().stderrReliable()).as("%s", p.u4()).isTrue();
            // the bag scatter estimates the exact standard error with 19 degrees of freedom (relative sd about 16%)
            assertThat(p.u4().stderr() / p.u4ExactStderr()).as("sigma_W %s", p.sigmaW()).isBetween(0.6, 1.5);
            assertThat(p.u4().agreesWith(p.exactU4(), 4)).isTrue();
        }
        assertThat(r.exactSlopes().u4().flow() - r.exactSlopes().u4().eq8()).isCloseTo(6.0, within(1e-12));
    }

    @Test
    void zeroDimensionalChecksOfEqs8And10() {
        assertThat(Couplings.zeroDimensionalTreeRatio(1.0, 1e-4)).isCloseTo(1.0, within(1e-3));
        assertThat(Couplings.zeroDimensionalTreeRatio(2.5, 1e-5)).isCloseTo(1.0, within(1e-3));
        for (double u : new double[] {0.05, 0.5}) {
            double[] f = WetterichFlow.zeroDimensionalFlowCheck(1.0, u, 0.3);
            assertThat(f[0]).isCloseTo(f[1], within(1e-6 * Math.abs(f[1])));
        }
    }
}
