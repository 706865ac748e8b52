package org.deeprg.critical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.deeprg.InvalidInputException;
import org.deeprg.random.RandomStreams;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;

/**
 * The criticality conditions Eq. 30 and Eq. 33 (Sec. 2.5, Sec. 3): exact algebra, the explicit solutions and
 * near-solutions, and which classes of w have none, each against an independent route.
 */
class CriticalityConditionsTest {

    /** Eq. 33 written entry by entry as printed: delta_ij beta w_ij / N + sum_k w_ik w_kj 2 beta^2 / N^2 + delta_ij. */
    static double eq33ByEntries(double[] w, int n, double beta) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double ww = 0;
                for (int k = 0; k < n; k++) {
                    ww += w[i * n + k] * w[k * n + j];
                }
                double m = (i == j ? beta * w[i * n + j] / n : 0) + ww * 2 * beta * beta / ((double) n * n)
                        + (i == j ? 1 : 0);
                s += m * m;
            }
        }
        return Math.sqrt(s / n);
    }

    static double[] random(int n, UniformRandomProvider g, double scale) {
        double[] x = new double[n * n];
        for (int i = 0; i < x.length; i++) {
            x[i] = scale * (2 * g.nextDouble() - 1);
        }
        return x;
    }

    @Test
    void eq33HasRealNonSymmetricSolutionsForEvenN() {
        for (int n = 2; n <= 8; n += 2) {
            for (double beta : new double[] {0.7, -2.5}) {
                double[] w = CriticalityConditions.eq33Solution(n, beta);
                assertThat(eq33ByEntries(w, n, beta)).isLessThan(1e-14);
                assertThat(CriticalityConditions.eq33Residual(w, n, beta)).isLessThan(1e-14);
                // w^2 = -(N^2 / (2 beta^2)) I, zero diagonal, antisymmetric here: not symmetric, not v v^T
                double[] w2 = CriticalityConditions.square(w, n);
                for (int i = 0; i < n; i++) {
                    assertThat(w[i * n + i]).isZero();
                    for (int j = 0; j < n; j++) {
                        double want = i == j ? -n * n / (2 * beta * beta) : 0;
                        assertThat(w2[i * n + j]).isCloseTo(want, within(1e-12 * n * n / (beta * beta)));
                    }
                }
                assertThat(w[1]).isEqualTo(-w[n]).isNotZero();
            }
        }
        assertThatThrownBy(() -> CriticalityConditions.eq33Solution(3, 1)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void eq33ResidualTendsToZeroForOddNOnlyAsTheCouplingsDiverge() {
        for (int n : new int[] {3, 5}) {
            double previousNorm = 0;
            for (double t : new double[] {1e2, 1e4, 1e6}) {
                double beta = 1.3;
                double[] w = CriticalityConditions.eq33ApproximateSolution(n, beta, t);
                double rms = eq33ByEntries(w, n, beta);
                // ||E33||_F^2 = 9/(2t) + 9/(4t^2): the entries (2,1), (3,2) are 3/(2 sqrt t), (3,1) is 3/(2t)
                assertThat(rms * rms * n).isCloseTo(9 / (2 * t) + 9 / (4 * t * t), within(1e-9 / t));
                double[] x = CriticalityConditions.scaled(w, n, beta);
                double norm = Math.sqrt(java.util.Arrays.stream(x).map(v -> v * v).sum());
                assertThat(norm).isGreaterThan(t).isGreaterThan(previousNorm);
                previousNorm = norm;
            }
        }
    }

    @Test
    void symmetricAndGramCouplingsStayAboveTheBounds() {
        UniformRandomProvider g = RandomStreams.root(11).generator();
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + g.nextInt(6);
            double beta = (g.nextBoolean() ? 1 : -1) * (0.1 + 4 * g.nextDouble());
            double[] s = random(n, g, 3 * g.nextDouble());
            double[] sym = new double[n * n];
            double[] gram = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    sym[i * n + j] = 0.5 * (s[i * n + j] + s[j * n + i]);
                    for (int k = 0; k < n; k++) {
                        gram[i * n + j] += s[i * n + k] * s[j * n + k];
                    }
                }
            }
            assertThat(eq33ByEntries(sym, n, beta)).isGreaterThanOrEqualTo(7.0 / 8 - 1e-12);
            assertThat(CriticalityConditions.eq30Residual(sym, n, beta)).isGreaterThanOrEqualTo(7.0 / 8 - 1e-12);
            assertThat(eq33ByEntries(gram, n, Math.abs(beta))).isGreaterThanOrEqualTo(1 - 1e-12);
        }
        // the bounds are reached: X = -I/4 (symmetric), v = 0 (Gram, beta > 0)
        int n = 3;
        double beta = 2.0;
        double[] quarter = new double[n * n];
        for (int i = 0; i < n; i++) {
            quarter[i * n + i] = -0.25 * n / beta;
        }
        assertThat(eq33ByEntries(quarter, n, beta)).isCloseTo(7.0 / 8, within(1e-15));
        assertThat(eq33ByEntries(new double[n * n], n, beta)).isEqualTo(1.0);
    }

    @Test
    void eq33IsNotTheComponentFormOfEq30AndEq30DropsTheCubicTerm() {
        UniformRandomProvider g = RandomStreams.root(5).generator();
        int n = 4;
        double[] x = random(n, g, 1);
        double[] e30 = CriticalityConditions.eq30Matrix(x, n);
        double[] e33 = CriticalityConditions.eq33Matrix(x, n);
        DMatrixRMaj xm = new DMatrixRMaj(n, n, true, x);
        DMatrixRMaj x2 = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(xm, xm, x2);
        DMatrixRMaj x3 = new DMatrixRMaj(n, n);
        CommonOps_DDRM.mult(x2, xm, x3);
        double[] product = CriticalityConditions.eq30Product(x, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int k = i * n + j;
                // Eq. 30 in components is delta_ij + X_ij + 2 (X^2)_ij; Eq. 33 drops X_ij for i != j
                assertThat(e30[k]).isCloseTo((i == j ? 1 : 0) + x[k] + 2 * x2.data[k], within(1e-13));
                assertThat(e30[k] - e33[k]).isCloseTo(i == j ? 0 : x[k], within(1e-13));
                // (1 - X)(1 + 2X + 4X^2) = 1 + X + 2X^2 - 4X^3: Eq. 30's "=" holds to second order
                assertThat(product[k] - e30[k]).isCloseTo(-4 * x3.data[k], within(1e-12));
            }
        }
    }

    @Test
    void eq30HasRealSolutionsOnlyForEvenNAndTheyLieOutsideTheNeumannSeries() {
        for (int n = 2; n <= 6; n += 2) {
            double[] w = CriticalityConditions.eq30Solution(n, 1.7);
            assertThat(CriticalityConditions.eq30Residual(w, n, 1.7)).isLessThan(1e-15);
            // eigenvalues (-1 +- i sqrt 7)/4: spectral radius of 2X is sqrt 2 > 1, where Eq. 29 diverges
            DMatrixRMaj twoX = new DMatrixRMaj(n, n, true, CriticalityConditions.scaled(w, n, 1.7));
            CommonOps_DDRM.scale(2, twoX);
            var eig = org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(n, false);
            assertThat(eig.decompose(twoX.copy())).isTrue();
            for (int q = 0; q < n; q++) {
                assertThat(eig.getEigenvalue(q).getMagnitude()).isCloseTo(Math.sqrt(2), within(1e-12));
                assertThat(eig.getEigenvalue(q).getReal()).isCloseTo(-0.5, within(1e-12));
            }
            DMatrixRMaj sum = CommonOps_DDRM.identity(n);
            DMatrixRMaj power = CommonOps_DDRM.identity(n);
            for (int k = 1; k <= 60; k++) {
                DMatrixRMaj next = new DMatrixRMaj(n, n);
                CommonOps_DDRM.mult(power, twoX, next);
                power = next;
                CommonOps_DDRM.addEquals(sum, power);
            }
            assertThat(NormOps_DDRM.normF(power)).isGreaterThan(1e8);
        }
        // odd N: a real eigenvalue lambda gives ||E30||_F >= |1 + lambda + 2 lambda^2| >= 7/8
        UniformRandomProvider g = RandomStreams.root(9).generator();
        for (int trial = 0; trial < 100; trial++) {
            int n = 1 + 2 * g.nextInt(3);
            double[] x = random(n, g, 2 * g.nextDouble());
            assertThat(CriticalityConditions.rms(CriticalityConditions.eq30Matrix(x, n), n) * Math.sqrt(n))
                    .isGreaterThanOrEqualTo(7.0 / 8 - 1e-12);
        }
    }

    @Test
    void neumannSeriesOfEq29ConvergesInsideTheUnitSpectralRadius() {
        int n = 4;
        double[] w = CouplingFlowTest.symmetricWithSpectrum(new double[] {0.1, -0.3, 0.2, 0.4}, 1, 7);
        DMatrixRMaj twoX = new DMatrixRMaj(n, n, true, w);
        CommonOps_DDRM.scale(2, twoX);
        DMatrixRMaj inverse = CommonOps_DDRM.identity(n);
        CommonOps_DDRM.subtractEquals(inverse, twoX);
        CommonOps_DDRM.invert(inverse);
        DMatrixRMaj sum = CommonOps_DDRM.identity(n);
        DMatrixRMaj power = CommonOps_DDRM.identity(n);
        for (int k = 1; k <= 200; k++) {
            DMatrixRMaj next = new DMatrixRMaj(n, n);
            CommonOps_DDRM.mult(power, twoX, next);
            power = next;
            CommonOps_DDRM.addEquals(sum, power);
        }
        CommonOps_DDRM.subtractEquals(sum, inverse);
        assertThat(NormOps_DDRM.normF(sum)).isLessThan(1e-12);
    }

    @Test
    void solutionsOfEq30AndEq33AreNotFixedPointsOfTheFlow() {
        // per eigenvalue x the rate is 2x(1-x)/(1-2x); both solution families are normal with |x| = 1/sqrt 2, so the
        // RMS rate is the modulus of the complex scalar rate
        double[][] eigen = {{0, 1 / Math.sqrt(2)}, {-0.25, Math.sqrt(7) / 4}};
        double[][] w = {CriticalityConditions.eq33Solution(4, 2.0), CriticalityConditions.eq30Solution(4, 2.0)};
        for (int c = 0; c < 2; c++) {
            double re = eigen[c][0];
            double im = eigen[c][1];
            // num = 2x(1-x), den = 1-2x
            double nr = 2 * (re - (re * re - im * im));
            double ni = 2 * (im - 2 * re * im);
            double dr = 1 - 2 * re;
            double di = -2 * im;
            double modulus = Math.hypot(nr, ni) / Math.hypot(dr, di);
            double rate = CriticalityConditions.flowResidual(w[c], 4, 2.0);
            if (c == 0) {
                assertThat(rate).isCloseTo(modulus, within(1e-12));
            } else {
                // the companion block is not normal: compare with the eigenvalue bound instead
                assertThat(rate).isGreaterThanOrEqualTo(modulus - 1e-12);
            }
            assertThat(rate).isGreaterThan(0.5);
        }
    }
}
