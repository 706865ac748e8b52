package org.deeprg.train;

/** Hidden-layer nonlinearity. */
public enum ActivationFunction {
    /** \( \max(0, z) \). */
    RELU,
    /** \( z \) for \( z > 0 \), \( e^z - 1 \) otherwise (alpha = 1). */
    ELU;

    /** Applies the function to {@code z[0..n)} into {@code out} (may alias z). */
    void apply(double[] z, double[] out, int n) {
        if (this == RELU) {
            for (int i = 0; i < n; i++) {
                out[i] = Math.max(z[i], 0.0);
            }
        } else {
            for (int i = 0; i < n; i++) {
                double v = z[i];
                out[i] = v > 0 ? v : Math.expm1(v);
            }
        }
    }

    /** {@code grad[i] *= f'(z_i)}, written with the activation {@code a = f(z)} ({@code f' = a + 1} for ELU below 0). */
    void backward(double[] activation, double[] grad, int n) {
        if (this == RELU) {
            for (int i = 0; i < n; i++) {
                if (activation[i] <= 0) {
                    grad[i] = 0;
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                double a = activation[i];
                if (a <= 0) {
                    grad[i] *= a + 1;
                }
            }
        }
    }

    /** Parses "relu" / "elu" (case-insensitive). */
    public static ActivationFunction parse(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "relu" -> RELU;
            case "elu" -> ELU;
            default -> throw new org.deeprg.InvalidInputException("activation", s, "must be relu or elu");
        };
    }
}
