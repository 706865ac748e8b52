package org.deeprg.qft;

import org.deeprg.net.Activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.deeprg.InvalidInputException;
import org.deeprg.random.RandomStreams;
import org.junit.jupiter.api.Test;

class WickTest {
    @Test
    void numberOfMatchingsIsDoubleFactorial() {
        assertThat(Wick.matchings(2)).hasSize(1);
        assertThat(Wick.matchings(4)).hasSize(3);
        assertThat(Wick.matchings(6)).hasSize(15);
        assertThat(Wick.matchings(8)).hasSize(105);
        for (int n = 2; n <= 8; n += 2) {
            assertThat((long) Wick.matchings(n).size()).isEqualTo(Wick.doubleFactorialOdd(n));
        }
    }

    @Test
    void oddOrTooLargeNIsRefused() {
        assertThatThrownBy(() -> Wick.matchings(5)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Wick.matchings(10)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void coincidentPointsGiveIsserlisMoments() {
        double[][] k = {{2.0}};
        assertThat(Wick.gaussianValue(new int[] {0, 0, 0, 0}, k)).isEqualTo(3 * 4.0);
        assertThat(Wick.gaussianValue(new int[] {0, 0, 0, 0, 0, 0}, k)).isEqualTo(15 * 8.0);
        assertThat(Wick.gaussianValue(new int[] {0, 0, 0}, k)).isZero();
    }

    /** Brute force: sample the Gaussian vector with covariance K (Cholesky) and average the products. */
    @Test
    void wickValuesMatchBruteForceGaussianSampling() {
        NetworkSpec spec = NetworkSpec.oneLayer(1, 1, Activation.GAUSS, 1.3, 0.7);
        double[][] pts = {{-0.4}, {0.1}, {0.8}};
        double[][] k = Kernel.matrix(spec, pts);
        double[][] l = cholesky(k);
        NormalStream g = new NormalStream(RandomStreams.root(11));
        int samples = 400_000;
        int[][] tests = {{0, 1}, {0, 1, 2, 2}, {0, 0, 1, 2}, {0, 1, 1, 2, 2, 2}, {0, 0, 1, 1, 2, 2}};
        double[] sum = new double[tests.length];
        double[] sum2 = new double[tests.length];
        double[] z = new double[3];
        double[] x = new double[3];
        for (int s = 0; s < samples; s++) {
            g.fill(z, 0, 3);
            for (int i = 0; i < 3; i++) {
                x[i] = 0;
                for (int j = 0; j <= i; j++) {
                    x[i] += l[i][j] * z[j];
                }
            }
            for (int t = 0; t < tests.length; t++) {
                double p = 1;
                for (int i : tests[t]) {
                    p *= x[i];
                }
                sum[t] += p;
                sum2[t] += p * p;
            }
        }
        for (int t = 0; t < tests.length; t++) {
            double mean = sum[t] / samples;
            double se = Math.sqrt((sum2[t] / samples - mean * mean) / samples);
            double wick = Wick.gaussianValue(tests[t], k);
            assertThat(Math.abs(mean - wick)).as("points %s: %s vs %s +- %s", java.util.Arrays.toString(tests[t]), wick, mean, se)
                    .isLessThan(5 * se);
        }
    }

    static double[][] cholesky(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = i == j ? Math.sqrt(s) : s / l[j][j];
            }
        }
        return l;
    }
}
