package org.deeprg.sft;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeprg.random.RandomStreams;
import org.deeprg.stats.Estimate;
import org.junit.jupiter.api.Test;

/** Langevin training samples the Gibbs measure exp(-C/T): mode variances T/omega^2 and equipartition, at 5 standard errors. */
class NoisyTrainingTest {

    @Test
    void underdampedLangevinGivesEquipartitionAndModeVariances() {
        PerceptronExample ex = PerceptronExampleTest.example(3, 8, 81);
        PerceptronExample.Modes modes = ex.modes();
        double[] star = ex.shift();
        double t = 0.3;
        double wmax = Math.sqrt(modes.omega2()[modes.omega2().length - 1]);
        double gamma = Math.sqrt(modes.omega2()[0]);
        double h = 0.05 / wmax;
        int samples = 20000;
        int thin = 10;
        double[][] x = new double[2][samples];
        double[] kin = new double[samples];
        int[] c = {0};
        NoisyTraining.underdamped(ex, star, gamma, t, h, 2000, (long) samples * thin, thin, RandomStreams.root(82).generator(),
                (step, w, v) -> {
                    int m0 = 0;
                    int m1 = modes.omega2().length - 1;
                    x[0][c[0]] = sq(proj(modes.vectors()[m0], w, star));
                    x[1][c[0]] = sq(proj(modes.vectors()[m1], w, star));
                    double k = 0;
                    for (double vi : v) {
                        k += vi * vi;
                    }
                    kin[c[0]] = k / v.length;
                    c[0]++;
                });
        Estimate soft = Estimate.ofTimeSeries(x[0]);
        Estimate stiff = Estimate.ofTimeSeries(x[1]);
        assertThat(soft.sigmasFrom(t / modes.omega2()[0])).isLessThan(5);
        assertThat(stiff.sigmasFrom(t / modes.omega2()[modes.omega2().length - 1])).isLessThan(5);
        assertThat(Estimate.ofTimeSeries(kin).sigmasFrom(t)).isLessThan(5);
        assertThat(soft.stderr()).isLessThan(0.05 * soft.mean()); // the test can fail
    }

    @Test
    void overdampedMalaThroughTheSharedSamplerGivesTheGibbsVariance() {
        PerceptronExample ex = PerceptronExampleTest.example(2, 6, 83);
        PerceptronExample.Modes modes = ex.modes();
        double[] star = ex.shift();
        double t = 0.5;
        int samples = 20000;
        double[] x = new double[samples];
        int[] c = {0};
        int last = modes.omega2().length - 1;
        double eta = 0.5 / modes.omega2()[last];
        double acc = NoisyTraining.overdamped(ex, star, t, eta, true, 1000, samples * 5L, 5, RandomStreams.root(84).generator(),
                (step, w, v) -> x[c[0]++] = sq(proj(modes.vectors()[last], w, star)));
        assertThat(acc).isBetween(0.3, 1.0);
        assertThat(Estimate.ofTimeSeries(x).sigmasFrom(t / modes.omega2()[last])).isLessThan(5);
    }

    static double proj(double[] e, double[] w, double[] star) {
        double s = 0;
        for (int a = 0; a < e.length; a++) {
            s += e[a] * (w[a] - star[a]);
        }
        return s;
    }

    static double sq(double x) {
        return x * x;
    }
}
