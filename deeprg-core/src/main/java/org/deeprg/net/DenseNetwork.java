package org.deeprg.net;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.deeprg.InvalidInputException;
import org.deeprg.numerics.Blas;

/**
 * The one dense feed-forward network type of deeprg: an immutable architecture
 * {@code n_0 (inputs) -> n_1 -> ... -> n_M (outputs)} with one {@link Activation} per layer, optional connectivity
 * masks (sparse layers) and per-layer biases. In the paper's notation (Lee, Lee, Yi 2025, Eq. 1)
 * <pre>
 *   h^(m+1)_i = sigma_m( sum_j W^(m)_ij h^(m)_j ),   h^(m)_0 = 1,  W^(m)_i0 = b^(m)_i ,
 * </pre>
 * i.e. the layer map {@code z = W h + b} followed by the activation. A mask says which {@code W_ij} exist; absent
 * weights are identically zero and are not parameters. The paper's example architectures (the nearest-neighbour
 * perceptron of Fig. 2, the hidden-layer net of Fig. 3) are masked networks; an MLP has no masks.
 *
 * <p>The network holds no parameter values (like a Flax module or a functional PyTorch model): the parameters are
 * either a <b>flat vector</b> {@code w} in the standard indexing below (the coordinates of parameter space, what a
 * physicist differentiates: {@link NetworkCost} gives the cost, its gradient and exact Hessian-vector products at
 * {@code w}) or a {@link NetworkParameters} object holding one weight matrix and one bias vector per layer in the
 * layout BLAS wants (what training updates: {@link #forward}, {@link #backward}). The two convert exactly
 * ({@link NetworkParameters#toVector()}, {@link NetworkParameters#fromVector}).
 *
 * <h2>Standard indexing of the flat vector</h2>
 * Layer by layer, row (output unit {@code i}) by row, and within a row first the bias (column 0, {@code W_i0 = b_i},
 * if the layer has biases), then the inputs {@code j = 1..n_m} that are connected: the order of {@code W^(m)_ij} in
 * the paper's notation and of a flattened parameter list in common software. {@link #label(int)} gives
 * {@code (layer, row, column)}.
 *
 * <h2>Batched passes (training)</h2>
 * {@link #forward(NetworkParameters, Batch)} and {@link #backward} work on a {@link Batch} of rows with one BLAS
 * product per layer; the gradient of a {@link Loss} over a batch is {@link #lossAndGradient}. Their arithmetic is a
 * fixed sequence of BLAS calls and loops, so a result depends only on the inputs and the BLAS implementation
 * ({@link Blas}).
 */
public final class DenseNetwork {
    /** Largest number of weights and biases (including masked-out weights) of a network: 8e8 bytes per copy. */
    public static final long MAX_PARAMETERS = 100_000_000L;

    /** Position of a parameter in the paper's notation: {@code W^(layer)_{row, column}}, column 0 = bias. */
    public record Label(int layer, int row, int column) { }

    private final int[] widths;
    private final Activation[] activations;
    private final boolean[][] masks;   // masks[m][i*in + j], null = dense layer
    private final boolean[] biases;
    private final int[] parameterStart; // first flat index of each layer, length layers + 1
    private final int[][] rowStart;     // masked layers: first flat index of each row (relative to the layer), else null
    private final int[] layerOffset;    // start of each layer's block in the "full" (W out x in, then b) layout
    private final int fullSize;

