package org.deeprg.dyn.mc;

import java.io.Serializable;

/**
 * The complete state of one chain of a {@link DynMonteCarlo} run between segments: its configuration per betaV rung
 * and everything measured so far. It is what a chain task returns, what the next task of the same chain starts from,
 * and what the checkpoint stores ({@link DynMcCheckpoint}); it is a pure function of the spec, the seed, the chain
 * index and {@code segmentsDone}, never of threads, backend or interruptions.
 *
 * <p>Arrays are indexed by rung first ({@code r = 0..K-1} along the betaV ladder), then as in the accumulators: the
 * scalar series by observable (cost, constraint, rms violation, neuron mean, weight mean) and measurement, the block
 * sums by block of {@link DynMcSpec#BLOCKS_PER_CHAIN} and site or distance or bin.
 *
 * @param segmentsDone    segments completed (each of a fixed number of sweeps, a function of the spec)
 * @param states          the configuration (W, b, h in {@link DynLayout} order) per rung
 * @param series          [rung][observable][measurement] scalar time series (unfilled measurements are 0)
 * @param site            [rung][block][neuron] block sums of h
 * @param pair            [rung][block][r] block sums of the translation-summed h^(m) h^(m+r)
 * @param weightHistogram [rung][block][bin] counts of weights per value or bin
 * @param neuronHistogram [rung][block][bin] counts of neurons per value or bin
 * @param blockCount      [rung][block] measurements per block so far
 * @param accepted        [rung] accepted updates (or Langevin steps)
 * @param proposed        [rung] proposed updates (or Langevin steps)
 * @param swapAccepted    [k] accepted parallel-tempering swaps between rungs k and k+1 (empty without tempering)
 */
public record DynMcChainState(long segmentsDone, double[][] states, double[][][] series, double[][][] site, double[][][] pair,
                              double[][][] weightHistogram, double[][][] neuronHistogram, double[][] blockCount,
                              long[] accepted, long[] proposed, long[] swapAccepted) implements Serializable {
}
