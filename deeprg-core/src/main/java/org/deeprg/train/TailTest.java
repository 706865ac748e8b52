package org.deeprg.train;

import java.io.Serializable;

/**
 * One likelihood-ratio test of a fitted power law against an alternative on the same tail (CSN Sec. 5).
 *
 * @param alternative        {@code lognormal}, {@code exponential}, {@code truncatedPowerLaw}, ...
 * @param logLikelihoodRatio \( R \): positive favours the power law
 * @param pValue             significance of the sign of R
 * @param favoured           {@code powerLaw}, the alternative's name, or {@code neither} (p-value at least 0.1)
 */
public record TailTest(String alternative, double logLikelihoodRatio, double pValue, String favoured) implements Serializable {
    private static final long serialVersionUID = 1L;
}
