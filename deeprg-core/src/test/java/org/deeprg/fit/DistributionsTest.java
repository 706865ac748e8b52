package org.deeprg.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.deeprg.random.RandomStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tail distributions: normalised on their support (against brute-force integrals and sums), survival functions
 * equal to the integrals/sums of the density beyond a point, samplers that follow the CDF (a Kolmogorov-Smirnov test at
 * the 0.1% level with a fixed seed), and the special functions behind them against independent routes.
 */
class DistributionsTest {

    static List<TailDistribution> distributions(Support s) {
        return List.of(new PowerLawDistribution(s.bounded() ? 0.7 : 2.1, s), new ExponentialDistribution(s.bounded() ? -0.05 : 0.3, s),
                StretchedExponentialDistribution.of(0.3, 0.6, s), new StretchedExponentialDistribution(1.2, 0, s),
                LognormalDistribution.of(1.0, 0.7, false, s), LognormalDistribution.of(-3, 2.5, true, s),
                new LognormalDistribution(0, -1.4, false, s), new TruncatedPowerLawDistribution(1.5, 0.05, s),
                new TruncatedPowerLawDistribution(-0.5, 0.4, s));
    }

    /** \( \int_a^b p \) by Simpson in \( t = \ln x \) (b finite, or where the density is negligible). */
    static double integral(TailDistribution d, double a, double b) {
        double t0 = Math.log(a);
        double t1 = Double.isFinite(b) ? Math.log(b) : t0 + 1;
        while (!Double.isFinite(b) && d.logDensity(Math.exp(t1)) + t1 > -60) {
            t1 += 1;
        }
        int steps = 40_000;
        double h = (t1 - t0) / steps;
        double sum = 0;
        for (int i = 0; i <= steps; i++) {
            double t = t0 + i * h;
            sum += (i == 0 || i == steps ? 1 : (i % 2 == 1 ? 4 : 2)) * Math.exp(d.logDensity(Math.exp(t)) + t);
        }
        return sum * h / 3;
    }

    /** \( \sum_{k \ge a} p(k) \) by direct summation (2e5 terms, then the midpoint integral of the rest). */
    static double sum(TailDistribution d, double a) {
        double total = 0;
        double k = a;
        double end = Math.min(d.support().xmax(), a + 200_000);
        for (; k <= end; k++) {
            total += Math.exp(d.logDensity(k));
        }
        if (k <= d.support().xmax()) {
            total += integral(d, k - 0.5, d.support().xmax());
        }
        return total;
    }

    @ParameterizedTest(name = "discrete={0} xmax={1}")
    @CsvSource({"false, Infinity", "false, 300", "true, Infinity", "true, 300"})
    void densitiesAreNormalisedAndSurvivalsAreTheirTails(boolean discrete, double xmax) {
        Support s = new Support(3, xmax, discrete);
        for (TailDistribution d : distributions(s)) {
            double total = discrete ? sum(d, 3) : integral(d, 3, xmax);
            assertThat(total).as("normalisation of %s", d).isCloseTo(1, within(1e-9));
            for (double x : new double[] {4, 9, 27, 100}) {
                double tail = discrete ? sum(d, x) : integral(d, x, xmax);
                assertThat(d.survival(x)).as("survival at %s of %s", x, d).isCloseTo(tail, within(1e-9 + 1e-7 * tail));
                assertThat(d.cdf(x)).isCloseTo(1 - d.survival(discrete ? x + 1 : x), within(1e-15));
            }
            assertThat(d.survival(3)).isEqualTo(1);
            assertThat(d.survival(2.5)).isEqualTo(1);
            if (Double.isFinite(xmax)) {
                assertThat(d.survival(xmax + 1)).isZero();
            }
        }
    }

    @ParameterizedTest(name = "discrete={0} xmax={1}")
    @CsvSource({"false, Infinity", "false, 300", "true, Infinity", "true, 300"})
    void samplesFollowTheDistribution(boolean discrete, double xmax) {
        Support s = new Support(3, xmax, discrete);
        int n = 20_000;
        // critical value of the Kolmogorov distribution at the 0.1% level: sqrt(n) D < 1.95 (conservative for discrete data)
        double critical = 1.95 / Math.sqrt(n);
        int seed = 0;
        for (TailDistribution d : distributions(s)) {
            UniformRandomProvider rng = RandomStreams.root(100 + seed++).generator();
            double[] x = d.sample(n, rng);
            Arrays.sort(x);
            assertThat(x[0]).isGreaterThanOrEqualTo(3);
            assertThat(x[n - 1]).isLessThanOrEqualTo(xmax);
            double ks = 0;
            for (int i = 0; i < n; i++) {
                if (discrete) {
                    assertThat(x[i]).isEqualTo(Math.rint(x[i]));
                    if (i + 1 < n && x[i + 1] == x[i]) {
                        continue;
                    }
                    ks = Math.max(ks, Math.abs((i + 1.0) / n - d.cdf(x[i])));
                    ks = Math.max(ks, Math.abs(SortedSample.upperBound(x, x[i] - 1) / (double) n - d.cdf(x[i] - 1)));
                } else {
                    double f = d.cdf(x[i]);
                    ks = Math.max(ks, Math.max(f - i / (double) n, (i + 1.0) / n - f));
                }
            }
            assertThat(ks).as("KS distance of %d draws from %s", n, d).isLessThan(critical);
        }
    }

