package org.deeprg.train;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;

/**
 * Row-major matrix products on top of netlib's column-major {@code dgemm}.
 *
 * <p>The backend is {@code dev.ludovic.netlib.blas.BLAS.getInstance()}: the system BLAS through JNI
 * ({@code libblas.so.3}, e.g. Debian's {@code libopenblas0}) when it can be loaded, otherwise netlib's pure-Java
 * BLAS (Vector API or plain Java). The system property {@code deeprg.blas=java} forces the pure-Java backend.
 * A row-major product {@code C = op(A) op(B)} is the column-major product {@code C^T = op(B)^T op(A)^T}, so the
 * operands are passed swapped. Each entry of C is one dot product in a fixed order for a given backend: results
 * do not depend on deeprg's {@code --threads} (OpenBLAS splits rows and columns of C between its own threads,
 * never the summation index).
 */
public final class Blas {
    private static final BLAS INSTANCE = "java".equals(System.getProperty("deeprg.blas"))
            ? JavaBLAS.getInstance() : BLAS.getInstance();

    private Blas() {
    }

    /** Name of the backend class (JNIBLAS = native system BLAS; VectorBLAS / Java11BLAS / JavaBLAS = pure Java). */
    public static String backend() {
        return INSTANCE.getClass().getSimpleName();
    }

    /** True when the native system BLAS is in use. */
    public static boolean isNative() {
        return backend().startsWith("JNI");
    }

    /**
     * {@code C = alpha op(A) op(B) + beta C}, all row-major; {@code op(A)} is {@code m x k}, {@code op(B)} is
     * {@code k x n}, C is {@code m x n}.
     *
     * @param transA use A^T (A stored {@code k x m}) instead of A (stored {@code m x k}). Not modified.
     * @param transB use B^T (B stored {@code n x k}) instead of B (stored {@code k x n}). Not modified.
     * @param c      Modified.
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, double[] b,
                            double beta, double[] c) {
        int lda = transA ? m : k;
        int ldb = transB ? k : n;
        INSTANCE.dgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k, alpha, b, ldb, a, lda, beta, c, n);
    }

    /**
     * {@code C = alpha A^T A + beta C} for row-major {@code A} ({@code k x n}) and symmetric {@code C} ({@code n x n}):
     * {@code dsyrk} computes one triangle (half the multiply-adds of {@code gemm}), which is then mirrored, so all of
     * C is filled on return.
     *
     * @param a Not modified.
     * @param c Modified (must be symmetric on entry when {@code beta != 0}).
     */
    public static void symmetricRankK(int n, int k, double alpha, double[] a, double beta, double[] c) {
        // row-major A (k x n) is the column-major n x k matrix A^T; A^T A = (A^T)(A^T)^T is dsyrk with trans = "N"
        INSTANCE.dsyrk("U", "N", n, k, alpha, a, n, beta, c, n);
        // column-major upper triangle: element (i, j), i <= j, at c[i + j n]; mirror to (j, i) at c[j + i n]
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < j; i++) {
                c[j + i * n] = c[i + j * n];
            }
        }
    }
}
