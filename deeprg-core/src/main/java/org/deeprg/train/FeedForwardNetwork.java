package org.deeprg.train;

import java.util.Arrays;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.deeprg.InvalidInputException;
import org.deeprg.random.RandomStreams;

/**
 * A fully connected feed-forward network {@code sizes[0] -> sizes[1] -> ... -> sizes[L]}: hidden layers with a
 * {@link ActivationFunction}, a linear output layer (logits for softmax). Layer {@code l} (0-based) has weights
 * {@code weights[l]} ({@code sizes[l] x sizes[l+1]}, row-major) and biases {@code biases[l]}. Mutable parameter
 * holder; the arrays are exposed for the trainer and diagnostics.
 */
public final class FeedForwardNetwork {
    /** Largest number of parameters (8 bytes each, four copies with Adam: 3.2 GB). */
    public static final long MAX_PARAMETERS = 100_000_000L;

    private final int[] sizes;
    private final ActivationFunction activation;
    final double[][] weights;
    final double[][] biases;

    private FeedForwardNetwork(int[] sizes, ActivationFunction activation) {
        this.sizes = sizes.clone();
        this.activation = activation;
        int layers = sizes.length - 1;
        weights = new double[layers][];
        biases = new double[layers][];
        for (int l = 0; l < layers; l++) {
            weights[l] = new double[sizes[l] * sizes[l + 1]];
            biases[l] = new double[sizes[l + 1]];
        }
    }

    /**
     * He-normal initialisation: \( W_{ij} \sim N(0, 2/\mathrm{fan_{in}}) \), biases 0; layer {@code l} draws from
     * {@code streams.split(l)}.
     */
    public static FeedForwardNetwork initialise(int[] sizes, ActivationFunction activation, RandomStreams streams) {
        checkSizes(sizes);
        FeedForwardNetwork net = new FeedForwardNetwork(sizes, activation);
        for (int l = 0; l < net.weights.length; l++) {
            ZigguratSampler.NormalizedGaussian g = streams.split(l).gaussian();
            double sd = Math.sqrt(2.0 / sizes[l]);
            double[] w = net.weights[l];
            for (int i = 0; i < w.length; i++) {
                w[i] = sd * g.sample();
            }
        }
        return net;
    }

    /** A network with all parameters zero (to be filled, e.g. from a checkpoint). */
    static FeedForwardNetwork zeros(int[] sizes, ActivationFunction activation) {
        checkSizes(sizes);
        return new FeedForwardNetwork(sizes, activation);
    }

    static void checkSizes(int[] sizes) {
        if (sizes.length < 2) {
            throw new InvalidInputException("hidden", Arrays.toString(sizes), "a network needs an input and an output layer");
        }
        long params = 0;
        for (int l = 0; l < sizes.length; l++) {
            InvalidInputException.requireInRange("hidden", sizes[l], 1, 1_000_000);
            if (l > 0) {
                params += (long) sizes[l - 1] * sizes[l] + sizes[l];
            }
        }
        if (params > MAX_PARAMETERS) {
            throw new InvalidInputException("hidden", Arrays.toString(sizes), "the network would have " + params
                    + " parameters, at most " + MAX_PARAMETERS + " are allowed");
        }
    }

    /** Layer widths, input first. */
    public int[] sizes() {
        return sizes.clone();
    }

    /** Number of weight layers. */
    public int layers() {
        return weights.length;
    }

    public ActivationFunction activation() {
        return activation;
    }

    /** Weights of layer l (row-major {@code sizes[l] x sizes[l+1]}); the live array. */
    public double[] weights(int l) {
        return weights[l];
    }

    /** Biases of layer l; the live array. */
    public double[] biases(int l) {
        return biases[l];
    }

    /** Number of parameters. */
    public long parameterCount() {
        long p = 0;
        for (int l = 0; l < weights.length; l++) {
            p += weights[l].length + biases[l].length;
        }
        return p;
    }

    /** A deep copy. */
    public FeedForwardNetwork copy() {
        FeedForwardNetwork c = new FeedForwardNetwork(sizes, activation);
        for (int l = 0; l < weights.length; l++) {
            System.arraycopy(weights[l], 0, c.weights[l], 0, weights[l].length);
            System.arraycopy(biases[l], 0, c.biases[l], 0, biases[l].length);
        }
        return c;
    }

    /**
     * Forward pass of a batch: fills {@code acts[l+1]} ({@code batch x sizes[l+1]}) for every layer; the last entry
     * holds the logits. {@code acts[0]} is the input batch (not modified).
     */
    void forward(double[][] acts, int batch) {
        for (int l = 0; l < weights.length; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double[] z = acts[l + 1];
            double[] b = biases[l];
            for (int r = 0; r < batch; r++) {
                System.arraycopy(b, 0, z, r * out, out);
            }
            Blas.gemm(false, false, batch, out, in, 1.0, acts[l], weights[l], 1.0, z);
            if (l < weights.length - 1) {
                activation.apply(z, z, batch * out);
            }
        }
    }

    /** Work arrays for a forward pass of up to {@code batch} rows. */
    double[][] activationBuffers(int batch) {
        double[][] acts = new double[sizes.length][];
        for (int l = 0; l < sizes.length; l++) {
            acts[l] = new double[batch * sizes[l]];
        }
        return acts;
    }
}
