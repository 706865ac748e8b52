package org.deeprg.dyn;

import java.util.Locale;
import org.deeprg.InvalidInputException;

/**
 * Activation functions sigma of the dynamic-neurons papers.
 *
 * <p>Heaviside follows Eq. (16) of Lee, Lee, Yi (2024): {@code sigma(z) = 1} for {@code z >= 0} (so
 * {@code sigma(0) = 1}), {@code 0} otherwise. It has no useful gradient; {@link #isDifferentiable()} is false.
 */
public enum Activation {
    HEAVISIDE, SIGMOID, TANH, RELU, LINEAR;

    /** sigma(z). */
    public double apply(double z) {
        return switch (this) {
            case HEAVISIDE -> z >= 0 ? 1.0 : 0.0;
            case SIGMOID -> 1.0 / (1.0 + Math.exp(-z));
            case TANH -> Math.tanh(z);
            case RELU -> z > 0 ? z : 0.0;
            case LINEAR -> z;
        };
    }

    /**
     * sigma'(z) (ReLU: 0 at z = 0).
     *
     * @throws InvalidInputException for Heaviside, which has no gradient (gradient-based methods must refuse it)
     */
    public double derivative(double z) {
        return switch (this) {
            case HEAVISIDE -> throw new InvalidInputException("activation", "heaviside",
                    "heaviside has no gradient; use a gradient-free method (Metropolis)");
            case SIGMOID -> {
                double s = 1.0 / (1.0 + Math.exp(-z));
                yield s * (1 - s);
            }
            case TANH -> {
                double t = Math.tanh(z);
                yield 1 - t * t;
            }
            case RELU -> z > 0 ? 1.0 : 0.0;
            case LINEAR -> 1.0;
        };
    }

    /** Whether gradient-based methods (Langevin, HMC) can use this activation. */
    public boolean isDifferentiable() {
        return this != HEAVISIDE;
    }

    /** Lower-case name as used on the command line. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a command-line name ("heaviside", "sigmoid", "tanh", "relu", "linear"). */
    public static Activation parse(String parameter, String text) {
        for (Activation a : values()) {
            if (a.cliName().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new InvalidInputException(parameter, text, "must be one of heaviside, sigmoid, tanh, relu, linear");
    }
}
