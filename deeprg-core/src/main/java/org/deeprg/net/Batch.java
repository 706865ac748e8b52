package org.deeprg.net;

import org.deeprg.InvalidInputException;

/**
 * Work arrays of batched passes through a {@link DenseNetwork}: the inputs and targets of up to {@link #capacity()}
 * rows, every layer's activations and the back-propagated deltas (row-major {@code rows x width}). Allocated once
 * and reused between steps; not thread-safe.
 */
public final class Batch {
    /** Largest number of doubles in the work arrays (activations and deltas): 800 MB. */
    public static final long MAX_VALUES = 100_000_000L;

    private final DenseNetwork network;
    private final int capacity;
    final double[][] activations; // [0] = inputs, [m+1] = outputs of layer m
    final double[][] deltas;      // [m] = dL/d(activations[m])
    final double[][] pre;         // kept pre-activations of layers without derivative-from-value, else null
    final double[] targets;       // capacity x outputs (regression)
    final int[] labels;           // capacity (classification)
    private int size;

    Batch(DenseNetwork network, int capacity) {
        InvalidInputException.requireInRange("batchSize", capacity, 1, Integer.MAX_VALUE);
        long perRow = 0;
        for (int w : network.widths()) {
            perRow += w;
        }
        if (2L * capacity * perRow > MAX_VALUES) {
            throw new InvalidInputException("batchSize", capacity, "batch work arrays of " + 2L * capacity * perRow
                    + " values exceed the limit of " + MAX_VALUES + "; use a smaller batch or narrower layers");
        }
        this.network = network;
        this.capacity = capacity;
        int layers = network.layers();
        activations = new double[layers + 1][];
        deltas = new double[layers + 1][];
        pre = new double[layers][];
        for (int m = 0; m <= layers; m++) {
            activations[m] = new double[capacity * network.width(m)];
            deltas[m] = new double[capacity * network.width(m)];
        }
        for (int m = 0; m < layers; m++) {
            Activation a = network.activation(m);
            if (!DenseNetwork.isIdentity(a) && !a.hasDerivativeFromValue()) {
                pre[m] = new double[capacity * network.width(m + 1)];
            }
        }
        targets = new double[capacity * network.outputs()];
        labels = new int[capacity];
    }

    /** Largest number of rows. */
    public int capacity() {
        return capacity;
    }

    /** Rows loaded. */
    public int size() {
        return size;
    }

    /**
     * Loads rows {@code order[start .. start+rows)} of {@code data} (inputs and targets or labels) in that order.
     * Not modified: data, order.
     */
    public Batch load(Dataset data, int[] order, int start, int rows) {
        checkRows(data, rows);
        int f = data.inputDimension();
        int o = network.outputs();
        for (int r = 0; r < rows; r++) {
            int e = order[start + r];
            System.arraycopy(data.x(), e * f, activations[0], r * f, f);
            if (data.labels() != null) {
                labels[r] = data.labels()[e];
            } else {
                System.arraycopy(data.targets(), e * o, targets, r * o, o);
            }
        }
        size = rows;
        return this;
    }

    /** Loads the contiguous rows {@code from .. from+rows)} of {@code data}. Not modified: data. */
    public Batch load(Dataset data, int from, int rows) {
        checkRows(data, rows);
        int f = data.inputDimension();
        int o = network.outputs();
        System.arraycopy(data.x(), from * f, activations[0], 0, rows * f);
        if (data.labels() != null) {
            System.arraycopy(data.labels(), from, labels, 0, rows);
        } else {
            System.arraycopy(data.targets(), from * o, targets, 0, rows * o);
        }
        size = rows;
        return this;
    }

    /**
     * Loads {@code rows} rows of inputs {@code x} ({@code rows x n_0}, row-major) with class labels {@code y}.
     * Not modified: x, y.
     */
    public Batch loadClassification(double[] x, int[] y, int rows) {
        if (rows < 1 || rows > capacity || x.length < (long) rows * network.inputs() || y.length < rows) {
            throw new InvalidInputException("batch", rows, "must be in [1, " + capacity + "] with matching x and y");
        }
        System.arraycopy(x, 0, activations[0], 0, rows * network.inputs());
        System.arraycopy(y, 0, labels, 0, rows);
        size = rows;
        return this;
    }

    private void checkRows(Dataset data, int rows) {
        if (rows < 0 || rows > capacity) {
            throw new IllegalArgumentException("batch of " + rows + " rows, capacity " + capacity);
        }
        if (data.inputDimension() != network.inputs() || data.outputDimension() != network.outputs()) {
            throw new InvalidInputException("data", data.name(), "must have the network's " + network.inputs() + " inputs and "
                    + network.outputs() + " outputs (classes), has " + data.inputDimension() + " and " + data.outputDimension());
        }
    }

    void check(DenseNetwork n) {
        if (n != network && !n.sameArchitecture(network)) {
            throw new IllegalArgumentException("batch of another network architecture");
        }
    }

    /** The inputs, {@code rows x n_0}. The live array. */
    public double[] inputs() {
        return activations[0];
    }

    /** Activations {@code h^(m)} ({@code m = 0}: inputs, {@code m = layers}: outputs), rows x n_m. The live array. */
    public double[] activations(int m) {
        return activations[m];
    }

    /** The network outputs of the last forward pass, rows x n_M. The live array. */
    public double[] outputs() {
        return activations[activations.length - 1];
    }

    /** {@code dL/dh_M}, the loss's gradient with respect to the outputs (input of {@link DenseNetwork#backward}). The live array. */
    public double[] outputDelta() {
        return deltas[deltas.length - 1];
    }

    /** The class labels of the loaded rows. The live array. */
    public int[] labels() {
        return labels;
    }

    /** The regression targets of the loaded rows, rows x n_M. The live array. */
    public double[] targets() {
        return targets;
    }
}
