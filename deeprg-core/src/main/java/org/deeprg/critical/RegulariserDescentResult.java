package org.deeprg.critical;

import java.util.List;

/**
 * Where gradient descent on the critical-regulariser penalty ends ({@link RegulariserDescent#run}). Residuals are
 * RMS per unit, {@code sqrt(P/N)}: at least 1 for beta &gt; 0 and at least 7/8 for beta &lt; 0 for every
 * {@code w = v v^T} (see {@link CriticalityAnalysis}).
 *
 * @param starts               one entry per start, in start order
 * @param bestPositiveBeta     smallest residual over the starts with beta &gt; 0
 * @param bestNegativeBeta     smallest residual over the starts with beta &lt; 0
 */
public record RegulariserDescentResult(List<Start> starts, double bestPositiveBeta, double bestNegativeBeta) {
    public RegulariserDescentResult {
        starts = List.copyOf(starts);
    }

    /**
     * One start.
     *
     * @param beta             |beta| drawn for this start
     * @param residualPositive final RMS residual {@code sqrt(P/N)} with {@code +beta}
     * @param residualNegative final RMS residual with {@code -beta}
     */
    public record Start(double beta, double residualPositive, double residualNegative) {
    }
}