    /**
     * @param widths      {@code n_0 (inputs), n_1, ..., n_M (outputs)}, each in [1, 1e6]
     * @param activations one per layer (length M), applied to the layer's pre-activations
     * @param masks       connectivity per layer ({@code masks[m][i][j]}: output i of layer m+1 sees input j), null (or a null
     *                    entry) = dense layer. Not modified (copied).
     * @param biases      whether each layer has biases
     */
    public DenseNetwork(int[] widths, Activation[] activations, boolean[][][] masks, boolean[] biases) {
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
        for (Activation a : activations) {
            Objects.requireNonNull(a, "activation");
        }
        long full = 0;
        for (int m = 0; m < layers; m++) {
            full += (long) widths[m + 1] * widths[m] + widths[m + 1];
        }
        if (full > MAX_PARAMETERS) {
            throw new InvalidInputException("widths", Arrays.toString(widths), "at most " + MAX_PARAMETERS
                    + " weights and biases in all; the network would have " + full);
        }
        this.widths = widths.clone();
        this.activations = activations.clone();
        this.biases = biases.clone();
        this.masks = new boolean[layers][];
        this.rowStart = new int[layers][];
        this.parameterStart = new int[layers + 1];
        this.layerOffset = new int[layers + 1];
        long params = 0;
        int offset = 0;
        for (int m = 0; m < layers; m++) {
            int in = widths[m];
            int out = widths[m + 1];
            parameterStart[m] = (int) params;
            layerOffset[m] = offset;
            offset += out * in + out;
            boolean[][] given = masks == null ? null : masks[m];
            if (given == null) {
                params += (long) out * (in + (biases[m] ? 1 : 0));
                continue;
            }
            boolean[] mk = new boolean[out * in];
            int[] rs = new int[out + 1];
            int count = 0;
            for (int i = 0; i < out; i++) {
                rs[i] = count;
                if (biases[m]) {
                    count++;
                }
                for (int j = 0; j < in; j++) {
                    mk[i * in + j] = given[i][j];
                    if (given[i][j]) {
                        count++;
                    }
                }
            }
            rs[out] = count;
            this.masks[m] = mk;
            this.rowStart[m] = rs;
            params += count;
        }
        parameterStart[layers] = (int) params;
        layerOffset[layers] = offset;
        fullSize = offset;
    }

    /** A dense network: hidden layers with {@code hidden}, the last layer with {@code output}, biases everywhere or nowhere. */
    public static DenseNetwork dense(int[] widths, Activation hidden, Activation output, boolean biases) {
        int layers = widths.length - 1;
        if (layers < 1) {
            throw new InvalidInputException("widths", widths.length, "at least an input and an output width");
        }
        Activation[] a = new Activation[layers];
        boolean[] b = new boolean[layers];
        for (int m = 0; m < layers; m++) {
            a[m] = m == layers - 1 ? output : hidden;
            b[m] = biases;
        }
        return new DenseNetwork(widths, a, null, b);
    }

    /**
     * The usual classifier or regressor MLP: biases everywhere, {@code hidden} on every hidden layer, a linear output
     * layer (logits for {@link Loss#SOFTMAX_CROSS_ENTROPY}).
     */
    public static DenseNetwork mlp(int[] widths, Activation hidden) {
        return dense(widths, hidden, Activation.LINEAR, true);
    }

    /** Number of weight layers M. */
    public int layers() {
        return widths.length - 1;
    }

    /** Layer widths, inputs first. */
    public int[] widths() {
        return widths.clone();
    }

    /** Width {@code n_m} ({@code m = 0}: inputs, {@code m = layers()}: outputs). */
    public int width(int m) {
        return widths[m];
    }

    /** Input dimension {@code n_0}. */
    public int inputs() {
        return widths[0];
    }

    /** Output dimension {@code n_M}. */
    public int outputs() {
        return widths[widths.length - 1];
    }

    /** Activation of layer m (applied to its pre-activations). */
    public Activation activation(int m) {
        return activations[m];
    }

    /** Whether layer m has biases. */
    public boolean hasBias(int m) {
        return biases[m];
    }

    /** Whether layer m is masked (sparse). */
    public boolean isMasked(int m) {
        return masks[m] != null;
    }

    /** Whether output {@code row} of layer m sees input {@code column} (0-based input index). */
    public boolean connected(int m, int row, int column) {
        return masks[m] == null || masks[m][row * widths[m] + column];
    }

