package org.deeprg.critical;

import java.util.Arrays;
import org.deeprg.InvalidInputException;

/**
 * A layer as a Gaussian field theory (Sec. 2.2-2.3): the fully connected couplings {@code w} of {@code N} units,
 * the inverse temperature {@code beta}, the external fields {@code h_k}, and the Gaussian couplings derived from
 * them (Eq. 13 or Eq. 55, see {@link CouplingConvention}):
 * <pre>
 *   H = \int d^dx [ 1/2 r.phi.phi + 1/2 g.phi_x.phi_x - u.phi ]                     (Eq. 12)
 *   r = a_r (w - a w w),   g = a_r I,   u_k = a_u h_k sum_l w_kl
 * </pre>
 * with {@code a = beta/N}, {@code a_r = beta/N}, {@code a_u = beta^2/N} for Eq. 13 and all three equal to 1 for
 * Eq. 55. The paper writes {@code h} as one number; here {@code h} is a vector (one field per unit), which is what
 * the flow Eq. 26 needs ({@code (w 1_v)^{-1}} is read as the inverse of the diagonal operator
 * {@code diag(w 1_v)}); a scalar {@code h} is the uniform vector. For a uniform h, {@code u} is the linear coupling
 * that Eq. 11 (Eq. 42) gives ({@link #uniformHamiltonianDensity}); a non-uniform {@code h_k} is the parametrisation
 * {@code u_k = a_u h_k (w 1)_k} of Eq. 24b (a non-uniform field inside the ln cosh of Eq. 11 would give
 * {@code u = a_u w h} instead).
 *
 * <p>{@code w} is symmetric ({@code N x N}, row-major, copied); for a feed-forward layer with weights {@code v}
 * use {@link #fromLayer} ({@code w = v v^T}, Eq. 32).
 *
 * @param w          couplings, row-major N x N, symmetric
 * @param n          number of units N
 * @param beta       inverse temperature (finite, not 0)
 * @param h          external field per unit (length N)
 * @param convention Eq. 13 or Eq. 55
 */
