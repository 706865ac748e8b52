package org.deeprg.net;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.deeprg.InvalidInputException;

/**
 * The one activation type of deeprg, shared by all four systems: the dynamic-neuron Hamiltonian (Heaviside,
 * sigmoid, tanh, ReLU, linear), the synaptic-field-theory cost expansion (polynomials of any degree, tanh, sigmoid,
 * with derivatives to any order), the NN-QFT ensembles (Gauss-net, erf, ReLU, tanh, GeLU and their Gaussian kernels)
 * and training (ReLU, ELU, on arrays).
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>{@link #value(double)} is {@code sigma(z)}; {@link #derivatives(double, int)} gives
 *       {@code sigma^(k)(z)} for {@code k = 0..order} (exact closed forms, tested against finite differences).</li>
 *   <li>Kinks: ReLU's derivative at 0 is 0, ELU's is 1 (the right derivative, 0 + 1); derivatives of order &gt;= 2 at a
 *       kink are the one-sided ones of the left piece. Heaviside has no derivative: {@link #isDifferentiable()} is
 *       false and asking for one is an {@link InvalidInputException} naming the activation (gradient-based methods must
 *       refuse it before computing).</li>
 *   <li>{@link Gauss} is the bare exponential {@code exp(z)}; the NN-QFT "Gauss-net" of Erbin, Lahoche, Samary (2022,
 *       Eq. 3) normalises it per input point by {@code exp(-Var z(x))}, which depends on the point and is applied by
 *       the ensemble code, not here.</li>
 *   <li>{@link #parse(String, String)} reads the command-line names ({@link #NAMES}) and {@code poly:c0,c1,...}
 *       (coefficients of increasing powers); an unknown name is an {@link InvalidInputException} listing what is
 *       allowed. A system that supports only some activations parses with {@link #parse(String, String, Collection)}.</li>
 * </ul>
 * Implementations are immutable records, so equal activations are equal objects.
 *
 * <h2>Serialisation</h2>
 * An activation is {@link Serializable} (specs that carry one travel as distributed tasks, {@code RunContext.map})
 * and is written to JSON as its command-line name ({@link #name()}: {@code "tanh"}, {@code "poly:0.5,1.0"}), read
 * back by {@link #fromName(String)}. Both round-trip exactly: every name that {@link #name()} writes parses to an
 * equal activation ({@code ActivationTest}).
 */
