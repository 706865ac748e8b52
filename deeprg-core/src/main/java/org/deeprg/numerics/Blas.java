package org.deeprg.numerics;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The one switch to BLAS in deeprg: row-major matrix products on top of netlib's column-major {@code dgemm} and
 * {@code dsyrk} ({@code dev.ludovic.netlib}). Every dense product of the network layer ({@link org.deeprg.numerics}
 * callers: {@code org.deeprg.net}, training, the critical penalty) goes through this class.
 *
 * <h2>Which implementation</h2>
 * The system property {@value #PROPERTY} chooses it when the class is initialised:
 * <ul>
 *   <li>unset or {@code auto}: the system BLAS through JNI ({@code libblas.so.3}, e.g. Debian's {@code libopenblas0})
 *       when it can be loaded, otherwise netlib's pure-Java BLAS (the Vector API version when
 *       {@code jdk.incubator.vector} is loaded, else plain Java);</li>
 *   <li>{@code java}: the pure-Java BLAS, even when a native one is installed;</li>
 *   <li>{@code native}: the system BLAS; if it cannot be loaded the pure-Java one is used and {@link #describe()}
 *       says why.</li>
 * </ul>
 * netlib reports a failed attempt ("Failed to load implementation from: ...") through {@code java.util.logging}.
 * This class takes those records off the console at initialisation (the {@code dev.ludovic.netlib} logger stops
 * forwarding to the root handlers and records the messages instead), so they never reach a user's terminal or the
 * test output; {@link #describe()} states once which BLAS is in use and why (it is written to every result's
 * provenance).
 *
 * <h2>Layout and reproducibility</h2>
 * A row-major product {@code C = op(A) op(B)} is the column-major product {@code C^T = op(B)^T op(A)^T}, so the
 * operands are passed swapped. Each entry of C is one dot product in a fixed order for a given implementation:
 * results do not depend on deeprg's {@code --threads} (OpenBLAS splits rows and columns of C between its own threads,
 * never the summation index). Different implementations (native against pure Java) round differently.
 */
public final class Blas {
    /** The system property choosing the implementation: {@code auto} (default), {@code native} or {@code java}. */
    public static final String PROPERTY = "deeprg.blas";

    /** netlib's logger, kept strongly reachable so that its configuration is not garbage-collected. */
    private static final Logger NETLIB_LOG = Logger.getLogger("dev.ludovic.netlib");
    private static final List<String> LOAD_MESSAGES = Collections.synchronizedList(new ArrayList<>());
    private static final String REQUESTED;
    private static final BLAS INSTANCE;

    static {
        NETLIB_LOG.setUseParentHandlers(false);
        NETLIB_LOG.setLevel(Level.INFO);
        NETLIB_LOG.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r != null && r.getLevel().intValue() >= Level.INFO.intValue()) {
                    String m = r.getMessage();
                    LOAD_MESSAGES.add(r.getThrown() == null ? m : m + " (" + r.getThrown() + ")");
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        String p = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        REQUESTED = p;
        BLAS chosen;
        switch (p) {
            case "java" -> chosen = JavaBLAS.getInstance();
            case "native" -> {
                BLAS n;
                try {
                    n = NativeBLAS.getInstance();
                } catch (RuntimeException | LinkageError e) {
                    LOAD_MESSAGES.add("native BLAS requested but not available: " + e.getMessage());
                    n = JavaBLAS.getInstance();
                }
                chosen = n;
            }
            default -> {
                if (!p.equals("auto")) {
                    LOAD_MESSAGES.add("unknown -D" + PROPERTY + "=" + p + " (auto, native or java); using auto");
                }
                chosen = BLAS.getInstance();
            }
        }
        INSTANCE = chosen;
    }

    private Blas() {
    }

    /** Name of the implementation class: {@code JNIBLAS} (native system BLAS) or {@code VectorBLAS}, {@code Java11BLAS}, ... (pure Java). */
    public static String backend() {
        return INSTANCE.getClass().getSimpleName();
    }

    /** True when the native system BLAS is in use. */
    public static boolean isNative() {
        return INSTANCE instanceof NativeBLAS;
    }

    /**
     * One line saying which BLAS is in use and why: {@code "JNIBLAS (native system BLAS through JNI)"}, or for the
     * pure-Java fallback the reason the native one was not loaded.
     */
    public static String describe() {
        StringBuilder b = new StringBuilder(backend());
        b.append(isNative() ? " (native system BLAS through JNI, OPENBLAS_NUM_THREADS=" + System.getenv().getOrDefault("OPENBLAS_NUM_THREADS",
                "unset") : " (pure-Java BLAS");
        if (!REQUESTED.equals("auto")) {
            b.append(", -D").append(PROPERTY).append('=').append(REQUESTED);
        }
        b.append(')');
        List<String> notes = loadMessages();
        if (!isNative() && !notes.isEmpty()) {
            b.append("; ").append(String.join("; ", notes));
        }
        return b.toString();
    }

    /** What netlib reported while choosing the implementation (normally empty with a native BLAS). */
    public static List<String> loadMessages() {
        synchronized (LOAD_MESSAGES) {
            return List.copyOf(LOAD_MESSAGES);
        }
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
     * As {@link #gemm(boolean, boolean, int, int, int, double, double[], double[], double, double[])} with C starting
     * at {@code c[offsetC]} (a block of a larger array).
     *
     * @param c Modified: {@code c[offsetC .. offsetC + m n)}.
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, double alpha, double[] a, double[] b,
                            double beta, double[] c, int offsetC) {
        int lda = transA ? m : k;
        int ldb = transB ? k : n;
        INSTANCE.dgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k, alpha, b, 0, ldb, a, 0, lda, beta, c, offsetC, n);
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
