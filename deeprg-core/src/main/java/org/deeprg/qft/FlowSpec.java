package org.deeprg.qft;

import java.io.Serializable;
import java.util.List;
import org.deeprg.InvalidInputException;

/**
 * An integration of the sigma_W flow of Eq. 13 ({@link WetterichFlow}) from one starting point to several sigma_W.
 *
 * @param dIn        input dimension d_in
 * @param sigmaStart sigma_W of the starting couplings ({@code > 0})
 * @param u4Start    u_4 at sigmaStart
 * @param u6Start    u_6 at sigmaStart
 * @param sigmaWs    the sigma_W values at which the couplings are wanted ({@code > 0})
 */
public record FlowSpec(int dIn, double sigmaStart, double u4Start, double u6Start, List<Double> sigmaWs) implements Serializable {
    public FlowSpec {
        InvalidInputException.requireInRange("dIn", dIn, 1, NetworkSpec.MAX_D_IN);
        InvalidInputException.requirePositive("sigmaW", sigmaStart);
        InvalidInputException.requireFinite("u4", u4Start);
        InvalidInputException.requireFinite("u6", u6Start);
        if (sigmaWs == null || sigmaWs.isEmpty()) {
            throw new InvalidInputException("sigmaW", "(none)", "give at least one sigma_W > 0");
        }
        for (double s : sigmaWs) {
            InvalidInputException.requirePositive("sigmaW", s);
        }
        sigmaWs = List.copyOf(sigmaWs);
    }
}
