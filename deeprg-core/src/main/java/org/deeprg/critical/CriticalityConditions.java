package org.deeprg.critical;

import org.deeprg.InvalidInputException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The criticality conditions of Sec. 2.5 and Sec. 3 (Eqs. 26, 28, 30, 33) for a general real (not necessarily
 * symmetric) coupling matrix {@code w}, in the scaled variable {@code X = a w} ({@code a = beta/N}, Eq. 13), and
 * what is known exactly about their solutions.
 *
 * <h2>The conditions</h2>
 * <ul>
 *   <li>Eq. 30, the fourth bullet after truncating the Neumann series (Eq. 29) of {@code (1 - 2X)^{-1}} at second
 *       order: {@code E30(X) = I + X + 2 X^2 = 0} (the exact product {@code (1 - X)(1 + 2X + 4X^2)} is
 *       {@code I + X + 2X^2 - 4X^3}; Eq. 30 drops the cubic term).</li>
 *   <li>Eq. 33, printed as the component form of Eq. 30: {@code E33(X)_ij = delta_ij (X_ii + 1) + 2 (X^2)_ij = 0}.
 *       It keeps only the diagonal of the linear term: the component form of Eq. 30 is
 *       {@code delta_ij + X_ij + 2 (X^2)_ij = 0}, so {@code E30 - E33} is the off-diagonal part of {@code X}.</li>
 *   <li>Eq. 26: the flow rate {@code X_tau = 2 X (1 - X)(1 - 2X)^{-1}}, zero exactly at the fixed points.</li>
 * </ul>
 * Both conditions are free of beta in {@code X}: {@code w = X / a}.
 *
 * <h2>Eq. 33: which w solve it (derivation)</h2>
 * Write {@code D = X^2}. Eq. 33 says that {@code D} is diagonal with {@code D_ii = -(1 + X_ii)/2}.
 * <ol>
 *   <li><b>Symmetric X</b> (any N, in particular {@code w = v v^T}, Eq. 32): {@code (X^2)_ii = sum_k X_ik^2 >= X_ii^2},
 *       so {@code E33_ii >= 1 + x + 2x^2 >= 7/8} with {@code x = X_ii} (discriminant 1 - 8 &lt; 0). No solution;
 *       {@code ||E33||_F^2 >= 49 N / 64}, with equality at {@code X = -I/4}. For {@code w = v v^T} and
 *       beta &gt; 0, {@code X_ii >= 0} and {@code E33_ii >= 1}: {@code ||E33||_F^2 >= N}, equality at {@code v = 0}.</li>
 *   <li><b>General real X</b>: {@code X} commutes with {@code X^2 = D}, so it is block diagonal over the groups of
 *       units with equal {@code D_ii}; on a block of size m, {@code Y^2 = d I} and every diagonal entry is
 *       {@code c = -1 - 2d}. If d &gt; 0, Y is diagonalisable with eigenvalues {@code +-sqrt(d)}, so
 *       {@code |trace Y| = m |c| = m (1 + 2d) <= m sqrt(d)}, i.e. {@code 2d - sqrt(d) + 1 <= 0}: impossible. If
 *       d = 0, Y is nilpotent, {@code trace Y = 0 != -m}. So d &lt; 0: the eigenvalues {@code +-i sqrt(-d)} come in
 *       conjugate pairs, m is even, {@code trace Y = 0} forces {@code c = 0}, {@code d = -1/2}. Hence
 *       <b>Eq. 33 has a real solution iff N is even, and its solutions are exactly the X with {@code X^2 = -I/2} and
 *       zero diagonal</b> ({@code w^2 = -(N^2/(2 beta^2)) I}, {@code w_ii = 0}): never symmetric, never positive
 *       semi-definite, full rank ({@link #eq33Solution}).</li>
 *   <li><b>Odd N &gt;= 3</b>: no solution, but the infimum of the residual is 0, approached only as
 *       {@code ||X|| -> infinity}: the family {@link #eq33ApproximateSolution} has
 *       {@code ||E33||_F^2 = 9/(2t) + 9/(4t^2)} with {@code ||X||_F ~ t} (a bounded minimising sequence would
 *       converge to an exact solution, which does not exist). N = 1: {@code 1 + x + 2x^2 >= 7/8}.</li>
 * </ol>
 *
 * <h2>Eq. 30: which w solve it</h2>
 * Every eigenvalue of a solution obeys {@code 2 lambda^2 + lambda + 1 = 0}, {@code lambda = (-1 +- i sqrt 7)/4}.
 * Symmetric X: per eigenvalue {@code 1 + x + 2x^2 >= 7/8}, no solution. General real X: for even N the real
 * companion blocks {@code [[0, -1/2], [1, -1/2]]} solve it ({@link #eq30Solution}); for odd N, X has a real
 * eigenvalue {@code lambda} with eigenvector v and {@code ||E30 v|| = |1 + lambda + 2 lambda^2| ||v||}, so
 * {@code ||E30||_F >= 7/8}, reached by {@code -1/4} on one unit and companion blocks on the others.
 * The solutions have {@code |lambda| = 1/sqrt 2}: the spectral radius of {@code 2X} is {@code sqrt 2 > 1}, outside
 * the region where the Neumann series (Eq. 29) that produced Eq. 30 converges.
 *
 * <p>Residuals here are RMS per unit, {@code ||E||_F / sqrt(N)}, as in {@link CriticalityAnalysis}.
 */
public final class CriticalityConditions {
    /** Lower bound of the RMS Eq. 30 and Eq. 33 residuals over symmetric w (reached at a w = -I/4). */
    public static final double SYMMETRIC_BOUND = 7.0 / 8.0;
    /** Lower bound of the RMS Eq. 33 residual over w = v v^T with beta &gt; 0 (reached at v = 0). */
    public static final double GRAM_POSITIVE_BETA_BOUND = 1.0;

    private CriticalityConditions() {
    }

    /** {@code E33(X)_ij = delta_ij (X_ii + 1) + 2 (X^2)_ij} for row-major {@code X} (N x N). */
    public static double[] eq33Matrix(double[] x, int n) {
        double[] e = square(x, n);
        for (int i = 0; i < n * n; i++) {
            e[i] *= 2;
        }
        for (int i = 0; i < n; i++) {
            e[i * n + i] += x[i * n + i] + 1;
        }
        return e;
    }

    /** {@code E30(X) = I + X + 2 X^2} for row-major {@code X} (N x N). */
    public static double[] eq30Matrix(double[] x, int n) {
        double[] e = square(x, n);
        for (int i = 0; i < n * n; i++) {
            e[i] = 2 * e[i] + x[i];
        }
        for (int i = 0; i < n; i++) {
            e[i * n + i] += 1;
        }
        return e;
    }

    /** The product {@code (1 - X)(1 + 2X + 4X^2)} of Eq. 30 before truncation (= {@code I + X + 2X^2 - 4X^3}). */
    public static double[] eq30Product(double[] x, int n) {
        double[] x2 = square(x, n);
        double[] left = new double[n * n];
        double[] right = new double[n * n];
        for (int i = 0; i < n * n; i++) {
            left[i] = -x[i];
            right[i] = 2 * x[i] + 4 * x2[i];
        }
        for (int i = 0; i < n; i++) {
            left[i * n + i] += 1;
            right[i * n + i] += 1;
        }
        return product(left, right, n);
    }

    /** RMS per unit of the Eq. 33 residual of couplings {@code w} at inverse temperature beta ({@code X = beta w / N}). */
    public static double eq33Residual(double[] w, int n, double beta) {
        return rms(eq33Matrix(scaled(w, n, beta), n), n);
    }

    /** RMS per unit of the Eq. 30 residual of couplings {@code w} ({@code X = beta w / N}). */
    public static double eq30Residual(double[] w, int n, double beta) {
        return rms(eq30Matrix(scaled(w, n, beta), n), n);
    }

    /**
     * The flow rate of Eq. 26 in the scaled variable, {@code X_tau = 2 X (1 - X)(1 - 2X)^{-1}}, for any real X (by
     * an LU solve; the factors are functions of X and commute).
     *
     * @throws InvalidInputException if {@code 1 - 2X} is singular (the flow is not defined there)
     */
    public static double[] flowRate(double[] x, int n) {
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        DMatrixRMaj rhs = new DMatrixRMaj(n, n);
        double[] x2 = square(x, n);
        for (int i = 0; i < n * n; i++) {
            m.data[i] = -2 * x[i];
            rhs.data[i] = 2 * (x[i] - x2[i]);
        }
        for (int i = 0; i < n; i++) {
            m.data[i * n + i] += 1;
        }
        DMatrixRMaj out = new DMatrixRMaj(n, n);
        if (!CommonOps_DDRM.solve(m, rhs, out) || !allFinite(out.data)) {
            throw new InvalidInputException("w", "1 - 2 a w singular", "couplings where the flow (Eq. 26) is defined");
        }
        return out.data;
    }

    /** RMS per unit of the flow rate {@code a w_tau} of Eq. 26 (0 exactly at the fixed points of Sec. 2.5). */
    public static double flowResidual(double[] w, int n, double beta) {
        return rms(flowRate(scaled(w, n, beta), n), n);
    }

    /**
     * A real solution of Eq. 33 for even N: {@code w = N/(sqrt(2) beta)} times the block-diagonal rotation generator
     * {@code [[0, 1], [-1, 0]]}, i.e. {@code X^2 = -I/2}, zero diagonal (row-major N x N).
     */
    public static double[] eq33Solution(int n, double beta) {
        requireEven(n);
        double[] x = new double[n * n];
        double s = 1 / Math.sqrt(2);
        for (int b = 0; b < n; b += 2) {
            x[b * n + b + 1] = s;
            x[(b + 1) * n + b] = -s;
        }
        return unscaled(x, n, beta);
    }

    /**
     * For odd N &gt;= 3, couplings whose Eq. 33 residual tends to 0 as {@code t -> infinity} (no exact solution
     * exists): on units 0-2, in {@code X = a w},
     * <pre>
     *   [[ 1/2,          sqrt t,        -t       ],
     *    [ -1/(2 sqrt t), -1,            sqrt t   ],
     *    [ 1/(2t),        -1/(2 sqrt t), 1/2      ]]
     * </pre>
     * and {@link #eq33Solution} blocks on the others. {@code X^2} tends to {@code diag(-3/4, 0, -3/4)} on the
     * first block while {@code ||X||_F ~ t}: {@code ||E33||_F^2 = 9/(2t) + 9/(4 t^2)}. Derived from the leading
     * orders of {@code X^2} in t (the constraints {@code c = 1/2}, {@code PQ = RV = -1/2}, {@code SU = 1/2} of the
     * ansatz {@code [[c, P sqrt t, -S t], [Q/sqrt t, -1, R sqrt t], [U/t, V/sqrt t, c]]}).
     */
    public static double[] eq33ApproximateSolution(int n, double beta, double t) {
        if (n < 3 || n % 2 == 0) {
            throw new InvalidInputException("units", n, "an odd number >= 3");
        }
        InvalidInputException.requirePositive("t", t);
        double[] x = new double[n * n];
        double s = Math.sqrt(t);
        double[][] block = {{0.5, s, -t}, {-0.5 / s, -1, s}, {0.5 / t, -0.5 / s, 0.5}};
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                x[i * n + j] = block[i][j];
            }
        }
        double r = 1 / Math.sqrt(2);
        for (int b = 3; b < n; b += 2) {
            x[b * n + b + 1] = r;
            x[(b + 1) * n + b] = -r;
        }
        return unscaled(x, n, beta);
    }

    /**
     * A real solution of Eq. 30 for even N: companion blocks {@code X = [[0, -1/2], [1, -1/2]]} (characteristic
     * polynomial {@code lambda^2 + lambda/2 + 1/2}, so {@code 2X^2 + X + 1 = 0} by Cayley-Hamilton), {@code w = X/a}.
     */
    public static double[] eq30Solution(int n, double beta) {
        requireEven(n);
        double[] x = new double[n * n];
        for (int b = 0; b < n; b += 2) {
            x[b * n + b + 1] = -0.5;
            x[(b + 1) * n + b] = 1;
            x[(b + 1) * n + b + 1] = -0.5;
        }
        return unscaled(x, n, beta);
    }

    /**
     * {@code ||sum_{k < terms} (2X)^k - (1 - 2X)^{-1}||_F}: how far the Neumann series of Eq. 29, truncated after
     * {@code terms} terms, is from the inverse it expands (it converges iff the spectral radius of 2X is below 1).
     *
     * @throws InvalidInputException if {@code 1 - 2X} is singular
     */
    public static double neumannDeviation(double[] x, int n, int terms) {
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        for (int i = 0; i < n * n; i++) {
            m.data[i] = -2 * x[i];
        }
        for (int i = 0; i < n; i++) {
            m.data[i * n + i] += 1;
        }
        DMatrixRMaj inverse = new DMatrixRMaj(n, n);
        if (!CommonOps_DDRM.invert(m, inverse)) {
            throw new InvalidInputException("w", "1 - 2 a w singular", "couplings where (1 - 2 a w)^{-1} exists");
        }
        double[] twoX = new double[n * n];
        for (int i = 0; i < n * n; i++) {
            twoX[i] = 2 * x[i];
        }
        double[] power = new double[n * n];
        double[] sum = new double[n * n];
        for (int i = 0; i < n; i++) {
            power[i * n + i] = 1;
        }
        for (int k = 0; k < terms; k++) {
            for (int i = 0; i < n * n; i++) {
                sum[i] += power[i];
            }
            power = product(power, twoX, n);
        }
        double d = 0;
        for (int i = 0; i < n * n; i++) {
            d += (sum[i] - inverse.data[i]) * (sum[i] - inverse.data[i]);
        }
        return Math.sqrt(d);
    }

    /**
     * {@code X - X^2}: the mass matrix r in units of {@code a_r / a} ({@code r = a_r (w - a w w)}, Eq. 13), for any
     * real X; it vanishes at every fixed point of Eq. 26 (spectrum of X in {0, 1}).
     */
    public static double[] scaledMass(double[] x, int n) {
        double[] m = square(x, n);
        for (int i = 0; i < n * n; i++) {
            m[i] = x[i] - m[i];
        }
        return m;
    }

    /** {@code ||E||_F / sqrt(N)}. */
    public static double rms(double[] e, int n) {
        double s = 0;
        for (double v : e) {
            s += v * v;
        }
        return Math.sqrt(s / n);
    }

    /** {@code X = (beta/N) w}. */
    public static double[] scaled(double[] w, int n, double beta) {
        check(w, n);
        double a = beta / n;
        double[] x = new double[n * n];
        for (int i = 0; i < n * n; i++) {
            x[i] = a * w[i];
        }
        return x;
    }

    /** {@code w = X / a = (N/beta) X}. */
    static double[] unscaled(double[] x, int n, double beta) {
        InvalidInputException.requireFinite("beta", beta);
        if (beta == 0) {
            throw new InvalidInputException("beta", beta, "a finite number != 0");
        }
        double[] w = new double[n * n];
        for (int i = 0; i < n * n; i++) {
            w[i] = x[i] * n / beta;
        }
        return w;
    }

    /** {@code X X} for row-major N x N {@code X}. */
    public static double[] square(double[] x, int n) {
        return product(x, x, n);
    }

    /** {@code X Y} for row-major N x N matrices. */
    public static double[] product(double[] x, double[] y, int n) {
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double s = x[i * n + k];
                for (int j = 0; j < n; j++) {
                    out[i * n + j] += s * y[k * n + j];
                }
            }
        }
        return out;
    }

    private static void check(double[] w, int n) {
        if (n < 1 || w == null || w.length != n * n) {
            throw new InvalidInputException("w", w == null ? "null" : "length " + w.length, "an N x N matrix, N >= 1");
        }
    }

    private static void requireEven(int n) {
        if (n < 2 || n % 2 != 0) {
            throw new InvalidInputException("units", n, "an even number >= 2 (odd N has no real solution)");
        }
    }

    private static boolean allFinite(double[] v) {
        for (double e : v) {
            if (!Double.isFinite(e)) {
                return false;
            }
        }
        return true;
    }
}
