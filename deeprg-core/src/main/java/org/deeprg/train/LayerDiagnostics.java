package org.deeprg.train;

import java.io.Serializable;
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
 * The measurements of Sec. 3.1 of arXiv:1705.11023 for every hidden layer of a trained network, taken during inference
 * on a data set (the paper's "prediction epoch"), in each of the readings the paper's text allows.
 *
 * <h2>Figs. 3-4: "the frequency of each layer's activation ... sorted by rank"</h2>
 * <ul>
 * <li>{@link #patternCounts}: the binary activation pattern of the layer for one example is the set of units with
 *     activation \( > 0 \); every distinct pattern is counted over the data set (the rank-frequency, or Zipf, reading
 *     of the neural-code literature). In a layer of hundreds of ReLU units nearly every example has its own pattern,
 *     so the counts are all 1: then there is no distribution to fit.</li>
 * <li>{@link #unitActiveCounts}: for each unit, the number of examples on which it is active (\( > 0 \)): the
 *     frequency of each unit's activation, one value per unit.</li>
 * </ul>
 * <h2>Figs. 5-6: "average node activation"</h2>
 * <ul>
 * <li>{@link #exampleMeans}: for each example, the mean of the layer's activations over its units ("we averaged over
 *     the activations of all units in that layer"): one value per example, so up to \( 10^4 \) values on a test set
 *     of \( 10^4 \), which is what "four orders of magnitude in the count of the ranks" needs.</li>
 * <li>{@link #unitMeans}: for each unit, its mean activation over the data set ("the average activation of the
 *     nodes"): one value per unit.</li>
 * </ul>
 * <h2>Figs. 7-8: "weighted node degree"</h2>
 * For each unit i of the layer, its outgoing weights are the row \( W_{i\cdot} \) of the next dense layer:
 * <ul>
 * <li>{@link #degreeAbsolute}: \( \sum_j |W_{ij}| \) (positive, so its logarithm, the paper's axis, always exists);</li>
 * <li>{@link #degreeSigned}: \( \sum_j W_{ij} \) ("we sum all the values of the weights going out from a node"; it can
 *     be negative).</li>
 * </ul>
 * Every sum runs in a fixed order (examples in data order, units in index order), so the numbers are a function of
 * the parameters and the data only. Arrays are sorted in decreasing order.
 *
 * @param layer            1-based hidden layer index
 * @param width            units in the layer
 * @param examples         examples seen
 * @param patternCounts    counts of the distinct binary patterns, decreasing
 * @param unitActiveCounts per unit, the number of examples with activation \( > 0 \), decreasing
 * @param exampleMeans     per example, the layer's mean activation, decreasing
 * @param unitMeans        per unit, the mean activation over the examples, decreasing
 * @param degreeAbsolute   per unit, \( \sum_j |W_{ij}| \) over its outgoing weights, decreasing
 * @param degreeSigned     per unit, \( \sum_j W_{ij} \), decreasing
 */
public record LayerDiagnostics(int layer, int width, int examples, int[] patternCounts, int[] unitActiveCounts,
                               double[] exampleMeans, double[] unitMeans, double[] degreeAbsolute, double[] degreeSigned)
        implements Serializable {
    private static final long serialVersionUID = 1L;

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
        long[][] active = new long[hidden][];
        double[][] unitSums = new double[hidden][];
        for (int h = 0; h < hidden; h++) {
            patterns.add(new HashMap<>());
            active[h] = new long[sizes[h + 1]];
            unitSums[h] = new double[sizes[h + 1]];
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
                        unitSums[h][u] += v;
                        if (v > 0) {
                            bits[u >>> 6] |= 1L << (u & 63);
                            active[h][u]++;
                        }
                    }
                    means[h][start + r] = sum / width;
                    patterns.get(h).computeIfAbsent(new PatternKey(bits), k -> new int[1])[0]++;
                }
            }
        }
        List<LayerDiagnostics> out = new ArrayList<>();
        for (int h = 0; h < hidden; h++) {
            int width = sizes[h + 1];
            int[] counts = patterns.get(h).values().stream().mapToInt(c -> c[0]).toArray();
            int[] unitActive = new int[width];
            double[] unitMean = new double[width];
            for (int u = 0; u < width; u++) {
                unitActive[u] = (int) active[h][u];
                unitMean[u] = n == 0 ? 0 : unitSums[h][u] / n;
            }
            int next = sizes[h + 2];
            double[] w = parameters.weights(h + 1);
            double[] absolute = new double[width];
            double[] signed = new double[width];
            for (int i = 0; i < width; i++) {
                double s = 0;
                double t = 0;
                for (int j = 0; j < next; j++) {
                    s += Math.abs(w[i * next + j]);
                    t += w[i * next + j];
                }
                absolute[i] = s;
                signed[i] = t;
            }
            out.add(new LayerDiagnostics(h + 1, width, n, decreasing(counts), decreasing(unitActive), decreasing(means[h]),
                    decreasing(unitMean), decreasing(absolute), decreasing(signed)));
        }
        return out;
    }

    /** Number of distinct activation patterns. */
    public int distinctPatterns() {
        return patternCounts.length;
    }

    /** Units never active on the data set (dead ReLUs). */
    public int deadUnits() {
        int d = 0;
        for (int c : unitActiveCounts) {
            if (c == 0) {
                d++;
            }
        }
        return d;
    }

    static int[] decreasing(int[] a) {
        int[] s = a.clone();
        Arrays.sort(s);
        for (int i = 0, j = s.length - 1; i < j; i++, j--) {
            int t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
        return s;
    }

    static double[] decreasing(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        for (int i = 0, j = s.length - 1; i < j; i++, j--) {
            double t = s[i];
            s[i] = s[j];
            s[j] = t;
        }
        return s;
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
