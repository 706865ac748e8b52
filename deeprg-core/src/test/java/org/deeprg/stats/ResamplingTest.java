package org.deeprg.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.deeprg.random.RandomStreams;
import org.junit.jupiter.api.Test;

class ResamplingTest {
    @Test
    void jackknifeOfTheMeanIsTheStandardError() {
        double[][] blocks = {{1}, {2}, {4}, {7}};
        Estimate j = Resampling.jackknife(blocks, v -> v[0]);
        Estimate direct = Estimate.ofIndependent(new double[] {1, 2, 4, 7});
        assertThat(j.mean()).isCloseTo(direct.mean(), within(1e-12));
        assertThat(j.stderr()).isCloseTo(direct.stderr(), within(1e-12));
    }

    @Test
    void weightedFitRecoversALineExactlyAndErrorsScaleWithSigma() {
        double[] x = {1, 2, 3, 4, 5};
        double[] y = new double[5];
        double[] s = {0.1, 0.1, 0.1, 0.1, 0.1};
        for (int i = 0; i < 5; i++) {
            y[i] = 2 - 0.5 * x[i];
        }
        LinearFit f = LinearFit.weighted(x, y, s);
        assertThat(f.slope()).isCloseTo(-0.5, within(1e-12));
        assertThat(f.intercept()).isCloseTo(2, within(1e-12));
        // sigma_slope = sigma / sqrt(sum (x - xbar)^2) = 0.1/sqrt(10)
        assertThat(f.slopeStderr()).isCloseTo(0.1 / Math.sqrt(10), within(1e-12));
    }

    @Test
    void rHatIsNearOneForIdenticalDistributionsAndLargeForShiftedChains() {
        ZigguratSampler.NormalizedGaussian g = RandomStreams.root(5).gaussian();
        double[][] same = new double[4][5000];
        double[][] shifted = new double[4][5000];
        for (int c = 0; c < 4; c++) {
            for (int i = 0; i < 5000; i++) {
                same[c][i] = g.sample();
                shifted[c][i] = g.sample() + 3 * c;
            }
        }
        assertThat(Resampling.rHat(same)).isBetween(0.99, 1.01);
        assertThat(Resampling.rHat(shifted)).isGreaterThan(2);
    }
}
