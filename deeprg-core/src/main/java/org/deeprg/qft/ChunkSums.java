package org.deeprg.qft;

import java.io.Serial;
import java.io.Serializable;

/**
 * The result of one sampling task: per slot the sum over the chunk's networks of the estimator (products of outputs,
 * or their conditional expectations) and the tail statistics of its batch sums
 * ({@link NPointAccumulator#powerSums()}). Partial sums of different chunks add.
 *
 * @param sums        per slot, the sum over the chunk's networks
 * @param power       per slot s, {@code [4s .. 4s+3]}: sums over full batches of {@code y, y^2, y^3, y^4}
 *                    ({@code y} = batch sum minus {@link NetworkSampler#BATCH} times the slot's shift)
 * @param fullBatches number of full batches behind {@code power}
 */
public record ChunkSums(double[] sums, double[] power, int fullBatches) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
}
