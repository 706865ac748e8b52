package org.deeprg.critical;

import org.deeprg.InvalidInputException;

/**
 * The critical regulariser of Sec. 3.1 (Eq. 33): a penalty that is zero exactly when the fully connected
 * couplings {@code w = v v^T} (Eq. 32) of one layer satisfy the component-wise criticality constraint.
 *
 * <h2>Penalty</h2>
 * With {@code N} the number of units of the fully connected layer, \( a = \beta/N \) and \( b = 2\beta^2/N^2 \),
 * <pre>
 *   M_ij = delta_ij (a w_ij + 1) + b (w w)_ij ,       P(v) = sum_ij M_ij^2 ,
 * </pre>
 * i.e. \( P = \sum_{ij} (\delta_{ij}\beta w_{ij}/N + 2\beta^2/N^2 (ww)_{ij} + \delta_{ij})^2 \), the squared
 * residual of Eq. 33 ({@code delta_ij beta w_ij / N + 2 beta^2/N^2 (ww)_ij = -delta_ij}).
 *
 * <h2>Gradient (derivation)</h2>
 * {@code M} and {@code w} are symmetric. Treating the entries of {@code w} as independent,
 * {@code dP = 2 sum_ij M_ij dM_ij} with {@code dM = a diag(dw) + b (dw w + w dw)}, so
 * {@code dP/dw = G = 2a D + 2b (M w + w M)}, {@code D = diag(M_ii)}; {@code G} is symmetric and, with
 * {@code M = b ww + D'}, {@code D' = diag(a w_ii + 1)}, {@code M w + w M = 2b w^3 + D' w + w D'} ({@code w^3} is
 * symmetric), so only symmetric products are needed. From {@code dw = dv v^T + v dv^T},
 * {@code dP/dv = (G + G^T) v = 2 G v}. Tested against central finite differences.
 *
 * <h2>Layout and which index is N</h2>
 * {@code v} is row-major with {@code rows} rows and {@code cols} columns ({@code v[i*cols + k] = v_ik}).
 * {@code w = v v^T} is {@code rows x rows}, so <b>N = rows</b>: the units of the fully connected layer are the
 * rows of {@code v} (Eq. 32: {@code v} is {@code m x n}, {@code w} is {@code m x m}). A layer stored as
 * {@code in x out} (as for {@code y = x v}) therefore regularises the couplings among its {@code in} units;
 * {@link #addPenaltyGradientOverColumns} regularises the {@code out} units instead ({@code w = v^T v}).
 *
 * <h2>Cost</h2>
 * {@code rows^2 cols / 2} (w) + {@code rows^3 / 2} (ww) + {@code rows^3 / 2} (w^3) + {@code rows^2 cols}
 * (gradient) multiply-adds, i.e. {@code 1.5 N^3 + 1.5 N^2 cols} (symmetric products computed by halves),
 * single-threaded, in cache-blocked row-axpy loops: fused
 * multiply-adds of the Vector API when {@code jdk.incubator.vector} is loaded ({@code --add-modules}; the launcher,
 * surefire and the benchmark do), else scalar loops the JIT vectorises (measured in {@code CriticalRegulariserBenchmark}
 * and {@code RegulariserKernelBenchmark}; why these kernels and not BLAS: {@link VectorKernels}). Training uses the
 * BLAS form of the same penalty ({@code org.deeprg.train.CriticalPenalty}, tested equal to this one). Memory: four
 * {@code rows x rows} work arrays (held by a {@link Workspace} and reused between calls).
 */
public final class CriticalRegulariser {
    /** Largest number of rows (units N) accepted: four N x N double work arrays must fit in memory. */
    public static final int MAX_ROWS = 16_384;

    /** Column block of the blocked products: a block of rows of the right factor stays in L2 cache. */
    private static final int K_BLOCK = 64;

    /** Whether the Vector API kernels ({@link VectorKernels}) can be used: the incubator module is loaded. */
    static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !Boolean.getBoolean("deeprg.noVector");

    private CriticalRegulariser() {
    }

    /**
     * Reusable scratch memory for one layer shape; not thread-safe (use one per thread).
     * Holds {@code w}, {@code ww} (then {@code M}), {@code w^3} (then {@code G}) and {@code v^T} (then {@code G v}).
     */
    public static final class Workspace {
        private double[] w = new double[0];
        private double[] m = new double[0];
        private double[] k = new double[0];
        private double[] vt = new double[0];

        void ensure(int rows, int cols) {
            int nn = rows * rows;
            if (w.length < nn) {
                w = new double[nn];
                m = new double[nn];
                k = new double[nn];
            }
            if (vt.length < rows * cols) {
                vt = new double[rows * cols];
            }
        }
    }

