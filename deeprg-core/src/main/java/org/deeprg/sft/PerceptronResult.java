package org.deeprg.sft;

import java.util.List;

/**
 * Example 1 on a data file (the JSON of {@code sft perceptron}).
 *
 * @param sites                S
 * @param examples             number of examples (after symmetrising)
 * @param p                    slope of sigma
 * @param q                    offset of sigma
 * @param hessianEigenvalues   omega^2 of the normal modes, ascending (the exact Hessian's eigenvalues)
 * @param couplings            Eq. 14's K per bond and J per weight
 * @param shift                W* (minimum-norm minimiser): Eq. 14 is written in {@code W - W*}
 * @param minimumCost          {@code C(W*)}, the constant Eq. 14 drops
 * @param couplingBondFraction fraction of bonds with {@code K != 0} (1/2: odd bonds never couple)
 * @param momentum             gamma, or null
 * @param modes                frequencies and damping under gamma, or null
 * @param simulation           the heavy-ball simulation, or null
 * @param dispersion           the dispersion relation for symmetrised data, or null
 */
public record PerceptronResult(int sites, int examples, double p, double q, double[] hessianEigenvalues, Couplings couplings,
                               double[] shift, double minimumCost, double couplingBondFraction, Double momentum, List<Mode> modes,
                               ModeSimulation.Result simulation, PerceptronExample.Dispersion dispersion) {

    /** One normal mode under momentum: {@code u'' + gamma u' + omega^2 u = 0}. */
    public record Mode(double omega2, double frequency, double damping, boolean underdamped) { }

    /** Eq. 14 couplings: K per bond (a, a+1), J per weight; continuum K(x), J(x) at lattice spacing 1 per weight index. */
    public record Couplings(double[] K, double[] J) { }
}
