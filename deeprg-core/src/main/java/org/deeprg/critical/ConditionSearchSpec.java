package org.deeprg.critical;

import java.io.Serializable;
import org.deeprg.InvalidInputException;

/**
 * What {@link ConditionSearch#run} computes: the smallest residual of a criticality condition (Eq. 30 or Eq. 33)
 * over a class of coupling matrices, by Levenberg-Marquardt from random starts.
 *
 * @param condition      Eq. 30 ({@code I + X + 2X^2 = 0}) or Eq. 33 (its printed component form)
 * @param matrixClass    where w is sought: {@code v v^T} (Eq. 32), symmetric, or general real
 * @param units          N (1 to 8)
 * @param beta           inverse temperature (finite, != 0); only its sign matters for the class {@code GRAM}
 *                       (in {@code X = beta w / N} the conditions are free of beta), and it sets {@code w = X/a}
 * @param restarts       independent starts (1 to 10000), each a task with stream {@code split(index)}
 * @param maxEvaluations residual evaluations per start (10 to 10^6)
 */
public record ConditionSearchSpec(Condition condition, MatrixClass matrixClass, int units, double beta, int restarts,
                                  int maxEvaluations) implements Serializable {
    /** The condition whose residual is minimised. */
    public enum Condition {
        /** {@code E30 = I + a w + 2 (a w)^2} (Eq. 30). */
        EQ30,
        /** {@code E33_ij = delta_ij (a w_ii + 1) + 2 a^2 (w w)_ij} (Eq. 33). */
        EQ33
    }

    /** The class of coupling matrices searched. */
    public enum MatrixClass {
        /** {@code w = v v^T} with v square (Eq. 32): symmetric positive semi-definite. */
        GRAM,
        /** Real symmetric w. */
        SYMMETRIC,
        /** Any real N x N matrix w. */
        GENERAL
    }

    public ConditionSearchSpec {
        if (condition == null) {
            throw new InvalidInputException("condition", "(missing)", "EQ30 or EQ33");
        }
        if (matrixClass == null) {
            throw new InvalidInputException("matrixClass", "(missing)", "GRAM, SYMMETRIC or GENERAL");
        }
        InvalidInputException.requireInRange("units", units, 1, 8);
        InvalidInputException.requireFinite("beta", beta);
        if (beta == 0) {
            throw new InvalidInputException("beta", beta, "a finite number != 0");
        }
        InvalidInputException.requireInRange("restarts", restarts, 1, 10_000);
        InvalidInputException.requireInRange("maxEvaluations", maxEvaluations, 10, 1_000_000);
    }
}
