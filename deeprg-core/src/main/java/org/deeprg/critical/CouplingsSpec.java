package org.deeprg.critical;

import java.io.Serializable;
import java.nio.file.Path;
import org.deeprg.Domain;
import org.deeprg.InvalidInputException;

/**
 * What {@link CouplingsAnalysis#run} computes: the Gaussian couplings (Eq. 13 or Eq. 55), the Sec. 2.5 case and the
 * criticality residuals of every 2-d weight matrix of a file.
 *
 * @param weights    the weight file: {@code .npy} (one matrix), {@code .npz} (named arrays) or {@code .safetensors}
 *                   ({@code --weights}); read by {@link org.deeprg.io.WeightFiles}
 * @param beta       inverse temperature beta, != 0 in {@link #BETA_RANGE} ({@code --beta})
 * @param h          uniform external field h in {@link #H_RANGE} ({@code --h})
 * @param convention the couplings of Eq. 13 (beta/N factors) or Eq. 55 ({@code --convention})
 * @param units      rows or columns of each stored matrix as the N units ({@code --units})
 */
public record CouplingsSpec(Path weights, double beta, double h, CouplingConvention convention, LayerUnits units)
        implements Serializable {
    /** Where beta is meaningful and numerically safe (issue 15; quoted in the option's help). */
    public static final String BETA_RANGE = "[-1e6, 1e6]";
    /** Where h is meaningful and numerically safe (issue 15; quoted in the option's help). */
    public static final String H_RANGE = "[-1e6, 1e6]";
    private static final String BETA_WHY = "beyond it the couplings of weight matrices with entries of order one "
            + "leave the double range";
    private static final String H_WHY = "beyond it the field terms of the couplings leave the double range";

    public CouplingsSpec {
        if (weights == null) {
            throw new InvalidInputException("--weights", "(missing)", "a .npy, .npz or .safetensors file");
        }
        Domain.check("beta", beta, BETA_RANGE, BETA_WHY);
        if (beta == 0) {
            throw new InvalidInputException("beta", beta, "a finite number != 0 in " + BETA_RANGE);
        }
        Domain.check("h", h, H_RANGE, H_WHY);
        if (convention == null) {
            throw new InvalidInputException("convention", "(missing)", "EQ13 or EQ55");
        }
        if (units == null) {
            throw new InvalidInputException("units", "(missing)", "ROWS or COLUMNS");
        }
    }
}