    /**
     * The penalty \( P(v) \) and its exact gradient \( \partial P/\partial v \).
     *
     * @param v       weights, row-major {@code rows x cols}. Not modified.
     * @param rows    number of rows = N, the units of the fully connected layer {@code w = v v^T}
     * @param cols    number of columns
     * @param beta    inverse temperature \( \beta \) of Eq. 33 (finite)
     * @param gradOut {@code rows*cols} array, or null when only the penalty is wanted. Modified: overwritten
     *                with \( \partial P/\partial v \) in the layout of {@code v}.
     * @return the penalty \( P \ge 0 \)
     * @throws InvalidInputException for inconsistent sizes or non-finite beta
     */
    public static double penaltyAndGradient(double[] v, int rows, int cols, double beta, double[] gradOut) {
        return core(v, rows, cols, beta, gradOut, false, 1.0, new Workspace());
    }

    /**
     * As {@link #penaltyAndGradient(double[], int, int, double, double[])}, reusing {@code workspace}
     * (Modified) so that repeated calls allocate nothing.
     */
    public static double penaltyAndGradient(double[] v, int rows, int cols, double beta, double[] gradOut,
                                            Workspace workspace) {
        return core(v, rows, cols, beta, gradOut, false, 1.0, workspace);
    }

    /** The penalty alone (no gradient). Same conventions as {@link #penaltyAndGradient}. */
    public static double penalty(double[] v, int rows, int cols, double beta) {
        return core(v, rows, cols, beta, null, false, 1.0, new Workspace());
    }

    /**
     * Adds {@code lambda * dP/dv} to an existing gradient, for use inside training: returns \( P \) (not
     * multiplied by {@code lambda}). The loss being minimised is then {@code loss + lambda * P}.
     *
     * @param gradAccumulator {@code rows*cols} array. Modified: {@code += lambda * dP/dv}.
     * @param workspace       scratch memory reused between calls. Modified.
     */
    public static double addPenaltyGradient(double[] v, int rows, int cols, double beta, double lambda,
                                            double[] gradAccumulator, Workspace workspace) {
        InvalidInputException.requireFinite("lambda", lambda);
        if (gradAccumulator == null) {
            throw new InvalidInputException("gradAccumulator", "null", "an array of rows*cols");
        }
        return core(v, rows, cols, beta, gradAccumulator, true, lambda, workspace);
    }

