package org.deeprg.sft;

import java.nio.file.Path;
import java.util.Objects;
import org.deeprg.InvalidInputException;

/**
 * Example 1 (Eqs. 13-17) on a data file: the inputs of {@link PerceptronAnalysis#run}.
 *
 * @param data       Example-1 data file ({@link DataFiles#readPerceptron}: S sites, header x0..x{S-1},y0..y{S-1})
 * @param p          slope of {@code sigma(z) = p z + q} (finite)
 * @param q          offset (finite)
 * @param momentum   the damping gamma >= 0 of Eq. 5 for the modes' frequencies and damping; NaN = none
 * @param simulate   train with heavy ball and measure every mode's frequency and damping (needs momentum > 0)
 * @param symmetrize close the data under cyclic shifts of the sites and add the dispersion relation
 */
public record PerceptronSpec(Path data, double p, double q, double momentum, boolean simulate, boolean symmetrize) {
    public PerceptronSpec {
        Objects.requireNonNull(data, "data");
        InvalidInputException.requireFinite("p", p);
        InvalidInputException.requireFinite("q", q);
        if (!Double.isNaN(momentum)) {
            InvalidInputException.requireNonNegative("momentum", momentum);
        }
        if (simulate && !(momentum > 0)) {
            throw new InvalidInputException("simulate", true, "needs --momentum G > 0");
        }
    }
}
