package org.deeprg.sft.net;

import java.util.Arrays;
import java.util.Locale;
import org.deeprg.InvalidInputException;

/**
 * An activation function with its derivatives to any order needed by the cost expansion (Eq. 11).
 * A {@link Polynomial} activation ({@code sigma(z) = sum_k c_k z^k}; Example 1: {@code p z + q}, Example 2:
 * {@code p z^2 + q z + r}) makes the cost an exact polynomial in the weights; {@link Tanh} and {@link Sigmoid} are
 * expanded by truncated Taylor arithmetic (automatic differentiation).
 */
public sealed interface Activation permits Activation.Polynomial, Activation.Tanh, Activation.Sigmoid {

    /** sigma(z). */
    double value(double z);

    /** {@code d[k] = sigma^(k)(z)} for {@code k = 0..order}. */
    double[] derivatives(double z, int order);

    /** Degree if polynomial, -1 otherwise. */
    int polynomialDegree();

    /** Name as the CLI writes it. */
    String describe();

    /** The identity {@code sigma(z) = z}. */
    static Activation identity() {
        return new Polynomial(new double[] {0, 1});
    }

    /** {@code sigma(z) = p z + q} (Example 1). */
    static Activation linear(double p, double q) {
        return new Polynomial(new double[] {q, p});
    }

    /** {@code sigma(z) = p z^2 + q z + r} (Example 2). */
    static Activation quadratic(double p, double q, double r) {
        return new Polynomial(new double[] {r, q, p});
    }

    /**
     * Parses {@code tanh}, {@code sigmoid}, {@code identity}, {@code poly:c0,c1,c2,...} (coefficients of
     * increasing powers).
     */
    static Activation parse(String parameter, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "tanh":
                return new Tanh();
            case "sigmoid":
                return new Sigmoid();
            case "identity":
            case "linear":
                return identity();
            default:
                break;
        }
        if (t.startsWith("poly:")) {
            String[] parts = t.substring(5).split(",");
            double[] c = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                try {
                    c[i] = Double.parseDouble(parts[i].trim());
                } catch (NumberFormatException e) {
                    throw new InvalidInputException(parameter, text, "tanh, sigmoid, identity or poly:c0,c1,... with numbers");
                }
                InvalidInputException.requireFinite(parameter, c[i]);
            }
            return new Polynomial(c);
        }
        throw new InvalidInputException(parameter, text, "tanh, sigmoid, identity or poly:c0,c1,... (coefficients of z^0, z^1, ...)");
    }

    /** {@code sigma(z) = sum_k coefficients[k] z^k}. */
    record Polynomial(double[] coefficients) implements Activation {
        public Polynomial {
            coefficients = coefficients.clone();
            if (coefficients.length == 0) {
                throw new IllegalArgumentException("polynomial activation needs at least one coefficient");
            }
        }

        @Override
        public double value(double z) {
            double s = 0;
            for (int k = coefficients.length - 1; k >= 0; k--) {
                s = s * z + coefficients[k];
            }
            return s;
        }

        @Override
        public double[] derivatives(double z, int order) {
            double[] d = new double[order + 1];
            double[] c = coefficients.clone();
            for (int k = 0; k <= order; k++) {
                double s = 0;
                for (int i = c.length - 1; i >= 0; i--) {
                    s = s * z + c[i];
                }
                d[k] = s;
                // differentiate c
                double[] dc = new double[Math.max(1, c.length - 1)];
                for (int i = 1; i < c.length; i++) {
                    dc[i - 1] = i * c[i];
                }
                c = c.length > 1 ? dc : new double[] {0};
            }
            return d;
        }

        @Override
        public int polynomialDegree() {
            return coefficients.length - 1;
        }

        @Override
        public String describe() {
            StringBuilder b = new StringBuilder("poly:");
            for (int i = 0; i < coefficients.length; i++) {
                b.append(i == 0 ? "" : ",").append(coefficients[i]);
            }
            return b.toString();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Polynomial p && Arrays.equals(coefficients, p.coefficients);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(coefficients);
        }

        @Override
        public String toString() {
            return describe();
        }
    }

    /** tanh, derivatives from the polynomial recursion in {@code t = tanh z}: {@code d/dz P(t) = P'(t)(1 - t^2)}. */
    record Tanh() implements Activation {
        @Override
        public double value(double z) {
            return Math.tanh(z);
        }

        @Override
        public double[] derivatives(double z, int order) {
            return chain(Math.tanh(z), order, new double[] {1, 0, -1});
        }

        @Override
        public int polynomialDegree() {
            return -1;
        }

        @Override
        public String describe() {
            return "tanh";
        }
    }

    /** Logistic sigmoid {@code s = 1/(1+e^-z)}; {@code ds/dz = s - s^2}. */
    record Sigmoid() implements Activation {
        @Override
        public double value(double z) {
            return 1 / (1 + Math.exp(-z));
        }

        @Override
        public double[] derivatives(double z, int order) {
            return chain(value(z), order, new double[] {0, 1, -1});
        }

        @Override
        public int polynomialDegree() {
            return -1;
        }

        @Override
        public String describe() {
            return "sigmoid";
        }
    }

    /**
     * Derivatives of {@code s(z)} where {@code ds/dz = g(s)} with {@code g} a polynomial: the k-th derivative is a
     * polynomial {@code P_k(s)} with {@code P_0 = s}, {@code P_{k+1} = P_k'(s) g(s)}.
     */
    private static double[] chain(double s, int order, double[] g) {
        double[] d = new double[order + 1];
        double[] p = {0, 1};
        for (int k = 0; k <= order; k++) {
            double v = 0;
            for (int i = p.length - 1; i >= 0; i--) {
                v = v * s + p[i];
            }
            d[k] = v;
            double[] dp = new double[Math.max(1, p.length - 1)];
            for (int i = 1; i < p.length; i++) {
                dp[i - 1] = i * p[i];
            }
            double[] next = new double[dp.length + g.length - 1];
            for (int i = 0; i < dp.length; i++) {
                for (int j = 0; j < g.length; j++) {
                    next[i + j] += dp[i] * g[j];
                }
            }
            p = next;
        }
        return d;
    }
}
