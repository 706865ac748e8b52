package org.deeprg.qft;

import org.deeprg.net.Activation;

/**
 * Scalar evaluator of networks with several hidden layers (Eq. 1 iterated): per network the first layer (rows of
 * {@code W_0}, then {@code b_0}), each further layer ({@code W_l} row-major, then {@code b_l}), then the output layer
 * ({@code W_L}, then {@code b_L}), drawn in that order from the chunk's {@link NormalStream}. The activations of the
 * last hidden layer are kept ({@link #hidden()}) for the conditional estimator.
 */
final class DeepEvaluator {
    private final NetworkSpec spec;
    private final double[][] xs;
    private final double[] draws;
    private final double[][] h;
    private final double[][] z;

    DeepEvaluator(NetworkSpec spec, double[][] points) {
        this.spec = spec;
        this.xs = points;
        int n = spec.width();
        this.draws = new double[Math.max(n * n, n * spec.dIn()) + n];
        this.h = new double[points.length][n];
        this.z = new double[points.length][n];
    }

    /** The last hidden layer's activations {@code h[a][j]} of the network evaluated last. */
    double[][] hidden() {
        return h;
    }

    /** Draws and evaluates the hidden layers of one network into {@link #hidden()}. */
    void hiddenLayers(NormalStream gauss) {
        int n = spec.width();
        int d = spec.dIn();
        int m = xs.length;
        Activation act = spec.activation();
        double sw = spec.sigmaW();
        double sb = spec.sigmaB();
        // first layer: rows of W_0 (n x d), then b_0 (n)
        gauss.fill(draws, 0, n * d + n);
        double s0 = sw / Math.sqrt(d);
        for (int a = 0; a < m; a++) {
            for (int j = 0; j < n; j++) {
                double s = sb * draws[n * d + j];
                for (int c = 0; c < d; c++) {
                    s += s0 * draws[j * d + c] * xs[a][c];
                }
                h[a][j] = act.value(s);
            }
        }
        double sl = sw / Math.sqrt(n);
        for (int layer = 1; layer < spec.depth(); layer++) {
            gauss.fill(draws, 0, n * n + n);
            for (int a = 0; a < m; a++) {
                for (int i = 0; i < n; i++) {
                    double s = sb * draws[n * n + i];
                    for (int j = 0; j < n; j++) {
                        s += sl * draws[i * n + j] * h[a][j];
                    }
                    z[a][i] = s;
                }
                for (int i = 0; i < n; i++) {
                    h[a][i] = act.value(z[a][i]);
                }
            }
        }
    }

    /** Fills f[a][0..BATCH) with the outputs of {@code count} fresh networks (zeros beyond count). */
    void evaluate(NormalStream gauss, double[][] f, int count) {
        int n = spec.width();
        int m = xs.length;
        double sb = spec.sigmaB();
        double sl = spec.sigmaW() / Math.sqrt(n);
        for (int net = 0; net < NetworkSampler.BATCH; net++) {
            if (net >= count) {
                for (int a = 0; a < m; a++) {
                    f[a][net] = 0;
                }
                continue;
            }
            hiddenLayers(gauss);
            gauss.fill(draws, 0, n + 1);
            for (int a = 0; a < m; a++) {
                double s = sb * draws[n];
                for (int j = 0; j < n; j++) {
                    s += sl * draws[j] * h[a][j];
                }
                f[a][net] = s;
            }
        }
    }

    /**
     * For the conditional estimator: the hidden layers of {@code count} networks and, per network b and point pair
     * {@code p = (a <= c)}, {@code cov[p][b] = sum_j h_j(x_a) h_j(x_c)} (no readout weights are drawn).
     */
    void evaluateHidden(NormalStream gauss, double[][] cov, int count) {
        int n = spec.width();
        int m = xs.length;
        for (int net = 0; net < count; net++) {
            hiddenLayers(gauss);
            int p = 0;
            for (int a = 0; a < m; a++) {
                for (int c = a; c < m; c++) {
                    double acc = 0;
                    for (int j = 0; j < n; j++) {
                        acc = Math.fma(h[a][j], h[c][j], acc);
                    }
                    cov[p++][net] = acc;
                }
            }
        }
    }
}
