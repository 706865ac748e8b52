package org.deeprg.fit;

import java.util.Map;

/**
 * A likelihood-ratio test of the fitted power law against an alternative on the same tail, in the form the criticality
 * experiment reads ({@link PowerLawFit}); {@link PowerLaw#legacy} builds it from a {@link ModelComparison}.
 *
 * @param alternative        the alternative's name ({@link Model#key()})
 * @param logLikelihoodRatio \( R = \sum_i [\ln p_{PL}(x_i) - \ln p_{alt}(x_i)] \): positive favours the power law
 * @param normalizedRatio    \( R / (\sigma \sqrt{n_{tail}}) \), Vuong's statistic (see {@link ModelComparison})
 * @param pValue             Vuong's two-sided p-value, or Wilks' \( \chi^2_1 \) one for the nested truncated power law
 * @param favoured           "powerLaw", the alternative's name, or "neither" (p-value at least {@link #SIGNIFICANCE})
 * @param parameters         the alternative's fitted parameters by name
 */
public record Comparison(String alternative, double logLikelihoodRatio, double normalizedRatio, double pValue,
                         String favoured, Map<String, Double> parameters) {
    /** The p-value below which a sign of R is taken as significant (CSN use 0.1). */
    public static final double SIGNIFICANCE = 0.1;
}
