package org.deeprg.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.deeprg.InvalidInputException;
import org.deeprg.random.RandomStreams;
import org.junit.jupiter.api.Test;

class PowerLawTest {

    static double[] continuousPowerLaw(int n, double alpha, double xmin, long seed) {
        UniformRandomProvider rng = RandomStreams.root(seed).generator();
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = xmin * Math.pow(1 - rng.nextDouble(), -1 / (alpha - 1));
        }
        return x;
    }

    @Test
    void hurwitzZetaMatchesKnownValuesAndBruteForce() {
        assertThat(HurwitzZeta.zeta(2, 1)).isCloseTo(Math.PI * Math.PI / 6, within(1e-13));
        assertThat(HurwitzZeta.zeta(3, 1)).isCloseTo(1.2020569031595942, within(1e-13));
        assertThat(HurwitzZeta.zeta(4, 1)).isCloseTo(Math.pow(Math.PI, 4) / 90, within(1e-13));
        // brute force: direct sum to K plus the integral remainder with the trapezoid correction
        double s = 2.7;
        double q = 3.5;
        double sum = 0;
        double derivative = 0;
        int k = 0;
        for (; k < 2_000_000; k++) {
            sum += Math.pow(q + k, -s);
            derivative -= Math.log(q + k) * Math.pow(q + k, -s);
        }
        double a = q + k;
        sum += Math.pow(a, 1 - s) / (s - 1) + 0.5 * Math.pow(a, -s);
        derivative -= Math.pow(a, 1 - s) * (Math.log(a) / (s - 1) + 1 / ((s - 1) * (s - 1)));
        assertThat(HurwitzZeta.zeta(s, q)).isCloseTo(sum, within(1e-12));
        assertThat(HurwitzZeta.derivative(s, q)).isCloseTo(derivative, within(1e-9));
        // second derivative against a central difference of the first
        double h = 1e-4;
        double second = (HurwitzZeta.derivative(s + h, q) - HurwitzZeta.derivative(s - h, q)) / (2 * h);
        assertThat(HurwitzZeta.secondDerivative(s, q)).isCloseTo(second, within(1e-6));
    }

    @Test
    void continuousFitRecoversExponentWithinTwoStandardErrors() {
        // a power law alpha = 2.5 above xmin = 2, with a uniform body below it that the scan must cut away
        double[] tail = continuousPowerLaw(4000, 2.5, 2.0, 13);
        UniformRandomProvider rng = RandomStreams.root(12).generator();
        double[] data = Arrays.copyOf(tail, 6000);
        for (int i = 4000; i < 6000; i++) {
            data[i] = 0.1 + 1.9 * rng.nextDouble();
        }
        TailFit fit = PowerLaw.fit(data, PowerLaw.Kind.CONTINUOUS, 2);
        assertThat(Math.abs(fit.alpha() - 2.5)).isLessThan(2 * fit.alphaStderr());
        assertThat(fit.alphaStderr()).isCloseTo((fit.alpha() - 1) / Math.sqrt(fit.nTail()), within(1e-12));
        assertThat(fit.xmin()).isBetween(1.8, 2.6);
        assertThat(fit.exhaustive()).isTrue();
    }

    @Test
    void discreteFitRecoversExponentWithinTwoStandardErrors() {
        double alpha = 2.3;
        PowerLaw.DiscreteSampler sampler = new PowerLaw.DiscreteSampler(alpha, 1);
        UniformRandomProvider rng = RandomStreams.root(5).generator();
        double[] data = new double[5000];
        for (int i = 0; i < data.length; i++) {
            data[i] = sampler.sample(rng);
        }
        TailFit fit = PowerLaw.fit(data, PowerLaw.Kind.DISCRETE, 1);
        assertThat(fit.discrete()).isTrue();
        assertThat(Math.abs(fit.alpha() - alpha)).isLessThan(2 * fit.alphaStderr());
        // with xmin fixed at 1 the estimate must also agree, and the standard error be about (alpha-1)/sqrt(n)
        TailFit fixed = PowerLaw.fitFixedXmin(data, PowerLaw.Kind.DISCRETE, 1);
        assertThat(Math.abs(fixed.alpha() - alpha)).isLessThan(2 * fixed.alphaStderr());
        assertThat(fixed.alphaStderr()).isBetween(0.5 * 1.3 / Math.sqrt(5000), 2 * 1.3 / Math.sqrt(5000));
    }

    @Test
    void discreteMaximumLikelihoodIsTheMaximumOfTheBruteForceLikelihood() {
        double[] data = new double[300];
        UniformRandomProvider rng = RandomStreams.root(9).generator();
        PowerLaw.DiscreteSampler sampler = new PowerLaw.DiscreteSampler(2.0, 3);
        for (int i = 0; i < data.length; i++) {
            data[i] = sampler.sample(rng);
        }
        TailFit fit = PowerLaw.fitFixedXmin(data, PowerLaw.Kind.DISCRETE, 3);
        double sumLog = Arrays.stream(data).map(Math::log).sum();
        java.util.function.DoubleUnaryOperator logL = a -> -data.length * Math.log(HurwitzZeta.zeta(a, 3)) - a * sumLog;
        double best = logL.applyAsDouble(fit.alpha());
        assertThat(best).isGreaterThan(logL.applyAsDouble(fit.alpha() + 1e-3));
        assertThat(best).isGreaterThan(logL.applyAsDouble(fit.alpha() - 1e-3));
    }

    @Test
    void discreteKsDistanceMatchesBruteForceOverAllIntegers() {
        double[] data = new double[400];
        UniformRandomProvider rng = RandomStreams.root(21).generator();
        PowerLaw.DiscreteSampler sampler = new PowerLaw.DiscreteSampler(2.4, 2);
        for (int i = 0; i < data.length; i++) {
            data[i] = sampler.sample(rng);
        }
        TailFit fit = PowerLaw.fitFixedXmin(data, PowerLaw.Kind.DISCRETE, 2);
        double max = Arrays.stream(data).max().orElseThrow();
        double z0 = HurwitzZeta.zeta(fit.alpha(), 2);
        double cumulative = 0;
        double d = 0;
        for (int x = 2; x <= max; x++) {
            cumulative += Math.pow(x, -fit.alpha()) / z0;
            final int xx = x;
            double empirical = Arrays.stream(data).filter(v -> v <= xx).count() / (double) data.length;
            d = Math.max(d, Math.abs(empirical - cumulative));
        }
        assertThat(fit.ks()).isCloseTo(d, within(1e-9));
    }

    @Test
    void continuousKsDistanceMatchesBruteForce() {
        double[] data = continuousPowerLaw(500, 1.8, 1.0, 3);
        TailFit fit = PowerLaw.fitFixedXmin(data, PowerLaw.Kind.CONTINUOUS, 1.0);
        double[] s = data.clone();
        Arrays.sort(s);
        double d = 0;
        for (int i = 0; i < s.length; i++) {
            double model = 1 - Math.pow(s[i] / s[0], 1 - fit.alpha());
            d = Math.max(d, Math.max(Math.abs((i + 1.0) / s.length - model), Math.abs(i / (double) s.length - model)));
        }
        assertThat(fit.ks()).isCloseTo(d, within(1e-12));
        double mle = 1 + s.length / Arrays.stream(s).map(v -> Math.log(v / s[0])).sum();
        assertThat(fit.alpha()).isCloseTo(mle, within(1e-10));
    }

    @Test
    void multiResolutionScanFindsTheExhaustiveOptimumOnAClearTail() {
        double[] tail = continuousPowerLaw(60_000, 2.2, 5.0, 31);
        UniformRandomProvider rng = RandomStreams.root(32).generator();
        double[] data = Arrays.copyOf(tail, 100_000);
        for (int i = 60_000; i < data.length; i++) {
            data[i] = 5.0 * rng.nextDouble();
        }
        TailFit fit = PowerLaw.fit(data, PowerLaw.Kind.CONTINUOUS, 2);
        assertThat(fit.exhaustive()).isFalse();
        assertThat(fit.candidates()).isLessThan(5000);
        assertThat(Math.abs(fit.alpha() - 2.2)).isLessThan(2 * fit.alphaStderr());
        assertThat(fit.xmin()).isBetween(4.5, 6.0);
    }

    @Test
    void exponentialDataIsRejected() {
        UniformRandomProvider rng = RandomStreams.root(77).generator();
        // the KS-optimal x_min of exponential data sits far in the tail, where a narrow range of x looks like a
        // steep power law: at n = 3000 (about 250 tail points) the fit cannot be rejected (p = 0.56 for this seed);
        // at n = 30000 it is, and the exponential cutoff of the truncated power law is significant
        double[] data = new double[30_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = 1 - Math.log(1 - rng.nextDouble());
        }
        PowerLawFit fit = PowerLaw.analyse(data, PowerLaw.Kind.CONTINUOUS, 50, RandomStreams.root(78), 2);
        assertThat(fit.pValue()).isLessThan(0.1);
        assertThat(fit.comparison("truncatedPowerLaw").favoured()).isEqualTo("truncatedPowerLaw");
        assertThat(fit.comparison("exponential").logLikelihoodRatio()).isNegative();
    }

    @Test
    void powerLawDataIsNotRejectedAndTheExponentialLoses() {
        double[] data = continuousPowerLaw(2000, 2.5, 1.0, 41);
        PowerLawFit fit = PowerLaw.analyse(data, PowerLaw.Kind.CONTINUOUS, 100, RandomStreams.root(42), 2);
        assertThat(fit.pValue()).isGreaterThanOrEqualTo(0.1);
        assertThat(fit.comparison("exponential").favoured()).isEqualTo("powerLaw");
        // the truncated power law nests the power law: R <= 0 and not significant on pure power-law data
        Comparison truncated = fit.comparison("truncatedPowerLaw");
        assertThat(truncated.logLikelihoodRatio()).isLessThanOrEqualTo(0);
        assertThat(truncated.favoured()).isEqualTo("neither");
    }

    @Test
    void lognormalDataPrefersTheLognormal() {
        org.apache.commons.rng.sampling.distribution.ContinuousSampler g = RandomStreams.root(55).gaussian();
        double[] data = new double[20_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = Math.exp(1.0 + 0.6 * g.sample());
        }
        PowerLawFit fit = PowerLaw.analyse(data, PowerLaw.Kind.CONTINUOUS, 0, RandomStreams.root(56), 2);
        assertThat(fit.comparison("lognormal").logLikelihoodRatio()).isNegative();
        assertThat(fit.comparison("lognormal").parameters().get("sigma")).isCloseTo(0.6, within(0.15));
    }

    @Test
    void analysisIsIdenticalForAnyThreadCount() {
        double[] data = continuousPowerLaw(800, 2.0, 1.0, 61);
        PowerLawFit one = PowerLaw.analyse(data, PowerLaw.Kind.CONTINUOUS, 20, RandomStreams.root(62), 1);
        PowerLawFit three = PowerLaw.analyse(data, PowerLaw.Kind.CONTINUOUS, 20, RandomStreams.root(62), 3);
        assertThat(three).isEqualTo(one);
    }

    @Test
    void truncatedNormaliserMatchesClosedForms() {
        double a = 1.7;
        double lambda = 0.8;
        // alpha = 0: int_a^inf e^{-lambda x} dx = e^{-lambda a}/lambda
        assertThat(LikelihoodRatio.logTruncatedIntegral(a, 0, lambda)).isCloseTo(-lambda * a - Math.log(lambda), within(1e-10));
        // alpha = -1: int_a^inf x e^{-lambda x} dx = e^{-lambda a}(a/lambda + 1/lambda^2)
        assertThat(LikelihoodRatio.logTruncatedIntegral(a, -1, lambda))
                .isCloseTo(-lambda * a + Math.log(a / lambda + 1 / (lambda * lambda)), within(1e-10));
        // alpha = 2.5, tiny lambda: the power-law normaliser a^{1-alpha}/(alpha-1)
        assertThat(LikelihoodRatio.logTruncatedIntegral(a, 2.5, 1e-9))
                .isCloseTo(-1.5 * Math.log(a) - Math.log(1.5), within(1e-6));
    }

    @Test
    void refusesTooFewOrNonPositiveValues() {
        assertThatThrownBy(() -> PowerLaw.fit(new double[49], PowerLaw.Kind.CONTINUOUS, 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("at least 50");
        double[] data = continuousPowerLaw(60, 2, 1, 1);
        data[7] = -1;
        assertThatThrownBy(() -> PowerLaw.fit(data, PowerLaw.Kind.CONTINUOUS, 1))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("value 8");
    }
}
