package org.deeprg.critical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.deeprg.InvalidInputException;
import org.deeprg.random.RandomStreams;
import org.junit.jupiter.api.Test;

class CriticalRegulariserTest {

    private static double[] randomMatrix(int rows, int cols, double scale, long seed) {
        UniformRandomProvider rng = RandomStreams.root(seed).generator();
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = scale * (2 * rng.nextDouble() - 1);
        }
        return v;
    }

    /** The penalty written out entry by entry from Eq. 33 with explicit sums (an independent route). */
    private static double naivePenalty(double[] v, int rows, int cols, double beta) {
        int n = rows;
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < cols; k++) {
                    w[i][j] += v[i * cols + k] * v[j * cols + k];
                }
            }
        }
        double p = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double ww = 0;
                for (int k = 0; k < n; k++) {
                    ww += w[i][k] * w[k][j];
                }
                double delta = i == j ? 1 : 0;
                double m = delta * beta * w[i][j] / n + 2 * beta * beta / ((double) n * n) * ww + delta;
                p += m * m;
            }
        }
        return p;
    }

    @Test
    void penaltyMatchesTheNaiveSumOfEquation33() {
        for (int[] shape : new int[][] {{1, 1}, {3, 5}, {7, 2}, {70, 90}}) {
            double[] v = randomMatrix(shape[0], shape[1], 0.8, 11 + shape[0]);
            double beta = 1.7;
            double fast = CriticalRegulariser.penalty(v, shape[0], shape[1], beta);
            double naive = naivePenalty(v, shape[0], shape[1], beta);
            assertThat(fast).isCloseTo(naive, within(1e-10 * Math.max(1, naive)));
        }
    }

    @Test
    void gradientEqualsCentralFiniteDifferences() {
        for (int[] shape : new int[][] {{1, 1}, {4, 3}, {5, 9}, {13, 6}}) {
            int rows = shape[0];
            int cols = shape[1];
            double[] v = randomMatrix(rows, cols, 1.3, 5 + rows * 31L + cols);
            double beta = -0.9 + 0.4 * rows;
            double[] grad = new double[rows * cols];
            double p = CriticalRegulariser.penaltyAndGradient(v, rows, cols, beta, grad);
            assertThat(p).isCloseTo(CriticalRegulariser.penalty(v, rows, cols, beta), within(1e-12 * p));
            double h = 1e-5;
            for (int e = 0; e < v.length; e++) {
                double keep = v[e];
                v[e] = keep + h;
                double up = naivePenalty(v, rows, cols, beta);
                v[e] = keep - h;
                double down = naivePenalty(v, rows, cols, beta);
                v[e] = keep;
                double fd = (up - down) / (2 * h);
                assertThat(grad[e]).as("entry %d of %dx%d", e, rows, cols)
                        .isCloseTo(fd, within(1e-6 * Math.max(1, Math.abs(fd))));
            }
        }
    }

    @Test
    void accumulatingVariantAddsLambdaTimesGradientAndReusesWorkspace() {
        int rows = 8;
        int cols = 5;
        double[] v = randomMatrix(rows, cols, 0.5, 99);
        double[] grad = new double[rows * cols];
        CriticalRegulariser.penaltyAndGradient(v, rows, cols, 2.0, grad);
        double[] acc = new double[rows * cols];
        java.util.Arrays.fill(acc, 1.0);
        CriticalRegulariser.Workspace ws = new CriticalRegulariser.Workspace();
        CriticalRegulariser.addPenaltyGradient(v, rows, cols, 2.0, 0.25, acc, ws);
        for (int e = 0; e < acc.length; e++) {
            assertThat(acc[e]).isCloseTo(1.0 + 0.25 * grad[e], within(1e-12));
        }
        // second call with a smaller layer in the same workspace gives the same as a fresh one
        double[] small = randomMatrix(3, 2, 0.5, 7);
        double[] g1 = new double[6];
        double[] g2 = new double[6];
        double p1 = CriticalRegulariser.penaltyAndGradient(small, 3, 2, 2.0, g1, ws);
        double p2 = CriticalRegulariser.penaltyAndGradient(small, 3, 2, 2.0, g2);
        assertThat(p1).isEqualTo(p2);
        assertThat(g1).containsExactly(g2);
    }

    /**
     * Eq. 33 has no real solution: M_ii = a w_ii + 1 + b sum_k w_ik^2 >= b w_ii^2 + a w_ii + 1 >= 1 - a^2/(4b) = 7/8,
     * so P >= 49 N / 64 for every v and beta. For beta < 0 the bound is attained at w = x I, x = N/(4|beta|)
     * (a stationary point: zero gradient); for beta > 0 and w = v v^T >= 0 the minimum is P = N at v = 0.
     */
    @Test
    void penaltyIsBoundedBelowAndTheBoundIsAttainedWhereTheGradientVanishes() {
        int n = 6;
        for (double beta : new double[] {-3.0, -0.5}) {
            double x = n / (4 * Math.abs(beta));
            double[] v = new double[n * n];
            for (int i = 0; i < n; i++) {
                v[i * n + i] = Math.sqrt(x);
            }
            double[] grad = new double[n * n];
            double p = CriticalRegulariser.penaltyAndGradient(v, n, n, beta, grad);
            assertThat(p).isCloseTo(49.0 * n / 64.0, within(1e-12));
            for (double g : grad) {
                assertThat(g).isCloseTo(0.0, within(1e-12));
            }
            for (int trial = 0; trial < 20; trial++) {
                double[] r = randomMatrix(n, 4, 2.0, 1000 + trial);
                assertThat(CriticalRegulariser.penalty(r, n, 4, beta)).isGreaterThanOrEqualTo(49.0 * n / 64.0);
            }
        }
        assertThat(CriticalRegulariser.penalty(new double[n * 3], n, 3, 2.0)).isCloseTo(n, within(1e-12));
        for (int trial = 0; trial < 20; trial++) {
            double[] r = randomMatrix(n, 3, 1.0, 2000 + trial);
            assertThat(CriticalRegulariser.penalty(r, n, 3, 2.0)).isGreaterThan(n);
        }
    }

    @Test
    void overColumnsVariantIsThePenaltyOfTheTranspose() {
        int rows = 7;
        int cols = 4;
        double[] v = randomMatrix(rows, cols, 0.7, 31);
        double[] vt = new double[rows * cols];
        CriticalRegulariser.transpose(v, rows, cols, vt);
        double[] gt = new double[rows * cols];
        double pt = CriticalRegulariser.penaltyAndGradient(vt, cols, rows, 1.3, gt);
        double[] acc = new double[rows * cols];
        double p = CriticalRegulariser.addPenaltyGradientOverColumns(v, rows, cols, 1.3, 2.0, acc,
                new CriticalRegulariser.Workspace());
        assertThat(p).isEqualTo(pt);
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < cols; c++) {
                assertThat(acc[i * cols + c]).isCloseTo(2.0 * gt[c * rows + i], within(1e-12));
            }
        }
    }

    @Test
    void vectorKernelEqualsScalarKernelForEveryShapeRemainder() {
        assertThat(CriticalRegulariser.VECTOR).as("surefire runs with --add-modules jdk.incubator.vector").isTrue();
        for (int[] s : new int[][] {{1, 1, 1}, {3, 5, 7}, {4, 8, 8}, {9, 300, 17}, {13, 6, 33}, {64, 64, 64}}) {
            double[] x = randomMatrix(s[0], s[1], 1, s[0] * 7L + s[2]);
            double[] y = randomMatrix(s[1], s[2], 1, s[1] * 11L + s[0]);
            double[] a = new double[s[0] * s[2]];
            double[] b = new double[s[0] * s[2]];
            VectorKernels.multiplyInto(x, s[0], s[1], y, s[2], a);
            CriticalRegulariser.multiplyIntoScalar(x, s[0], s[1], y, s[2], b);
            for (int i = 0; i < a.length; i++) {
                assertThat(a[i]).isCloseTo(b[i], within(1e-12 * s[1]));
            }
            // symmetric product x x^T computed by halves
            double[] xt = new double[x.length];
            CriticalRegulariser.transpose(x, s[0], s[1], xt);
            double[] c = new double[s[0] * s[0]];
            double[] e = new double[s[0] * s[0]];
            VectorKernels.multiplySymmetricInto(x, s[0], s[1], xt, c);
            CriticalRegulariser.multiplyIntoScalar(x, s[0], s[1], xt, s[0], e);
            for (int i = 0; i < c.length; i++) {
                assertThat(c[i]).isCloseTo(e[i], within(1e-12 * s[1]));
            }
        }
    }

    @Test
    void refusesInconsistentSizes() {
        assertThatThrownBy(() -> CriticalRegulariser.penalty(new double[5], 2, 3, 1.0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("rows*cols = 6");
        assertThatThrownBy(() -> CriticalRegulariser.penalty(new double[6], 0, 3, 1.0))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> CriticalRegulariser.penalty(new double[6], 2, 3, Double.NaN))
                .isInstanceOf(InvalidInputException.class);
    }
}
