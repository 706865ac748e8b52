package org.deeprg.sft.net;

import java.util.ArrayList;
import java.util.List;
import org.deeprg.InvalidInputException;

/**
 * A layered feed-forward network with optional sparse connectivity (Eq. 1 of the paper):
 * {@code h^(m+1)_i = sigma_m( b_i + sum_j W^(m)_ij h^(m)_j )}, with the bias written as {@code W^(m)_i0 = b_i}
 * as in the paper. A connectivity mask per layer says which {@code W_ij} exist; absent weights are identically zero
 * and are not parameters. The example architectures of the paper (nearest-neighbour perceptron, Fig. 2; hidden-layer
 * net, Fig. 3) are masked networks; a dense MLP has full masks.
 *
 * <p><b>Standard indexing.</b> The free parameters are numbered layer by layer, row by row, column by column with
 * column 0 the bias: the order of {@code W^(m)_ij} in the paper's notation, and of a flattened parameter list in
 * common software. {@link #label(int)} gives {@code (layer, row, column)}. Immutable.
 */
public final class Network {
    /** Position of a parameter in the paper's notation: {@code W^(layer)_{row, column}}, column 0 = bias. */
    public record Label(int layer, int row, int column) { }

    private final int[] widths;
    private final Activation[] activations;
    private final boolean[][] masks;   // masks[m][i*in + j]
    private final boolean[] biases;
    private final int[] paramLayer;
    private final int[] paramPosition; // position in the layer block: W (out*in, row-major) then b (out)
    private final int[] layerOffset;   // start of the layer block in the "full" vector
    private final int fullSize;

    /**
     * @param widths      {@code n_0 (inputs), n_1, ..., n_M (outputs)}
     * @param activations one per layer transition (length M), applied to the layer's pre-activations
     * @param masks       connectivity per layer ({@code masks[m][i][j]}: output i of layer m+1 sees input j), null = dense
     * @param biases      whether each layer has biases
     */
    public Network(int[] widths, Activation[] activations, boolean[][][] masks, boolean[] biases) {
        int layers = widths.length - 1;
        if (layers < 1) {
            throw new InvalidInputException("widths", widths.length, "at least an input and an output width");
        }
        for (int w : widths) {
            InvalidInputException.requireInRange("widths", w, 1, 1_000_000);
        }
        if (activations.length != layers || biases.length != layers || (masks != null && masks.length != layers)) {
            throw new IllegalArgumentException("need one activation, bias flag and mask per layer");
        }
        this.widths = widths.clone();
        this.activations = activations.clone();
        this.biases = biases.clone();
        this.masks = new boolean[layers][];
        this.layerOffset = new int[layers + 1];
        long full = 0;
        long params = 0;
        for (int m = 0; m < layers; m++) {
            int in = widths[m];
            int out = widths[m + 1];
            boolean[] mk = new boolean[out * in];
            for (int i = 0; i < out; i++) {
                for (int j = 0; j < in; j++) {
                    mk[i * in + j] = masks == null || masks[m] == null || masks[m][i][j];
                    if (mk[i * in + j]) {
                        params++;
                    }
                }
            }
            if (biases[m]) {
                params += out;
            }
            this.masks[m] = mk;
            layerOffset[m] = (int) full;
            full += (long) out * in + out;
            if (full > 50_000_000L) {
                throw new InvalidInputException("widths", java.util.Arrays.toString(widths), "at most 5e7 weights in all, got more");
            }
        }
        layerOffset[layers] = (int) full;
        fullSize = (int) full;
        paramLayer = new int[(int) params];
        paramPosition = new int[(int) params];
        int k = 0;
        for (int m = 0; m < layers; m++) {
            int in = widths[m];
            int out = widths[m + 1];
            for (int i = 0; i < out; i++) {
                if (biases[m]) {
                    paramLayer[k] = m;
                    paramPosition[k++] = out * in + i;
                }
                for (int j = 0; j < in; j++) {
                    if (this.masks[m][i * in + j]) {
                        paramLayer[k] = m;
                        paramPosition[k++] = i * in + j;
                    }
                }
            }
        }
    }

    /** A dense MLP: hidden layers with {@code hidden}, the last layer with {@code output}. */
    public static Network dense(int[] widths, Activation hidden, Activation output, boolean biases) {
        int layers = widths.length - 1;
        Activation[] a = new Activation[layers];
        boolean[] b = new boolean[layers];
        for (int m = 0; m < layers; m++) {
            a[m] = m == layers - 1 ? output : hidden;
            b[m] = biases;
        }
        return new Network(widths, a, null, b);
    }

    public int layers() {
        return widths.length - 1;
    }

    public int[] widths() {
        return widths.clone();
    }

    public int width(int m) {
        return widths[m];
    }

    public Activation activation(int m) {
        return activations[m];
    }

    public boolean hasBias(int m) {
        return biases[m];
    }

    public boolean connected(int m, int row, int column) {
        return masks[m][row * widths[m] + column];
    }

    /** Number of free parameters (weights and biases). */
    public int parameterCount() {
        return paramLayer.length;
    }

    /** The paper's label of parameter {@code k} (standard indexing). */
    public Label label(int k) {
        int m = paramLayer[k];
        int in = widths[m];
        int out = widths[m + 1];
        int pos = paramPosition[k];
        if (pos >= out * in) {
            return new Label(m, pos - out * in, 0);
        }
        return new Label(m, pos / in, pos % in + 1);
    }

    /** Index of the parameter with the given label, or -1 if it does not exist. */
    public int indexOf(int layer, int row, int column) {
        for (int k = 0; k < paramLayer.length; k++) {
            if (paramLayer[k] == layer && label(k).equals(new Label(layer, row, column))) {
                return k;
            }
        }
        return -1;
    }

    /** All labels in parameter order. */
    public List<Label> labels() {
        List<Label> l = new ArrayList<>();
        for (int k = 0; k < parameterCount(); k++) {
            l.add(label(k));
        }
        return l;
    }

    // ---- package-private plumbing for the kernels ----

    int fullSize() {
        return fullSize;
    }

    int layerOffset(int m) {
        return layerOffset[m];
    }

    /** Scatters the parameter vector into the full (W then b per layer) layout. {@code full} modified. */
    void scatter(double[] params, double[] full) {
        java.util.Arrays.fill(full, 0);
        for (int k = 0; k < paramLayer.length; k++) {
            full[layerOffset[paramLayer[k]] + paramPosition[k]] = params[k];
        }
    }

    /** Gathers free entries of a full-layout vector. {@code params} modified. */
    void gather(double[] full, double[] params) {
        for (int k = 0; k < paramLayer.length; k++) {
            params[k] = full[layerOffset[paramLayer[k]] + paramPosition[k]];
        }
    }

    /** Forward pass of one example. */
    public double[] output(double[] params, double[] x) {
        double[] full = new double[fullSize];
        scatter(params, full);
        double[] h = x.clone();
        for (int m = 0; m < layers(); m++) {
            int in = widths[m];
            int out = widths[m + 1];
            double[] a = new double[out];
            int off = layerOffset[m];
            for (int i = 0; i < out; i++) {
                double s = full[off + out * in + i];
                for (int j = 0; j < in; j++) {
                    s += full[off + i * in + j] * h[j];
                }
                a[i] = activations[m].value(s);
            }
            h = a;
        }
        return h;
    }
}
