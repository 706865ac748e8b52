package org.deeprg.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.deeprg.random.RandomStreams;
import org.deeprg.run.RunContext;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.junit.jupiter.api.Test;

/** Vuong's test and its nested (Wilks) form against direct computations, and the comparisons on data of known origin. */
class ModelComparisonTest {

    @Test
    void vuongStatisticFromPointwiseLogLikelihoods() {
        var g = RandomStreams.root(3).gaussian();
        int n = 500;
        double[] a = new double[n];
        double[] b = new double[n];
        int[] ones = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = -1 + 0.3 * g.sample();
            b[i] = -1.05 + 0.3 * g.sample();
            ones[i] = 1;
        }
        ModelComparison c = ModelComparison.of(Model.LOGNORMAL, a, Model.EXPONENTIAL, b, ones);
        double r = 0;
        for (int i = 0; i < n; i++) {
            r += a[i] - b[i];
        }
        double mean = r / n;
        double var = 0;
        for (int i = 0; i < n; i++) {
            var += Math.pow(a[i] - b[i] - mean, 2);
        }
        var /= n;
        double z = r / Math.sqrt(n * var);
        assertThat(c.logLikelihoodRatio()).isCloseTo(r, within(1e-10));
        assertThat(c.normalizedRatio()).isCloseTo(z, within(1e-12));
        assertThat(c.pValue()).isCloseTo(2 * (1 - new NormalDistribution(0, 1).cumulativeProbability(Math.abs(z))), within(1e-12));
        assertThat(c.nested()).isFalse();
        // counts weigh distinct values like repeated points
        int[] twos = new int[n];
        Arrays.fill(twos, 2);
        ModelComparison doubled = ModelComparison.of(Model.LOGNORMAL, a, Model.EXPONENTIAL, b, twos);
        assertThat(doubled.logLikelihoodRatio()).isCloseTo(2 * r, within(1e-10));
        assertThat(doubled.normalizedRatio()).isCloseTo(Math.sqrt(2) * z, within(1e-12));
        // nested: chi^2_1 tail of 2|R|
        ModelComparison nested = ModelComparison.of(Model.POWER_LAW, b, Model.TRUNCATED_POWER_LAW, a, ones);
        assertThat(nested.nested()).isTrue();
        double expected = 1 - new ChiSquaredDistribution(1).cumulativeProbability(2 * Math.abs(nested.logLikelihoodRatio()));
        assertThat(nested.pValue()).isCloseTo(expected, within(1e-12));
        // identical fits: no evidence
        ModelComparison same = ModelComparison.of(Model.LOGNORMAL, a, Model.EXPONENTIAL, a.clone(), ones);
        assertThat(same.pValue()).isEqualTo(1);
        assertThat(same.favoured()).isEqualTo("neither");
    }

    @Test
    void pairwiseComparisonsAreAntisymmetricAndFollowTheData() {
        // a lognormal sample: lognormal beats the power law and the exponential; pairs are antisymmetric
        var g = RandomStreams.root(8).gaussian();
        double[] x = new double[5000];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.exp(2 + 0.7 * g.sample());
        }
        PowerLawOptions options = PowerLawOptions.defaults().withXmin(3.0)
                .withCompare("lognormal,exponential:lognormal,lognormal:exponential,truncatedPowerLaw:powerLaw");
        PowerLawResult r = PowerLaw.analyse(x, options, RunContext.of(1, 2));
        assertThat(r.alternative(Model.LOGNORMAL).vsPowerLaw().favoured()).isEqualTo("lognormal");
        ModelComparison el = r.comparisons().get(0);
        ModelComparison le = r.comparisons().get(1);
        assertThat(el.first()).isEqualTo(Model.EXPONENTIAL);
        assertThat(el.logLikelihoodRatio()).isCloseTo(-le.logLikelihoodRatio(), within(1e-9));
        assertThat(el.pValue()).isCloseTo(le.pValue(), within(1e-12));
        assertThat(le.favoured()).isEqualTo("lognormal");
        ModelComparison tp = r.comparisons().get(2);
        assertThat(tp.nested()).isTrue();
        assertThat(tp.logLikelihoodRatio()).isGreaterThanOrEqualTo(0);
        // the exponential, fitted for the pairs, is listed among the alternatives too
        assertThat(r.alternative(Model.EXPONENTIAL)).isNotNull();
    }
}
