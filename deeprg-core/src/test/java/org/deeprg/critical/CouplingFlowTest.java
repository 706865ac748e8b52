package org.deeprg.critical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.deeprg.InvalidInputException;
import org.deeprg.random.RandomStreams;
import org.deeprg.testing.Reproducibility;
import org.junit.jupiter.api.Test;

class CouplingFlowTest {

    /** Random symmetric w = Q diag(lambda) Q^T with eigenvalues of a w chosen by the caller. */
    static double[] symmetricWithSpectrum(double[] x, double a, long seed) {
        int n = x.length;
        UniformRandomProvider rng = RandomStreams.root(seed).generator();
        double[] weights = new double[n];
        for (int k = 0; k < n; k++) {
            weights[k] = x[k] / a;
        }
        return RandomMatrices.sumOfOuterProducts(n, RandomMatrices.orthonormalRows(n, n, rng), weights);
    }

    @Test
    void couplingsOfEquations13And55ByHand() {
        // w = [[1, 2], [2, 3]], beta = 4, N = 2: a = 2, ww = [[5, 8], [8, 13]]
        double[] w = {1, 2, 2, 3};
        LayerCouplings l13 = new LayerCouplings(w, 2, 4.0, new double[] {0.5, -1}, CouplingConvention.EQ13);
        assertThat(l13.r()).containsExactly(2 * (1 - 2 * 5), 2 * (2 - 2 * 8), 2 * (2 - 2 * 8), 2 * (3 - 2 * 13));
        assertThat(l13.g()).isEqualTo(2.0);
        assertThat(l13.u()).containsExactly(8 * 0.5 * 3, 8 * -1 * 5);
        LayerCouplings l55 = new LayerCouplings(w, 2, 4.0, new double[] {0.5, -1}, CouplingConvention.EQ55);
        assertThat(l55.r()).containsExactly(1 - 5, 2 - 8, 2 - 8, 3 - 13);
        assertThat(l55.g()).isEqualTo(1.0);
        assertThat(l55.u()).containsExactly(1.5, -5);
        LayerCouplings fromV = LayerCouplings.fromLayer(new double[] {1, 0, 1, 1}, 2, 2, 1.0, 0.0,
                CouplingConvention.EQ13);
        assertThat(fromV.w()).containsExactly(1, 1, 1, 2);
        assertThatThrownBy(() -> new LayerCouplings(new double[] {1, 2, 3, 4}, 2, 1, new double[2],
                CouplingConvention.EQ13)).isInstanceOf(InvalidInputException.class).hasMessageContaining("symmetric");
    }

    @Test
    void runningEquationsIntegrateToTheRecursionsOfEquation21() {
        double[] w = symmetricWithSpectrum(new double[] {0.1, -0.3, 0.25}, 0.5, 3);
        LayerCouplings layer = new LayerCouplings(w, 3, 1.5, new double[] {0.2, 0.2, 0.2}, CouplingConvention.EQ13);
        CouplingFlow.Couplings c0 = CouplingFlow.couplingsOf(layer);
        for (int d = 1; d <= 3; d++) {
            for (double tau : new double[] {-0.7, 0.3, 1.1}) {
                CouplingFlow.Couplings num = CouplingFlow.integrateRunningEquations(c0, d, tau);
                CouplingFlow.Couplings exact = CouplingFlow.recursion(c0, Math.exp(tau), d);
                for (int i = 0; i < exact.r().length; i++) {
                    assertThat(num.r()[i]).isCloseTo(exact.r()[i], within(1e-9 * Math.abs(exact.r()[i]) + 1e-14));
                }
                for (int i = 0; i < exact.u().length; i++) {
                    assertThat(num.u()[i]).isCloseTo(exact.u()[i], within(1e-9 * Math.abs(exact.u()[i]) + 1e-14));
                }
                assertThat(num.g()).isEqualTo(c0.g());
            }
        }
        // b^2 and b^{(d+2)/2} explicitly
        CouplingFlow.Couplings two = CouplingFlow.recursion(new CouplingFlow.Couplings(new double[] {1}, 3,
                new double[] {1}), 2.0, 2);
        assertThat(two.r()).containsExactly(4.0);
        assertThat(two.u()).containsExactly(4.0);
        assertThat(two.g()).isEqualTo(3.0);
    }

