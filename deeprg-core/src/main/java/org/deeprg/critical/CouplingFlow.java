package org.deeprg.critical;

import org.deeprg.InvalidInputException;
import org.deeprg.run.RunContext;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.hipparchus.ode.ODEIntegrator;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;

/**
 * Renormalisation-group flow of the Gaussian couplings of a layer (Sec. 2.3-2.4).
 *
 * <h2>Recursions and running equations</h2>
 * One RG step with scale factor {@code b}, field renormalisation {@code z = b^{1+d/2}} chosen to keep {@code g}
 * fixed, gives (Eq. 21) \( r' = b^2 r \), \( u' = b^{(d+2)/2} u \), \( g' = g \). With {@code b = e^{tau}}
 * (Eq. 22 iterated: \( (1 + d\tau)^n \to e^{n\,d\tau} \)) the running equations (Eq. 23) are
 * \( dr/d\tau = 2r \), \( du/d\tau = \frac{d+2}{2} u \), \( dg/d\tau = 0 \), whose solution is Eq. 21 with
 * \( b = e^\tau \).
 *
 * <h2>Flow of w and h (Eqs. 24-26)</h2>
 * With {@code a} the factor of {@link CouplingConvention} and \( A = w - a w w \) (r up to its constant
 * prefactor), Eq. 24a is \( dA/d\tau = 2A \). As \( w_\tau \) is a function of {@code w} it commutes with it, so
 * \( dA/d\tau = w_\tau (1 - 2 a w) \) and (Eq. 26)
 * \[ w_\tau = 2 w (1 - a w) (1 - 2 a w)^{-1}. \]
 * Eq. 24b, \( d(h_k (w 1)_k)/d\tau = \frac{d+2}{2} h_k (w 1)_k \), gives per unit
 * \( h_{k,\tau} = \frac{d+2}{2} h_k - h_k (w_\tau 1)_k / (w 1)_k \) (the paper's \( (w 1_v)^{-1} \) read as the
 * inverse of the diagonal operator {@code diag(w 1)}). {@link #integrate} integrates these numerically
 * (Dormand-Prince 8(5,3), the operator inverse by an LU solve at every evaluation);
 * {@link #closedForm} gives the exact solution: in the eigenbasis of {@code w}, each eigenvalue
 * {@code x = a lambda} of {@code a w} obeys \( x - x^2 = e^{2\tau}(x_0 - x_0^2) \), so
 * \( x(\tau) = \frac{1}{2}\left(1 \mp \sqrt{1 - 4 e^{2\tau} c}\right) \), \( c = x_0 - x_0^2 \), with the sign of
 * \( x_0 - 1/2 \); and \( h_k(\tau) = e^{(d+2)\tau/2} h_k(0) (w_0 1)_k / (w(\tau) 1)_k \).
 * The flow ends where \( 1 - 2aw \) becomes singular: at \( \tau^* = -\frac{1}{2}\ln(4c) \) for the eigenvalues with
 * \( 0 < x_0 < 1 \) ({@link #singularTau}).
 */
public final class CouplingFlow {
    /**
     * Integrates the flow of the spec's layer (Eqs. 24-26) at every grid scale, compares it with the closed form,
     * and checks the couplings of the flowed {@code w, h} against the recursions of Eq. 21 applied to the initial
     * couplings ({@code r' = b^2 r}, {@code u' = b^{(d+2)/2} u} with {@code b = e^tau}). The grid points are
     * independent integrations from {@code tau = 0}, run on the context's local threads (nothing random).
     */
    public static FlowResult run(FlowSpec spec, RunContext context) {
        LayerCouplings layer = spec.layer();
        int n = layer.n();
        int d = spec.dimension();
        double singular = singularTau(layer);
        Couplings start = couplingsOf(layer);
        int points = spec.points();
        java.util.List<double[][]> perPoint = context.mapLocal(points, p -> {
            double tau = spec.tau(p);
            FlowState num = integrate(layer, d, tau);
            FlowState exact = closedForm(layer, d, tau);
            double flowDev = 0;
            for (int i = 0; i < n * n; i++) {
                flowDev = Math.max(flowDev, Math.abs(num.w()[i] - exact.w()[i]));
            }
            LayerCouplings flowed = new LayerCouplings(symmetrised(num.w(), n), n, layer.beta(), num.h(),
                    layer.convention());
            Couplings eq21 = recursion(start, Math.exp(tau), d);
            double rDev = relativeDeviation(flowed.r(), eq21.r());
            double uDev = relativeDeviation(flowed.u(), eq21.u());
            double[] sn = flowed.spectrum();
            double[] se = new LayerCouplings(symmetrised(exact.w(), n), n, layer.beta(), exact.h(),
                    layer.convention()).spectrum();
            return new double[][] {{tau, flowDev, rDev, uDev}, sn, se};
        });
        double[] taus = new double[points];
        double[][] numeric = new double[points][];
        double[][] closed = new double[points][];
        double flowDev = 0;
        double rDev = 0;
        double uDev = 0;
        for (int p = 0; p < points; p++) {
            double[][] q = perPoint.get(p);
            taus[p] = q[0][0];
            flowDev = Math.max(flowDev, q[0][1]);
            rDev = Math.max(rDev, q[0][2]);
            uDev = Math.max(uDev, q[0][3]);
            numeric[p] = q[1];
            closed[p] = q[2];
        }
        return new FlowResult(d, singular, taus, numeric, closed, flowDev, rDev, uDev);
    }

