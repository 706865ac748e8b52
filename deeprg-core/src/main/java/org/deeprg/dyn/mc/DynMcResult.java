package org.deeprg.dyn.mc;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.deeprg.stats.Estimate;

/**
 * Result of a dynamic-neuron Monte Carlo run at one betaV (the JSON contract of {@code deeprg dyn mc --json}).
 * Every sampled number is an {@link Estimate}: scalar time series use Sokal-windowed tau_int, averaged over
 * chains; per-layer means, histograms and G_h(r) use binning over {@link DynMcSpec#BLOCKS_PER_CHAIN} blocks per
 * chain (jackknife for G_h and the correlation length). Every estimate carries the Gelman-Rubin R-hat across
 * chains in its {@code rHat} field (null with one chain) and is flagged {@code stderrReliable: false} with the reason
 * ({@code unreliableBecause}) by {@link org.deeprg.stats.Reliability}: R-hat above 1.01, fewer than 20 effective
 * samples, heavy-tailed block means.
 *
 * @param sampler            metropolis, langevin or mala
 * @param beta               beta
 * @param betaV              betaV of this result
 * @param cost               {@code sum_l |y - sigma(W^(M) h^(M) + b^(M))|^2} (= -d ln Z/d beta without regularisers)
 * @param constraint         {@code sum_{l,m<M,i} (h^(m+1) - sigma^(m))^2} (= -d ln Z/d betaV)
 * @param energy             {@code H_new = cost + (betaV/beta) constraint} (Eq. 13; absent when beta = 0)
 * @param rmsViolation       {@code sqrt(constraint / (L M N))}: the typical constraint residual
 * @param neuronMean         mean of all dynamic neurons h (a magnetisation)
 * @param weightMean         mean of all weights W
 * @param neuronMeanByLayer  {@code <h^(m)>} averaged over examples and units, m = 1..M
 * @param correlation        {@code G_h(r)}, r = 0..R: connected {@code <h^(m)_i h^(m+r)_i> - <h^(m)_i><h^(m+r)_i>}
 *                           averaged over m = 1..M-r, units i and examples (Eq. 34, translation-averaged)
 * @param correlationLength  xi from a least-squares fit {@code ln G_h(r) = c - r/xi} over the leading positive
 *                           G_h(r), r >= 1 (Eq. 35); absent if fewer than two points
 * @param weightHistogram    distribution of the weights W
 * @param neuronHistogram    distribution of the neurons h
 * @param acceptanceRate     fraction of accepted updates (1 for unadjusted Langevin): mean over chains with their
 *                           scatter as error; absent when nothing was proposed
 * @param sweeps             measured sweeps per chain
 * @param thermalization     discarded sweeps per chain
 * @param chains             chains
 * @param measureEvery       sweeps between measurements
 * @param ladder             per-rung results when sampled by parallel tempering (top level = the largest betaV)
 * @param swapAcceptance     acceptance of swaps between rungs k and k+1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"sampler", "beta", "betaV", "cost", "constraint", "energy", "rmsViolation", "neuronMean", "weightMean",
        "neuronMeanByLayer", "correlation", "correlationLength", "weightHistogram", "neuronHistogram", "acceptanceRate",
        "sweeps", "thermalization", "chains", "measureEvery", "ladder", "swapAcceptance"})
public record DynMcResult(String sampler, double beta, double betaV, Estimate cost, Estimate constraint, Estimate energy,
                          Estimate rmsViolation, Estimate neuronMean, Estimate weightMean,
                          List<Estimate> neuronMeanByLayer, List<Estimate> correlation, Estimate correlationLength,
                          Histogram weightHistogram, Histogram neuronHistogram, Estimate acceptanceRate, long sweeps, long thermalization, int chains, int measureEvery,
                          List<DynMcResult> ladder, List<Estimate> swapAcceptance) {

    /**
     * A histogram: for discrete alphabets {@code x} are the values, for continuous variables the bin centres
     * (bins of width {@code binWidth}); {@code fraction} the fraction of variables there, or the probability
     * density ({@code density = true}, continuous: fraction / binWidth).
     */
    @JsonPropertyOrder({"x", "binWidth", "fraction"})
    public record Histogram(List<Double> x, double binWidth, List<Estimate> fraction) {
    }

    /** The same result with a ladder and swap acceptances attached. */
    public DynMcResult withLadder(List<DynMcResult> rungs, List<Estimate> swaps) {
        return new DynMcResult(sampler, beta, betaV, cost, constraint, energy, rmsViolation, neuronMean, weightMean,
                neuronMeanByLayer, correlation, correlationLength, weightHistogram, neuronHistogram, acceptanceRate,
                sweeps, thermalization, chains, measureEvery, rungs, swaps);
    }
}
