package org.deeprg.critical;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * The couplings of the layers of a weight file ({@link CouplingsAnalysis#run}); its JSON is the {@code --json}
 * output of {@code critical couplings}.
 *
 * @param file       the weight file
 * @param beta       beta
 * @param h          uniform external field
 * @param convention Eq. 13 or Eq. 55
 * @param units      rows or columns as the units
 * @param layers     one analysis per 2-d array, in file order
 * @param skipped    arrays not analysed, each with the reason (rank, empty, too many units, non-finite weights)
 */
public record CouplingsResult(String file, double beta, double h, CouplingConvention convention, LayerUnits units,
                              List<Layer> layers, List<String> skipped) {
    public CouplingsResult {
        layers = List.copyOf(layers);
        skipped = List.copyOf(skipped);
    }

    /**
     * One layer: {@code w = v v^T} (or {@code v^T v}) and what follows from it.
     *
     * @param name               array name in the file
     * @param shape              stored shape
     * @param units              N
     * @param a                  the factor a of the convention (beta/N for Eq. 13, 1 for Eq. 55)
     * @param g                  gradient coupling g (beta/N or 1)
     * @param massFrobeniusNorm  ||r||_F of the mass matrix r
     * @param massTrace          trace of r
     * @param linearCouplingNorm ||u||_2 of the linear couplings
     * @param analysis           the Sec. 2.5 case and the criticality residuals
     * @param spectrum           eigenvalues of a w, ascending (not in the JSON)
     */
    public record Layer(String name, int[] shape, int units, double a, double g, double massFrobeniusNorm,
                        double massTrace, double linearCouplingNorm, CriticalityAnalysis analysis,
                        @JsonIgnore double[] spectrum) {
    }
}
