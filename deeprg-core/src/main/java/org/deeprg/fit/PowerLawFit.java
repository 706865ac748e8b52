package org.deeprg.fit;

import java.util.List;

/**
 * A complete Clauset-Shalizi-Newman power-law analysis of one sample: the tail fit, its bootstrap
 * goodness-of-fit p-value and likelihood-ratio comparisons with alternatives. This record is the JSON
 * contract of {@code deeprg critical powerlaw}.
 *
 * @param alpha              fitted exponent
 * @param alphaStderr        its standard error
 * @param xmin               lower bound of the power-law tail (KS-optimal)
 * @param ks                 KS distance of the fit
 * @param pValue             bootstrap goodness-of-fit p-value: the fraction of semi-parametric synthetic samples
 *                           (fitted law above x_min, resampled data below) whose own fit has a KS distance at least
 *                           {@code ks}; small values (CSN: below 0.1) rule the power law out. NaN when no
 *                           resamples were asked for
 * @param pValueStderr       binomial standard error \( \sqrt{p(1-p)/B} \) of the p-value
 * @param bootstrapResamples number B of synthetic samples
 * @param nTail              points in the tail
 * @param n                  points in the sample
 * @param discrete           discrete (integer) or continuous power law
 * @param exhaustiveScan     whether every x_min candidate was evaluated
 * @param comparisons        likelihood-ratio tests against lognormal, exponential, truncated power law
 */
public record PowerLawFit(double alpha, double alphaStderr, double xmin, double ks,
                          @org.deeprg.json.Missing("not computed: no bootstrap resamples (--bootstrap 0)") double pValue,
                          @org.deeprg.json.Missing("not computed: no bootstrap resamples (--bootstrap 0)") double pValueStderr,
                          int bootstrapResamples, int nTail, int n, boolean discrete, boolean exhaustiveScan,
                          List<Comparison> comparisons) {
    public PowerLawFit {
        comparisons = List.copyOf(comparisons);
    }

    /** True when the power law is plausible by CSN's criterion: goodness-of-fit p-value at least 0.1. */
    public boolean plausible() {
        return pValue >= 0.1;
    }

    /** The comparison with the named alternative, or null. */
    public Comparison comparison(String alternative) {
        for (Comparison c : comparisons) {
            if (c.alternative().equals(alternative)) {
                return c;
            }
        }
        return null;
    }
}
