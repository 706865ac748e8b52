package org.deeprg.qft;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Streaming sums of all n-point products over a batch of networks: given the outputs {@code f[a][b]} of
 * {@code batch} networks (b) at the distinct points (a), adds {@code sum_b prod_{a in S} f[a][b]} to the slot of
 * every sorted multiset S of even size {@code <= maxN}. Products are built depth-first, each from its parent by one
 * multiplication ({@code P(S + k) = P(S) f_k}, k >= max S), so a batch costs one vector multiply-add per multiset.
 * Memory is {@code O(maxN * batch + slots)}, independent of the number of networks.
 *
 * <p>Lane sums are folded in a fixed order (no {@code reduceLanes}, whose floating-point order is unspecified), so
 * results are bit-reproducible. Not thread-safe: one per task.
 */
public final class NPointAccumulator {
    private static final VectorSpecies<Double> S = VectorMath.SPECIES;

    private final NPointLayout layout;
    private final int batch;
    private final double[][] level;
    private final double[] sums;
    private final double[] lanes = new double[VectorMath.LANES];
    private int node;

    /**
     * @param layout the slots
     * @param batch  networks per batch, a multiple of {@link VectorMath#LANES}
     */
    public NPointAccumulator(NPointLayout layout, int batch) {
        if (batch % VectorMath.LANES != 0) {
            throw new IllegalArgumentException("batch must be a multiple of " + VectorMath.LANES + ", got " + batch);
        }
        this.layout = layout;
        this.batch = batch;
        this.level = new double[layout.maxN() + 1][batch];
        java.util.Arrays.fill(level[0], 1.0);
        this.sums = new double[layout.slots()];
    }

    /**
     * Adds the products of one batch. {@code f[a][b]} for {@code a < points}, {@code b < batch}; networks beyond the
     * real ones must be zero (they then add nothing). Not modified.
     */
    public void add(double[][] f) {
        node = 0;
        walk(0, 0, f);
    }

    private void walk(int depth, int start, double[][] f) {
        int[] slots = layout.dfsSlot();
        int points = layout.points();
        int maxN = layout.maxN();
        double[] parent = level[depth];
        double[] out = level[depth + 1];
        for (int k = start; k < points; k++) {
            double[] fk = f[k];
            int slot = slots[node++];
            if (slot >= 0 && depth + 1 == maxN) {
                // leaf: only the sum is needed, no product is stored
                DoubleVector acc = DoubleVector.zero(S);
                for (int b = 0; b < batch; b += VectorMath.LANES) {
                    acc = DoubleVector.fromArray(S, parent, b).fma(DoubleVector.fromArray(S, fk, b), acc);
                }
                acc.intoArray(lanes, 0);
                double s = 0;
                for (double v : lanes) {
                    s += v;
                }
                sums[slot] += s;
            } else if (slot >= 0) {
                DoubleVector acc = DoubleVector.zero(S);
                for (int b = 0; b < batch; b += VectorMath.LANES) {
                    DoubleVector p = DoubleVector.fromArray(S, parent, b).mul(DoubleVector.fromArray(S, fk, b));
                    p.intoArray(out, b);
                    acc = acc.add(p);
                }
                acc.intoArray(lanes, 0);
                double s = 0;
                for (double v : lanes) {
                    s += v;
                }
                sums[slot] += s;
            } else {
                for (int b = 0; b < batch; b += VectorMath.LANES) {
                    DoubleVector.fromArray(S, parent, b).mul(DoubleVector.fromArray(S, fk, b)).intoArray(out, b);
                }
            }
            if (depth + 1 < maxN) {
                walk(depth + 1, k, f);
            }
        }
    }

    /** The accumulated sums per slot (live view). */
    public double[] sums() {
        return sums;
    }
}
