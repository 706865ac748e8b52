package org.deeprg.qft;

import org.deeprg.InvalidInputException;

/**
 * A fully connected network architecture with Gaussian parameters (Eq. 1):
 * {@code f(x) = W_L g(... g(W_0 x + b_0) ...) + b_L}, output dimension 1,
 * {@code W_0 ~ N(0, sigmaW^2 / dIn)}, hidden weights {@code W_l ~ N(0, sigmaW^2 / width)}, biases {@code N(0, sigmaB^2)}.
 *
 * @param dIn        input dimension {@code d_in >= 1}
 * @param width      hidden width {@code N >= 1} (every hidden layer)
 * @param depth      number of hidden layers ({@code >= 1}; the paper uses 1)
 * @param activation the activation (Gauss-net only with depth 1)
 * @param sigmaW     weight scale {@code sigma_W >= 0}
 * @param sigmaB     bias scale {@code sigma_b >= 0}
 */
public record NetworkSpec(int dIn, int width, int depth, Activation activation, double sigmaW, double sigmaB) {
    /** Largest width accepted (memory of one network's evaluation is O(width^2) for deep nets). */
    public static final int MAX_WIDTH = 1_000_000;
    /** Largest depth accepted. */
    public static final int MAX_DEPTH = 16;
    /** Largest input dimension accepted. */
    public static final int MAX_D_IN = 1024;

    public NetworkSpec {
        InvalidInputException.requireInRange("dIn", dIn, 1, MAX_D_IN);
        InvalidInputException.requireInRange("width", width, 1, MAX_WIDTH);
        InvalidInputException.requireInRange("depth", depth, 1, MAX_DEPTH);
        if (activation == null) {
            throw new InvalidInputException("activation", null, "must be one of gauss, erf, relu, tanh, gelu");
        }
        InvalidInputException.requireNonNegative("sigmaW", sigmaW);
        InvalidInputException.requireNonNegative("sigmaB", sigmaB);
        if (depth > 1 && activation == Activation.GAUSS) {
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

    /** A copy with another width. */
    public NetworkSpec withWidth(int w) {
        return new NetworkSpec(dIn, w, depth, activation, sigmaW, sigmaB);
    }

    /** A copy with another sigmaW. */
    public NetworkSpec withSigmaW(double s) {
        return new NetworkSpec(dIn, width, depth, activation, s, sigmaB);
    }

    /** First-layer pre-activation covariance {@code C(x, y) = sigmaB^2 + sigmaW^2 x.y / d_in}. */
    public double inputCovariance(double[] x, double[] y) {
        double dot = 0;
        for (int k = 0; k < dIn; k++) {
            dot += x[k] * y[k];
        }
        return sigmaB * sigmaB + sigmaW * sigmaW * dot / dIn;
    }
}
