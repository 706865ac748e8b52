package org.deeprg.train;

import java.io.Serializable;

/**
 * Hartigan's dip test ({@link org.deeprg.stats.DipTest}) of one reading of the weighted degree (Figs. 7-8) of one
 * hidden layer of one trained network.
 *
 * @param run          {@code plain} or {@code critical}
 * @param seed         0-based seed index
 * @param layer        1-based hidden layer
 * @param quantity     the reading ({@link Diagnostic#key()})
 * @param scale        {@code log10} (the paper's axis) or {@code linear}
 * @param values       values tested
 * @param dip          the dip statistic
 * @param pValue       Monte Carlo p-value against the uniform (least favourable unimodal) null
 * @param pValueStderr its binomial standard error
 * @param resamples    uniform samples behind the p-value
 * @param modalLow     lower end of the modal interval (on the tested scale)
 * @param modalHigh    upper end of the modal interval
 * @param bimodal      unimodality rejected: p-value below {@link #SIGNIFICANCE}
 */
public record BimodalityTest(String run, int seed, int layer, String quantity, String scale, int values, double dip,
                             double pValue, double pValueStderr, int resamples, double modalLow, double modalHigh,
                             boolean bimodal) implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Level at which unimodality is rejected. */
    public static final double SIGNIFICANCE = 0.05;
}
