package org.deeprg.qft;

/**
 * The plain-double implementation of {@link NPointAccumulator}: four running lane sums (network b goes to lane
 * {@code b mod 4}), folded lane 0 to 3 as the vector code does, so both give the same bits.
 */
final class ScalarAccumulator extends NPointAccumulator {
    ScalarAccumulator(NPointLayout layout, int batch) {
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
                double l0 = 0;
                double l1 = 0;
                double l2 = 0;
                double l3 = 0;
                for (int b = 0; b < batch; b += LANES) {
                    l0 = Math.fma(parent[b], fk[b], l0);
                    l1 = Math.fma(parent[b + 1], fk[b + 1], l1);
                    l2 = Math.fma(parent[b + 2], fk[b + 2], l2);
                    l3 = Math.fma(parent[b + 3], fk[b + 3], l3);
                }
                batchSum[slot] = 0.0 + l0 + l1 + l2 + l3;
            } else if (slot >= 0) {
                double l0 = 0;
                double l1 = 0;
                double l2 = 0;
                double l3 = 0;
                for (int b = 0; b < batch; b += LANES) {
                    double p0 = parent[b] * fk[b];
                    double p1 = parent[b + 1] * fk[b + 1];
                    double p2 = parent[b + 2] * fk[b + 2];
                    double p3 = parent[b + 3] * fk[b + 3];
                    out[b] = p0;
                    out[b + 1] = p1;
                    out[b + 2] = p2;
                    out[b + 3] = p3;
                    l0 += p0;
                    l1 += p1;
                    l2 += p2;
                    l3 += p3;
                }
                batchSum[slot] = 0.0 + l0 + l1 + l2 + l3;
            } else {
                for (int b = 0; b < batch; b++) {
                    out[b] = parent[b] * fk[b];
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
        if (cv == null) {
            cv = new double[w.pairs * LANES];
            haf = new double[slots * LANES];
            acc = new double[slots * LANES];
        }
        java.util.Arrays.fill(acc, 0.0);
        for (int b = 0; b < batch; b += LANES) {
            for (int p = 0; p < w.pairs; p++) {
                for (int l = 0; l < LANES; l++) {
                    cv[p * LANES + l] = b + l < count ? Math.fma(cov[p][b + l], scale, sigmaB2) : 0.0;
                }
            }
            for (int s = 0; s < slots; s++) {
                for (int l = 0; l < LANES; l++) {
                    double h = 0.0;
                    for (int t = w.start[s]; t < w.start[s + 1]; t++) {
                        double c = cv[w.pair[t] * LANES + l] * w.mult[t];
                        h = w.sub[t] < 0 ? c + h : Math.fma(c, haf[w.sub[t] * LANES + l], h);
                    }
                    haf[s * LANES + l] = h;
                    acc[s * LANES + l] = acc[s * LANES + l] + h;
                }
            }
        }
        for (int s = 0; s < slots; s++) {
            int o = s * LANES;
            batchSum[s] = 0.0 + acc[o] + acc[o + 1] + acc[o + 2] + acc[o + 3];
        }
    }
}
