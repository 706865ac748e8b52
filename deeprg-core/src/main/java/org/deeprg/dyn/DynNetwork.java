package org.deeprg.dyn;

import org.deeprg.InvalidInputException;

/**
 * The architecture of a dynamic-neuron network (Lee, Lee, Yi 2024, Sec. II-III): width N, depth M, activation
 * sigma. Weight layers m = 0..M with W^(m) (N x N) and b^(m) (N); dynamic neurons h^(1..M) for each example;
 * input h^(0) = x; output sigma(W^(M) h^(M) + b^(M)) compared with the target y. Every layer has width N (input
 * and output included), as in the paper.
 *
 * @param width      N >= 1
 * @param depth      M >= 1 (number of dynamic-neuron layers; there are M + 1 weight layers)
 * @param activation sigma
 */
public record DynNetwork(int width, int depth, Activation activation) {
    public DynNetwork {
        InvalidInputException.requireInRange("width", width, 1, Integer.MAX_VALUE);
        InvalidInputException.requireInRange("depth", depth, 1, Integer.MAX_VALUE);
        if (activation == null) {
            throw new InvalidInputException("activation", null, "must be one of heaviside, sigmoid, tanh, relu, linear");
        }
    }

    /** Number of weight layers, M + 1. */
    public int weightLayers() {
        return depth + 1;
    }

    /** Number of weight and bias variables, (M + 1)(N^2 + N). */
    public long parameterCount() {
        return (long) (depth + 1) * ((long) width * width + width);
    }

    /** Number of neuron variables per example, M N. */
    public long neuronsPerExample() {
        return (long) depth * width;
    }
}
