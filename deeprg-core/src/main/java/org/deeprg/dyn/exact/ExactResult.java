package org.deeprg.dyn.exact;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Result of {@link ExactDyn#run(ExactSpec, org.deeprg.run.RunContext)}: the JSON contract of {@code dyn exact --json}.
 * Every number is exact (transfer matrices; no sampling).
 *
 * @param logZ                           ln Z of H_new at (beta, betaV) (Eqs. 14, 17)
 * @param logZOriginal                   ln Z_original at beta (Eqs. 4-5); null when the forward pass reaches too many
 *                                       states ({@code logZOriginalUnavailableBecause} says why)
 * @param meanCost                       &lt;cost&gt; = -d ln Z/d beta (null when depth x states exceeds
 *                                       {@link ExactDyn#EXPECTATION_LIMIT})
 * @param meanConstraint                 &lt;constraint&gt; = -d ln Z/d betaV (null likewise)
 * @param neuronMeans                    &lt;h^(m)_{l,i}&gt; as [M+1][L][N] (null likewise, or when M &gt;
 *                                       {@link ExactDyn#MAX_LISTED_LAYERS})
 * @param states                         joint layer states q_h^{N L}
 * @param convergence                    ln Z_new(betaV') - ln Z_original for betaV' in {@code convergenceBetaV} (Eqs.
 *                                       11-12: tends to 0); null when one ln Z costs more than
 *                                       {@link ExactDyn#CONVERGENCE_WORK} or when ln Z_original is unavailable
 * @param convergenceBetaV               the betaV' grid ({@link ExactDyn#CONVERGENCE_GRID})
 * @param convergenceLogZ                ln Z_new(beta, betaV') on that grid
 * @param logZOriginalUnavailableBecause why {@code logZOriginal} is null (absent otherwise)
 */
@JsonPropertyOrder({"logZ", "logZOriginal", "meanCost", "meanConstraint", "neuronMeans", "states", "convergence",
        "convergenceBetaV", "convergenceLogZ", "logZOriginalUnavailableBecause"})
public record ExactResult(double logZ, Double logZOriginal, Double meanCost, Double meanConstraint, double[][][] neuronMeans,
                          int states, double[] convergence, double[] convergenceBetaV, double[] convergenceLogZ,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String logZOriginalUnavailableBecause)
        implements java.io.Serializable {
}
