package org.deeprg.dyn.rg;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.deeprg.random.RandomStreams;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Finds the isolated fixed points R(x*) = x* (Eq. 27) of a {@link DecimationMap} in exponential coordinates by Newton's
 * method with deflation (Farrell, Birkisson, Funke 2015) from many random starts.
 *
 * <p>Newton on F(x) = R(x) - x with the Jacobian of {@link DecimationMap#jacobian}. Deflation multiplies F by
 * M(x) = prod_j (1/|x - x_j|^2 + 1) over the roots x_j already found and by (1/d(x)^2 + 1), d the distance to the known
 * fixed manifold of factorised kernels (all mixed couplings x_S = 1), so that neither a found root nor the manifold
 * attracts Newton again; the deflated Newton step is delta_F / (1 - grad(ln M) . delta_F), delta_F the plain Newton
 * step. Physical starts draw x_S = e^{U(-2, 2)}; sign-extended ("fictitious") starts also draw a random sign.
 *
 * <p>Deterministic given the seed: start k uses stream {@code streams.split(k)}; starts run in order.
 */
public final class FixedPointFinder {
    private FixedPointFinder() {
    }

    /** Coordinates in which Newton runs. */
    public enum Chart {
        /** x_S = e^{K_S} (the paper's Eq. 27 coordinates). */
        EXPONENTIAL,
        /** normalised kernel entries K(sigma, h) / K(0, 0) (contains kernels with zero entries). */
        KERNEL;

        double[] apply(DecimationMap map, double[] v) {
            return this == EXPONENTIAL ? map.apply(v) : map.applyKernel(v);
        }

        double[][] jacobian(DecimationMap map, double[] v) {
            return this == EXPONENTIAL ? map.jacobian(v) : map.jacobianKernel(v);
        }

        /** Squared distance from the factorised manifold and its gradient. */
        double manifold(DecimationMap map, double[] v, double[] gradient) {
            if (this == KERNEL) {
                return map.factorisedResidual(v, gradient);
            }
            double d2 = 0;
            for (int i = 0; i < v.length; i++) {
                boolean mixed = map.isMixed(i + 1);
                gradient[i] = mixed ? 2 * (v[i] - 1) : 0;
                if (mixed) {
                    d2 += (v[i] - 1) * (v[i] - 1);
                }
            }
            return d2;
        }
    }

    /** {@link #find(DecimationMap, Chart, int, boolean, RandomStreams)} in exponential coordinates. */
    public static List<double[]> find(DecimationMap map, int starts, boolean fictitious, RandomStreams streams) {
        return find(map, Chart.EXPONENTIAL, starts, fictitious, streams);
    }

    /**
     * @param map        the RG map
     * @param starts     number of random starts (>= 1)
     * @param fictitious whether starts may have negative exponential couplings
     * @param streams    random streams (start k uses split(k))
     * @return the distinct isolated fixed points off the factorised manifold, as raw coordinates (only those with
     *         every x_S &gt; 0 unless {@code fictitious})
     */
    public static List<double[]> find(DecimationMap map, Chart chart, int starts, boolean fictitious, RandomStreams streams) {
        int d = map.dimension();
        List<double[]> roots = new ArrayList<>();
        double[] grad = new double[d];
        for (int k = 0; k < starts; k++) {
            UniformRandomProvider rng = streams.split(k).generator();
            double[] x = new double[d];
            for (int i = 0; i < d; i++) {
                x[i] = Math.exp(4 * rng.nextDouble() - 2);
                if (fictitious && rng.nextBoolean()) {
                    x[i] = -x[i];
                }
            }
            double[] root = newton(map, chart, x, roots);
            if (root == null || (!fictitious && !allPositive(root))) {
                continue;
            }
            boolean known = false;
            for (double[] r : roots) {
                if (distance(r, root) < 1e-6 * (1 + norm(root))) {
                    known = true;
                }
            }
            if (!known && Math.sqrt(chart.manifold(map, root, grad)) > 1e-6) {
                roots.add(root);
            }
        }
        return roots;
    }

    /** Deflated Newton from x; null when it does not converge. */
    static double[] newton(DecimationMap map, Chart chart, double[] x0, List<double[]> roots) {
        int d = x0.length;
        double[] x = x0.clone();
        double[] grad = new double[d];
        for (int it = 0; it < 80; it++) {
            double[] fx = chart.apply(map, x);
            double[] f = new double[d];
            double fnorm = 0;
            for (int i = 0; i < d; i++) {
                f[i] = fx[i] - x[i];
                if (!Double.isFinite(f[i])) {
                    return null;
                }
                fnorm = Math.max(fnorm, Math.abs(f[i]));
            }
            if (fnorm < 1e-13 * (1 + norm(x))) {
                return x;
            }
            double[][] j = chart.jacobian(map, x);
            DMatrixRMaj a = new DMatrixRMaj(d, d);
            for (int r = 0; r < d; r++) {
                for (int c = 0; c < d; c++) {
                    a.set(r, c, j[r][c] - (r == c ? 1 : 0));
                }
            }
            DMatrixRMaj rhs = new DMatrixRMaj(d, 1);
            for (int i = 0; i < d; i++) {
                rhs.set(i, 0, -f[i]);
            }
            DMatrixRMaj step = new DMatrixRMaj(d, 1);
            if (!CommonOps_DDRM.solve(a, rhs, step)) {
                return null;
            }
            double[] delta = new double[d];
            for (int i = 0; i < d; i++) {
                delta[i] = step.get(i, 0);
                if (!Double.isFinite(delta[i])) {
                    return null;
                }
            }
            // deflation: grad ln M . delta
            double g = 0;
            for (double[] r : roots) {
                double d2 = 0;
                for (int i = 0; i < d; i++) {
                    d2 += (x[i] - r[i]) * (x[i] - r[i]);
                }
                double dot = 0;
                for (int i = 0; i < d; i++) {
                    dot += (x[i] - r[i]) * delta[i];
                }
                g += -2 * dot / (d2 * d2 + d2);
            }
            double m2 = chart.manifold(map, x, grad);
            double mdot = 0;
            for (int i = 0; i < d; i++) {
                mdot += grad[i] * delta[i];
            }
            if (m2 > 0) {
                g += -mdot / (m2 * m2 + m2);
            }
            double tau = 1 / (1 - g);
            if (!Double.isFinite(tau)) {
                return null;
            }
            double len = 0;
            for (int i = 0; i < d; i++) {
                delta[i] *= tau;
                len = Math.max(len, Math.abs(delta[i]));
            }
            double cap = 2 * (1 + norm(x));
            double scale = len > cap ? cap / len : 1;
            for (int i = 0; i < d; i++) {
                x[i] += scale * delta[i];
            }
        }
        return null;
    }

    /** Max-norm distance of the mixed couplings from 1 (0 on the factorised manifold). */
    public static double manifoldDistance(double[] x, boolean[] mixed) {
        double m = 0;
        for (int i = 0; i < x.length; i++) {
            if (mixed[i]) {
                m = Math.max(m, Math.abs(x[i] - 1));
            }
        }
        return m;
    }

    static boolean allPositive(double[] x) {
        for (double v : x) {
            if (!(v > 0)) {
                return false;
            }
        }
        return true;
    }

    static double distance(double[] a, double[] b) {
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    static double norm(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
