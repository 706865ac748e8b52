package org.deeprg.critical;

import java.io.Serializable;
import org.deeprg.InvalidInputException;

/**
 * What {@link RegulariserDescent#run} computes: where gradient descent on the critical-regulariser penalty
 * {@link CriticalRegulariser} (Eq. 33 with {@code w = v v^T}, Eq. 32) ends, from random starts, for a positive and
 * a negative beta. This is what training with the regulariser alone does to a layer.
 *
 * @param rows     rows of v = the units N of {@code w = v v^T} (1 to 256)
 * @param columns  columns of v (1 to 256)
 * @param restarts independent starts (1 to 10000); start s draws beta and v from the stream
 *                 {@code split("penalty-" + s)}
 * @param steps    descent steps per start (1 to 10^7)
 * @param betaMin  smallest |beta| drawn (finite, &gt; 0)
 * @param betaMax  largest |beta| drawn ({@code >= betaMin}); start s uses {@code +beta_s} and {@code -beta_s} with
 *                 {@code beta_s} uniform in [betaMin, betaMax)
 */
public record RegulariserDescentSpec(int rows, int columns, int restarts, int steps, double betaMin, double betaMax)
        implements Serializable {
    public RegulariserDescentSpec {
        InvalidInputException.requireInRange("rows", rows, 1, 256);
        InvalidInputException.requireInRange("columns", columns, 1, 256);
        InvalidInputException.requireInRange("restarts", restarts, 1, 10_000);
        InvalidInputException.requireInRange("steps", steps, 1, 10_000_000);
        InvalidInputException.requirePositive("betaMin", betaMin);
        InvalidInputException.requireFinite("betaMax", betaMax);
        if (betaMax < betaMin) {
            throw new InvalidInputException("betaMax", betaMax, "at least betaMin = " + betaMin);
        }
    }
}
