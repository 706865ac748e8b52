package org.deeprg.sft;

import java.nio.file.Path;
import java.util.Objects;
import org.deeprg.Domain;
import org.deeprg.InvalidInputException;

/**
 * Example 1 (Eqs. 13-17) on a data file: the inputs of {@link PerceptronAnalysis#run}.
 *
 * @param data       Example-1 data file ({@link DataFiles#readPerceptron}: S sites, header x0..x{S-1},y0..y{S-1})
 * @param p          slope of {@code sigma(z) = p z + q}, in {@link #P_RANGE}
 * @param q          offset, in {@link #Q_RANGE}
 * @param momentum   the damping gamma of Eq. 5 for the modes' frequencies and damping, in
 *                   {@link MomentumMapping#GAMMA_RANGE}; null = none
 * @param simulate   train with heavy ball and measure every mode's frequency and damping (needs momentum > 0)
 * @param symmetrize close the data under cyclic shifts of the sites and add the dispersion relation
 */
public record PerceptronSpec(Path data, double p, double q, Double momentum, boolean simulate, boolean symmetrize) {
    /**
     * Slopes p accepted: the Hessian is {@code p^2 <x x>} and the eigen-solver squares its entries, so with data cells
     * up to {@link DataFiles#VALUE_RANGE} every intermediate stays far inside the double range.
     */
    public static final String P_RANGE = "[-1e6, 1e6]";
    /** Offsets q accepted (the cost holds {@code (y - q)^2}; same reasoning as {@link #P_RANGE}). */
    public static final String Q_RANGE = "[-1e6, 1e6]";

    public PerceptronSpec {
        Objects.requireNonNull(data, "data");
        Domain.check("p", p, P_RANGE, "the Hessian p^2 <x x> and its square must stay finite");
        Domain.check("q", q, Q_RANGE, "the cost (y - q)^2 and its square must stay finite");
        if (momentum != null) {
            Domain.check("momentum", momentum, MomentumMapping.GAMMA_RANGE, "gamma^2/4 must stay finite");
        }
        if (simulate && !(momentum != null && momentum > 0)) {
            throw new InvalidInputException("simulate", true, "needs --momentum G > 0");
        }
    }

    /** Whether a damping gamma was given. */
    public boolean hasMomentum() {
        return momentum != null;
    }
}
