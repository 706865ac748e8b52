package org.deeprg.train;

import org.deeprg.fit.Comparison;
import org.deeprg.fit.PowerLawFit;

/**
 * The CSN power-law analysis of one diagnostic of one hidden layer of one trained network.
 *
 * @param run               "plain" or "critical"
 * @param layer             1-based hidden layer
 * @param quantity          "activationPatternCounts", "meanActivations" or "weightedDegrees"
 * @param values            number of values analysed (for patterns: distinct patterns; for mean activations: the
 *                          positive ones)
 * @param fit               the analysis, or null when it was impossible
 * @param reason            why there is no fit ("" when there is)
 * @param tailDecades       \( \log_{10}(x_{max}/x_{min}) \): how far the fitted tail extends (NaN without fit)
 * @param powerLawBehaviour the verdict for this layer: a fit exists, its bootstrap p-value is at least 0.1,
 *                          neither the lognormal nor the exponential is significantly (p below 0.1) favoured by the
 *                          likelihood-ratio test, and the tail spans at least {@value #MIN_DECADES} decade (scale
 *                          invariance needs a range of scales: a steep law fitted to the last few percent of the data
 *                          over a factor of 1.5 says nothing about it; the paper shows straight lines over several decades)
 */
public record DiagnosticFit(String run, int layer, String quantity, int values, PowerLawFit fit, String reason,
                            double tailDecades, boolean powerLawBehaviour) {
    /** Smallest span of the tail, in decades, for power-law behaviour. */
    public static final double MIN_DECADES = 1.0;

    /** Builds the verdict from a fit (null: no fit, with the reason); {@code max} is the largest value. */
    public static DiagnosticFit of(String run, int layer, String quantity, int values, PowerLawFit fit, String reason, double max) {
        boolean ok = false;
        double decades = Double.NaN;
        if (fit != null) {
            decades = Math.log10(max / fit.xmin());
            ok = fit.pValue() >= 0.1 && decades >= MIN_DECADES;
            for (Comparison c : fit.comparisons()) {
                if ((c.alternative().equals("lognormal") || c.alternative().equals("exponential"))
                        && c.favoured().equals(c.alternative())) {
                    ok = false;
                }
            }
        }
        return new DiagnosticFit(run, layer, quantity, values, fit, fit == null ? reason : "", decades, ok);
    }
}
