package org.deeprg.dyn;

import java.util.Arrays;
import org.deeprg.random.RandomStreams;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Weights and biases of a {@link DynNetwork}: {@code weights[m][i][j] = W^(m)_{ij}} and
 * {@code biases[m][i] = b^(m)_i} for m = 0..M. The arrays are owned by this object and mutable (samplers
 * update them in place); {@link #copy()} gives an independent copy.
 */
public final class DynParameters {
    private final double[][][] weights;
    private final double[][] biases;

    /** Wraps the arrays (not copied). Shapes: weights [M+1][N][N], biases [M+1][N]. */
    public DynParameters(double[][][] weights, double[][] biases) {
        if (weights.length != biases.length) {
            throw new IllegalArgumentException("weights have " + weights.length + " layers, biases " + biases.length);
        }
        this.weights = weights;
        this.biases = biases;
    }

    /** All zero parameters for {@code net}. */
    public static DynParameters zeros(DynNetwork net) {
        int n = net.width();
        return new DynParameters(new double[net.weightLayers()][n][n], new double[net.weightLayers()][n]);
    }

    /** Uniformly random parameters drawn from {@code alphabet}. */
    public static DynParameters random(DynNetwork net, Alphabet alphabet, RandomStreams streams) {
        UniformRandomProvider rng = streams.generator();
        DynParameters p = zeros(net);
        for (int m = 0; m < net.weightLayers(); m++) {
            for (int i = 0; i < net.width(); i++) {
                for (int j = 0; j < net.width(); j++) {
                    p.weights[m][i][j] = alphabet.value(rng.nextInt(alphabet.size()));
                }
                p.biases[m][i] = alphabet.value(rng.nextInt(alphabet.size()));
            }
        }
        return p;
    }

    /** W^(m) as [N][N] (live view). */
    public double[][] weights(int m) {
        return weights[m];
    }

    /** b^(m) (live view). */
    public double[] biases(int m) {
        return biases[m];
    }

    /** All weights [M+1][N][N] (live view). */
    public double[][][] weights() {
        return weights;
    }

    /** All biases [M+1][N] (live view). */
    public double[][] biases() {
        return biases;
    }

    /** A deep copy. */
    public DynParameters copy() {
        double[][][] w = new double[weights.length][][];
        double[][] b = new double[biases.length][];
        for (int m = 0; m < weights.length; m++) {
            w[m] = new double[weights[m].length][];
            for (int i = 0; i < weights[m].length; i++) {
                w[m][i] = weights[m][i].clone();
            }
            b[m] = biases[m].clone();
        }
        return new DynParameters(w, b);
    }

    @Override
    public String toString() {
        return "W=" + Arrays.deepToString(weights) + " b=" + Arrays.deepToString(biases);
    }
}
