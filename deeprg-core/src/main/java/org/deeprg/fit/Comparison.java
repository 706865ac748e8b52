package org.deeprg.fit;

import java.util.Map;

/**
 * A likelihood-ratio test of the fitted power law against an alternative distribution on the same tail
 * \( x \ge x_{min} \) (CSN Sec. 5, Vuong 1989).
 *
 * @param alternative     "lognormal", "exponential" or "truncatedPowerLaw"
 * @param logLikelihoodRatio \( R = \sum_i [\ln p_{PL}(x_i) - \ln p_{alt}(x_i)] \): positive favours the power law
 * @param normalizedRatio \( R / (\sigma \sqrt{n_{tail}}) \) with \( \sigma \) the standard deviation of the
 *                        pointwise differences (Vuong's statistic); for the nested truncated power law it is
 *                        \( \mathrm{sign}(R)\sqrt{2|R|} \)
 * @param pValue          two-sided Vuong p-value \( \mathrm{erfc}(|z|/\sqrt 2) \) for non-nested alternatives; for the
 *                        nested truncated power law the \( \chi^2_1 \) p-value of \( 2|R| \), \( \mathrm{erfc}(\sqrt{|R|}) \)
 * @param favoured        "powerLaw", the alternative's name, or "neither" (p-value at least {@link #SIGNIFICANCE})
 * @param parameters      the alternative's fitted parameters by name
 */
public record Comparison(String alternative, double logLikelihoodRatio, double normalizedRatio, double pValue,
                         String favoured, Map<String, Double> parameters) {
    /** The p-value below which a sign of R is taken as significant (CSN use 0.1). */
    public static final double SIGNIFICANCE = 0.1;
}
