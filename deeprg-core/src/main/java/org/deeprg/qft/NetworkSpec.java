package org.deeprg.qft;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import org.deeprg.InvalidInputException;
import org.deeprg.net.Activation;

/**
 * A fully connected network architecture with Gaussian parameters (Eq. 1 of Erbin, Lahoche, Samary 2022):
 * {@code f(x) = W_L g(... g(W_0 x + b_0) ...) + b_L}, output dimension 1,
 * {@code W_0 ~ N(0, sigmaW^2 / dIn)}, hidden weights {@code W_l ~ N(0, sigmaW^2 / width)}, biases {@code N(0, sigmaB^2)}.
 *
 * <p>The activation is the shared {@link Activation}; for {@link Activation#GAUSS} (the bare exponential) the
 * NN-QFT code applies the Gauss-net normalisation of Eq. 3 per input point, {@code g(z; x) = exp(z - Var z(x))} with
 * {@code Var z(x) = sigmaB^2 + sigmaW^2 |x|^2 / dIn} ({@link #gaussNetShift(double[])}), which is why the Gauss-net is
 * defined for the first hidden layer only.
 *
 * <p>Serialisable (a task of a distributed ensemble carries it): the activation travels as its command-line name.
 *
 * @param dIn        input dimension {@code d_in >= 1}
 * @param width      hidden width {@code N >= 1} (every hidden layer)
 * @param depth      number of hidden layers ({@code >= 1}; the paper uses 1)
 * @param activation the activation, one of {@link #ACTIVATIONS} (Gauss-net only with depth 1)
 * @param sigmaW     weight scale {@code sigma_W >= 0}
 * @param sigmaB     bias scale {@code sigma_b >= 0}
 */
public record NetworkSpec(int dIn, int width, int depth, @JsonSerialize(using = ToStringSerializer.class) Activation activation,
                          double sigmaW, double sigmaB) implements Serializable {
    /** Largest width accepted (memory of one network's evaluation is O(width^2) for deep nets). */
    public static final int MAX_WIDTH = 1_000_000;
    /** Largest depth accepted. */
    public static final int MAX_DEPTH = 16;
    /** Largest input dimension accepted. */
    public static final int MAX_D_IN = 1024;
    /**
     * The activations the NN-QFT code supports: Gauss-net (Eq. 3; closed-form kernel and product moments), erf and
     * ReLU (closed-form kernels), tanh and GeLU (kernels and moments by Gauss-Hermite quadrature).
     */
    public static final List<String> ACTIVATIONS = List.of("gauss", "erf", "relu", "tanh", "gelu");

    public NetworkSpec {
        InvalidInputException.requireInRange("dIn", dIn, 1, MAX_D_IN);
        InvalidInputException.requireInRange("width", width, 1, MAX_WIDTH);
        InvalidInputException.requireInRange("depth", depth, 1, MAX_DEPTH);
        if (activation == null || !ACTIVATIONS.contains(activation.name())) {
            throw new InvalidInputException("activation", activation == null ? null : activation.name(),
                    "must be one of " + String.join(", ", ACTIVATIONS)
                            + " (other activations have neither a kernel nor a quadrature rule here)");
        }
        InvalidInputException.requireNonNegative("sigmaW", sigmaW);
        InvalidInputException.requireNonNegative("sigmaB", sigmaB);
        if (depth > 1 && isGaussNet(activation)) {
            throw new InvalidInputException("depth", depth,
                    "must be 1 for the gauss activation (its normalisation, Eq. 3, is defined for the first layer only)");
        }
        if (depth > 1 && (long) width * width > 50_000_000L) {
            throw new InvalidInputException("width", width, "must be <= 7071 for deep networks (width^2 weights per layer)");
        }
    }

    /** A one-hidden-layer network in {@code d_in} dimensions (the paper's architecture). */
    public static NetworkSpec oneLayer(int dIn, int width, Activation activation, double sigmaW, double sigmaB) {
        return new NetworkSpec(dIn, width, 1, activation, sigmaW, sigmaB);
    }

    /** Parses an activation name for the NN-QFT code ({@link #ACTIVATIONS}); unknown names are bad input. */
    public static Activation activation(String name) {
        return Activation.parse("activation", name, ACTIVATIONS);
    }

    /** Whether {@code a} is the Gauss-net activation (the bare exponential, normalised per point by Eq. 3). */
    public static boolean isGaussNet(Activation a) {
        return a instanceof Activation.Gauss;
    }

    /** Whether this network is a Gauss-net (Eq. 3). */
    public boolean gaussNet() {
        return isGaussNet(activation);
    }

    /** A copy with another width. */
    public NetworkSpec withWidth(int w) {
        return new NetworkSpec(dIn, w, depth, activation, sigmaW, sigmaB);
    }

    /** A copy with another sigmaW. */
    public NetworkSpec withSigmaW(double s) {
        return new NetworkSpec(dIn, width, depth, activation, s, sigmaB);
    }

    /** A copy with another depth. */
    public NetworkSpec withDepth(int l) {
        return new NetworkSpec(dIn, width, l, activation, sigmaW, sigmaB);
    }

    /** First-layer pre-activation covariance {@code C(x, y) = sigmaB^2 + sigmaW^2 x.y / d_in}. */
    public double inputCovariance(double[] x, double[] y) {
        double dot = 0;
        for (int k = 0; k < dIn; k++) {
            dot += x[k] * y[k];
        }
        return sigmaB * sigmaB + sigmaW * sigmaW * dot / dIn;
    }

    /**
     * The Gauss-net normalisation of Eq. 3 at the point {@code x}, as an additive shift of the exponent:
     * {@code -Var z(x) = -(sigmaB^2 + sigmaW^2 |x|^2 / d_in)}, so that {@code g(z; x) = exp(z + shift)}; 0 for every
     * other (pointwise) activation.
     */
    public double gaussNetShift(double[] x) {
        if (!gaussNet()) {
            return 0.0;
        }
        double n2 = 0;
        for (double c : x) {
            n2 += c * c;
        }
        return -(sigmaB * sigmaB + sigmaW * sigmaW * n2 / dIn);
    }

    @Serial
    private Object writeReplace() {
        return new Proxy(dIn, width, depth, activation.name(), sigmaW, sigmaB);
    }

    @Serial
    private void readObject(ObjectInputStream in) throws java.io.InvalidObjectException {
        throw new java.io.InvalidObjectException("NetworkSpec is serialised through its proxy");
    }

    /** The serialised form: the activation by name (the shared activation type is not serialisable itself). */
    private record Proxy(int dIn, int width, int depth, String activation, double sigmaW, double sigmaB) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        @Serial
        private Object readResolve() {
            return new NetworkSpec(dIn, width, depth, NetworkSpec.activation(activation), sigmaW, sigmaB);
        }
    }
}
