package org.deeprg.net;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.deeprg.random.RandomStreams;

/**
 * The parameter values of a {@link DenseNetwork} in the layout of batched BLAS passes: per layer m a weight matrix
 * stored row-major {@code n_m x n_(m+1)} (inputs by outputs, so a row of inputs maps to {@code x W + b}; entry
 * {@code weights(m)[j * n_(m+1) + i]} is the paper's {@code W^(m)_ij}, from input j to output i) and a bias vector of
 * length {@code n_(m+1)}. Masked-out weights and the biases of layers without biases are held at 0.
 *
 * <p>Mutable (what an optimiser updates); the arrays returned by {@link #weights(int)} and {@link #biases(int)} are
 * the live ones. {@link #toVector()} / {@link #fromVector} convert to and from the flat vector in the network's
 * standard indexing (exactly, value by value).
 */
public final class NetworkParameters {
    private final DenseNetwork network;
    final double[][] weights;
    final double[][] biases;

    private NetworkParameters(DenseNetwork network) {
        this.network = network;
        int layers = network.layers();
        weights = new double[layers][];
        biases = new double[layers][];
        for (int m = 0; m < layers; m++) {
            weights[m] = new double[network.width(m) * network.width(m + 1)];
            biases[m] = new double[network.width(m + 1)];
        }
    }

    /** All parameters zero. */
    public static NetworkParameters zeros(DenseNetwork network) {
        return new NetworkParameters(network);
    }

    /**
     * He-normal initialisation (He et al. 2015): {@code W_ij ~ N(0, 2/n_m)} (fan-in {@code n_m}), biases 0; layer m
     * draws its {@code n_m n_(m+1)} Gaussians in storage order from {@code streams.split(m)} (masked-out entries are
     * drawn, then set to 0).
     */
    public static NetworkParameters heNormal(DenseNetwork network, RandomStreams streams) {
        NetworkParameters p = new NetworkParameters(network);
        for (int m = 0; m < network.layers(); m++) {
            ZigguratSampler.NormalizedGaussian g = streams.split(m).gaussian();
            double sd = Math.sqrt(2.0 / network.width(m));
            double[] w = p.weights[m];
            for (int i = 0; i < w.length; i++) {
                w[i] = sd * g.sample();
            }
        }
        p.applyMasks();
        return p;
    }

    /** The parameters whose flat vector (standard indexing) is {@code w}. Not modified: w. */
    public static NetworkParameters fromVector(DenseNetwork network, double[] w) {
        NetworkParameters p = new NetworkParameters(network);
        p.setFromVector(w);
        return p;
    }

    /** Sets every parameter from the flat vector {@code w} (standard indexing). Not modified: w. */
    public void setFromVector(double[] w) {
        network.checkVector(w);
        int k = 0;
        for (int m = 0; m < network.layers(); m++) {
            int in = network.width(m);
            int out = network.width(m + 1);
            for (int i = 0; i < out; i++) {
                if (network.hasBias(m)) {
                    biases[m][i] = w[k++];
                }
                for (int j = 0; j < in; j++) {
                    if (network.connected(m, i, j)) {
                        weights[m][j * out + i] = w[k++];
                    }
                }
            }
        }
    }

    /** The flat vector in the network's standard indexing (a copy). */
    public double[] toVector() {
        double[] w = new double[network.parameterCount()];
        int k = 0;
        for (int m = 0; m < network.layers(); m++) {
            int in = network.width(m);
            int out = network.width(m + 1);
            for (int i = 0; i < out; i++) {
                if (network.hasBias(m)) {
                    w[k++] = biases[m][i];
                }
                for (int j = 0; j < in; j++) {
                    if (network.connected(m, i, j)) {
                        w[k++] = weights[m][j * out + i];
                    }
                }
            }
        }
        return w;
    }

    private void applyMasks() {
        for (int m = 0; m < network.layers(); m++) {
            int in = network.width(m);
            int out = network.width(m + 1);
            if (network.isMasked(m)) {
                for (int i = 0; i < out; i++) {
                    for (int j = 0; j < in; j++) {
                        if (!network.connected(m, i, j)) {
                            weights[m][j * out + i] = 0;
                        }
                    }
                }
            }
        }
    }

    /** The network these parameters belong to. */
    public DenseNetwork network() {
        return network;
    }

    /** Number of weight layers. */
    public int layers() {
        return weights.length;
    }

    /** Weights of layer m, row-major {@code n_m x n_(m+1)}: the live array. */
    public double[] weights(int m) {
        return weights[m];
    }

    /** Biases of layer m (length {@code n_(m+1)}; zeros for a layer without biases): the live array. */
    public double[] biases(int m) {
        return biases[m];
    }

    /** Number of free parameters ({@link DenseNetwork#parameterCount()}). */
    public long parameterCount() {
        return network.parameterCount();
    }

    /** A deep copy. */
    public NetworkParameters copy() {
        NetworkParameters c = new NetworkParameters(network);
        for (int m = 0; m < weights.length; m++) {
            System.arraycopy(weights[m], 0, c.weights[m], 0, weights[m].length);
            System.arraycopy(biases[m], 0, c.biases[m], 0, biases[m].length);
        }
        return c;
    }
}
