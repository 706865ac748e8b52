package org.deeprg.qft;

import org.deeprg.net.Activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.deeprg.run.RunContext;
import org.junit.jupiter.api.Test;

class CouplingsTest {
    private static double kw(double sw, double x, double y) {
        return sw * sw * Math.exp(-sw * sw * (x - y) * (x - y) / 2);
    }

    @Test
    void productIntegralMatchesNumericalIntegration() {
        double sw = 1.7;
        double[] xs = {-0.3, 0.1, 0.1, 0.8};
        double num = 0;
        double h = 1e-3;
        for (double x = -12; x <= 12; x += h) {
            double p = 1;
            for (double a : xs) {
                p *= kw(sw, x, a);
            }
            num += p * h;
        }
        double[][] pts = {{xs[0]}, {xs[1]}, {xs[2]}, {xs[3]}};
        assertThat(Couplings.integralOfKernels(sw, pts)).isCloseTo(num, within(1e-9 * num));
    }

    @Test
    void productIntegralInTwoDimensionsFactorises() {
        // d = 2 with points on the first axis: I = I_1d(sigma^2/2 per axis)... check against a 2-d grid
        double sw = 1.3;
        double[][] pts = {{0.2, -0.1}, {0.5, 0.4}, {-0.3, 0.0}, {0.1, 0.1}};
        double h = 0.02;
        double num = 0;
        for (double x = -8; x <= 8; x += h) {
            for (double y = -8; y <= 8; y += h) {
                double p = 1;
                for (double[] a : pts) {
                    double d2 = (x - a[0]) * (x - a[0]) + (y - a[1]) * (y - a[1]);
                    p *= sw * sw * Math.exp(-sw * sw * d2 / 4);
                }
                num += p * h * h;
            }
        }
        assertThat(Couplings.integralOfKernels(sw, pts)).isCloseTo(num, within(1e-6 * num));
    }

    @Test
    void exchangeIntegralMatchesNumericalIntegration() {
        double sw = 1.1;
        double[] l = {-0.2, 0.1, 0.4};
        double[] r = {0.0, 0.3, 0.9};
        double h = 0.01;
        double num = 0;
        for (double x = -7; x <= 7; x += h) {
            double px = 1;
            for (double a : l) {
                px *= kw(sw, x, a);
            }
            for (double y = -7; y <= 7; y += h) {
                double p = px * kw(sw, x, y);
                for (double a : r) {
                    p *= kw(sw, y, a);
                }
                num += p * h * h;
            }
        }
        double exact = Couplings.exchangeIntegral(sw, new double[][] {{l[0]}, {l[1]}, {l[2]}}, new double[][] {{r[0]}, {r[1]}, {r[2]}});
        assertThat(exact).isCloseTo(num, within(1e-7 * num));
    }

    /** Data generated from the tree-level model with known couplings are fitted back exactly. */
    @Test
    void jointFitRecoversKnownCouplings() {
        NetworkSpec net = NetworkSpec.oneLayer(1, 10, Activation.GAUSS, 2.0, 0.0);
        double[][] pts = {{-0.5}, {0.0}, {0.4}};
        NPointLayout layout = new NPointLayout(3, 6);
        Couplings.Design d = new Couplings.Design(layout, pts, net);
        double u4 = -0.37;
        double u6 = 0.052;
        double[] means = new double[layout.slots()];
        double[][] k = Kernel.matrix(net, pts);
        for (int s = 0; s < layout.slots(); s++) {
            means[s] = Wick.gaussianValue(layout.multiset(s), k);
        }
        int a = 0;
        for (int s = 0; s < layout.slots(); s++) {
            if (layout.multiset(s).length == 4) {
                means[s] += -u4 * d.i4[a++];
            }
        }
        int b = 0;
        for (int s = 0; s < layout.slots(); s++) {
            if (layout.multiset(s).length == 6) {
                double v = -u6 * d.i6[b] + u4 * u4 * d.t6[b];
                for (int q = 0; q < 15; q++) {
                    int s4 = d.sub4[b][q];
                    v += (means[s4] - d.gaussian[s4]) * d.subK[b][q];
                }
                means[s] += v;
                b++;
            }
        }
        double[] s4 = new double[d.size4()];
        double[] s6 = new double[d.size6()];
        java.util.Arrays.fill(s4, 1.0);
        java.util.Arrays.fill(s6, 1.0);
        double[] fit = d.fit(means, s4, s6);
        assertThat(fit[0]).isCloseTo(u4, within(1e-9));
        assertThat(fit[1]).isCloseTo(u6, within(1e-9));
        assertThat(d.u4Average(means)).isCloseTo(u4, within(1e-9));
    }

    @Test
    void flowIntegratesTheCanonicalPowerLaw() {
        WetterichFlow flow = new WetterichFlow(1);
        double[] end = flow.integrate(1.5, -0.2, 0.03, 20.0);
        assertThat(end[0]).isCloseTo(-0.2 * Math.pow(20 / 1.5, 3), within(1e-8 * 0.2 * Math.pow(20 / 1.5, 3)));
        assertThat(end[1]).isCloseTo(0.03 * Math.pow(20 / 1.5, 4), within(1e-8 * 0.03 * Math.pow(20 / 1.5, 4)));
        double[] back = new WetterichFlow(2).integrate(10, 1.0, 1.0, 2.0);
        assertThat(back[0]).isCloseTo(Math.pow(0.2, 2), within(1e-10));
        assertThat(back[1]).isCloseTo(Math.pow(0.2, 2), within(1e-10));
    }

    @Test
    void scanGivesExactCouplingsAndSampledErrors() {
        NetworkSpec net = NetworkSpec.oneLayer(1, 3, Activation.GAUSS, 1.0, 0.0);
        // light tails: sigmaW |x| <= 0.3 keeps the 8th moments (the variance of G^(4)) moderate
        double[][] pts = {{-0.2}, {0.0}, {0.2}};
        CouplingSpec spec = new CouplingSpec(net, List.of(0.5, 1.0, 1.5), pts, 2000, 10);
        CouplingResult r = CouplingScan.run(spec, RunContext.of(2));
        assertThat(r.scan()).hasSize(3);
        for (CouplingResult.ScanPoint p : r.scan()) {
            assertThat(p.u4().stderr()).isPositive();
            assertThat(p.u4Fit().stderr()).isPositive();
            // the sampled Eq. 8 average is unbiased for the exact one
            assertThat(p.u4().agreesWith(p.exactU4(), 4.5)).as("%s", p).isTrue();
        }
        assertThat(r.u4Slope().paper()).isEqualTo(3.0);
        assertThat(r.u6Slope().paper()).isEqualTo(4.0);
        assertThat(r.u4Slope().exact()).isFinite();
    }
}
