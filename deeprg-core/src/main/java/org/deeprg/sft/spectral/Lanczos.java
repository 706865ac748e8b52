package org.deeprg.sft.spectral;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.deeprg.InvalidInputException;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Extreme eigenvalues of a symmetric linear operator (a Hessian given by Hessian-vector products) by the Lanczos
 * algorithm with full re-orthogonalisation. After every {@link #CHECK_EVERY} steps the tridiagonal matrix is
 * diagonalised; a Ritz value {@code theta_i} is converged when its residual bound {@code |beta_j s_{j,i}|}
 * (the exact norm of {@code A y - theta y} for the Ritz vector y) is below {@code tolerance * max|theta|}.
 */
public final class Lanczos {
    /** Steps between convergence checks. */
    public static final int CHECK_EVERY = 5;

    /** A symmetric operator {@code out = A v}. */
    @FunctionalInterface
    public interface Operator {
        void apply(double[] v, double[] out);
    }

    /**
     * @param smallest   the requested smallest Ritz values, ascending
     * @param largest    the requested largest Ritz values, ascending
     * @param residuals  residual bounds of {@code smallest} then {@code largest}
     * @param steps      Lanczos steps (operator applications)
     * @param converged  whether all requested values met the tolerance
     */
    public record Result(double[] smallest, double[] largest, double[] residuals, int steps, boolean converged) { }

    private Lanczos() {
    }

    /**
     * @param op        the operator
     * @param n         dimension
     * @param smallest  how many of the smallest eigenvalues
     * @param largest   how many of the largest eigenvalues
     * @param maxSteps  at most this many steps ({@code <= n})
     * @param tolerance relative residual tolerance
     * @param rng       start vector source
     */
    public static Result extremes(Operator op, int n, int smallest, int largest, int maxSteps, double tolerance,
                                  UniformRandomProvider rng) {
        int want = smallest + largest;
        InvalidInputException.requireInRange("eigenvalues", want, 1, n);
        int m = Math.min(maxSteps, n);
        if ((long) m * n * 8L > 1_500_000_000L) {
            throw new InvalidInputException("lanczosSteps", m, "at most " + (1_500_000_000L / (8L * n)) + " steps for " + n + " parameters (1.5 GB of basis vectors)");
        }
        double[][] q = new double[m + 1][];
        double[] alpha = new double[m];
        double[] beta = new double[m + 1];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.nextDouble() - 0.5;
        }
        scale(v, 1 / norm(v));
        q[0] = v;
        double[] w = new double[n];
        double[][] last = null;
        int steps = 0;
        for (int j = 0; j < m; j++) {
            op.apply(q[j], w);
            steps++;
            double a = dot(w, q[j]);
            alpha[j] = a;
            // full re-orthogonalisation (twice is enough)
            for (int pass = 0; pass < 2; pass++) {
                for (int k = 0; k <= j; k++) {
                    double c = dot(w, q[k]);
                    axpy(-c, q[k], w);
                }
            }
            double bnorm = norm(w);
            beta[j + 1] = bnorm;
            int size = j + 1;
            boolean check = size >= want && (size % CHECK_EVERY == 0 || size == m || bnorm < 1e-13 * Math.abs(a) + 1e-300);
            if (check) {
                last = ritz(alpha, beta, size);
                double[] theta = last[0];
                double[] res = last[1];
                double scaleMax = Math.max(Math.abs(theta[0]), Math.abs(theta[size - 1]));
                boolean ok = true;
                for (int i = 0; i < Math.min(smallest, size); i++) {
                    ok &= res[i] <= tolerance * scaleMax;
                }
                for (int i = Math.max(0, size - largest); i < size; i++) {
                    ok &= res[i] <= tolerance * scaleMax;
                }
                if (ok || size == m || bnorm == 0) {
                    return pack(last, smallest, largest, steps, ok);
                }
            }
            if (bnorm == 0) {
                break;
            }
            q[j + 1] = w.clone();
            scale(q[j + 1], 1 / bnorm);
        }
        if (last == null) {
            last = ritz(alpha, beta, steps);
        }
        return pack(last, smallest, largest, steps, false);
    }

    private static Result pack(double[][] ritz, int smallest, int largest, int steps, boolean ok) {
        double[] theta = ritz[0];
        double[] res = ritz[1];
        int size = theta.length;
        int s = Math.min(smallest, size);
        int l = Math.min(largest, size);
        double[] sm = Arrays.copyOfRange(theta, 0, s);
        double[] lg = Arrays.copyOfRange(theta, size - l, size);
        double[] r = new double[s + l];
        System.arraycopy(res, 0, r, 0, s);
        System.arraycopy(res, size - l, r, s, l);
        return new Result(sm, lg, r, steps, ok);
    }

    /** Ritz values (ascending) and residual bounds of the leading {@code size x size} tridiagonal matrix. */
    static double[][] ritz(double[] alpha, double[] beta, int size) {
        DMatrixRMaj t = new DMatrixRMaj(size, size);
        for (int i = 0; i < size; i++) {
            t.set(i, i, alpha[i]);
            if (i + 1 < size) {
                t.set(i, i + 1, beta[i + 1]);
                t.set(i + 1, i, beta[i + 1]);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(size, true, true);
        if (!eig.decompose(t)) {
            throw new IllegalStateException("tridiagonal eigen-decomposition failed");
        }
        Integer[] order = new Integer[size];
        double[] val = new double[size];
        double[] res = new double[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
            val[i] = eig.getEigenvalue(i).real;
            DMatrixRMaj s = eig.getEigenVector(i);
            double nrm = 0;
            for (int r = 0; r < size; r++) {
                nrm += s.get(r, 0) * s.get(r, 0);
            }
            res[i] = Math.abs(beta[size] * s.get(size - 1, 0)) / Math.sqrt(nrm);
        }
        Arrays.sort(order, (x, y) -> Double.compare(val[x], val[y]));
        double[][] out = new double[2][size];
        for (int i = 0; i < size; i++) {
            out[0][i] = val[order[i]];
            out[1][i] = res[order[i]];
        }
        return out;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    static void axpy(double c, double[] x, double[] y) {
        for (int i = 0; i < y.length; i++) {
            y[i] += c * x[i];
        }
    }

    static void scale(double[] x, double c) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= c;
        }
    }
}
