package org.deeprg.fit;

/**
 * A likelihood-ratio test between two distributions fitted to the same tail (CSN Sec. 5 and Appendix C;
 * Q. H. Vuong, Econometrica 57, 307 (1989)).
 *
 * @param first              the first model
 * @param second             the second model
 * @param logLikelihoodRatio \( R = \sum_i [\ln p_1(x_i) - \ln p_2(x_i)] \): positive favours the first
 * @param normalizedRatio    \( R/(\sigma\sqrt{n_{tail}}) \), \( \sigma^2 \) the variance of the pointwise differences
 *                           (Vuong's statistic; 0 when the fits coincide: {@link #EQUIVALENT},
 *                           {@link #IDENTICAL})
 * @param pValue             the significance of the sign of R: \( \mathrm{erfc}(|R|/\sqrt{2 n_{tail}\sigma^2}) \)
 *                           (Vuong, non-nested); for nested models (one a special case of the other,
 *                           {@link Model#nested}) the \( \chi^2_1 \) tail of \( 2|R| \), \( \mathrm{erfc}(\sqrt{|R|}) \)
 *                           (Wilks; CSN App. C)
 * @param nested             whether the \( \chi^2_1 \) (nested) form was used
 * @param favoured           the model favoured at p below {@link #SIGNIFICANCE} (by the sign of R), or "neither"
 */
public record ModelComparison(Model first, Model second, double logLikelihoodRatio, double normalizedRatio,
                              double pValue, boolean nested, String favoured) {
    /** The p-value below which the sign of R is taken as significant (CSN use 0.1). */
    public static final double SIGNIFICANCE = 0.1;
    /**
     * Pointwise log-likelihood differences below this (root mean square and mean) are rounding: the fits coincide,
     * R is reported but p = 1 and the normalised ratio 0 (Vuong's statistic would divide rounding by rounding).
     */
    public static final double IDENTICAL = 1e-9;
    /**
     * Total log-likelihood ratios below this (in nats) are no evidence either way: the fits are observationally
     * equivalent (Vuong's \( \sigma \to 0 \) case), so p = 1 and the normalised ratio 0.
     */
    public static final double EQUIVALENT = 1e-6;

    /**
     * The test on the pointwise log-likelihoods of the two fits over the distinct tail values with their counts.
     */
    static ModelComparison of(Model first, double[] logFirst, Model second, double[] logSecond, int[] counts) {
        long n = 0;
        double r = 0;
        for (int k = 0; k < counts.length; k++) {
            n += counts[k];
            r += counts[k] * (logFirst[k] - logSecond[k]);
        }
        double mean = r / n;
        double variance = 0;
        for (int k = 0; k < counts.length; k++) {
            double d = logFirst[k] - logSecond[k] - mean;
            variance += counts[k] * d * d;
        }
        variance /= n;
        boolean nested = Model.nested(first, second) || Model.nested(second, first);
        if (Math.abs(r) < EQUIVALENT || (Math.sqrt(variance) < IDENTICAL && Math.abs(mean) < IDENTICAL)) {
            // the two fits coincide (e.g. an alternative at its power-law limit): no evidence either way
            return new ModelComparison(first, second, r, 0, 1, nested, "neither");
        }
        double z = variance > 0 ? r / Math.sqrt(n * variance) : 0;
        double p;
        if (nested) {
            p = org.hipparchus.special.Erf.erfc(Math.sqrt(Math.abs(r)));
        } else {
            p = variance > 0 ? org.hipparchus.special.Erf.erfc(Math.abs(z) / Math.sqrt(2)) : 1;
        }
        String favoured = p >= SIGNIFICANCE || r == 0 ? "neither" : (r > 0 ? first.key() : second.key());
        return new ModelComparison(first, second, r, z, p, nested, favoured);
    }
}
