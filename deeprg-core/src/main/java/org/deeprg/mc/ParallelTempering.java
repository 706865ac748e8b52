package org.deeprg.mc;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Replica-exchange (parallel tempering) moves over a ladder of a coupling {@code lambda_0 < lambda_1 < ...}
 * that multiplies one observable A in the log weight: {@code ln w_k(x) = -lambda_k A(x) + (terms not depending
 * on k)}. For the dynamic-neuron ensemble the ladder is betaV and A the constraint (Eq. 14).
 *
 * <p>Swap of the configurations x (at rung k) and y (at rung k+1): accepted with probability
 * {@code min(1, exp((lambda_{k+1} - lambda_k)(A(y) - A(x))))}, the Metropolis ratio of the product weight
 * {@code w_k(y) w_{k+1}(x) / (w_k(x) w_{k+1}(y))}; each swap satisfies detailed balance in the product ensemble.
 *
 * <p>State: {@code replicaAt[k]} is the replica (configuration) currently at rung k; swapping exchanges
 * entries of this permutation, never configurations. The ladder is settings, the permutation chain state.
 */
public final class ParallelTempering {
    private final double[] ladder;

    /** @param ladder strictly increasing, finite values (copied) */
    public ParallelTempering(double[] ladder) {
        for (int k = 0; k < ladder.length; k++) {
            if (!Double.isFinite(ladder[k]) || (k > 0 && !(ladder[k] > ladder[k - 1]))) {
                throw new IllegalArgumentException("ladder must be finite and strictly increasing: " + java.util.Arrays.toString(ladder));
            }
        }
        this.ladder = ladder.clone();
    }

    public double[] ladder() {
        return ladder.clone();
    }

    public int rungs() {
        return ladder.length;
    }

    /** Swap acceptance of rungs k, k+1 with replica observables {@code aLow} (at k) and {@code aHigh} (at k+1). */
    public double swapProbability(int k, double aLow, double aHigh) {
        return MetropolisSampler.acceptance((ladder[k + 1] - ladder[k]) * (aHigh - aLow));
    }

    /**
     * Attempts swaps of the neighbouring rungs (0,1), (1,2), ... in order.
     *
     * @param observable {@code observable[r]} = A of replica r (not modified)
     * @param replicaAt  permutation, rung -> replica (modified)
     * @param accepted   per-pair acceptance counters, length rungs-1 (modified; may be null)
     */
    public void swapSweep(double[] observable, int[] replicaAt, long[] accepted, UniformRandomProvider rng) {
        for (int k = 0; k + 1 < ladder.length; k++) {
            int lo = replicaAt[k];
            int hi = replicaAt[k + 1];
            double d = (ladder[k + 1] - ladder[k]) * (observable[hi] - observable[lo]);
            if (d >= 0 || rng.nextDouble() < Math.exp(d)) {
                replicaAt[k] = hi;
                replicaAt[k + 1] = lo;
                if (accepted != null) {
                    accepted[k]++;
                }
            }
        }
    }
}
