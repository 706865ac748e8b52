package org.deeprg.sft;

import java.util.List;
import java.util.Objects;
import org.deeprg.Domain;
import org.deeprg.InvalidInputException;

/**
 * Extreme Hessian eigenvalues (normal modes of training) of a network's cost at its reference point, by Lanczos over
 * exact Hessian-vector products ({@code sft modes}).
 *
 * @param network     the network, data and reference point
 * @param eigenvalues number of extreme eigenvalues K, in [1, 1000]
 * @param which       {@code largest}, {@code smallest} or {@code both} (K/2 smallest and K - K/2 largest)
 * @param maxSteps    largest Lanczos basis, in [2, 5000]
 * @param tolerance   relative residual tolerance (> 0)
 * @param momentum    the damping gamma of Eq. 5 for the modes' frequencies and damping, in
 *                    {@link MomentumMapping#GAMMA_RANGE}; null = none
 */
public record ModesSpec(SftNetworkSpec network, int eigenvalues, String which, int maxSteps, double tolerance, Double momentum) {
    public ModesSpec {
        Objects.requireNonNull(network, "network");
        if (!List.of("largest", "smallest", "both").contains(which)) {
            throw new InvalidInputException("which", which, "largest, smallest or both");
        }
        InvalidInputException.requireInRange("eigenvalues", eigenvalues, 1, 1000);
        InvalidInputException.requireInRange("maxSteps", maxSteps, 2, 5000);
        InvalidInputException.requirePositive("tolerance", tolerance);
        if (momentum != null) {
            Domain.check("momentum", momentum, MomentumMapping.GAMMA_RANGE, "gamma^2/4 must stay finite");
        }
    }

    /** Whether a damping gamma was given. */
    public boolean hasMomentum() {
        return momentum != null;
    }
}