    @Test
    void samplingIsDeterminedByTheGenerator() {
        Support s = new Support(1, Double.POSITIVE_INFINITY, true);
        TailDistribution d = new TruncatedPowerLawDistribution(1.8, 0.01, s);
        double[] a = d.sample(1000, RandomStreams.root(5).generator());
        double[] b = d.sample(1000, RandomStreams.root(5).generator());
        assertThat(a).isEqualTo(b);
    }

    @Test
    void logErfcMatchesTheCLibraryAndTheContinuedFraction() {
        // ln erfc from Python's math.erfc (glibc) below the asymptotic switch
        double[][] reference = {{-3.0, 0.6931361352504468}, {-0.5, 0.41903914777555956}, {0.0, 0.0}, {0.7, -1.1325865135143411},
            {3.2, -12.019466754324132}, {10.0, -102.87988902484489}, {24.9, -623.7980375655744}, {25.1, -633.8060248587352}};
        for (double[] r : reference) {
            assertThat(Special.logErfc(r[0])).as("ln erfc(%s)", r[0]).isCloseTo(r[1], within(1e-13 * Math.max(1, Math.abs(r[1]))));
        }
        // beyond: erfcx(z) = 1/sqrt(pi) / (z + (1/2)/(z + 1/(z + (3/2)/(z + 2/(z + ...))))), evaluated bottom up
        for (double z : new double[] {25.1, 40, 1000, 1e8}) {
            double fraction = z;
            for (int k = 400; k >= 1; k--) {
                fraction = z + (k / 2.0) / fraction;
            }
            double logErfcx = -0.5 * Math.log(Math.PI) - Math.log(fraction);
            assertThat(Special.logErfcx(z)).as("ln erfcx(%s)", z).isCloseTo(logErfcx, within(1e-14 * Math.abs(logErfcx) + 1e-15));
        }
    }

    @Test
    void gaussianAndExponentialIntegralsMatchSimpson() {
        for (double[] p : new double[][] {{0.3, 1.0, 2}, {0.3, 1.0, Double.POSITIVE_INFINITY}, {2.0, -30, 5}, {1e-4, -2, 40},
            {0.5, 20, 3}, {0, -0.7, Double.POSITIVE_INFINITY}, {0, 0.4, 6}, {0.01, 3, 1e-3}}) {
            double a = p[0];
            double b = p[1];
            double y = p[2];
            double end = Double.isFinite(y) ? y : 200;
            int steps = 400_000;
            double h = end / steps;
            double ref = Math.max(0, b > 0 && a > 0 ? Math.min(b * b / (4 * a), b * end - a * end * end) : (a == 0 && b > 0 ? b * end : 0));
            double sum = 0;
            for (int i = 0; i <= steps; i++) {
                double u = i * h;
                sum += (i == 0 || i == steps ? 1 : (i % 2 == 1 ? 4 : 2)) * Math.exp(-a * u * u + b * u - ref);
            }
            double expected = ref + Math.log(sum * h / 3);
            assertThat(Special.logGaussianIntegral(a, b, y)).as("A=%s B=%s Y=%s", a, b, y).isCloseTo(expected, within(1e-9));
        }
        for (double theta : new double[] {-3, -1e-7, 0, 1e-9, 0.5, 40}) {
            double v = 2.5;
            double exact = theta == 0 ? v : -Math.expm1(-theta * v) / theta;
            assertThat(Special.logExponentialIntegral(theta, v)).isCloseTo(Math.log(exact), within(1e-14));
            double rate = Special.exponentialRate(Special.exponentialMean(theta, v), v);
            assertThat(rate).as("rate from mean at theta %s", theta).isCloseTo(theta, within(1e-9 * Math.max(1, Math.abs(theta))));
        }
    }

    @Test
    void discreteSumsMatchBruteForce() {
        LogSmooth[] functions = {new PowerLawDistribution.Power(1.3), new PowerLawDistribution.Power(-0.5),
            new LognormalDistribution.Gaussian(0.02, 0.5, 2), new TruncatedPowerLawDistribution.Cutoff(1.2, 1e-4, 2),
            new StretchedExponentialDistribution.Weibull(0.4, 0.3, 2)};
        for (LogSmooth f : functions) {
            for (double[] ab : new double[][] {{2, 1e6}, {2, 35}, {17, 4000}}) {
                double brute = 0;
                double ref = f.logF(ab[0]);
                for (double k = ab[0]; k <= ab[1]; k++) {
                    brute += Math.exp(f.logF(k) - ref);
                }
                assertThat(DiscreteSum.logSum(f, ab[0], ab[1])).as("%s on [%s, %s]", f, ab[0], ab[1])
                        .isCloseTo(ref + Math.log(brute), within(1e-11));
            }
        }
        // unbounded: the power law's sum is the Hurwitz zeta
        assertThat(DiscreteSum.logSum(new PowerLawDistribution.Power(2.5), 3, Double.POSITIVE_INFINITY))
                .isCloseTo(HurwitzZeta.logZeta(2.5, 3), within(1e-12));
    }
}