    /** Largest entry difference over the largest entry of {@code want} (the difference itself if want is 0). */
    static double relativeDeviation(double[] got, double[] want) {
        double scale = 0;
        double dev = 0;
        for (int i = 0; i < want.length; i++) {
            scale = Math.max(scale, Math.abs(want[i]));
            dev = Math.max(dev, Math.abs(got[i] - want[i]));
        }
        return scale == 0 ? dev : dev / scale;
    }

    /** {@code (w + w^T)/2}: the integrated w is symmetric up to rounding. */
    static double[] symmetrised(double[] w, int n) {
        double[] s = w.clone();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i * n + j] = 0.5 * (w[i * n + j] + w[j * n + i]);
            }
        }
        return s;
    }

    /** Largest N for {@link #rateFromEquation24a} (an N^2 x N^2 linear system). */
    public static final int MAX_SYLVESTER_UNITS = 40;

    /**
     * The flow rate {@code w_tau} of Eq. 26 at the layer's couplings: {@code 2 w (1 - a w)(1 - 2 a w)^{-1}}.
     *
     * @throws InvalidInputException if {@code 1 - 2 a w} is singular
     */
    public static double[] rate(LayerCouplings layer) {
        int n = layer.n();
        double a = layer.a();
        double[] x = layer.w();
        for (int i = 0; i < x.length; i++) {
            x[i] *= a;
        }
        x = CriticalityConditions.flowRate(x, n);
        for (int i = 0; i < x.length; i++) {
            x[i] /= a;
        }
        return x;
    }

    /**
     * The flow rate {@code w_tau} as Eq. 24a defines it, without assuming that it commutes with {@code w}:
     * {@code d/dtau (w - a w w) = w_tau - a (w_tau w + w w_tau) = 2 (w - a w w)} is a Sylvester equation for
     * {@code w_tau}, solved here as an {@code N^2 x N^2} linear system (row-major vectorisation). Its operator has
     * eigenvalues {@code 1 - a (lambda_i + lambda_j)}; where none vanishes the solution is unique and equals Eq. 26
     * (the second route to Eq. 26).
     *
     * @throws InvalidInputException if N exceeds {@link #MAX_SYLVESTER_UNITS} or the system is singular
     */
    public static double[] rateFromEquation24a(LayerCouplings layer) {
        int n = layer.n();
        if (n > MAX_SYLVESTER_UNITS) {
            throw new InvalidInputException("units", n, "at most " + MAX_SYLVESTER_UNITS + " for the Sylvester solve");
        }
        double a = layer.a();
        double[] w = layer.w();
        double[] ww = CriticalityConditions.square(w, n);
        int m = n * n;
        DMatrixRMaj op = new DMatrixRMaj(m, m);
        DMatrixRMaj rhs = new DMatrixRMaj(m, 1);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int row = i * n + j;
                rhs.data[row] = 2 * (w[row] - a * ww[row]);
                // (Y w)_ij = sum_l Y_il w_lj ; (w Y)_ij = sum_k w_ik Y_kj
                for (int l = 0; l < n; l++) {
                    op.data[row * m + i * n + l] -= a * w[l * n + j];
                    op.data[row * m + l * n + j] -= a * w[i * n + l];
                }
                op.data[row * m + row] += 1;
            }
        }
        DMatrixRMaj y = new DMatrixRMaj(m, 1);
        if (!org.ejml.dense.row.CommonOps_DDRM.solve(op, rhs, y)) {
            throw new InvalidInputException("w", "N = " + n, "couplings where Eq. 24a determines w_tau");
        }
        return y.data;
    }

    /** Relative and absolute tolerance of the ODE integration. */
    public static final double TOLERANCE = 1e-11;
    /** Largest N for which the matrix flow is integrated (the state has N^2 + N components). */
    public static final int MAX_UNITS = 200;

    private CouplingFlow() {
    }

    /** Gaussian couplings at one scale: mass matrix r (row-major), gradient coupling g, linear couplings u. */
    public record Couplings(double[] r, double g, double[] u) {
    }

    /**
     * One RG recursion, Eq. 21: {@code r' = b^2 r}, {@code u' = b^{(d+2)/2} u}, {@code g' = g}.
     *
     * @param b scale factor (> 0)
     * @param d spatial dimension (>= 1)
     */
    public static Couplings recursion(Couplings c, double b, int d) {
        InvalidInputException.requirePositive("b", b);
        requireDimension(d);
        double[] r = c.r().clone();
        double[] u = c.u().clone();
        double fr = b * b;
        double fu = Math.pow(b, (d + 2) / 2.0);
        for (int i = 0; i < r.length; i++) {
            r[i] *= fr;
        }
        for (int i = 0; i < u.length; i++) {
            u[i] *= fu;
        }
        return new Couplings(r, c.g(), u);
    }

    /** The couplings of a layer (Eq. 13 or 55). */
    public static Couplings couplingsOf(LayerCouplings layer) {
        return new Couplings(layer.r(), layer.g(), layer.u());
    }

    /**
     * Integrates the running equations (Eq. 23) numerically from {@code tau = 0} to {@code tau}.
     * The exact answer is {@link #recursion} with {@code b = e^tau}.
     */
    public static Couplings integrateRunningEquations(Couplings start, int d, double tau) {
        requireDimension(d);
        InvalidInputException.requireFinite("tau", tau);
        int nr = start.r().length;
        int nu = start.u().length;
        double[] y0 = new double[nr + 1 + nu];
        System.arraycopy(start.r(), 0, y0, 0, nr);
        y0[nr] = start.g();
        System.arraycopy(start.u(), 0, y0, nr + 1, nu);
        double du = (d + 2) / 2.0;
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return y0.length;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                double[] dy = new double[y.length];
                for (int i = 0; i < nr; i++) {
                    dy[i] = 2 * y[i];
                }
                dy[nr] = 0;
                for (int i = 0; i < nu; i++) {
                    dy[nr + 1 + i] = du * y[nr + 1 + i];
                }
                return dy;
            }
        };
        double[] y = solve(ode, y0, tau);
        double[] r = java.util.Arrays.copyOfRange(y, 0, nr);
        double[] u = java.util.Arrays.copyOfRange(y, nr + 1, nr + 1 + nu);
        return new Couplings(r, y[nr], u);
    }

    /** State of the matrix flow: {@code w(tau)} (row-major N x N) and {@code h(tau)}. */
    public record FlowState(double tau, double[] w, double[] h) {
    }

    /**
     * Integrates Eqs. 24-26 numerically from the layer's {@code w, h} at {@code tau = 0} to {@code tau}.
     *
     * @throws InvalidInputException if N exceeds {@link #MAX_UNITS}, or the flow reaches the singularity of
     *                               {@code 1 - 2 a w} before {@code tau}, or a row sum of {@code w} vanishes
     */
    public static FlowState integrate(LayerCouplings layer, int d, double tau) {
        requireDimension(d);
        InvalidInputException.requireFinite("tau", tau);
        int n = layer.n();
        if (n > MAX_UNITS) {
            throw new InvalidInputException("units", n, "at most " + MAX_UNITS + " for the integrated matrix flow");
        }
        double sing = singularTau(layer);
        if (tau >= sing) {
            throw new InvalidInputException("tau", tau, "below " + sing
                    + ", where 1 - 2 a w becomes singular and the flow (Eq. 26) ends");
        }
        double a = layer.a();
        double du = (d + 2) / 2.0;
        double[] y0 = new double[n * n + n];
        System.arraycopy(layer.w(), 0, y0, 0, n * n);
        System.arraycopy(layer.h(), 0, y0, n * n, n);
        LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(n);
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        DMatrixRMaj rhs = new DMatrixRMaj(n, n);
        DMatrixRMaj x = new DMatrixRMaj(n, n);
        double[] ww = new double[n * n];
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return y0.length;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                double[] dy = new double[y.length];
                CriticalRegulariser.multiplyInto(y, n, n, y, n, ww);
                for (int i = 0; i < n * n; i++) {
                    rhs.data[i] = 2 * (y[i] - a * ww[i]);
                    m.data[i] = -2 * a * y[i];
                }
                for (int i = 0; i < n; i++) {
                    m.data[i * n + i] += 1;
                }
                // w_tau = (1 - 2aw)^{-1} 2 (w - a w w); the factors commute
                if (!lu.setA(m)) {
                    throw new InvalidInputException("tau", t, "a scale where 1 - 2 a w is invertible");
                }
                lu.solve(rhs, x);
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        // symmetrise: the exact w_tau is symmetric
                        dy[i * n + j] = 0.5 * (x.data[i * n + j] + x.data[j * n + i]);
                    }
                }
                for (int k = 0; k < n; k++) {
                    double rowSum = 0;
                    double rowSumTau = 0;
                    for (int l = 0; l < n; l++) {
                        rowSum += y[k * n + l];
                        rowSumTau += dy[k * n + l];
                    }
                    double hk = y[n * n + k];
                    dy[n * n + k] = hk == 0 ? 0 : du * hk - hk * rowSumTau / rowSum;
                }
                return dy;
            }
        };
        double[] y = solve(ode, y0, tau);
        return new FlowState(tau, java.util.Arrays.copyOf(y, n * n), java.util.Arrays.copyOfRange(y, n * n, y.length));
    }

    /**
     * Exact solution of Eqs. 24-26 (see the class comment), by the eigen-decomposition of {@code w}.
     *
     * @throws InvalidInputException if {@code tau} is at or beyond {@link #singularTau}
     */
    public static FlowState closedForm(LayerCouplings layer, int d, double tau) {
        requireDimension(d);
        double sing = singularTau(layer);
        if (tau >= sing) {
            throw new InvalidInputException("tau", tau, "below " + sing + ", where the flow (Eq. 26) ends");
        }
        int n = layer.n();
        double a = layer.a();
        EigenDecomposition_F64<DMatrixRMaj> eig = eigen(layer.w(), n);
        double[] w = new double[n * n];
        double e2 = Math.exp(2 * tau);
        for (int q = 0; q < n; q++) {
            double x0 = a * eig.getEigenvalue(q).getReal();
            double c = x0 - x0 * x0;
            double disc = Math.sqrt(Math.max(0, 1 - 4 * e2 * c));
            double x = x0 < 0.5 ? 0.5 * (1 - disc) : 0.5 * (1 + disc);
            double lambda = x / a;
            DMatrixRMaj v = eig.getEigenVector(q);
            for (int i = 0; i < n; i++) {
                double vi = lambda * v.data[i];
                for (int j = 0; j < n; j++) {
                    w[i * n + j] += vi * v.data[j];
                }
            }
        }
        double[] w0 = layer.w();
        double[] h0 = layer.h();
        double[] h = new double[n];
        double grow = Math.exp((d + 2) / 2.0 * tau);
        for (int k = 0; k < n; k++) {
            double s0 = 0;
            double s = 0;
            for (int l = 0; l < n; l++) {
                s0 += w0[k * n + l];
                s += w[k * n + l];
            }
            h[k] = h0[k] == 0 ? 0 : grow * h0[k] * s0 / s;
        }
        return new FlowState(tau, w, h);
    }

    /**
     * The scale {@code tau*} at which {@code 1 - 2 a w(tau)} becomes singular and the flow ends:
     * {@code min -ln(4 c)/2} over the eigenvalues {@code x0} of {@code a w} in (0, 1), {@code c = x0 - x0^2};
     * {@code +infinity} if there are none. Negative when the start itself is beyond the singularity.
     */
    public static double singularTau(LayerCouplings layer) {
        EigenDecomposition_F64<DMatrixRMaj> eig = eigen(layer.w(), layer.n(), false);
        double a = layer.a();
        double best = Double.POSITIVE_INFINITY;
        for (int q = 0; q < layer.n(); q++) {
            double x0 = a * eig.getEigenvalue(q).getReal();
            double c = x0 - x0 * x0;
            if (c > 0) {
                best = Math.min(best, -0.5 * Math.log(4 * c));
            }
        }
        return best;
    }

    public static EigenDecomposition_F64<DMatrixRMaj> eigen(double[] w, int n) {
        return eigen(w, n, true);
    }

    public static EigenDecomposition_F64<DMatrixRMaj> eigen(double[] w, int n, boolean vectors) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, vectors, true);
        if (!eig.decompose(new DMatrixRMaj(n, n, true, w))) {
            throw new InvalidInputException("w", "N = " + n, "a symmetric matrix whose eigen-decomposition converges");
        }
        return eig;
    }

    private static double[] solve(OrdinaryDifferentialEquation ode, double[] y0, double tau) {
        if (tau == 0) {
            return y0.clone();
        }
        ODEIntegrator integrator = new DormandPrince853Integrator(Math.abs(tau) * 1e-12, Math.abs(tau),
                TOLERANCE, TOLERANCE);
        try {
            ODEStateAndDerivative end = integrator.integrate(ode, new ODEState(0.0, y0), tau);
            return end.getPrimaryState();
        } catch (org.hipparchus.exception.MathRuntimeException e) {
            throw new InvalidInputException("tau", tau, "a scale the integration reaches; it failed before ("
                    + e.getMessage() + "): the flow of h_k = u_k / (a_u (w 1)_k) diverges where a row sum of w(tau) "
                    + "crosses zero");
        }
    }

    private static void requireDimension(int d) {
        if (d < 1 || d > 64) {
            throw new InvalidInputException("dim", d, "an integer in [1, 64]");
        }
    }
}
