package org.deeprg.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.deeprg.random.RandomStreams;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The exact x_min scan (branch and bound) against the brute-force scan that evaluates every candidate in full: on
 * random mixtures of 10^3 to 10^5 points, continuous and discrete, with ties, unbounded, bounded and over an x_min
 * range, x_min and the KS distance must be equal to the last bit. The brute force shares the per-point KS terms (that
 * is what makes bit equality meaningful); those terms are checked against independent formulas in
 * {@code PowerLawTest}.
 */
class PowerLawScanTest {

    /** A random mixture: a uniform or lognormal body and a power-law tail, optionally rounded to produce ties. */
    static double[] mixture(int n, long seed, int digits) {
        UniformRandomProvider rng = RandomStreams.root(seed).generator();
        var gauss = RandomStreams.root(seed + 1).gaussian();
        double bodyShare = 0.2 + 0.6 * rng.nextDouble();
        double alpha = 1.5 + 2 * rng.nextDouble();
        double xmin = 0.5 + 4 * rng.nextDouble();
        boolean lognormalBody = rng.nextBoolean();
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            if (rng.nextDouble() < bodyShare) {
                x[i] = lognormalBody ? xmin * Math.exp(-Math.abs(0.7 * gauss.sample())) : xmin * (0.05 + 0.95 * rng.nextDouble());
            } else {
                x[i] = xmin * Math.pow(1 - rng.nextDouble(), -1 / (alpha - 1));
            }
            if (digits > 0) {
                double scale = Math.pow(10, digits - 1 - Math.floor(Math.log10(x[i])));
                x[i] = Math.rint(x[i] * scale) / scale;
            }
        }
        return x;
    }

    /** Discrete: a geometric body and a discrete power-law tail. */
    static double[] discreteMixture(int n, long seed) {
        UniformRandomProvider rng = RandomStreams.root(seed).generator();
        double alpha = 1.8 + 1.5 * rng.nextDouble();
        int xmin = 2 + rng.nextInt(15);
        double bodyShare = 0.2 + 0.6 * rng.nextDouble();
        PowerLawDistribution tail = new PowerLawDistribution(alpha, new Support(xmin, Double.POSITIVE_INFINITY, true));
        double q = 0.5 + 0.45 * rng.nextDouble();
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            if (rng.nextDouble() < bodyShare) {
                x[i] = 1 + Math.floor(Math.log(1 - rng.nextDouble()) / Math.log(q));
            } else {
                x[i] = tail.sample(rng);
            }
        }
        return x;
    }

    private static void assertExact(double[] data, boolean discrete, XminScan.Choice choice, double xmax, int threads) {
        double[] sorted = data.clone();
        Arrays.sort(sorted);
        SortedSample sample = new SortedSample(sorted, discrete, xmax, threads);
        TailFit fast = XminScan.fit(sample, choice, true, threads, false);
        TailFit brute = XminScan.fit(sample, choice, true, threads, true);
        assertThat(fast).as("fit exists").isNotNull();
        assertThat(fast.xmin()).as("x_min").isEqualTo(brute.xmin());
        assertThat(Double.doubleToRawLongBits(fast.ks())).as("KS distance %s vs %s", fast.ks(), brute.ks())
                .isEqualTo(Double.doubleToRawLongBits(brute.ks()));
        assertThat(fast.alpha()).isEqualTo(brute.alpha());
        assertThat(fast.nTail()).isEqualTo(brute.nTail());
        assertThat(fast.candidates()).isEqualTo(brute.candidates());
    }

    @ParameterizedTest(name = "continuous n = {0}, seed {1}, {2} significant digits")
    @CsvSource({"1000, 1, 0", "1000, 2, 2", "1000, 3, 3", "3000, 4, 0", "10000, 5, 0", "10000, 6, 3", "30000, 7, 3",
        "100000, 8, 3", "100000, 9, 2"})
    void continuousScanEqualsBruteForce(int n, long seed, int digits) {
        assertExact(mixture(n, seed, digits), false, XminScan.Choice.scan(), Double.POSITIVE_INFINITY, 2);
    }

    @ParameterizedTest(name = "discrete n = {0}, seed {1}")
    @CsvSource({"1000, 11", "1000, 12", "10000, 13", "30000, 14", "100000, 15", "100000, 16"})
    void discreteScanEqualsBruteForce(int n, long seed) {
        assertExact(discreteMixture(n, seed), true, XminScan.Choice.scan(), Double.POSITIVE_INFINITY, 2);
    }

    @ParameterizedTest(name = "bounded and ranged, seed {0}")
    @CsvSource({"21", "22", "23"})
    void boundedAndRangedScansEqualBruteForce(long seed) {
        double[] x = mixture(5000, seed, 3);
        double[] s = x.clone();
        Arrays.sort(s);
        double median = s[s.length / 2];
        double high = s[(int) (0.995 * s.length)];
        assertExact(x, false, XminScan.Choice.scan(), high, 2);
        assertExact(x, false, new XminScan.Choice(Double.NaN, s[s.length / 10], median), Double.POSITIVE_INFINITY, 2);
        double[] d = discreteMixture(5000, seed);
        double[] ds = d.clone();
        Arrays.sort(ds);
        assertExact(d, true, XminScan.Choice.scan(), ds[(int) (0.99 * ds.length)], 2);
        assertExact(d, true, new XminScan.Choice(Double.NaN, 3, 40), Double.POSITIVE_INFINITY, 1);
    }

    @ParameterizedTest(name = "threads {0}")
    @CsvSource({"1", "3"})
    void theScanDoesNotDependOnTheThreadCount(int threads) {
        double[] x = mixture(20000, 31, 3);
        assertExact(x, false, XminScan.Choice.scan(), Double.POSITIVE_INFINITY, threads);
    }

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"41", "42"})
    void theScanFindsTheTrueThresholdOfAClearMixtureWithinItsBootstrapError(long seed) {
        // a power law alpha = 2.5 above x = 2 over a uniform body below it
        UniformRandomProvider rng = RandomStreams.root(seed).generator();
        double[] x = new double[20_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i < 12_000 ? 2 * Math.pow(1 - rng.nextDouble(), -1 / 1.5) : 2 * rng.nextDouble();
        }
        PowerLawResult r = PowerLaw.analyse(x, PowerLawOptions.defaults().withCompare("none").withUncertaintyResamples(60),
                org.deeprg.run.RunContext.of(seed, 2));
        assertThat(r.xminCandidates()).isGreaterThan(19_900);
        // x_min within 4 bootstrap standard errors of 2 (its sampling distribution is skewed upwards), alpha within 4
        assertThat(Math.abs(r.xmin() - 2.0)).isLessThan(4 * r.uncertainty().xmin().stderr() + 1e-3);
        assertThat(Math.abs(r.alpha() - 2.5)).isLessThan(4 * r.uncertainty().alpha().stderr());
        assertThat(r.uncertainty().alpha().stderr()).isGreaterThan(0.5 * r.alphaStderr());
    }
}
