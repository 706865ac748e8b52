package org.deeprg.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeprg.net.Batch;
import org.deeprg.net.Dataset;
import org.deeprg.net.DenseNetwork;
import org.deeprg.net.NetworkParameters;

/**
 * The three measurements of Sec. 3.1 of arXiv:1705.11023 for every hidden layer of a trained network, taken during
 * inference on a data set (the paper's "prediction epoch").
 *
 * <ul>
 * <li><b>Activation patterns</b> (Figs. 3-4): the binary pattern of a layer for one example is the set of units
 *     with activation \( > 0 \). Every distinct pattern is counted over the data set; the counts sorted in
 *     decreasing order, one rank per pattern (tied counts keep distinct consecutive ranks, nothing is collapsed),
 *     give the rank-frequency plot.</li>
 * <li><b>Mean layer activations</b> (Figs. 5-6): for each example, the average of the layer's activations over its
 *     units; the values sorted in decreasing order against their rank.</li>
 * <li><b>Weighted node degree</b> (Figs. 7-8): for each unit i of the layer, the sum of the absolute values of its
 *     outgoing weights \( \sum_j |W_{ij}| \) (weights of the next dense layer). The paper says "we sum all the values
 *     of the weights going out from a node ... zero weights do not contribute"; the absolute value is deeprg's
 *     reading (a signed sum can be negative, and the paper plots its logarithm).</li>
 * </ul>
 *
 * @param layer            1-based hidden layer index
 * @param width            units in the layer
 * @param examples         examples seen
 * @param patternCounts    counts of the distinct binary patterns, decreasing
 * @param meanActivations  per-example mean activation, decreasing
 * @param weightedDegrees  per-unit weighted out-degree, decreasing
 */
public record LayerDiagnostics(int layer, int width, int examples, int[] patternCounts, double[] meanActivations,
                               double[] weightedDegrees) {

    /**
     * Measures every hidden layer of the network with parameters {@code parameters} on {@code data} (batches of
     * {@code batch}). Not modified: parameters, data.
     */
    public static List<LayerDiagnostics> measure(NetworkParameters parameters, Dataset data, int batch) {
        DenseNetwork network = parameters.network();
        int n = data.size();
        int[] sizes = network.widths();
        int hidden = network.layers() - 1;
        List<Map<PatternKey, int[]>> patterns = new ArrayList<>();
        double[][] means = new double[hidden][n];
        for (int h = 0; h < hidden; h++) {
            patterns.add(new HashMap<>());
        }
        Batch work = network.batch(Math.min(batch, Math.max(n, 1)));
        for (int start = 0; start < n; start += batch) {
            int b = Math.min(batch, n - start);
            work.load(data, start, b);
            network.forward(parameters, work);
            for (int h = 0; h < hidden; h++) {
                int width = sizes[h + 1];
                double[] a = work.activations(h + 1);
                for (int r = 0; r < b; r++) {
                    long[] bits = new long[(width + 63) >>> 6];
                    double sum = 0;
                    for (int u = 0; u < width; u++) {
                        double v = a[r * width + u];
                        sum += v;
                        if (v > 0) {
                            bits[u >>> 6] |= 1L << (u & 63);
                        }
                    }
                    means[h][start + r] = sum / width;
                    patterns.get(h).computeIfAbsent(new PatternKey(bits), k -> new int[1])[0]++;
                }
            }
        }
        List<LayerDiagnostics> out = new ArrayList<>();
        for (int h = 0; h < hidden; h++) {
            int[] counts = patterns.get(h).values().stream().mapToInt(c -> c[0]).toArray();
            Arrays.sort(counts);
            reverse(counts);
            double[] m = means[h].clone();
            Arrays.sort(m);
            reverse(m);
            int width = sizes[h + 1];
            int next = sizes[h + 2];
            double[] w = parameters.weights(h + 1);
            double[] degree = new double[width];
            for (int i = 0; i < width; i++) {
                double s = 0;
                for (int j = 0; j < next; j++) {
                    s += Math.abs(w[i * next + j]);
                }
                degree[i] = s;
            }
            Arrays.sort(degree);
            reverse(degree);
            out.add(new LayerDiagnostics(h + 1, width, n, counts, m, degree));
        }
        return out;
    }

    /** Number of distinct activation patterns. */
    public int distinctPatterns() {
        return patternCounts.length;
    }

    private static void reverse(int[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static void reverse(double[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** A binary pattern as a hash key. */
    private record PatternKey(long[] bits) {
        @Override
        public boolean equals(Object o) {
            return o instanceof PatternKey k && Arrays.equals(bits, k.bits);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bits);
        }
    }
}
