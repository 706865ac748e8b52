package org.deeprg.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The shared criteria of a trustworthy error bar: R-hat, effective samples, heavy tails (each can fire, each is calibrated). */
class ReliabilityTest {

    @Test
    void rHatAboveTheLimitFlagsAndTheLimitAccountsForFewEffectiveSamples() {
        Estimate longChains = Estimate.of(1, 0.01, 100_000).withRHat(1.02);
        assertThat(Reliability.check(longChains, 4).unreliableBecause()).contains("R-hat = 1.020");
        assertThat(Reliability.check(longChains.withRHat(1.005), 4).stderrReliable()).isTrue();
        // long chains: the limit is 1.01; 16 blocks per chain: converged chains scatter further, the limit is raised
        assertThat(Reliability.rHatLimit(4, 1e6)).isEqualTo(Reliability.MAX_RHAT);
        double few = Reliability.rHatLimit(2, 16);
        assertThat(few).isGreaterThan(1.2).isLessThan(1.5);
        // the raised limit is the 99.9% quantile of R-hat for converged (here: independent Gaussian) chains
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(3);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        int trials = 20_000;
        int above = 0;
        int above101 = 0;
        for (int t = 0; t < trials; t++) {
            double[][] chains = new double[2][16];
            for (double[] c : chains) {
                for (int i = 0; i < c.length; i++) {
                    c[i] = g.sample();
                }
            }
            double r = Resampling.rHat(chains);
            above += r > few ? 1 : 0;
            above101 += r > 1.01 ? 1 : 0;
        }
        // 0.1% by construction (binomial scatter over 20000 trials: about 0.02%)
        assertThat(above / (double) trials).isLessThan(2.5e-3);
        assertThat(above101 / (double) trials).as("1.01 alone would flag converged chains often").isGreaterThan(0.1);
        double four = Reliability.rHatLimit(4, 16);
        int above4 = 0;
        for (int t = 0; t < trials; t++) {
            double[][] chains = new double[4][16];
            for (double[] c : chains) {
                for (int i = 0; i < c.length; i++) {
                    c[i] = g.sample();
                }
            }
            above4 += Resampling.rHat(chains) > four ? 1 : 0;
        }
        assertThat(above4 / (double) trials).as("4 chains of 16 blocks, limit %.4f", four).isBetween(1e-4, 2.5e-3);
        // chains that disagree are flagged even with few blocks
        double[][] apart = new double[2][16];
        for (int i = 0; i < 16; i++) {
            apart[0][i] = g.sample();
            apart[1][i] = 3 + g.sample();
        }
        assertThat(Resampling.rHat(apart)).isGreaterThan(few);
    }

    @Test
    void tooFewEffectiveSamplesFlagAndExactValuesNever() {
        assertThat(Reliability.check(Estimate.of(1, 0.1, 10)).unreliableBecause()).contains("effective samples");
        assertThat(Reliability.check(Estimate.of(1, 0.1, 40)).stderrReliable()).isTrue();
        // a correlated series: 1000 samples with tau_int 50 are 10 effective ones
        assertThat(Reliability.check(new Estimate(1, 0.1, 1, 50, Double.NaN, 1000, null)).stderrReliable()).isFalse();
        assertThat(Reliability.check(Estimate.exact(2))).isEqualTo(Estimate.exact(2));
        assertThat(Reliability.check(null)).isNull();
        assertThat(Reliability.check(Estimate.of(1, Double.NaN, 100)).unreliableBecause()).contains("no finite");
    }

    @Test
    void heavyTailedBlockMeansFlagAndGaussianOnesRarelyDo() {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(5);
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
        int trials = 2000;
        int flagged = 0;
        for (int t = 0; t < trials; t++) {
            double[] blocks = new double[32];
            for (int i = 0; i < blocks.length; i++) {
                blocks[i] = g.sample();
            }
            flagged += Reliability.check(Estimate.ofIndependent(blocks), 0, blocks).stderrReliable() ? 0 : 1;
        }
        assertThat(flagged / (double) trials).as("false alarms on Gaussian block means").isLessThan(0.03);
        // Pareto(alpha = 1.2) values: infinite variance, the mean is carried by a few draws
        int heavy = 0;
        for (int t = 0; t < 200; t++) {
            double[] blocks = new double[32];
            for (int i = 0; i < blocks.length; i++) {
                blocks[i] = Math.pow(rng.nextDouble(), -1 / 1.2);
            }
            heavy += Reliability.check(Estimate.ofIndependent(blocks), 0, blocks).stderrReliable() ? 0 : 1;
        }
        assertThat(heavy / 200.0).as("heavy tails detected").isGreaterThan(0.7);
        // no spread: nothing to flag
        double[] flat = new double[20];
        assertThat(Reliability.excessKurtosis(flat)).isZero();
        // {0, 0, 0, 1}: m2 = 3/16, m4 = 21/256, m4/m2^2 = 7/3
        assertThat(Reliability.excessKurtosis(new double[] {0, 0, 0, 1})).isCloseTo(7 / 3.0 - 3, within(1e-12));
    }

    @Test
    void blockMeansSplitTheSeriesAndDropTheEarliestRemainder() {
        double[] s = {100, 1, 2, 3, 4, 5, 6};
        assertThat(Reliability.blockMeans(s, 3)).containsExactly(1.5, 3.5, 5.5);
        assertThat(Reliability.blockMeans(new double[][] {{1, 3}, {5, 7}}, 1)).containsExactly(2.0, 6.0);
        assertThat(Reliability.blockMeans(new double[] {1, 2}, 5)).containsExactly(1.0, 2.0);
    }
}