    /** Number of free parameters (connected weights and existing biases): the length of the flat vector. */
    public int parameterCount() {
        return parameterStart[widths.length - 1];
    }

    /** First flat index of layer m's parameters ({@code m = layers()}: the parameter count). */
    public int parameterStart(int m) {
        return parameterStart[m];
    }

    /** The paper's label of flat parameter {@code k} (standard indexing). */
    public Label label(int k) {
        if (k < 0 || k >= parameterCount()) {
            throw new IndexOutOfBoundsException("parameter " + k + " of " + parameterCount());
        }
        int m = 0;
        while (parameterStart[m + 1] <= k) {
            m++;
        }
        int in = widths[m];
        int local = k - parameterStart[m];
        int bias = biases[m] ? 1 : 0;
        if (masks[m] == null) {
            int rowSize = in + bias;
            int row = local / rowSize;
            int pos = local % rowSize;
            return new Label(m, row, bias == 1 && pos == 0 ? 0 : pos - bias + 1);
        }
        int[] rs = rowStart[m];
        int row = 0;
        while (rs[row + 1] <= local) {
            row++;
        }
        int pos = local - rs[row];
        if (bias == 1) {
            if (pos == 0) {
                return new Label(m, row, 0);
            }
            pos--;
        }
        for (int j = 0; j < in; j++) {
            if (masks[m][row * in + j] && pos-- == 0) {
                return new Label(m, row, j + 1);
            }
        }
        throw new IllegalStateException("inconsistent mask bookkeeping");
    }

    /** Index of the parameter with the given label, or -1 if it does not exist. */
    public int indexOf(int layer, int row, int column) {
        if (layer < 0 || layer >= layers() || row < 0 || row >= widths[layer + 1] || column < 0 || column > widths[layer]) {
            return -1;
        }
        int in = widths[layer];
        int bias = biases[layer] ? 1 : 0;
        if (column == 0) {
            return bias == 0 ? -1 : parameterStart[layer] + (masks[layer] == null ? row * (in + 1) : rowStart[layer][row]);
        }
        int j = column - 1;
        if (masks[layer] == null) {
            return parameterStart[layer] + row * (in + bias) + bias + j;
        }
        if (!masks[layer][row * in + j]) {
            return -1;
        }
        int k = parameterStart[layer] + rowStart[layer][row] + bias;
        for (int c = 0; c < j; c++) {
            if (masks[layer][row * in + c]) {
                k++;
            }
        }
        return k;
    }

    /** All labels in parameter order. */
    public List<Label> labels() {
        List<Label> l = new ArrayList<>(parameterCount());
        for (int m = 0; m < layers(); m++) {
            int in = widths[m];
            for (int i = 0; i < widths[m + 1]; i++) {
                if (biases[m]) {
                    l.add(new Label(m, i, 0));
                }
                for (int j = 0; j < in; j++) {
                    if (connected(m, i, j)) {
                        l.add(new Label(m, i, j + 1));
                    }
                }
            }
        }
        return l;
    }

    /** Output of one example at the flat parameter vector {@code w} (standard indexing). Not modified: w, x. */
    public double[] output(double[] w, double[] x) {
        checkVector(w);
        double[] full = new double[fullSize];
        scatter(w, full);
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

    void checkVector(double[] w) {
        if (w.length != parameterCount()) {
            throw new IllegalArgumentException("parameter vector has length " + w.length + ", expected " + parameterCount());
        }
    }

    // ---------------------------------------------------------------- batched passes (BLAS)

    /** Work arrays for batched passes of up to {@code capacity} rows. */
    public Batch batch(int capacity) {
        return new Batch(this, capacity);
    }

    /**
     * Forward pass of the batch's {@link Batch#size()} rows: fills {@link Batch#activations(int)} of every layer
     * ({@code rows x n_(m+1)}, row-major); the last layer's are the network outputs. Per layer: the biases are copied
     * into each row, {@code Z += H W} is one BLAS product, then the activation is applied in place (skipped for the
     * identity). Layers whose activation has no derivative-from-value ({@link Activation#hasDerivativeFromValue()})
     * keep their pre-activations for {@link #backward}.
     *
     * @param p     parameters. Not modified.
     * @param batch Modified: activations (and kept pre-activations).
     */
    public void forward(NetworkParameters p, Batch batch) {
        checkParameters(p);
        batch.check(this);
        int rows = batch.size();
        double[][] acts = batch.activations;
        for (int m = 0; m < layers(); m++) {
            int in = widths[m];
            int out = widths[m + 1];
            double[] z = acts[m + 1];
            double[] b = p.biases[m];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(b, 0, z, r * out, out);
            }
            Blas.gemm(false, false, rows, out, in, 1.0, acts[m], p.weights[m], 1.0, z);
            Activation act = activations[m];
            if (!isIdentity(act)) {
                if (batch.pre[m] != null) {
                    System.arraycopy(z, 0, batch.pre[m], 0, rows * out);
                }
                act.apply(z, z, rows * out);
            }
        }
    }

