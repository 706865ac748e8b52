package org.deeprg.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.deeprg.random.RandomStreams;
import org.junit.jupiter.api.Test;

class EstimateTest {

    /** AR(1) x_t = phi x_{t-1} + e_t has rho(t) = phi^t, so tau_int = 1/2 + phi/(1-phi) = (1+phi)/(2(1-phi)). */
    @Test
    void integratedAutocorrelationTimeOfAr1MatchesClosedForm() {
        double phi = 0.8;
        int n = 400_000;
        ZigguratSampler.NormalizedGaussian g = RandomStreams.root(11).gaussian();
        double[] xs = new double[n];
        double x = 0;
        for (int i = 0; i < n; i++) {
            x = phi * x + g.sample();
            xs[i] = x;
        }
        double expected = (1 + phi) / (2 * (1 - phi));
        assertThat(Autocorrelation.integratedTime(xs)).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(5));
        Estimate e = Estimate.ofTimeSeries(xs);
        // stationary variance 1/(1-phi^2); var of mean = 2 tau Var / n
        double se = Math.sqrt(2 * expected / (1 - phi * phi) / n);
        assertThat(e.stderr()).isCloseTo(se, org.assertj.core.data.Percentage.withPercentage(8));
        assertThat(e.agreesWith(0.0, 5)).isTrue();
    }

    @Test
    void independentSamplesHaveTauOneHalfAndCorrectError() {
        ZigguratSampler.NormalizedGaussian g = RandomStreams.root(3).gaussian();
        double[] xs = new double[100_000];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = 2 + 3 * g.sample();
        }
        Estimate e = Estimate.ofTimeSeries(xs);
        assertThat(e.tauInt()).isBetween(0.4, 0.6);
        assertThat(e.stderr()).isCloseTo(3 / Math.sqrt(xs.length), org.assertj.core.data.Percentage.withPercentage(10));
        assertThat(e.agreesWith(2.0, 5)).isTrue();
    }

    @Test
    void formatsInParenthesisNotation() {
        assertThat(Format.withError(1.23456, 0.0012)).isEqualTo("1.2346(12)");
        assertThat(Format.withError(-0.5, 0)).isEqualTo("-0.5");
        assertThat(Estimate.of(3.14159, 0.021, 10).format()).isEqualTo("3.142(21)");
    }

    @Test
    void streamsAreDeterministicAndDistinct() {
        RandomStreams r = RandomStreams.root(42);
        assertThat(r.split(1).generator().nextLong()).isEqualTo(RandomStreams.root(42).split(1).generator().nextLong());
        assertThat(r.split(1).generator().nextLong()).isNotEqualTo(r.split(2).generator().nextLong());
        assertThat(r.split("a").seed()).isNotEqualTo(r.split("b").seed());
    }

    /** Results of distributed tasks carry estimates: Java serialisation keeps every field, NaN and the flag included. */
    @Test
    void survivesJavaSerialisation() throws Exception {
        for (Estimate e : new Estimate[] {Estimate.exact(1.5), Estimate.of(2, 0.1, 10).withRHat(1.02),
                Estimate.ofIndependent(new double[] {1, 2, 4}).unreliable("too few samples")}) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
                out.writeObject(e);
            }
            try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
                assertThat(in.readObject()).isEqualTo(e);
            }
        }
    }
}
