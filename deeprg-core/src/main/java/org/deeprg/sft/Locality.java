package org.deeprg.sft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deeprg.sft.algebra.CostExpansion;

/**
 * Locality of a source ({@code J_2} or {@code J_3} of Eq. 11) under an {@link Embedding}: every off-diagonal term
 * contributes its weight {@code |J|} at its interaction distance (the distance of the two weights for J_2; the
 * largest pairwise distance, i.e. the diameter, for J_3). Measures: the weighted distribution of distances, the
 * fraction {@code F(r)} of total coupling weight within distance r, the band width (largest distance with a
 * nonzero coupling), and {@code r90}/{@code r99} (smallest r with F(r) >= 0.9 / 0.99).
 *
 * @param embedding       name of the embedding
 * @param order           2 or 3
 * @param radii           sorted distinct interaction distances
 * @param weightFraction  fraction of |J| at each radius
 * @param cumulative      F(r) at each radius
 * @param bandWidth       largest interaction distance
 * @param r90             smallest r with F(r) >= 0.9
 * @param r99             smallest r with F(r) >= 0.99
 * @param meanDistance    |J|-weighted mean distance
 * @param systemSize      largest distance between any two weights (normalisation for plots)
 * @param terms           number of off-diagonal terms
 */
public record Locality(String embedding, int order, double[] radii, double[] weightFraction, double[] cumulative,
                       double bandWidth, double r90, double r99, double meanDistance, double systemSize, int terms) {

    /** Relative tolerance below which a coupling counts as zero. */
    public static final double ZERO = 1e-12;

    /** Locality of the degree-{@code order} terms (off-diagonal ones) of the expansion. */
    public static Locality of(CostExpansion expansion, Embedding embedding, int order) {
        List<CostExpansion.Term> terms = expansion.source(order);
        double max = 0;
        for (CostExpansion.Term t : terms) {
            max = Math.max(max, Math.abs(t.coefficient()));
        }
        List<double[]> pairs = new ArrayList<>();
        for (CostExpansion.Term t : terms) {
            int[] ix = t.indices();
            if (Math.abs(t.coefficient()) <= ZERO * max) {
                continue;
            }
            double d = 0;
            boolean offDiagonal = false;
            for (int a = 0; a < ix.length; a++) {
                for (int b = a + 1; b < ix.length; b++) {
                    if (ix[a] != ix[b]) {
                        offDiagonal = true;
                    }
                    d = Math.max(d, embedding.distance(ix[a], ix[b]));
                }
            }
            if (offDiagonal) {
                pairs.add(new double[] {d, Math.abs(t.coefficient())});
            }
        }
        return fromPairs(embedding, order, pairs);
    }

    /** Locality of a dense symmetric coupling matrix (J_2 or a Hessian). */
    public static Locality ofMatrix(double[][] j, Embedding embedding) {
        double max = 0;
        for (double[] r : j) {
            for (double v : r) {
                max = Math.max(max, Math.abs(v));
            }
        }
        List<double[]> pairs = new ArrayList<>();
        for (int a = 0; a < j.length; a++) {
            for (int b = a + 1; b < j.length; b++) {
                if (Math.abs(j[a][b]) > ZERO * max) {
                    pairs.add(new double[] {embedding.distance(a, b), Math.abs(j[a][b])});
                }
            }
        }
        return fromPairs(embedding, 2, pairs);
    }

    private static Locality fromPairs(Embedding embedding, int order, List<double[]> pairs) {
        pairs.sort((x, y) -> Double.compare(x[0], y[0]));
        double total = 0;
        double mean = 0;
        for (double[] p : pairs) {
            total += p[1];
            mean += p[0] * p[1];
        }
        List<Double> radii = new ArrayList<>();
        List<Double> frac = new ArrayList<>();
        for (double[] p : pairs) {
            if (!radii.isEmpty() && Math.abs(radii.get(radii.size() - 1) - p[0]) <= 1e-9 * Math.max(1, p[0])) {
                frac.set(frac.size() - 1, frac.get(frac.size() - 1) + p[1] / total);
            } else {
                radii.add(p[0]);
                frac.add(p[1] / total);
            }
        }
        double[] r = radii.stream().mapToDouble(Double::doubleValue).toArray();
        double[] f = frac.stream().mapToDouble(Double::doubleValue).toArray();
        double[] cum = new double[f.length];
        double s = 0;
        double r90 = Double.NaN;
        double r99 = Double.NaN;
        for (int i = 0; i < f.length; i++) {
            s += f[i];
            cum[i] = Math.min(1, s);
            if (Double.isNaN(r90) && cum[i] >= 0.9 - 1e-12) {
                r90 = r[i];
            }
            if (Double.isNaN(r99) && cum[i] >= 0.99 - 1e-12) {
                r99 = r[i];
            }
        }
        double size = 0;
        int n = embedding.size();
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                size = Math.max(size, embedding.distance(a, b));
            }
        }
        return new Locality(embedding.name(), order, r, f, cum, r.length == 0 ? 0 : r[r.length - 1], r90, r99,
                total > 0 ? mean / total : 0, size, pairs.size());
    }

    @Override
    public String toString() {
        return embedding + " J" + order + ": band width " + bandWidth + ", r90 " + r90 + ", r99 " + r99 + " of size " + systemSize
                + " " + Arrays.toString(radii).length();
    }
}
