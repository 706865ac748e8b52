package org.deeprg.qft;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
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
                batchSum[slot] = s;
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
                batchSum[slot] = s;
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

    private double[] cv;
    private double[] haf;
    private double[] acc;

    @Override
    void conditionalWalk(double[][] cov, int count, double sigmaB2, double scale) {
        WickTable w = wick;
        int slots = sums.length;
        int L = VectorMath.LANES;
        if (cv == null) {
            cv = new double[w.pairs * L];
            haf = new double[slots * L];
            acc = new double[slots * L];
        }
        java.util.Arrays.fill(acc, 0.0);
        DoubleVector zero = DoubleVector.zero(S);
        for (int b = 0; b < batch; b += L) {
            VectorMask<Double> real = S.indexInRange(b, count);
            for (int p = 0; p < w.pairs; p++) {
                DoubleVector c = DoubleVector.fromArray(S, cov[p], b).fma(scale, sigmaB2);
                zero.blend(c, real).intoArray(cv, p * L);
            }
            for (int s = 0; s < slots; s++) {
                DoubleVector h = zero;
                for (int t = w.start[s]; t < w.start[s + 1]; t++) {
                    DoubleVector c = DoubleVector.fromArray(S, cv, w.pair[t] * L).mul(w.mult[t]);
                    h = w.sub[t] < 0 ? c.add(h) : c.fma(DoubleVector.fromArray(S, haf, w.sub[t] * L), h);
                }
                h.intoArray(haf, s * L);
                DoubleVector.fromArray(S, acc, s * L).add(h).intoArray(acc, s * L);
            }
        }
        for (int s = 0; s < slots; s++) {
            int o = s * L;
            batchSum[s] = 0.0 + acc[o] + acc[o + 1] + acc[o + 2] + acc[o + 3];
        }
    }
}
