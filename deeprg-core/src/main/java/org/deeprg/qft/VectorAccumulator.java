package org.deeprg.qft;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/** The {@code jdk.incubator.vector} implementation of {@link NPointAccumulator}. */
final class VectorAccumulator extends NPointAccumulator {
    private static final VectorSpecies<Double> S = VectorMath.SPECIES;
    private final double[] lanes = new double[VectorMath.LANES];

    VectorAccumulator(NPointLayout layout, int batch) {
        super(layout, batch);
    }

    @Override
    void walk(int depth, int start, double[][] f) {
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
}
