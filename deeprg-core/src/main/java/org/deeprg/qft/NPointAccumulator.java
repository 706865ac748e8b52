package org.deeprg.qft;

/**
 * Streaming sums of all n-point products over a batch of networks: given the outputs {@code f[a][b]} of
 * {@code batch} networks (b) at the distinct points (a), adds {@code sum_b prod_{a in S} f[a][b]} to the slot of
 * every sorted multiset S of even size {@code <= maxN}. Products are built depth-first, each from its parent by one
 * multiplication ({@code P(S + k) = P(S) f_k}, k >= max S), so a batch costs one multiply-add per multiset and network.
 * Memory is {@code O(maxN * batch + slots)}, independent of the number of networks.
 *
 * <p>Two implementations with the same bits: {@code jdk.incubator.vector} lanes (4 networks per vector) and plain
 * doubles with four running lane sums; lane sums are folded in a fixed order (lane 0, 1, 2, 3; never
 * {@code reduceLanes}, whose floating-point order is unspecified), so results are bit-reproducible on both. Not
 * thread-safe: one per task. Create with {@link #create(NPointLayout, int)}.
 */
public abstract class NPointAccumulator {
    /** Lanes of the vector implementation (and running sums of the scalar one). */
    static final int LANES = 4;

    final NPointLayout layout;
    final int batch;
    final double[][] level;
    final double[] sums;
    int node;

    NPointAccumulator(NPointLayout layout, int batch) {
        if (batch % LANES != 0) {
            throw new IllegalArgumentException("batch must be a multiple of " + LANES + ", got " + batch);
        }
        this.layout = layout;
        this.batch = batch;
        this.level = new double[layout.maxN() + 1][batch];
        java.util.Arrays.fill(level[0], 1.0);
        this.sums = new double[layout.slots()];
    }

    /**
     * An accumulator for {@code layout} and batches of {@code batch} networks (a multiple of 4), vectorised when the
     * JVM has {@code jdk.incubator.vector}, scalar otherwise (same results).
     */
    public static NPointAccumulator create(NPointLayout layout, int batch) {
        return SamplerKernels.selected().accumulator(layout, batch);
    }

    /**
     * Adds the products of one batch. {@code f[a][b]} for {@code a < points}, {@code b < batch}; networks beyond the
     * real ones must be zero (they then add nothing). Not modified.
     */
    public final void add(double[][] f) {
        node = 0;
        walk(0, 0, f);
    }

    /** The depth-first walk from the products of size {@code depth} (in {@code level[depth]}), points from {@code start}. */
    abstract void walk(int depth, int start, double[][] f);

    /** The accumulated sums per slot (live view). */
    public final double[] sums() {
        return sums;
    }
}