public record LayerCouplings(double[] w, int n, double beta, double[] h, CouplingConvention convention)
        implements java.io.Serializable {
    /** Relative asymmetry tolerated in {@code w} (rounding of {@code v v^T} is exactly symmetric). */
    public static final double SYMMETRY_TOLERANCE = 1e-9;

    public LayerCouplings {
        if (n <= 0 || n > CriticalRegulariser.MAX_ROWS) {
            throw new InvalidInputException("units", n, "an integer in [1, " + CriticalRegulariser.MAX_ROWS + "]");
        }
        if (w == null || w.length != n * n) {
            throw new InvalidInputException("w", w == null ? "null" : "length " + w.length, "an N x N matrix");
        }
        if (h == null || h.length != n) {
            throw new InvalidInputException("h", h == null ? "null" : "length " + h.length, "N fields");
        }
        InvalidInputException.requireFinite("beta", beta);
        if (beta == 0) {
            throw new InvalidInputException("beta", beta, "a finite number != 0");
        }
        w = w.clone();
        h = h.clone();
        double norm = 0;
        for (double x : w) {
            if (!Double.isFinite(x)) {
                throw new InvalidInputException("w", x, "finite entries");
            }
            norm = Math.max(norm, Math.abs(x));
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Math.abs(w[i * n + j] - w[j * n + i]) > SYMMETRY_TOLERANCE * Math.max(norm, 1e-300)) {
                    throw new InvalidInputException("w", "w[" + i + "," + j + "] != w[" + j + "," + i + "]",
                            "a symmetric matrix");
                }
            }
        }
        for (double x : h) {
            InvalidInputException.requireFinite("h", x);
        }
    }

    /**
     * Couplings of a feed-forward layer: {@code w = v v^T} (Eq. 32) over the {@code rows} units of {@code v}
     * (row-major {@code rows x cols}), with a uniform field {@code h}.
     */
    public static LayerCouplings fromLayer(double[] v, int rows, int cols, double beta, double h,
                                           CouplingConvention convention) {
        if (rows <= 0 || cols <= 0 || v == null || v.length != (long) rows * cols) {
            throw new InvalidInputException("v", v == null ? "null" : "length " + v.length,
                    "a rows x cols = " + rows + " x " + cols + " matrix");
        }
        double[] w = new double[rows * rows];
        for (int i = 0; i < rows; i++) {
            for (int j = i; j < rows; j++) {
                double s = 0;
                for (int k = 0; k < cols; k++) {
                    s += v[i * cols + k] * v[j * cols + k];
                }
                w[i * rows + j] = s;
                w[j * rows + i] = s;
            }
        }
        double[] hv = new double[rows];
        Arrays.fill(hv, h);
        return new LayerCouplings(w, rows, beta, hv, convention);
    }

    @Override
    public double[] w() {
        return w.clone();
    }

    @Override
    public double[] h() {
        return h.clone();
    }

    /** The factor a multiplying w in the brackets: beta/N (Eq. 13) or 1 (Eq. 55). */
    public double a() {
        return convention.scale(beta, n);
    }

    /** Prefactor of r and g: beta/N (Eq. 13) or 1 (Eq. 55). */
    public double gScale() {
        return convention == CouplingConvention.EQ13 ? beta / n : 1.0;
    }

    /** Prefactor of u: beta^2/N (Eq. 13) or 1 (Eq. 55). */
    public double uScale() {
        return convention == CouplingConvention.EQ13 ? beta * beta / n : 1.0;
    }

    /** The mass matrix {@code r = a_r (w - a w w)} (N x N, row-major). */
    public double[] r() {
        return massMatrix(w, n, a(), gScale());
    }

    /** The gradient coupling {@code g = a_r I}: the diagonal value {@code a_r}. */
    public double g() {
        return gScale();
    }

    /** The linear coupling {@code u_k = a_u h_k sum_l w_kl}. */
    public double[] u() {
        return linearCoupling(w, h, n, uScale());
    }

    /**
     * The Hessian of {@link #uniformHamiltonianDensity} at {@code phi = 0} by central differences of step
     * {@code step} (row-major N x N): the route to r of Eqs. 13 and 55 that does not use their closed form.
     */
    public double[] hessianByCentralDifferences(double step) {
        double[] hess = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double[] pp = new double[n];
                double[] pm = new double[n];
                double[] mp = new double[n];
                double[] mm = new double[n];
                pp[i] += step;
                pp[j] += step;
                pm[i] += step;
                pm[j] -= step;
                mp[i] -= step;
                mp[j] += step;
                mm[i] -= step;
                mm[j] -= step;
                hess[i * n + j] = (uniformHamiltonianDensity(pp) - uniformHamiltonianDensity(pm)
                        - uniformHamiltonianDensity(mp) + uniformHamiltonianDensity(mm)) / (4 * step * step);
            }
        }
        return hess;
    }

    /**
     * The Hamiltonian density of the layer for a spatially constant field {@code phi} (no gradient term), before the
     * Gaussian truncation: Eq. 11 ({@link CouplingConvention#EQ13})
     * <pre>  V(phi) = (beta/2N) phi.w.phi - sum_k ln cosh(beta ((w phi)_k / N + h_k))</pre>
     * or Eq. 42 ({@link CouplingConvention#EQ55}), {@code V = phi.w.phi/2 - sum_k ln cosh((w phi)_k + h_k)}.
     * Expanding {@code ln cosh z = z^2/2 + O(z^4)} in its whole argument (small {@code w phi} and small h) gives
     * {@code V = phi.r.phi/2 - u.phi + const} with the couplings {@link #r()} and {@link #u()} of Eq. 13 / Eq. 55,
     * where {@code w w} is the matrix product: the Hessian of V at {@code phi = 0, h = 0} is exactly r, and
     * {@code -dV/dphi_l} at {@code phi = 0} is {@code a_r sum_k tanh(c h_k) w_kl}, i.e. u to first order in a
     * uniform h ({@code c = beta} for Eq. 13, 1 for Eq. 55).
     */
    public double uniformHamiltonianDensity(double[] phi) {
        if (phi == null || phi.length != n) {
            throw new InvalidInputException("phi", phi == null ? "null" : "length " + phi.length, "N field values");
        }
        double ar = gScale();
        double ch = convention == CouplingConvention.EQ13 ? beta : 1.0;
        double quadratic = 0;
        double logCosh = 0;
        for (int k = 0; k < n; k++) {
            double wphi = 0;
            for (int l = 0; l < n; l++) {
                wphi += w[k * n + l] * phi[l];
            }
            quadratic += phi[k] * wphi;
            double z = Math.abs(ar * wphi + ch * h[k]);
            // ln cosh z = z + ln((1 + e^{-2z})/2), stable for large z
            logCosh += z + Math.log1p(Math.exp(-2 * z)) - Math.log(2);
        }
        return 0.5 * ar * quadratic - logCosh;
    }

    /**
     * The eigenvalues of {@code a w}, ascending: the variables in which the flow Eq. 26 and every condition of
     * Sec. 2.5 act eigenvalue by eigenvalue (one symmetric eigen-decomposition without vectors).
     */
    public double[] spectrum() {
        var eig = CouplingFlow.eigen(w(), n, false);
        double[] x = new double[n];
        double scale = a();
        for (int q = 0; q < n; q++) {
            x[q] = scale * eig.getEigenvalue(q).getReal();
        }
        Arrays.sort(x);
        return x;
    }

    static double[] massMatrix(double[] w, int n, double a, double prefactor) {
        double[] ww = new double[n * n];
        CriticalRegulariser.multiplyInto(w, n, n, w, n, ww);
        double[] r = new double[n * n];
        for (int i = 0; i < n * n; i++) {
            r[i] = prefactor * (w[i] - a * ww[i]);
        }
        return r;
    }

    static double[] linearCoupling(double[] w, double[] h, int n, double prefactor) {
        double[] u = new double[n];
        for (int k = 0; k < n; k++) {
            double s = 0;
            for (int l = 0; l < n; l++) {
                s += w[k * n + l];
            }
            u[k] = prefactor * h[k] * s;
        }
        return u;
    }
}