public sealed interface Activation extends Serializable permits Activation.Heaviside, Activation.Sigmoid, Activation.Tanh, Activation.Relu,
        Activation.Elu, Activation.Erf, Activation.Gelu, Activation.Gauss, Activation.Polynomial {

    /** Heaviside step (dynamic neurons, Eq. 16 of Lee, Lee, Yi 2024): 1 for {@code z >= 0}. */
    Activation HEAVISIDE = new Heaviside();
    /** Logistic sigmoid {@code 1 / (1 + e^-z)}. */
    Activation SIGMOID = new Sigmoid();
    /** Hyperbolic tangent. */
    Activation TANH = new Tanh();
    /** Rectified linear unit {@code max(z, 0)}. */
    Activation RELU = new Relu();
    /** Exponential linear unit {@code z} for {@code z > 0}, {@code e^z - 1} otherwise. */
    Activation ELU = new Elu();
    /** Error function. */
    Activation ERF = new Erf();
    /** Gaussian error linear unit {@code z Phi(z)}. */
    Activation GELU = new Gelu();
    /** Bare exponential {@code e^z} (the NN-QFT Gauss-net before its per-point normalisation). */
    Activation GAUSS = new Gauss();
    /** The identity {@code sigma(z) = z}. */
    Activation LINEAR = new Polynomial(new double[] {0, 1});

    /** The command-line names accepted by {@link #parse(String, String)} besides {@code poly:c0,c1,...}. */
    List<String> NAMES = List.of("heaviside", "sigmoid", "tanh", "relu", "elu", "erf", "gelu", "gauss", "linear");

    /**
     * The name as the command line writes it ({@code "tanh"}, {@code "poly:0.5,1.0"}); also its JSON form, and
     * {@link #parse(String, String)} reads it back to an equal activation.
     */
    @JsonValue
    String name();

    /** {@code sigma(z)}. */
    double value(double z);

    /**
     * {@code d[k] = sigma^(k)(z)} for {@code k = 0..order}.
     *
     * @throws InvalidInputException for {@code order >= 1} of an activation without a derivative (Heaviside)
     */
    double[] derivatives(double z, int order);

    /** {@code sigma'(z)}. */
    default double derivative(double z) {
        return derivatives(z, 1)[1];
    }

    /** Whether gradient-based methods (Langevin, back-propagation, Taylor expansion) can use it. */
    default boolean isDifferentiable() {
        return true;
    }

    /** The degree if {@code sigma} is a polynomial, else -1. */
    default int polynomialDegree() {
        return -1;
    }

    /**
     * Whether the Gaussian pair moment {@code E[sigma(u) sigma(v)]} of a centred Gaussian pair has a closed form
     * (Gauss-net, erf: Williams 1998, ReLU: the arc-cosine kernel of Cho and Saul 2009, polynomials); the others need
     * quadrature.
     */
    default boolean hasClosedFormKernel() {
        return false;
    }

    /**
     * Whether {@code sigma'(z)} can be written as a function of {@code a = sigma(z)} alone
     * ({@link #derivativeFromValue(double)}), so back-propagation can keep only the activations.
     */
    default boolean hasDerivativeFromValue() {
        return false;
    }

    /**
     * {@code sigma'(z)} written with {@code a = sigma(z)} (sigmoid {@code a(1-a)}, tanh {@code 1-a^2}, ReLU
     * {@code [a > 0]}, ELU {@code a > 0 ? 1 : a + 1}, exp {@code a}, linear {@code 1}).
     *
     * @throws UnsupportedOperationException when {@link #hasDerivativeFromValue()} is false
     */
    default double derivativeFromValue(double a) {
        throw new UnsupportedOperationException(name() + ": sigma' is not a function of sigma; keep the pre-activations");
    }

    /**
     * {@code sigma'(z)} when {@code value = sigma(z)} is already known (back-propagation and Hessian-vector products
     * keep both): written with the value where that is cheaper (tanh {@code 1 - a^2}, sigmoid {@code a(1 - a)}),
     * otherwise from {@code z}. Equal to {@link #derivative(double)} up to rounding.
     */
    default double derivative(double z, double value) {
        return hasDerivativeFromValue() ? derivativeFromValue(value) : derivative(z);
    }

    /**
     * {@code sigma''(z)} when {@code value = sigma(z)} is already known (the R-operator of exact Hessian-vector
     * products needs it): tanh {@code -2a(1 - a^2)}, sigmoid {@code a(1 - a)(1 - 2a)}, polynomials by Horner's rule in
     * {@code z}; the others from {@link #derivatives(double, int)}.
     */
    default double secondDerivative(double z, double value) {
        return derivatives(z, 2)[2];
    }

    /** {@code out[i] = sigma(z[i])} for {@code i < n} ({@code out} may alias {@code z}). */
    default void apply(double[] z, double[] out, int n) {
        for (int i = 0; i < n; i++) {
            out[i] = value(z[i]);
        }
    }

    /**
     * Back-propagation through the activation: {@code grad[i] *= sigma'(z_i)}, with the derivative written from the
     * activation values {@code a[i] = sigma(z_i)} ({@link #derivativeFromValue(double)}).
     */
    default void backwardFromValues(double[] a, double[] grad, int n) {
        for (int i = 0; i < n; i++) {
            grad[i] *= derivativeFromValue(a[i]);
        }
    }

    /**
     * The activation named {@code name} (its JSON form, {@link #name()}; case-insensitive, so the upper-case names
     * that training checkpoints wrote before the activation types were unified, e.g. {@code "RELU"}, read too).
     *
     * @throws InvalidInputException for an unknown name
     */
    @JsonCreator
    static Activation fromName(String name) {
        return parse("activation", name);
    }

    /** Parses a command-line name or {@code poly:c0,c1,...}; an unknown name lists what is allowed. */
    static Activation parse(String parameter, String text) {
        return parse(parameter, text, null);
    }

    /**
     * Parses a name that must be one of {@code allowed} (command-line names; {@code "poly"} admits every
     * {@code poly:...}); {@code allowed == null} admits all.
     */
    static Activation parse(String parameter, String text, Collection<String> allowed) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        String what = allowed == null ? "one of " + String.join(", ", NAMES) + " or poly:c0,c1,... (coefficients of z^0, z^1, ...)"
                : "one of " + String.join(", ", allowed).replace("poly", "poly:c0,c1,...");
        Activation a = switch (t) {
            case "heaviside" -> HEAVISIDE;
            case "sigmoid" -> SIGMOID;
            case "tanh" -> TANH;
            case "relu" -> RELU;
            case "elu" -> ELU;
            case "erf" -> ERF;
            case "gelu" -> GELU;
            case "gauss" -> GAUSS;
            case "linear", "identity" -> LINEAR;
            default -> null;
        };
        if (a == null && t.startsWith("poly:")) {
            String[] parts = t.substring(5).split(",", -1);
            if (parts.length > 64) {
                throw new InvalidInputException(parameter, text, "a polynomial of degree at most 63");
            }
            double[] c = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                try {
                    c[i] = Double.parseDouble(parts[i].trim());
                } catch (NumberFormatException e) {
                    throw new InvalidInputException(parameter, text, "poly:c0,c1,... with finite numbers");
                }
                InvalidInputException.requireFinite(parameter, c[i]);
            }
            a = new Polynomial(c);
        }
        if (a == null) {
            throw new InvalidInputException(parameter, text, what);
        }
        String key = a instanceof Polynomial p && !p.isLinear() ? "poly" : a.name();
        if (allowed != null && !allowed.contains(key) && !(LINEAR.equals(a) && allowed.contains("poly"))) {
            throw new InvalidInputException(parameter, text, what);
        }
        return a;
    }

    /** Heaviside step: {@code 1} for {@code z >= 0} (so {@code sigma(0) = 1}), {@code 0} otherwise; no derivative. */
    record Heaviside() implements Activation {
        @Override
        public String name() {
            return "heaviside";
        }

        @Override
        public double value(double z) {
            return z >= 0 ? 1.0 : 0.0;
        }

        @Override
        public double[] derivatives(double z, int order) {
            if (order >= 1) {
                throw new InvalidInputException("activation", "heaviside",
                        "an activation with a gradient (heaviside has none; use a gradient-free method such as Metropolis)");
            }
            return new double[] {value(z)};
        }

        @Override
        public boolean isDifferentiable() {
            return false;
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** Logistic sigmoid {@code s = 1/(1+e^-z)}; {@code ds/dz = s - s^2}, higher orders by the polynomial recursion in s. */
    record Sigmoid() implements Activation {
        @Override
        public String name() {
            return "sigmoid";
        }

        @Override
        public double value(double z) {
            return 1.0 / (1.0 + Math.exp(-z));
        }

        @Override
        public double derivative(double z) {
            double s = value(z);
            return s * (1 - s);
        }

        @Override
        public double[] derivatives(double z, int order) {
            return Chain.derivatives(value(z), order, new double[] {0, 1, -1});
        }

        @Override
        public boolean hasDerivativeFromValue() {
            return true;
        }

        @Override
        public double derivativeFromValue(double a) {
            return a * (1 - a);
        }

        @Override
        public double derivative(double z, double value) {
            return value * (1 - value);
        }

        @Override
        public double secondDerivative(double z, double value) {
            return value * (1 - value) * (1 - 2 * value);
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** tanh; derivatives from the polynomial recursion in {@code t = tanh z}: {@code d/dz P(t) = P'(t)(1 - t^2)}. */
    record Tanh() implements Activation {
        @Override
        public String name() {
            return "tanh";
        }

        @Override
        public double value(double z) {
            return Math.tanh(z);
        }

        @Override
        public double derivative(double z) {
            double t = Math.tanh(z);
            return 1 - t * t;
        }

        @Override
        public double[] derivatives(double z, int order) {
            return Chain.derivatives(Math.tanh(z), order, new double[] {1, 0, -1});
        }

        @Override
        public boolean hasDerivativeFromValue() {
            return true;
        }

        @Override
        public double derivativeFromValue(double a) {
            return 1 - a * a;
        }

        @Override
        public double derivative(double z, double value) {
            return 1 - value * value;
        }

        @Override
        public double secondDerivative(double z, double value) {
            return -2 * value * (1 - value * value);
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** {@code max(z, 0)}; derivative {@code [z > 0]} (0 at the kink), higher derivatives 0. */
    record Relu() implements Activation {
        @Override
        public String name() {
            return "relu";
        }

        @Override
        public double value(double z) {
            return z > 0 ? z : 0.0;
        }

        @Override
        public double derivative(double z) {
            return z > 0 ? 1.0 : 0.0;
        }

        @Override
        public double[] derivatives(double z, int order) {
            double[] d = new double[order + 1];
            d[0] = value(z);
            if (order >= 1) {
                d[1] = derivative(z);
            }
            return d;
        }

        @Override
        public boolean hasClosedFormKernel() {
            return true;
        }

        @Override
        public boolean hasDerivativeFromValue() {
            return true;
        }

        @Override
        public double derivativeFromValue(double a) {
            return a > 0 ? 1.0 : 0.0;
        }

        @Override
        public void apply(double[] z, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Math.max(z[i], 0.0);
            }
        }

        @Override
        public void backwardFromValues(double[] a, double[] grad, int n) {
            for (int i = 0; i < n; i++) {
                if (a[i] <= 0) {
                    grad[i] = 0;
                }
            }
        }

        @Override
        public double secondDerivative(double z, double value) {
            return 0.0;
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /** ELU with alpha = 1: {@code z} for {@code z > 0}, {@code e^z - 1} otherwise; derivative {@code a + 1} below 0. */
    record Elu() implements Activation {
        @Override
        public String name() {
            return "elu";
        }

        @Override
        public double value(double z) {
            return z > 0 ? z : Math.expm1(z);
        }

        @Override
        public double derivative(double z) {
            return z > 0 ? 1.0 : Math.exp(z);
        }

        @Override
        public double[] derivatives(double z, int order) {
            double[] d = new double[order + 1];
            d[0] = value(z);
            if (z > 0) {
                if (order >= 1) {
                    d[1] = 1;
                }
            } else {
                double e = Math.exp(z);
                for (int k = 1; k <= order; k++) {
                    d[k] = e;
                }
            }
            return d;
        }

        @Override
        public boolean hasDerivativeFromValue() {
            return true;
        }

        @Override
        public double derivativeFromValue(double a) {
            return a > 0 ? 1.0 : a + 1;
        }

        @Override
        public void apply(double[] z, double[] out, int n) {
            for (int i = 0; i < n; i++) {
                double v = z[i];
                out[i] = v > 0 ? v : Math.expm1(v);
            }
        }

        @Override
        public void backwardFromValues(double[] a, double[] grad, int n) {
            for (int i = 0; i < n; i++) {
                double v = a[i];
                if (v <= 0) {
                    grad[i] *= v + 1;
                }
            }
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /**
     * The error function; {@code d^k/dz^k erf(z) = (-1)^(k-1) (2/sqrt(pi)) H_(k-1)(z) e^(-z^2)} for {@code k >= 1}
     * with the physicists' Hermite polynomials {@code H_0 = 1, H_1 = 2z, H_(n+1) = 2z H_n - 2n H_(n-1)}.
     */
    record Erf() implements Activation {
        @Override
        public String name() {
            return "erf";
        }

        @Override
        public double value(double z) {
            return org.hipparchus.special.Erf.erf(z);
        }

        @Override
        public double derivative(double z) {
            return 2.0 / Math.sqrt(Math.PI) * Math.exp(-z * z);
        }

        @Override
        public double[] derivatives(double z, int order) {
            double[] d = new double[order + 1];
            d[0] = value(z);
            double g = 2.0 / Math.sqrt(Math.PI) * Math.exp(-z * z);
            double hPrev = 0;
            double h = 1; // H_0
            for (int k = 1; k <= order; k++) {
                int n = k - 1; // H_n
                d[k] = ((n & 1) == 0 ? 1 : -1) * g * h;
                double next = 2 * z * h - 2 * n * hPrev;
                hPrev = h;
                h = next;
            }
            return d;
        }

        @Override
        public boolean hasClosedFormKernel() {
            return true;
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /**
     * GeLU {@code z Phi(z)} with the standard normal CDF {@code Phi}: {@code d^k/dz^k [z Phi] = z Phi^(k) + k Phi^(k-1)},
     * {@code Phi^(m) = (-1)^(m-1) He_(m-1)(z) phi(z)} with the probabilists' Hermite polynomials
     * {@code He_0 = 1, He_1 = z, He_(n+1) = z He_n - n He_(n-1)}.
     */
    record Gelu() implements Activation {
        @Override
        public String name() {
            return "gelu";
        }

        @Override
        public double value(double z) {
            return 0.5 * z * org.hipparchus.special.Erf.erfc(-z / Math.sqrt(2.0));
        }

        @Override
        public double[] derivatives(double z, int order) {
            // phiDer[m] = Phi^(m)(z), m = 0..order
            double[] phiDer = new double[order + 1];
            phiDer[0] = 0.5 * org.hipparchus.special.Erf.erfc(-z / Math.sqrt(2.0));
            double phi = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
            double hePrev = 0;
            double he = 1;
            for (int m = 1; m <= order; m++) {
                int n = m - 1;
                phiDer[m] = ((n & 1) == 0 ? 1 : -1) * he * phi;
                double next = z * he - n * hePrev;
                hePrev = he;
                he = next;
            }
            double[] d = new double[order + 1];
            d[0] = z * phiDer[0];
            for (int k = 1; k <= order; k++) {
                d[k] = z * phiDer[k] + k * phiDer[k - 1];
            }
            return d;
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /**
     * The bare exponential {@code e^z}, every derivative {@code e^z}. The NN-QFT Gauss-net (Eq. 3 of Erbin, Lahoche,
     * Samary 2022) is {@code exp(z - Var z(x))}: the ensemble code applies the per-point factor.
     */
    record Gauss() implements Activation {
        @Override
        public String name() {
            return "gauss";
        }

        @Override
        public double value(double z) {
            return Math.exp(z);
        }

        @Override
        public double derivative(double z) {
            return Math.exp(z);
        }

        @Override
        public double[] derivatives(double z, int order) {
            double[] d = new double[order + 1];
            Arrays.fill(d, Math.exp(z));
            return d;
        }

        @Override
        public boolean hasClosedFormKernel() {
            return true;
        }

        @Override
        public boolean hasDerivativeFromValue() {
            return true;
        }

        @Override
        public double derivativeFromValue(double a) {
            return a;
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /**
     * {@code sigma(z) = sum_k coefficients[k] z^k} (Example 1 of the synaptic field theory: {@code p z + q}, Example 2:
     * {@code p z^2 + q z + r}); the cost is then an exact polynomial in the weights.
     */
    record Polynomial(double[] coefficients) implements Activation {
        public Polynomial {
            if (coefficients.length == 0) {
                throw new IllegalArgumentException("a polynomial activation needs at least one coefficient");
            }
            coefficients = coefficients.clone();
        }

        /** {@code sigma(z) = p z + q}. */
        public static Polynomial linear(double p, double q) {
            return new Polynomial(new double[] {q, p});
        }

        /** {@code sigma(z) = p z^2 + q z + r}. */
        public static Polynomial quadratic(double p, double q, double r) {
            return new Polynomial(new double[] {r, q, p});
        }

        /** Whether this is the identity {@code z}. */
        public boolean isLinear() {
            return coefficients.length == 2 && coefficients[0] == 0 && coefficients[1] == 1;
        }

        @Override
        public double[] coefficients() {
            return coefficients.clone();
        }

        @Override
        public String name() {
            if (isLinear()) {
                return "linear";
            }
            StringBuilder b = new StringBuilder("poly:");
            for (int i = 0; i < coefficients.length; i++) {
                b.append(i == 0 ? "" : ",").append(coefficients[i]);
            }
            return b.toString();
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
                double[] dc = new double[Math.max(1, c.length - 1)];
                for (int i = 1; i < c.length; i++) {
                    dc[i - 1] = i * c[i];
                }
                c = c.length > 1 ? dc : new double[] {0};
            }
            return d;
        }

        /** The degree as written: {@code coefficients.length - 1} (trailing zero coefficients count). */
        @Override
        public int polynomialDegree() {
            return coefficients.length - 1;
        }

        @Override
        public boolean hasClosedFormKernel() {
            return true;
        }

        @Override
        public boolean hasDerivativeFromValue() {
            return polynomialDegree() <= 1;
        }

        @Override
        public double derivativeFromValue(double a) {
            if (polynomialDegree() > 1) {
                return Activation.super.derivativeFromValue(a);
            }
            return coefficients.length > 1 ? coefficients[1] : 0.0;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Polynomial p && Arrays.equals(coefficients, p.coefficients);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(coefficients);
        }

        /** {@code sigma'(z)} by Horner's rule on {@code k c_k} (no allocation). */
        @Override
        public double derivative(double z, double value) {
            double s = 0;
            for (int k = coefficients.length - 1; k >= 1; k--) {
                s = s * z + k * coefficients[k];
            }
            return s;
        }

        /** {@code sigma''(z)} by Horner's rule on {@code k (k-1) c_k} (no allocation). */
        @Override
        public double secondDerivative(double z, double value) {
            double s = 0;
            for (int k = coefficients.length - 1; k >= 2; k--) {
                s = s * z + k * (k - 1) * coefficients[k];
            }
            return s;
        }

        @Override
        public String toString() {
            return name();
        }
    }

    /**
     * Derivatives of {@code s(z)} where {@code ds/dz = g(s)} with {@code g} a polynomial: the k-th derivative is a
     * polynomial {@code P_k(s)} with {@code P_0 = s}, {@code P_(k+1) = P_k'(s) g(s)}.
     */
    final class Chain {
        private Chain() {
        }

        static double[] derivatives(double s, int order, double[] g) {
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

    /** All the named activations (for tests and help texts). */
    static List<Activation> named() {
        List<Activation> out = new ArrayList<>();
        for (String n : NAMES) {
            out.add(parse("activation", n));
        }
        return out;
    }
}