    /**
     * Back-propagation of the batch whose forward pass is in {@code batch}: on entry {@link Batch#outputDelta()} holds
     * {@code dL/dh_M} (the loss's gradient with respect to the outputs, rows x n_M); on return {@code gradient} holds
     * {@code dL/dW} and {@code dL/db} of every layer (overwritten; masked-out weights and absent biases are 0). Per
     * layer: {@code delta *= sigma'} (skipped for the identity), {@code dW = H^T delta} and
     * {@code delta_(m) = delta W^T} by BLAS, {@code db} summed over rows in row order.
     *
     * @param p        parameters. Not modified.
     * @param batch    Modified: the deltas.
     * @param gradient Modified (overwritten).
     */
    public void backward(NetworkParameters p, Batch batch, NetworkParameters gradient) {
        checkParameters(p);
        checkParameters(gradient);
        batch.check(this);
        int rows = batch.size();
        double[][] acts = batch.activations;
        double[][] deltas = batch.deltas;
        for (int m = layers() - 1; m >= 0; m--) {
            int in = widths[m];
            int out = widths[m + 1];
            double[] d = deltas[m + 1];
            if (m == layers() - 1) {
                multiplyByDerivative(m, batch, d, rows * out);
            }
            Blas.gemm(true, false, in, out, rows, 1.0, acts[m], d, 0.0, gradient.weights[m]);
            if (masks[m] != null) {
                double[] g = gradient.weights[m];
                for (int i = 0; i < out; i++) {
                    for (int j = 0; j < in; j++) {
                        if (!masks[m][i * in + j]) {
                            g[j * out + i] = 0;
                        }
                    }
                }
            }
            double[] gb = gradient.biases[m];
            Arrays.fill(gb, 0);
            if (biases[m]) {
                for (int r = 0; r < rows; r++) {
                    for (int j = 0; j < out; j++) {
                        gb[j] += d[r * out + j];
                    }
                }
            }
            if (m > 0) {
                Blas.gemm(false, true, rows, in, out, 1.0, d, p.weights[m], 0.0, deltas[m]);
                multiplyByDerivative(m - 1, batch, deltas[m], rows * in);
            }
        }
    }

    /** {@code delta *= sigma_m'} of layer m's units (from the activations, or the kept pre-activations). */
    private void multiplyByDerivative(int m, Batch batch, double[] delta, int n) {
        Activation act = activations[m];
        if (isIdentity(act)) {
            return;
        }
        if (batch.pre[m] == null) {
            act.backwardFromValues(batch.activations[m + 1], delta, n);
        } else {
            double[] z = batch.pre[m];
            double[] a = batch.activations[m + 1];
            for (int i = 0; i < n; i++) {
                delta[i] *= act.derivative(z[i], a[i]);
            }
        }
    }

