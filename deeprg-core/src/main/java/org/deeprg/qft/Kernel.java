package org.deeprg.qft;

/**
 * The infinite-width (Gaussian-process) kernel {@code K(x, y) = G^(2)(x, y)} of a network (Sec. 2):
 * {@code C^1(x, y) = sigmaB^2 + sigmaW^2 x.y / d_in}, {@code C^{l+1} = sigmaB^2 + sigmaW^2 E_{C^l}[g(u) g(v)]},
 * {@code K = C^{depth+1}}. For one hidden layer and Gauss-net this is Eq. 4,
 * {@code K = sigmaB^2 + sigmaW^2 exp(-sigmaW^2 |x-y|^2 / (2 d_in))}. At one hidden layer the 2-point function is
 * exactly {@code K} at every width (the output bias and output weights are independent of the hidden layer).
 */
public final class Kernel {
    private Kernel() {
    }

    /** The kernel matrix {@code K(x_a, x_b)} over the points (rows of length d_in). */
    public static double[][] matrix(NetworkSpec spec, double[][] points) {
        int m = points.length;
        double[][] k = new double[m][m];
        double sb2 = spec.sigmaB() * spec.sigmaB();
        double sw2 = spec.sigmaW() * spec.sigmaW();
        if (spec.gaussNet()) {
            for (int a = 0; a < m; a++) {
                for (int b = 0; b < m; b++) {
                    double d2 = 0;
                    for (int c = 0; c < spec.dIn(); c++) {
                        double t = points[a][c] - points[b][c];
                        d2 += t * t;
                    }
                    k[a][b] = sb2 + sw2 * Math.exp(-sw2 * d2 / (2.0 * spec.dIn()));
                }
            }
            return k;
        }
        double[][] c = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                c[a][b] = spec.inputCovariance(points[a], points[b]);
            }
        }
        for (int layer = 0; layer < spec.depth(); layer++) {
            double[][] next = new double[m][m];
            for (int a = 0; a < m; a++) {
                for (int b = a; b < m; b++) {
                    double v = sb2 + sw2 * GaussianExpectations.pairMoment(spec.activation(), c[a][a], c[a][b], c[b][b]);
                    next[a][b] = v;
                    next[b][a] = v;
                }
            }
            c = next;
        }
        return c;
    }
}
