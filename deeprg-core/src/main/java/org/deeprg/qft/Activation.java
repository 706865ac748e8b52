package org.deeprg.qft;

import org.hipparchus.special.Erf;

/**
 * Activation functions {@code g} of the hidden layer (Eq. 1 of Erbin, Lahoche, Samary 2022).
 *
 * <p>{@link #GAUSS} is the normalised exponential of Eq. 3: {@code g(z; x) = exp(z) / sqrt(exp(2 (sigmaB^2 + sigmaW^2 |x|^2 / d_in)))},
 * i.e. {@code exp(z - Var z(x))} with {@code Var z(x) = sigmaB^2 + sigmaW^2 |x|^2 / d_in}; its normalisation depends on the
 * input point, so it is defined for the first hidden layer only. The others are pointwise:
 * {@code erf(z)}, {@code max(z, 0)}, {@code tanh(z)}, {@code GeLU(z) = z Phi(z)}.
 */
public enum Activation {
    /** Normalised exponential of Eq. 3 (translation-invariant kernel, Eq. 4). */
    GAUSS("gauss"),
    /** Error function (Williams 1998 kernel). */
    ERF("erf"),
    /** Rectified linear unit (arc-cosine kernel, Cho and Saul 2009). */
    RELU("relu"),
    /** Hyperbolic tangent (kernel by Gauss-Hermite quadrature). */
    TANH("tanh"),
    /** Gaussian error linear unit {@code z Phi(z)} (kernel by Gauss-Hermite quadrature). */
    GELU("gelu");

    private final String key;

    Activation(String key) {
        this.key = key;
    }

    /** The lower-case name used on the command line. */
    public String key() {
        return key;
    }

    /** Parses a CLI name (case-insensitive); null when unknown. */
    public static Activation parse(String s) {
        for (Activation a : values()) {
            if (a.key.equalsIgnoreCase(s)) {
                return a;
            }
        }
        return null;
    }

    /**
     * {@code g(z)} for the pointwise activations; for {@link #GAUSS} the value {@code exp(z - variance)} where
     * {@code variance = Var z(x) = sigmaB^2 + sigmaW^2 |x|^2 / d_in} is supplied by the caller (ignored by the others).
     */
    public double value(double z, double variance) {
        return switch (this) {
            case GAUSS -> Math.exp(z - variance);
            case ERF -> Erf.erf(z);
            case RELU -> z > 0 ? z : 0.0;
            case TANH -> Math.tanh(z);
            case GELU -> 0.5 * z * Erf.erfc(-z / Math.sqrt(2.0));
        };
    }

    /** Whether {@code E[g(u) g(v)]} has a closed form used by {@link Kernel}. */
    public boolean hasClosedFormKernel() {
        return this == GAUSS || this == ERF || this == RELU;
    }
}