    /**
     * As {@link #addPenaltyGradient}, with the units of {@code w} along the <b>columns</b> of {@code v}:
     * {@code w = v^T v} ({@code cols x cols}, N = cols), for a layer stored {@code in x out} whose output units are
     * to be regularised. Same penalty as {@code addPenaltyGradient} on the transpose of {@code v}.
     *
     * @param gradAccumulator {@code rows*cols} array in the layout of {@code v}. Modified: {@code += lambda dP/dv}.
     */
    public static double addPenaltyGradientOverColumns(double[] v, int rows, int cols, double beta, double lambda,
                                                       double[] gradAccumulator, Workspace workspace) {
        InvalidInputException.requireFinite("lambda", lambda);
        if (gradAccumulator == null || gradAccumulator.length < (long) rows * cols) {
            throw new InvalidInputException("gradAccumulator", gradAccumulator == null ? "null"
                    : "length " + gradAccumulator.length, "an array of rows*cols numbers");
        }
        check(v, cols, rows, beta, null);
        double[] vt = new double[rows * cols];
        transpose(v, rows, cols, vt);
        double[] gt = new double[rows * cols];
        double p = core(vt, cols, rows, beta, gt, false, 1.0, workspace);
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < cols; c++) {
                gradAccumulator[i * cols + c] += lambda * gt[c * rows + i];
            }
        }
        return p;
    }

    /**
     * Core: if {@code grad != null}, overwrites {@code grad} with dP/dv ({@code accumulate == false}) or adds
     * {@code scale * dP/dv} to it ({@code accumulate == true}).
     */
    private static double core(double[] v, int rows, int cols, double beta, double[] grad,
                               boolean accumulate, double scale0, Workspace ws) {
        check(v, rows, cols, beta, grad);
        if (ws == null) {
            throw new InvalidInputException("workspace", "null", "a CriticalRegulariser.Workspace");
        }
        ws.ensure(rows, cols);
        final int n = rows;
        final double a = beta / n;
        final double b = 2.0 * beta * beta / ((double) n * n);
        double[] vt = ws.vt;
        double[] w = ws.w;
        double[] mm = ws.m;
        double[] kk = ws.k;
        transpose(v, rows, cols, vt);
        // w = v v^T  (n x n, symmetric)
        multiplySymmetricInto(v, rows, cols, vt, w);
        // ww = w w (symmetric), stored into mm
        multiplySymmetricInto(w, n, n, w, mm);
        // M = b ww + D', D' = diag(a w_ii + 1); penalty
        double penalty = 0;
        for (int i = 0; i < n * n; i++) {
            mm[i] *= b;
        }
        for (int i = 0; i < n; i++) {
            mm[i * n + i] += a * w[i * n + i] + 1.0;
        }
        for (int i = 0; i < n * n; i++) {
            penalty += mm[i] * mm[i];
        }
        if (grad == null) {
            return penalty;
        }
        // K + K^T = M w + w M = 2b w^3 + D' w + w D'  (w^2 and w commute, so w^3 = (ww) w is symmetric)
        for (int i = 0; i < n; i++) {
            mm[i * n + i] -= a * w[i * n + i] + 1.0; // back to b ww
        }
        multiplySymmetricInto(mm, n, n, w, kk); // kk = b w^3
        // G = 2a diag(M_ii) + 2b (2 b w^3 + (D'_i + D'_j) w_ij), in place in kk (symmetric)
        for (int i = 0; i < n; i++) {
            double di = a * w[i * n + i] + 1.0;
            double mii = mm[i * n + i] + di;
            for (int j = 0; j < n; j++) {
                double dj = a * w[j * n + j] + 1.0;
                kk[i * n + j] = 2.0 * b * (2.0 * kk[i * n + j] + (di + dj) * w[i * n + j]);
            }
            kk[i * n + i] += 2.0 * a * mii;
        }
        // dP/dv = 2 G v  (G v into the v^T buffer, no longer needed)
        double scale = 2.0 * scale0;
        double[] gv = vt;
        multiplyInto(kk, n, n, v, cols, gv);
        int size = rows * cols;
        if (accumulate) {
            for (int i = 0; i < size; i++) {
                grad[i] += scale * gv[i];
            }
        } else {
            for (int i = 0; i < size; i++) {
                grad[i] = scale * gv[i];
            }
        }
        return penalty;
    }

    private static void check(double[] v, int rows, int cols, double beta, double[] grad) {
        if (rows <= 0 || rows > MAX_ROWS) {
            throw new InvalidInputException("rows", rows, "an integer in [1, " + MAX_ROWS + "]");
        }
        if (cols <= 0) {
            throw new InvalidInputException("cols", cols, "an integer >= 1");
        }
        InvalidInputException.requireFinite("beta", beta);
        long size = (long) rows * cols;
        if (v == null || v.length < size) {
            throw new InvalidInputException("v", v == null ? "null" : "length " + v.length,
                    "an array of rows*cols = " + size + " numbers");
        }
        if (grad != null && grad.length < size) {
            throw new InvalidInputException("gradOut", "length " + grad.length,
                    "an array of rows*cols = " + size + " numbers");
        }
    }

    /** {@code out (cols x rows) = x^T} for row-major {@code x (rows x cols)}. */
    public static void transpose(double[] x, int rows, int cols, double[] out) {
        for (int i = 0; i < rows; i++) {
            for (int c = 0; c < cols; c++) {
                out[c * rows + i] = x[i * cols + c];
            }
        }
    }

    /**
     * {@code out (p x q) = x (p x r) y (r x q)}, all row-major: blocked i-k-j loops (row axpy, vectorised).
     * {@code out} must not alias {@code x} or {@code y}. Modified: out.
     */
    static void multiplyInto(double[] x, int p, int r, double[] y, int q, double[] out) {
        if (VECTOR) {
            VectorKernels.multiplyInto(x, p, r, y, q, out);
        } else {
            multiplyIntoScalar(x, p, r, y, q, out);
        }
    }

    /** {@code out = x y} for a product known to be symmetric ({@code p x p}); vectorised when possible. */
    static void multiplySymmetricInto(double[] x, int p, int r, double[] y, double[] out) {
        if (VECTOR) {
            VectorKernels.multiplySymmetricInto(x, p, r, y, out);
        } else {
            multiplyIntoScalar(x, p, r, y, p, out);
        }
    }

    /** The scalar kernel of {@link #multiplyInto} (fallback without the Vector API). Modified: out. */
    static void multiplyIntoScalar(double[] x, int p, int r, double[] y, int q, double[] out) {
        java.util.Arrays.fill(out, 0, p * q, 0.0);
        for (int k0 = 0; k0 < r; k0 += K_BLOCK) {
            int k1 = Math.min(r, k0 + K_BLOCK);
            for (int i = 0; i < p; i++) {
                int oi = i * q;
                int xi = i * r;
                for (int k = k0; k < k1; k++) {
                    double s = x[xi + k];
                    if (s == 0.0) {
                        continue;
                    }
                    int yk = k * q;
                    for (int j = 0; j < q; j++) {
                        out[oi + j] += s * y[yk + j];
                    }
                }
            }
        }
    }
}