    @Test
    void matrixFlowOfWAndHIntegratesToTheClosedFormOfEquation21() {
        int n = 5;
        double beta = 2.0;
        double a = beta / n;
        // eigenvalues of a w on both sides of 1/2 and outside (0, 1); tau* = -ln(4 * 0.09)/2 = 0.51 from x0 = 0.1
        double[] spectrum = {0.1, -0.4, 0.97, 1.3, 0.05};
        double[] w = symmetricWithSpectrum(spectrum, a, 17);
        double[] h = {0.3, -0.2, 0.1, 0.5, 0.25};
        LayerCouplings layer = new LayerCouplings(w, n, beta, h, CouplingConvention.EQ13);
        assertThat(CouplingFlow.singularTau(layer)).isCloseTo(-0.5 * Math.log(4 * 0.09), within(1e-9));
        for (int d = 1; d <= 3; d++) {
            for (double tau : new double[] {-0.8, 0.2, 0.45}) {
                CouplingFlow.FlowState num = CouplingFlow.integrate(layer, d, tau);
                CouplingFlow.FlowState exact = CouplingFlow.closedForm(layer, d, tau);
                for (int i = 0; i < n * n; i++) {
                    assertThat(num.w()[i]).isCloseTo(exact.w()[i], within(1e-7));
                }
                for (int k = 0; k < n; k++) {
                    assertThat(num.h()[k]).isCloseTo(exact.h()[k], within(1e-7 * (1 + Math.abs(exact.h()[k]))));
                }
                // the couplings of the flowed w, h are Eq. 21 applied to the initial couplings
                LayerCouplings flowed = new LayerCouplings(symmetrise(num.w(), n), n, beta, num.h(),
                        CouplingConvention.EQ13);
                CouplingFlow.Couplings eq21 = CouplingFlow.recursion(CouplingFlow.couplingsOf(layer), Math.exp(tau), d);
                double[] r = flowed.r();
                double[] u = flowed.u();
                for (int i = 0; i < n * n; i++) {
                    assertThat(r[i]).isCloseTo(eq21.r()[i], within(1e-7 * (1 + Math.abs(eq21.r()[i]))));
                }
                for (int k = 0; k < n; k++) {
                    assertThat(u[k]).isCloseTo(eq21.u()[k], within(1e-7 * (1 + Math.abs(eq21.u()[k]))));
                }
            }
        }
        assertThatThrownBy(() -> CouplingFlow.integrate(layer, 2, 0.6)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("singular");
    }

    private static double[] symmetrise(double[] w, int n) {
        double[] s = w.clone();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i * n + j] = 0.5 * (w[i * n + j] + w[j * n + i]);
            }
        }
        return s;
    }

    @Test
    void runOnAGridChecksEquation21AtEveryScaleForAnyThreadCount() {
        int n = 4;
        double beta = 0.5;
        // positive weights: the row sums of w(tau) stay away from 0, where h_k = u_k / (a_u (w 1)_k) diverges
        double[] v = {0.5, 0.1, 0.3, 0.2, 0.05, 0.4, 0.1, 0.2, 0.3, 0.1, 0.45, 0.05, 0.2, 0.3, 0.1, 0.35};
        LayerCouplings fromV = LayerCouplings.fromLayer(v, n, n, beta, 0, CouplingConvention.EQ13);
        LayerCouplings layer = new LayerCouplings(fromV.w(), n, beta, new double[] {0.3, -0.2, 0.1, 0.5},
                CouplingConvention.EQ13);
        double[] x0 = layer.spectrum();
        double tauStar = CouplingFlow.singularTau(layer);
        FlowSpec spec = new FlowSpec(layer, 2, -0.5, 0.9 * tauStar, 5);
        FlowResult r = Reproducibility.assertSameForAnyThreads(Reproducibility.SEED, ctx -> CouplingFlow.run(spec, ctx));
        assertThat(tauStar).isLessThan(3).isEqualTo(r.singularTau());
        assertThat(r.tau()).containsExactly(spec.tau(0), spec.tau(1), spec.tau(2), spec.tau(3), spec.tau(4));
        assertThat(spec.tau(0)).isEqualTo(-0.5);
        assertThat(spec.tau(4)).isCloseTo(0.9 * tauStar, within(1e-15));
        assertThat(r.maxFlowDeviation()).isLessThan(1e-7);
        assertThat(r.massRecursionDeviation()).isLessThan(1e-7);
        assertThat(r.linearRecursionDeviation()).isLessThan(1e-7);
        for (int p = 0; p < 5; p++) {
            // each eigenvalue x of a w moves on x - x^2 = e^{2 tau} (x0 - x0^2)
            for (int q = 0; q < n; q++) {
                double x = r.closedFormSpectrum()[p][q];
                assertThat(x - x * x).isCloseTo(Math.exp(2 * r.tau()[p]) * (x0[q] - x0[q] * x0[q]), within(1e-9));
                assertThat(r.integratedSpectrum()[p][q]).isCloseTo(x, within(1e-7));
            }
        }
        assertThatThrownBy(() -> new FlowSpec(layer, 2, 0, tauStar, 5)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("tauTo").hasMessageContaining("singular");
        assertThatThrownBy(() -> new FlowSpec(layer, 2, 0.1, 0.0, 5)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("tauTo");
        assertThat(tauStar).isGreaterThan(0.2);
        assertThatThrownBy(() -> new FlowSpec(layer, 2, 0.0, 0.1, 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("points");
    }

    @Test
    void equation26IsTheUniqueSolutionOfTheSylvesterEquation24a() {
        for (int trial = 0; trial < 5; trial++) {
            int n = 2 + trial;
            double beta = 1.5 + trial;
            double a = beta / n;
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                // eigenvalues of a w from -0.7 to 1.2, none within 0.05 of the singularity 1/2
                x[i] = -0.7 + 1.9 * i / (n - 1);
            }
            LayerCouplings layer = new LayerCouplings(symmetrise(symmetricWithSpectrum(x, a, 40 + trial), n), n, beta,
                    new double[n], CouplingConvention.EQ13);
            double[] eq26 = CouplingFlow.rate(layer);
            double[] sylvester = CouplingFlow.rateFromEquation24a(layer);
            for (int i = 0; i < n * n; i++) {
                assertThat(sylvester[i]).isCloseTo(eq26[i], within(1e-10 * (1 + Math.abs(eq26[i]))));
            }
            // and it is the derivative of the closed-form flow: central difference of w(tau) at tau = 0
            double step = 1e-5;
            double[] plus = CouplingFlow.closedForm(layer, 1, step).w();
            double[] minus = CouplingFlow.closedForm(layer, 1, -step).w();
            for (int i = 0; i < n * n; i++) {
                assertThat((plus[i] - minus[i]) / (2 * step)).isCloseTo(eq26[i], within(1e-5 * (1 + Math.abs(eq26[i]))));
            }
        }
    }

    @Test
    void atAFixedPointTheFieldRunsUnlessItVanishes() {
        // Eq. 26: h_tau = (d+2)/2 h - h (w 1)^{-1} w_tau 1 = (d+2)/2 h where w_tau = 0, so h = 0 is required
        int n = 3;
        double beta = 2;
        double[] cw = new double[n * n];
        for (int i = 0; i < n; i++) {
            cw[i * n + i] = n / beta;
        }
        LayerCouplings layer = new LayerCouplings(cw, n, beta, new double[] {0.1, 0.2, -0.1}, CouplingConvention.EQ13);
        for (int d = 1; d <= 3; d++) {
            CouplingFlow.FlowState s = CouplingFlow.integrate(layer, d, 0.4);
            for (int k = 0; k < n; k++) {
                assertThat(s.h()[k]).isCloseTo(layer.h()[k] * Math.exp((d + 2) / 2.0 * 0.4), within(1e-9));
            }
        }
    }

    @Test
    void theCurieWeissCouplingsAtTheirCriticalTemperatureAreASecondBulletFixedPoint() {
        // w_ik = J for all i, k at T = J: a w = 1 1^T / N is a projector (eigenvalues 0 and 1), w (1 - a w) = 0
        for (int n : new int[] {4, 8, 16}) {
            double j = 1.0 / n;
            double[] w = new double[n * n];
            java.util.Arrays.fill(w, j);
            LayerCouplings layer = new LayerCouplings(w, n, 1 / j, new double[n], CouplingConvention.EQ13);
            CriticalityAnalysis an = CriticalityAnalysis.of(layer);
            assertThat(an.fixedPointCase()).isEqualTo(FixedPointCase.TRIVIAL_LOW_TEMPERATURE);
            assertThat(an.flowResidual()).isLessThan(1e-12);
            assertThat(an.maxEigenvalue()).isCloseTo(1, within(1e-12));
            // at T = 1/N^2 (the paper's estimate) the same couplings run
            LayerCouplings cold = new LayerCouplings(w, n, (double) n * n, new double[n], CouplingConvention.EQ13);
            assertThat(CriticalityAnalysis.of(cold).fixedPointCase()).isEqualTo(FixedPointCase.NOT_A_FIXED_POINT);
            // mean field (Eq. 6, h = 0): V = tanh(beta (w V / N)) has V != 0 only below T = J
            assertThat(meanFieldMagnetisation(w, n, 1.05 / j)).isGreaterThan(0.1);
            assertThat(meanFieldMagnetisation(w, n, 0.95 / j)).isLessThan(1e-6);
            // the diagonal w = (N/beta) I of Eq. 28 couples no two units
            double[] eq28 = new double[n * n];
            for (int i = 0; i < n; i++) {
                eq28[i * n + i] = n * j;
            }
            assertThat(CriticalityAnalysis.of(new LayerCouplings(eq28, n, 1 / j, new double[n],
                    CouplingConvention.EQ13)).fixedPointCase()).isEqualTo(FixedPointCase.CRITICAL_CONSTANT_COUPLING);
        }
    }

    /** Iterates Eq. 6 (h = 0) from V = 1 and returns the mean |V|. */
    private static double meanFieldMagnetisation(double[] w, int n, double beta) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, 1);
        for (int it = 0; it < 20000; it++) {
            double[] next = new double[n];
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += w[i * n + k] * v[k];
                }
                next[i] = Math.tanh(beta * s / n);
            }
            v = next;
        }
        double m = 0;
        for (double x : v) {
            m += Math.abs(x) / n;
        }
        return m;
    }

    @Test
    void fixedPointsOfSection25DoNotRunAndAreClassified() {
        int n = 4;
        double beta = 3.0;
        double a = beta / n;
        double[] zero = new double[n * n];
        double[] cw = new double[n * n];
        for (int i = 0; i < n; i++) {
            cw[i * n + i] = n / beta;
        }
        double[] projector = symmetricWithSpectrum(new double[] {0, 1, 1, 0}, a, 5);
        double[] h0 = new double[n];
        Object[][] cases = {
            {zero, FixedPointCase.TRIVIAL_HIGH_TEMPERATURE},
            {cw, FixedPointCase.CRITICAL_CONSTANT_COUPLING},
            {symmetrise(projector, n), FixedPointCase.TRIVIAL_LOW_TEMPERATURE}};
        for (Object[] c : cases) {
            LayerCouplings layer = new LayerCouplings((double[]) c[0], n, beta, h0, CouplingConvention.EQ13);
            CriticalityAnalysis an = CriticalityAnalysis.of(layer);
            assertThat(an.fixedPointCase()).isEqualTo(c[1]);
            assertThat(an.flowResidual()).isLessThan(1e-10);
            if (c[1] != FixedPointCase.TRIVIAL_HIGH_TEMPERATURE) {
                CouplingFlow.FlowState s = CouplingFlow.integrate(layer, 3, 0.7);
                for (int i = 0; i < n * n; i++) {
                    assertThat(s.w()[i]).isCloseTo(((double[]) c[0])[i], within(1e-9));
                }
            }
        }
        // a generic w runs, and its nearest case is the one with the smallest residual
        double[] near = symmetricWithSpectrum(new double[] {0.97, 1.02, 0.99, 1.01}, a, 9);
        CriticalityAnalysis an = CriticalityAnalysis.of(new LayerCouplings(symmetrise(near, n), n, beta, h0,
                CouplingConvention.EQ13));
        assertThat(an.fixedPointCase()).isEqualTo(FixedPointCase.NOT_A_FIXED_POINT);
        assertThat(an.nearestCase()).isEqualTo(FixedPointCase.CRITICAL_CONSTANT_COUPLING);
        assertThat(an.constantCouplingResidual()).isCloseTo(
                Math.sqrt((0.03 * 0.03 + 0.02 * 0.02 + 0.01 * 0.01 + 0.01 * 0.01) / 4), within(1e-9));
    }

    @Test
    void equations30And33HaveNoRealSolutionResidualsAreAtLeastSevenEighths() {
        UniformRandomProvider rng = RandomStreams.root(77).generator();
        for (int trial = 0; trial < 30; trial++) {
            int n = 2 + rng.nextInt(6);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = 4 * (rng.nextDouble() - 0.5);
            }
            double beta = (rng.nextBoolean() ? 1 : -1) * (0.1 + 3 * rng.nextDouble());
            double[] w = symmetrise(symmetricWithSpectrum(x, beta / n, trial), n);
            CriticalityAnalysis an = CriticalityAnalysis.of(new LayerCouplings(w, n, beta, new double[n],
                    CouplingConvention.EQ13));
            assertThat(an.neumannResidual()).isGreaterThanOrEqualTo(CriticalityAnalysis.NO_SOLUTION_BOUND - 1e-12);
            assertThat(an.componentResidual()).isGreaterThanOrEqualTo(CriticalityAnalysis.NO_SOLUTION_BOUND - 1e-12);
            // Eq. 33 residual is the regulariser penalty: sqrt(P / N)
            double[] v = cholesky(w, n);
            if (v.length == n * n) {
                double p = CriticalRegulariser.penalty(v, n, n, beta);
                assertThat(an.componentResidual()).isCloseTo(Math.sqrt(p / n), within(1e-9 * (1 + Math.sqrt(p / n))));
            }
        }
        // the per-eigenvalue minimum 7/8 of 1 + x + 2x^2 is reached at x = -1/4 (Eq. 30)
        int n = 3;
        double[] w = new double[n * n];
        for (int i = 0; i < n; i++) {
            w[i * n + i] = -0.25 * n / 2.0;
        }
        CriticalityAnalysis an = CriticalityAnalysis.of(new LayerCouplings(w, n, 2.0, new double[n],
                CouplingConvention.EQ13));
        assertThat(an.neumannResidual()).isCloseTo(7.0 / 8.0, within(1e-12));
    }

    /** A factor v with v v^T = w when w is positive semi-definite (NaN entries otherwise). */
    private static double[] cholesky(double[] w, int n) {
        double[] l = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = w[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * n + k] * l[j * n + k];
                }
                l[i * n + j] = i == j ? Math.sqrt(s) : s / l[j * n + j];
            }
        }
        for (double v : l) {
            if (!Double.isFinite(v)) {
                return new double[] {Double.NaN};
            }
        }
        return l;
    }
}
