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
    /** The current batch's sum per slot (filled by the walk). */
    final double[] batchSum;
    /** Per slot the shift c of the tail statistics (the Wick value: close to the mean), or zeros. */
    private final double[] shift;
    /** Per slot {@code sum y, sum y^2, sum y^3, sum y^4} over full batches, {@code y = batch sum - batch c}. */
    private final double[] power;
    private int fullBatches;
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
        this.batchSum = new double[layout.slots()];
        this.shift = new double[layout.slots()];
        this.power = new double[4 * layout.slots()];
    }

    /**
     * Sets the per-slot shifts {@code c} of the tail statistics ({@link #powerSums()}): the statistics are taken of
     * {@code y = (batch sum) - batch c}, so a shift near the mean (the Wick value) keeps them well conditioned.
     */
    public final NPointAccumulator shifts(double[] c) {
        System.arraycopy(c, 0, shift, 0, shift.length);
        return this;
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
        add(f, batch);
    }

    /**
     * Adds the products of one batch of which the first {@code count} networks are real (the rest must be zero). A full
     * batch ({@code count == batch}) also enters the tail statistics ({@link #powerSums()}).
     */
    public final void add(double[][] f, int count) {
        node = 0;
        walk(0, 0, f);
        addBatchSums(count);
    }

    /** Adds the batch sums to the totals and, for a full batch, their powers to the tail statistics. */
    final void addBatchSums(int count) {
        int slots = sums.length;
        for (int s = 0; s < slots; s++) {
            sums[s] += batchSum[s];
        }
        if (count == batch) {
            fullBatches++;
            for (int s = 0; s < slots; s++) {
                double y = batchSum[s] - batch * shift[s];
                double y2 = y * y;
                int o = 4 * s;
                power[o] += y;
                power[o + 1] += y2;
                power[o + 2] += y2 * y;
                power[o + 3] += y2 * y2;
            }
        }
    }

    /**
     * The tail statistics: per slot s, {@code [4s .. 4s+3]} = the sums over full batches of {@code y, y^2, y^3, y^4},
     * {@code y} = the batch's sum of the products minus {@code batch} times the slot's shift (live view).
     */
    public final double[] powerSums() {
        return power;
    }

    /** Number of full batches in {@link #powerSums()}. */
    public final int fullBatches() {
        return fullBatches;
    }

    /**
     * Adds one batch of the conditional estimator ({@link Estimator#CONDITIONAL}): for network b the output covariance
     * {@code C_p = sigmaB2 + scale cov[p][b]} over the point pairs p ({@link OneLayerEvaluator#pairIndex}), and for
     * every slot S the Wick sum {@code E[prod_{a in S} f(x_a) | hidden] = Haf(C restricted to S)}, by the recursion
     * {@code Haf(S) = sum over the distinct v in S - s_1 of mult(v) C(s_1, v) Haf(S - s_1 - v)} (pair the first point
     * with each other point; equal points give equal terms), slots in order of size. Networks {@code b >= count} get
     * {@code C = 0} and add nothing.
     */
    public final void addConditional(double[][] cov, int count, double sigmaB2, double scale) {
        if (wick == null) {
            wick = new WickTable(layout);
        }
        conditionalWalk(cov, count, sigmaB2, scale);
        addBatchSums(count);
    }

    /** Fills {@link #batchSum} with the batch's sums of the Wick values (see {@link #addConditional}). */
    abstract void conditionalWalk(double[][] cov, int count, double sigmaB2, double scale);

    /** The hafnian recursion of every slot: terms {@code (mult, pair, sub-slot or -1)} in slot order. */
    WickTable wick;

    /** The Wick recursion of the slots of a layout (see {@link #addConditional}). */
    static final class WickTable {
        final int pairs;
        final int[] start;
        final int[] pair;
        final double[] mult;
        final int[] sub;

        WickTable(NPointLayout layout) {
            int m = layout.points();
            pairs = OneLayerEvaluator.pairs(m);
            java.util.Map<String, Integer> slotOf = new java.util.HashMap<>();
            for (int s = 0; s < layout.slots(); s++) {
                slotOf.put(java.util.Arrays.toString(layout.multiset(s)), s);
            }
            java.util.List<int[]> terms = new java.util.ArrayList<>();
            start = new int[layout.slots() + 1];
            for (int s = 0; s < layout.slots(); s++) {
                start[s] = terms.size();
                int[] ms = layout.multiset(s);
                int first = ms[0];
                for (int i = 1; i < ms.length; i++) {
                    if (i > 1 && ms[i] == ms[i - 1]) {
                        continue;
                    }
                    int v = ms[i];
                    int count = 0;
                    for (int q = 1; q < ms.length; q++) {
                        if (ms[q] == v) {
                            count++;
                        }
                    }
                    int[] rest = new int[ms.length - 2];
                    int r = 0;
                    boolean skipped = false;
                    for (int q = 1; q < ms.length; q++) {
                        if (!skipped && ms[q] == v) {
                            skipped = true;
                            continue;
                        }
                        rest[r++] = ms[q];
                    }
                    int subSlot = rest.length == 0 ? -1 : slotOf.get(java.util.Arrays.toString(rest));
                    terms.add(new int[] {count, OneLayerEvaluator.pairIndex(first, v, m), subSlot});
                }
            }
            start[layout.slots()] = terms.size();
            pair = new int[terms.size()];
            mult = new double[terms.size()];
            sub = new int[terms.size()];
            for (int t = 0; t < terms.size(); t++) {
                mult[t] = terms.get(t)[0];
                pair[t] = terms.get(t)[1];
                sub[t] = terms.get(t)[2];
            }
        }
    }

    /** The depth-first walk from the products of size {@code depth} (in {@code level[depth]}), points from {@code start}. */
    abstract void walk(int depth, int start, double[][] f);

    /** The accumulated sums per slot (live view). */
    public final double[] sums() {
        return sums;
    }
}
