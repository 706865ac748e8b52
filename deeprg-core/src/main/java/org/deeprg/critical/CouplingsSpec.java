package org.deeprg.critical;

import java.io.Serializable;
import java.nio.file.Path;
import org.deeprg.InvalidInputException;

/**
 * What {@link CouplingsAnalysis#run} computes: the Gaussian couplings (Eq. 13 or Eq. 55), the Sec. 2.5 case and the
 * criticality residuals of every 2-d weight matrix of a file.
 *
 * @param weights    the weight file: {@code .npy} (one matrix), {@code .npz} (named arrays) or {@code .safetensors}
 *                   ({@code --weights}); read by {@link org.deeprg.io.WeightFiles}
 * @param beta       inverse temperature beta, finite and != 0 ({@code --beta})
 * @param h          uniform external field h, finite ({@code --h})
 * @param convention the couplings of Eq. 13 (beta/N factors) or Eq. 55 ({@code --convention})
 * @param units      rows or columns of each stored matrix as the N units ({@code --units})
 */
public record CouplingsSpec(Path weights, double beta, double h, CouplingConvention convention, LayerUnits units)
        implements Serializable {
    public CouplingsSpec {
        if (weights == null) {
            throw new InvalidInputException("--weights", "(missing)", "a .npy, .npz or .safetensors file");
        }
        InvalidInputException.requireFinite("beta", beta);
        if (beta == 0) {
            throw new InvalidInputException("beta", beta, "a finite number != 0");
        }
        InvalidInputException.requireFinite("h", h);
        if (convention == null) {
            throw new InvalidInputException("convention", "(missing)", "EQ13 or EQ55");
        }
        if (units == null) {
            throw new InvalidInputException("units", "(missing)", "ROWS or COLUMNS");
        }
    }
}
