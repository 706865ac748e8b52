package org.deeprg.dyn;

import java.io.Serializable;
import java.util.List;
import org.deeprg.InvalidInputException;
import org.deeprg.net.Activation;

/**
 * The architecture of a dynamic-neuron network (Lee, Lee, Yi 2024, Sec. II-III): width N, depth M, activation
 * sigma. Weight layers m = 0..M with W^(m) (N x N) and b^(m) (N); dynamic neurons h^(1..M) for each example;
 * input h^(0) = x; output sigma(W^(M) h^(M) + b^(M)) compared with the target y. Every layer has width N (input
 * and output included), as in the paper.
 *
 * <p>The activation is the shared {@link Activation}; the dynamic-neuron commands accept the five of the paper's
 * discussion ({@link #ACTIVATION_NAMES}: Heaviside, Eq. 16, with {@code sigma(0) = 1}; sigmoid, tanh, ReLU, linear).
 * The library accepts any activation (only the gradient samplers need {@link Activation#isDifferentiable()}).
 * Serialisable (for distributed tasks); JSON writes the activation as its name (both are {@link Activation}'s own).
 *
 * @param width      N >= 1
 * @param depth      M >= 1 (number of dynamic-neuron layers; there are M + 1 weight layers)
 * @param activation sigma
 */
public record DynNetwork(int width, int depth, Activation activation)
        implements Serializable {
    /** The activations of the dynamic-neuron commands, in this order. */
    public static final List<String> ACTIVATION_NAMES = List.of("heaviside", "sigmoid", "tanh", "relu", "linear");

    public DynNetwork {
        InvalidInputException.requireInRange("width", width, 1, Integer.MAX_VALUE);
        InvalidInputException.requireInRange("depth", depth, 1, Integer.MAX_VALUE);
        if (activation == null) {
            throw new InvalidInputException("activation", null, "one of " + String.join(", ", ACTIVATION_NAMES));
        }
    }

    /**
     * Parses a command-line activation name restricted to {@link #ACTIVATION_NAMES}; anything else is an
     * {@link InvalidInputException} naming {@code parameter} and listing the allowed names.
     */
    public static Activation parseActivation(String parameter, String text) {
        return Activation.parse(parameter, text, ACTIVATION_NAMES);
    }

    /** The activations of {@link #ACTIVATION_NAMES}, in that order. */
    public static List<Activation> activations() {
        return ACTIVATION_NAMES.stream().map(n -> parseActivation("activation", n)).toList();
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
