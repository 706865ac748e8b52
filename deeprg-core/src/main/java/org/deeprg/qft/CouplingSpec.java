package org.deeprg.qft;

import java.util.List;
import org.deeprg.InvalidInputException;

/**
 * A scan of the effective couplings over sigmaW (Fig. 2): at each sigmaW an ensemble of {@code bags x nets}
 * Gauss-net networks of one width, n-point functions up to n = 6, then u_4 (Eq. 8) and the joint (u_4, u_6) fit.
 *
 * @param network the Gauss-net architecture (its sigmaW is ignored; see {@code sigmaWs})
 * @param sigmaWs the weight scales scanned
 * @param points  input points (rows of length d_in)
 * @param nets    networks per bag
 * @param bags    bags
 */
public record CouplingSpec(NetworkSpec network, List<Double> sigmaWs, double[][] points, int nets, int bags)
        implements java.io.Serializable {
    public CouplingSpec {
        if (!network.gaussNet() || network.depth() != 1) {
            throw new InvalidInputException("activation", network.activation().name(),
                    "must be gauss with one hidden layer: u_4 of Eq. 8 is defined with the Gauss-net kernel K_W of Eq. 4");
        }
        if (sigmaWs == null || sigmaWs.isEmpty()) {
            throw new InvalidInputException("sigmaW", "(none)", "give at least one sigma_W > 0");
        }
        for (double s : sigmaWs) {
            InvalidInputException.requirePositive("sigmaW", s);
        }
        sigmaWs = List.copyOf(sigmaWs);
        // validates points, nets, bags and the work limit
        new EnsembleSpec(network, List.of(network.width()), points, 6, nets, bags, false);
        if (sigmaWs.size() * (double) nets * bags * network.width() * points.length > EnsembleSpec.MAX_WORK) {
            throw new InvalidInputException("nets", nets, "sigmaW values x bags x nets x width x points exceeds " + EnsembleSpec.MAX_WORK);
        }
    }
}