    /**
     * Forward pass, loss and back-propagation of a batch: {@code gradient} (overwritten) becomes the gradient of
     * {@code (sum over rows of the loss) / divisor}.
     *
     * @param divisor 1 for a summed loss (Eq. 2 of the synaptic-field-theory paper), the batch size for the mean
     * @return the sum over the batch's rows of the loss (not divided)
     */
    public double lossAndGradient(NetworkParameters p, Loss loss, Batch batch, double divisor, NetworkParameters gradient) {
        forward(p, batch);
        int rows = batch.size();
        double sum = loss.evaluate(batch.outputs(), rows, outputs(), batch.targets, batch.labels, 0, divisor,
                batch.deltas[layers()]);
        backward(p, batch, gradient);
        return sum;
    }

    /**
     * The loss summed over a data set (no gradient): forward passes in batches of {@code batchSize} rows, the rows'
     * losses summed in one running sum in data order (so the result does not depend on {@code batchSize}).
     *
     * @return the sum over all rows of the loss
     */
    public double loss(NetworkParameters p, Loss loss, Dataset data, int batchSize) {
        Batch b = batch(Math.min(batchSize, Math.max(1, data.size())));
        double[] rowLoss = new double[b.capacity()];
        double total = 0;
        for (int start = 0; start < data.size(); start += batchSize) {
            int rows = Math.min(batchSize, data.size() - start);
            b.load(data, start, rows);
            forward(p, b);
            loss.rowLosses(b.outputs(), rows, outputs(), b.targets, b.labels, 0, rowLoss);
            for (int r = 0; r < rows; r++) {
                total += rowLoss[r];
            }
        }
        return total;
    }

    static boolean isIdentity(Activation a) {
        return Activation.LINEAR.equals(a);
    }

    void checkParameters(NetworkParameters p) {
        if (p.network() != this && !p.network().sameArchitecture(this)) {
            throw new IllegalArgumentException("parameters of another network architecture");
        }
    }

    /** Whether two networks have the same widths, activations, masks and biases. */
    public boolean sameArchitecture(DenseNetwork o) {
        return Arrays.equals(widths, o.widths) && Arrays.equals(activations, o.activations)
                && Arrays.deepEquals(masks, o.masks) && Arrays.equals(biases, o.biases);
    }

    // ---- package-private plumbing: the "full" layout (per layer W out x in row-major, then b) of NetworkCost ----

    int fullSize() {
        return fullSize;
    }

    int layerOffset(int m) {
        return layerOffset[m];
    }

    /** Scatters the flat vector into the full layout (absent entries 0). {@code full} modified. */
    void scatter(double[] params, double[] full) {
        Arrays.fill(full, 0);
        int k = 0;
        for (int m = 0; m < layers(); m++) {
            int in = widths[m];
            int out = widths[m + 1];
            int off = layerOffset[m];
            for (int i = 0; i < out; i++) {
                if (biases[m]) {
                    full[off + out * in + i] = params[k++];
                }
                for (int j = 0; j < in; j++) {
                    if (masks[m] == null || masks[m][i * in + j]) {
                        full[off + i * in + j] = params[k++];
                    }
                }
            }
        }
    }

    /** Gathers the free entries of a full-layout vector into the flat vector. {@code params} modified. */
    void gather(double[] full, double[] params) {
        int k = 0;
        for (int m = 0; m < layers(); m++) {
            int in = widths[m];
            int out = widths[m + 1];
            int off = layerOffset[m];
            for (int i = 0; i < out; i++) {
                if (biases[m]) {
                    params[k++] = full[off + out * in + i];
                }
                for (int j = 0; j < in; j++) {
                    if (masks[m] == null || masks[m][i * in + j]) {
                        params[k++] = full[off + i * in + j];
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("DenseNetwork").append(Arrays.toString(widths)).append(" [");
        for (int m = 0; m < layers(); m++) {
            b.append(m == 0 ? "" : ", ").append(activations[m].name()).append(masks[m] == null ? "" : " masked")
                    .append(biases[m] ? "" : " no-bias");
        }
        return b.append(']').toString();
    }
}
