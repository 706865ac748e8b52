package org.deeprg.critical;

import java.io.Serializable;
import org.deeprg.InvalidInputException;

/**
 * What {@link CouplingFlow#run} computes: the flow of the couplings {@code w, h} of a layer (Eqs. 24-26), integrated
 * numerically and in closed form on a grid of RG scales, checked against the recursions of Eq. 21.
 *
 * @param layer     the couplings at {@code tau = 0} (at most {@link CouplingFlow#MAX_UNITS} units)
 * @param dimension spatial dimension d (1 to 64), which enters through {@code u' = b^{(d+2)/2} u}
 * @param tauFrom   first RG scale {@code tau = ln b} of the grid (may be negative: the inverse flow)
 * @param tauTo     last scale, above {@code tauFrom} and below {@link CouplingFlow#singularTau} of the layer, where
 *                  {@code 1 - 2 a w} becomes singular and the flow ends
 * @param points    grid points, evenly spaced from {@code tauFrom} to {@code tauTo} (2 to 10001)
 */
public record FlowSpec(LayerCouplings layer, int dimension, double tauFrom, double tauTo, int points)
        implements Serializable {
    public FlowSpec {
        if (layer == null) {
            throw new InvalidInputException("layer", "(missing)", "the couplings w, h of a layer");
        }
        if (layer.n() > CouplingFlow.MAX_UNITS) {
            throw new InvalidInputException("units", layer.n(), "at most " + CouplingFlow.MAX_UNITS
                    + " for the integrated matrix flow");
        }
        InvalidInputException.requireInRange("dim", dimension, 1, 64);
        InvalidInputException.requireFinite("tauFrom", tauFrom);
        InvalidInputException.requireFinite("tauTo", tauTo);
        if (tauTo <= tauFrom) {
            throw new InvalidInputException("tauTo", tauTo, "a scale above tauFrom = " + tauFrom);
        }
        double singular = CouplingFlow.singularTau(layer);
        if (tauTo >= singular) {
            throw new InvalidInputException("tauTo", tauTo, "below " + singular
                    + ", where 1 - 2 a w becomes singular and the flow (Eq. 26) ends");
        }
        InvalidInputException.requireInRange("points", points, 2, 10_001);
    }

    /** The i-th scale of the grid. */
    public double tau(int i) {
        return tauFrom + (tauTo - tauFrom) * i / (points - 1);
    }
}
