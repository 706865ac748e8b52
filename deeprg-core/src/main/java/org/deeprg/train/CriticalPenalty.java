package org.deeprg.train;

import org.deeprg.numerics.Blas;

/**
 * The critical regulariser of Eq. 33 (arXiv:1705.11023) for a dense layer, evaluated with BLAS products: the
 * same penalty and gradient as {@link org.deeprg.critical.CriticalRegulariser} (tested equal), in the trainer's
 * layout.
 *
 * <p>A dense layer {@code W} ({@code in x out}, row-major) connects to the {@code out} units of the layer it
 * feeds. Those units are the fully connected system of Eq. 32: \( v = W^T \) ({@code out x in}),
 * \( w = v v^T = W^T W \) ({@code out x out}), \( N = \) {@code out}. With \( a = \beta/N \), \( b = 2\beta^2/N^2 \):
 * <pre>
 *   M = diag(a w_ii + 1) + b w w ,   P = sum_ij M_ij^2 ,
 *   G = dP/dw = 2a diag(M_ii) + 2b (M w + w M) ,   dP/dv = 2 G v ,   dP/dW = (dP/dv)^T = 2 W G
 * </pre>
 * (G is symmetric; derivation in {@link org.deeprg.critical.CriticalRegulariser}). Cost:
 * \( 1.5 N^2 \cdot in + 1.5 N^3 \) multiply-adds: w and ww by {@code dsyrk} (symmetric results, half the work), Mw and
 * WG by {@code dgemm}.
 */
public final class CriticalPenalty {
    private double[] w = new double[0];
    private double[] m = new double[0];
    private double[] k = new double[0];

    /** Work memory for layers of up to {@code out} units, grown on demand; not thread-safe. */
    public CriticalPenalty() {
    }

    private void ensure(int out) {
        int nn = out * out;
        if (w.length < nn) {
            w = new double[nn];
            m = new double[nn];
            k = new double[nn];
        }
    }

    /**
     * Penalty \( P \) of a layer and, if {@code grad != null}, {@code grad += lambda * dP/dW}.
     *
     * @param weights row-major {@code in x out}. Not modified.
     * @param grad    {@code in x out} gradient accumulator or null. Modified.
     * @return \( P \) (not multiplied by lambda)
     */
    public double penalty(double[] weights, int in, int out, double beta, double lambda, double[] grad) {
        ensure(out);
        int n = out;
        double a = beta / n;
        double b = 2.0 * beta * beta / ((double) n * n);
        // w = W^T W (symmetric rank-k update: half the work of a general product)
        Blas.symmetricRankK(n, in, 1.0, weights, 0.0, w);
        // M = b w w + diag(a w_ii + 1); w w = w^T w since w is symmetric
        Blas.symmetricRankK(n, n, b, w, 0.0, m);
        for (int i = 0; i < n; i++) {
            m[i * n + i] += a * w[i * n + i] + 1.0;
        }
        double p = 0;
        for (int i = 0; i < n * n; i++) {
            p += m[i] * m[i];
        }
        if (grad == null) {
            return p;
        }
        // K = M w ; G = 2b (K + K^T) + 2a diag(M_ii), stored in k (symmetrised in place)
        Blas.gemm(false, false, n, n, n, 1.0, m, w, 0.0, k);
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double s = 2 * b * (k[i * n + j] + k[j * n + i]);
                k[i * n + j] = s;
                k[j * n + i] = s;
            }
            k[i * n + i] += 2 * a * m[i * n + i];
        }
        // grad += lambda * 2 W G
        Blas.gemm(false, false, in, n, n, 2.0 * lambda, weights, k, 1.0, grad);
        return p;
    }
}
