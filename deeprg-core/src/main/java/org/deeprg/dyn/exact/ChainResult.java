package org.deeprg.dyn.exact;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Result of {@link BulkChain#run(ChainSpec, org.deeprg.run.RunContext)}: the JSON contract of {@code dyn chain --json}.
 * Exact (transfer-matrix spectrum; no sampling).
 *
 * @param freeEnergyPerLayer       -ln lambda_1 (constraint terms only)
 * @param correlationLength        xi = 1/ln(lambda_1/|lambda_2|) in layers (Eq. 35)
 * @param eigenvalues              real parts of the eigenvalues of T, by decreasing modulus
 * @param eigenvaluesImaginary     their imaginary parts
 * @param neuronMean               &lt;h_{1,1}&gt; in the bulk
 * @param correlationFunction      G_h(r), r = 0..maxDistance, of neuron (l = 1, i = 1) (Eq. 34)
 * @param sigmaCorrelationFunction G_sigma(r) (Heaviside with neurons {0,1}; otherwise null)
 * @param decayRate                ln(G_h(r)/G_h(r+1)) at the largest r where |G_h| is above
 *                                 {@link BulkChain#NOISE_FLOOR} |G_h(0)| (compare 1/xi); null if none
 * @param states                   joint layer states S of the chain
 */
@JsonPropertyOrder({"freeEnergyPerLayer", "correlationLength", "eigenvalues", "eigenvaluesImaginary", "neuronMean",
        "correlationFunction", "sigmaCorrelationFunction", "decayRate", "states"})
public record ChainResult(double freeEnergyPerLayer, double correlationLength, double[] eigenvalues, double[] eigenvaluesImaginary,
                          double neuronMean, double[] correlationFunction, double[] sigmaCorrelationFunction, Double decayRate,
                          int states) implements java.io.Serializable {
}
