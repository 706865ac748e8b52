package org.deeprg.critical;

import java.util.List;

/**
 * The smallest residual of a criticality condition found over a class of couplings ({@link ConditionSearch#run}).
 * Residuals are RMS per unit, {@code ||E||_F / sqrt(N)}.
 *
 * @param condition      Eq. 30 or Eq. 33
 * @param matrixClass    the class searched
 * @param units          N
 * @param beta           beta
 * @param bestResidual   the smallest residual over all starts and evaluations
 * @param bestScaledNorm {@code ||a w||_F} at the best point: growing without bound when the infimum is not attained
 * @param bestCouplings  the best w (row-major N x N)
 * @param starts         one entry per start, in start order
 */
public record ConditionSearchResult(ConditionSearchSpec.Condition condition, ConditionSearchSpec.MatrixClass matrixClass,
                                    int units, double beta, double bestResidual, double bestScaledNorm,
                                    double[] bestCouplings, List<Start> starts) {
    public ConditionSearchResult {
        starts = List.copyOf(starts);
    }

    /**
     * One start.
     *
     * @param residual    smallest residual of this start
     * @param scaledNorm  {@code ||a w||_F} there
     * @param evaluations residual evaluations used
     * @param converged   whether Levenberg-Marquardt met its tolerances (false: evaluation budget spent, or no
     *                    further decrease possible in double precision)
     */
    public record Start(double residual, double scaledNorm, int evaluations, boolean converged) {
    }
}
