package org.deeprg.train;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeprg.InvalidInputException;
import org.deeprg.io.NdArray;
import org.deeprg.io.NpzWriter;
import org.deeprg.io.SafetensorsWriter;
import org.deeprg.net.Activation;
import org.deeprg.net.DenseNetwork;
import org.deeprg.net.NetworkParameters;

/**
 * The parameters of a trained feed-forward network as a weight file: {@code .safetensors} and NumPy {@code .npz},
 * with PyTorch's names and layout so that {@code torch.nn.Linear} layers (and {@code deeprg critical couplings}) read
 * them as they are.
 *
 * <h2>Tensors</h2>
 * For dense layer {@code l} = 0, 1, ... (input to output): {@code layers.l.weight} of shape {@code (out, in)} (the
 * transpose of deeprg's in-memory {@code in x out} layout: the layer computes {@code y = x W^T + b}, as
 * {@code nn.Linear}) and {@code layers.l.bias} of shape {@code (out)}, float64. Row {@code j} of {@code layers.l.weight}
 * holds the incoming weights of unit j of layer {@code l+1}: these {@code out} rows are the units of the critical
 * regulariser ({@code w = v v^T} with {@code v = layers.l.weight}, Eq. 32), which is also
 * {@code critical couplings}' default ({@code --units rows}). The {@code .safetensors} metadata record the widths, the
 * activation and this convention.
 *
 * @param widths     layer widths, input to output
 * @param activation hidden activation name ({@code relu}, {@code elu})
 * @param weights    per dense layer, {@code in x out} row-major (deeprg's layout)
 * @param biases     per dense layer, {@code out}
 */
public record TrainedWeights(int[] widths, String activation, double[][] weights, double[][] biases) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A copy of the parameters of a network. */
    public static TrainedWeights of(NetworkParameters p) {
        DenseNetwork net = p.network();
        int layers = net.layers();
        double[][] w = new double[layers][];
        double[][] b = new double[layers][];
        for (int l = 0; l < layers; l++) {
            w[l] = p.weights(l).clone();
            b[l] = p.biases(l).clone();
        }
        return new TrainedWeights(net.widths(), net.activation(0).name().toLowerCase(Locale.ROOT), w, b);
    }

    /** The network and its parameters (the hidden activation parsed from its name). */
    public NetworkParameters parameters() {
        DenseNetwork net = DenseNetwork.mlp(widths, Activation.parse("activation", activation));
        NetworkParameters p = NetworkParameters.zeros(net);
        for (int l = 0; l < weights.length; l++) {
            System.arraycopy(weights[l], 0, p.weights(l), 0, weights[l].length);
            System.arraycopy(biases[l], 0, p.biases(l), 0, biases[l].length);
        }
        return p;
    }

    /** The tensors in file order: {@code layers.0.weight}, {@code layers.0.bias}, {@code layers.1.weight}, ... */
    public List<NdArray> tensors() {
        List<NdArray> out = new ArrayList<>();
        for (int l = 0; l < weights.length; l++) {
            int in = widths[l];
            int o = widths[l + 1];
            double[] t = new double[in * o];
            for (int i = 0; i < in; i++) {
                for (int j = 0; j < o; j++) {
                    t[j * in + i] = weights[l][i * o + j];
                }
            }
            out.add(new NdArray("layers." + l + ".weight", new int[] {o, in}, t));
            out.add(new NdArray("layers." + l + ".bias", new int[] {o}, biases[l].clone()));
        }
        return out;
    }

    /**
     * Rebuilds weights from tensors written by {@link #tensors()} (or by PyTorch with the same names).
     *
     * @throws InvalidInputException naming {@code source} when a tensor is missing or of the wrong shape
     */
    public static TrainedWeights fromTensors(Object source, List<NdArray> tensors, String activation) {
        Map<String, NdArray> byName = new LinkedHashMap<>();
        for (NdArray t : tensors) {
            byName.put(t.name(), t);
        }
        List<double[]> w = new ArrayList<>();
        List<double[]> b = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        for (int l = 0; byName.containsKey("layers." + l + ".weight"); l++) {
            NdArray wt = byName.get("layers." + l + ".weight");
            NdArray bt = byName.get("layers." + l + ".bias");
            int[] s = wt.shape();
            if (s.length != 2 || bt == null || !Arrays.equals(bt.shape(), new int[] {s[0]})
                    || (l > 0 && widths.get(l) != s[1])) {
                throw InvalidInputException.file(source, "layer " + l + ": expected layers." + l + ".weight (out, in) matching the "
                        + "previous layer and layers." + l + ".bias (out)");
            }
            if (l == 0) {
                widths.add(s[1]);
            }
            widths.add(s[0]);
            double[] m = new double[s[0] * s[1]];
            for (int j = 0; j < s[0]; j++) {
                for (int i = 0; i < s[1]; i++) {
                    m[i * s[0] + j] = wt.data()[j * s[1] + i];
                }
            }
            w.add(m);
            b.add(bt.data().clone());
        }
        if (w.isEmpty()) {
            throw InvalidInputException.file(source, "no tensor layers.0.weight");
        }
        return new TrainedWeights(widths.stream().mapToInt(Integer::intValue).toArray(), activation,
                w.toArray(new double[0][]), b.toArray(new double[0][]));
    }

    /** The metadata of the {@code .safetensors} file. */
    public Map<String, String> metadata(String description) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("format", "deeprg trained network");
        m.put("widths", Arrays.toString(widths).replaceAll("[\\[\\] ]", "").replace(',', '-'));
        m.put("activation", activation);
        m.put("layout", "layers.L.weight is (out, in): y = x W^T + b (torch.nn.Linear); rows are the units of w = v v^T (Eq. 32)");
        m.put("description", description);
        return m;
    }

    /** Writes the {@code .safetensors} file. */
    public void writeSafetensors(OutputStream out, String description) throws IOException {
        SafetensorsWriter.write(tensors(), metadata(description), out);
    }

    /** Writes the {@code .npz} archive. */
    public void writeNpz(OutputStream out) throws IOException {
        NpzWriter.write(tensors(), out);
    }

    /** Frobenius norm of all weight matrices of the hidden layers' inputs (every dense layer but the output one). */
    public double hiddenWeightNorm() {
        double s = 0;
        for (int l = 0; l < weights.length - 1; l++) {
            for (double x : weights[l]) {
                s += x * x;
            }
        }
        return Math.sqrt(s);
    }

    /** Frobenius distance of the hidden layers' weights to another network of the same widths. */
    public double hiddenWeightDistance(TrainedWeights o) {
        if (!Arrays.equals(widths, o.widths)) {
            throw new IllegalArgumentException("networks of different widths");
        }
        double s = 0;
        for (int l = 0; l < weights.length - 1; l++) {
            for (int i = 0; i < weights[l].length; i++) {
                double d = weights[l][i] - o.weights[l][i];
                s += d * d;
            }
        }
        return Math.sqrt(s);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainedWeights t && Arrays.equals(widths, t.widths) && activation.equals(t.activation)
                && Arrays.deepEquals(weights, t.weights) && Arrays.deepEquals(biases, t.biases);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(widths) * 31 + Arrays.deepHashCode(weights);
    }

    @Override
    public String toString() {
        return "TrainedWeights" + Arrays.toString(widths) + " " + activation;
    }
}
