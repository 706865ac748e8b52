package org.deeprg.qft;

import static org.assertj.core.api.Assertions.assertThat;

import jdk.incubator.vector.DoubleVector;
import org.deeprg.random.RandomStreams;
import org.hipparchus.special.Erf;
import org.junit.jupiter.api.Test;

class VectorKernelsTest {
    @Test
    void expIsAccurateToAFewUlp() {
        double[] x = new double[4];
        double[] y = new double[4];
        double worst = 0;
        for (int i = 0; i < 20000; i++) {
            for (int l = 0; l < 4; l++) {
                x[l] = -700 + 1400.0 * ((i * 4 + l) * 0.6180339887498949 % 1.0);
            }
            VectorMath.exp(DoubleVector.fromArray(VectorMath.SPECIES, x, 0)).intoArray(y, 0);
            for (int l = 0; l < 4; l++) {
                worst = Math.max(worst, Math.abs(y[l] / Math.exp(x[l]) - 1));
                assertThat(VectorMath.exp(x[l])).isEqualTo(y[l]);
            }
        }
        assertThat(worst).isLessThan(1e-15);
    }

    @Test
    void erfIsWithinItsDocumentedBound() {
        double[] x = new double[4];
        double[] y = new double[4];
        for (int i = 0; i < 2000; i++) {
            for (int l = 0; l < 4; l++) {
                x[l] = -6 + 12.0 * (i * 4 + l) / 8000.0;
            }
            VectorMath.erf(DoubleVector.fromArray(VectorMath.SPECIES, x, 0)).intoArray(y, 0);
            for (int l = 0; l < 4; l++) {
                assertThat(Math.abs(y[l] - Erf.erf(x[l]))).isLessThan(1.2e-7);
            }
        }
    }

    @Test
    void gaussianMomentsAndCdf() {
        NormalStream g = new NormalStream(RandomStreams.root(99));
        int n = 2_000_000;
        double[] z = new double[n];
        g.fill(z, 0, n);
        double m1 = 0;
        double m2 = 0;
        double m4 = 0;
        int below = 0;
        int tail = 0;
        int farTail = 0;
        double[] edges = {-2.0, -1.0, -0.3, 0.0, 0.7, 1.5, 3.0};
        int[] counts = new int[edges.length + 1];
        for (double v : z) {
            if (Math.abs(v) > 3.6) {
                farTail++;
            }
            int bin = 0;
            while (bin < edges.length && v >= edges[bin]) {
                bin++;
            }
            counts[bin]++;
            m1 += v;
            m2 += v * v;
            m4 += v * v * v * v;
            if (v < 0.5) {
                below++;
            }
            if (v > 2.5) {
                tail++;
            }
        }
        m1 /= n;
        m2 /= n;
        m4 /= n;
        assertThat(Math.abs(m1)).isLessThan(5 / Math.sqrt(n));
        assertThat(Math.abs(m2 - 1)).isLessThan(5 * Math.sqrt(2.0 / n));
        assertThat(Math.abs(m4 - 3)).isLessThan(5 * Math.sqrt(96.0 / n));
        double p = 0.6914624612740131;
        assertThat(Math.abs(below / (double) n - p)).isLessThan(5 * Math.sqrt(p * (1 - p) / n));
        double q = 0.0062096653257761;
        assertThat(Math.abs(tail / (double) n - q)).isLessThan(5 * Math.sqrt(q * (1 - q) / n));
        // beyond the ziggurat's base-layer edge r = 3.44: the exact tail sampler
        double qf = 2 * 1.5910859015753364e-4;
        assertThat(Math.abs(farTail / (double) n - qf)).isLessThan(5 * Math.sqrt(qf / n));
        // chi-square over 8 bins against the normal CDF (7 degrees of freedom; 0.999 quantile 24.3)
        double chi2 = 0;
        double prev = 0;
        for (int b = 0; b <= edges.length; b++) {
            double cdf = b < edges.length ? 0.5 * org.hipparchus.special.Erf.erfc(-edges[b] / Math.sqrt(2)) : 1.0;
            double expected = n * (cdf - prev);
            chi2 += (counts[b] - expected) * (counts[b] - expected) / expected;
            prev = cdf;
        }
        assertThat(chi2).isLessThan(24.3);
    }

    @Test
    void fillIsIndependentOfHowTheRequestIsCut() {
        double[] a = new double[37];
        new NormalStream(RandomStreams.root(5)).fill(a, 0, 37);
        double[] b = new double[37];
        NormalStream g = new NormalStream(RandomStreams.root(5));
        g.fill(b, 0, 3);
        g.fill(b, 3, 13);
        b[16] = g.sample();
        g.fill(b, 17, 20);
        assertThat(a[36]).isNotEqualTo(a[35]);
        assertThat(b).containsExactly(a);
    }
}
