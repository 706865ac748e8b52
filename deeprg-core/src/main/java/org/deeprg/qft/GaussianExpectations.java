package org.deeprg.qft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deeprg.InvalidInputException;
import org.deeprg.net.Activation;
import org.hipparchus.analysis.integration.gauss.GaussIntegrator;
import org.hipparchus.analysis.integration.gauss.GaussIntegratorFactory;
import org.hipparchus.special.Gamma;

/**
 * Expectations of products of activations over the first layer's Gaussian pre-activations:
 * {@code M(x_1..x_k) = E[g(z(x_1)) ... g(z(x_k))]} with {@code z(x) = W_0 . x + b_0},
 * {@code W_0 ~ N(0, sigmaW^2/d_in I)}, {@code b_0 ~ N(0, sigmaB^2)} (one hidden neuron of Eq. 1).
 *
 * <ul>
 * <li>Gauss-net (Eq. 3), closed form: with {@code v_a = sigmaB^2 + sigmaW^2 |x_a|^2/d_in} and {@code S = sum_a x_a},
 *     {@code sum_a z_a} is Gaussian with variance {@code sigmaW^2 |S|^2/d_in + k^2 sigmaB^2}, so
 *     {@code M = exp(Var(sum z)/2 - sum_a v_a)}; for k = 2 this is {@code exp(-sigmaW^2 |x-y|^2/(2 d_in))} (Eq. 4).</li>
 * <li>Otherwise {@code z_a = A_a . xi} with {@code xi ~ N(0, I_r)}, {@code r <= min(k, d_in) + 1} after projecting
 *     {@code W_0} on the span of the points (Gram-Schmidt). ReLU with {@code r <= 2} is positively homogeneous:
 *     {@code M = E[R^k] * (1/2pi) int dtheta prod_a relu(A_a . (cos, sin))}, {@code E[R^k] = 2^{k/2} Gamma(1+k/2)},
 *     the angular integral by Gauss-Legendre between the kinks (machine precision). Everything else by a tensor
 *     Gauss-Hermite rule ({@link #hermiteNodes(int)} per dimension; {@code r <= 4}).</li>
 * </ul>
 */
public final class GaussianExpectations {
    /** Largest reduced dimension handled by quadrature. */
    public static final int MAX_QUADRATURE_DIMENSION = 4;

    private static final GaussIntegratorFactory FACTORY = new GaussIntegratorFactory();

    private GaussianExpectations() {
    }

    /** Gauss-Hermite nodes per dimension for a reduced dimension r. */
    static int hermiteNodes(int r) {
        return switch (r) {
            case 1 -> 160;
            case 2 -> 96;
            case 3 -> 40;
            default -> 20;
        };
    }

    /** Standard-normal Gauss-Hermite rule: nodes[0] points, nodes[1] weights (sum 1). */
    static double[][] normalRule(int q) {
        GaussIntegrator gi = FACTORY.hermite(q);
        double[][] r = new double[2][q];
        for (int i = 0; i < q; i++) {
            r[0][i] = Math.sqrt(2.0) * gi.getPoint(i);
            r[1][i] = gi.getWeight(i) / Math.sqrt(Math.PI);
        }
        return r;
    }

    /** {@code E[prod_a g(z(x_a))]} for the points {@code pts} (rows, length d_in; repeats allowed). */
    public static double productMoment(NetworkSpec spec, double[][] pts) {
        int k = pts.length;
        int d = spec.dIn();
        double sw2 = spec.sigmaW() * spec.sigmaW();
        double sb2 = spec.sigmaB() * spec.sigmaB();
        if (spec.gaussNet()) {
            double[] s = new double[d];
            double sumV = 0;
            for (double[] x : pts) {
                double n2 = 0;
                for (int c = 0; c < d; c++) {
                    s[c] += x[c];
                    n2 += x[c] * x[c];
                }
                sumV += sb2 + sw2 * n2 / d;
            }
            double s2 = 0;
            for (double v : s) {
                s2 += v * v;
            }
            return Math.exp(0.5 * (sw2 * s2 / d + (double) k * k * sb2) - sumV);
        }
        double[][] a = reducedLoadings(spec, pts);
        int r = a.length == 0 ? 0 : a[0].length;
        if (r == 0) {
            double p = 1;
            for (int i = 0; i < k; i++) {
                p *= spec.activation().value(0.0);
            }
            return p;
        }
        if (spec.activation() instanceof Activation.Relu && r <= 2) {
            return reluMoment(a, r);
        }
        if (r > MAX_QUADRATURE_DIMENSION) {
            throw new InvalidInputException("points", k + " points in d_in = " + d,
                    "exact finite-width values need at most " + MAX_QUADRATURE_DIMENSION + " Gaussian directions (min(k, d_in) + 1)");
        }
        return hermite(spec.activation(), a, r);
    }

    /** Loadings {@code A} (k x r) with {@code z_a = A_a . xi}, after projecting on the span of the points. */
    static double[][] reducedLoadings(NetworkSpec spec, double[][] pts) {
        int k = pts.length;
        int d = spec.dIn();
        double scale = spec.sigmaW() / Math.sqrt(d);
        List<double[]> basis = new ArrayList<>();
        if (scale > 0) {
            for (double[] x : pts) {
                double[] v = x.clone();
                for (double[] b : basis) {
                    double dot = 0;
                    for (int c = 0; c < d; c++) {
                        dot += v[c] * b[c];
                    }
                    for (int c = 0; c < d; c++) {
                        v[c] -= dot * b[c];
                    }
                }
                double norm = 0;
                for (double c : v) {
                    norm += c * c;
                }
                norm = Math.sqrt(norm);
                double ref = 0;
                for (double c : x) {
                    ref += c * c;
                }
                if (norm > 1e-12 * Math.max(1.0, Math.sqrt(ref))) {
                    for (int c = 0; c < d; c++) {
                        v[c] /= norm;
                    }
                    basis.add(v);
                }
            }
        }
        boolean bias = spec.sigmaB() > 0;
        int r = basis.size() + (bias ? 1 : 0);
        double[][] a = new double[k][r];
        for (int i = 0; i < k; i++) {
            int col = 0;
            if (bias) {
                a[i][col++] = spec.sigmaB();
            }
            for (double[] b : basis) {
                double dot = 0;
                for (int c = 0; c < d; c++) {
                    dot += pts[i][c] * b[c];
                }
                a[i][col++] = scale * dot;
            }
        }
        return a;
    }

    private static double hermite(Activation act, double[][] a, int r) {
        int q = hermiteNodes(r);
        double[][] rule = normalRule(q);
        int k = a.length;
        int[] idx = new int[r];
        long total = 1;
        for (int i = 0; i < r; i++) {
            total *= q;
        }
        double sum = 0;
        double[] xi = new double[r];
        for (long t = 0; t < total; t++) {
            long rem = t;
            double w = 1;
            for (int i = 0; i < r; i++) {
                idx[i] = (int) (rem % q);
                rem /= q;
                xi[i] = rule[0][idx[i]];
                w *= rule[1][idx[i]];
            }
            double p = 1;
            for (int j = 0; j < k && p != 0; j++) {
                double z = 0;
                for (int i = 0; i < r; i++) {
                    z += a[j][i] * xi[i];
                }
                p *= act.value(z);
            }
            sum += w * p;
        }
        return sum;
    }

    /** ReLU moments for r = 1, 2 by the polar decomposition (see class comment). */
    static double reluMoment(double[][] a, int r) {
        int k = a.length;
        if (r == 1) {
            boolean allPos = true;
            boolean allNeg = true;
            double prod = 1;
            for (double[] row : a) {
                allPos &= row[0] > 0;
                allNeg &= row[0] < 0;
                prod *= Math.abs(row[0]);
            }
            if (!allPos && !allNeg) {
                return 0;
            }
            double absMoment = Math.pow(2, k / 2.0) * Math.exp(Gamma.logGamma((k + 1) / 2.0)) / Math.sqrt(Math.PI);
            return 0.5 * prod * absMoment;
        }
        double radial = Math.pow(2, k / 2.0) * Math.exp(Gamma.logGamma(1 + k / 2.0));
        double[] cuts = new double[2 * k + 2];
        int nc = 0;
        cuts[nc++] = 0;
        cuts[nc++] = 2 * Math.PI;
        for (double[] row : a) {
            double phi = Math.atan2(row[1], row[0]);
            for (double c : new double[] {phi + Math.PI / 2, phi - Math.PI / 2}) {
                double m = c % (2 * Math.PI);
                if (m < 0) {
                    m += 2 * Math.PI;
                }
                cuts[nc++] = m;
            }
        }
        double[] sorted = Arrays.copyOf(cuts, nc);
        Arrays.sort(sorted);
        double angular = 0;
        for (int i = 0; i + 1 < sorted.length; i++) {
            double lo = sorted[i];
            double hi = sorted[i + 1];
            if (hi - lo < 1e-15) {
                continue;
            }
            GaussIntegrator gl = FACTORY.legendre(24, lo, hi);
            for (int j = 0; j < gl.getNumberOfPoints(); j++) {
                double th = gl.getPoint(j);
                double c = Math.cos(th);
                double s = Math.sin(th);
                double p = 1;
                for (double[] row : a) {
                    double z = row[0] * c + row[1] * s;
                    p *= z > 0 ? z : 0;
                }
                angular += gl.getWeight(j) * p;
            }
        }
        return radial * angular / (2 * Math.PI);
    }

    /**
     * {@code E[g(u) g(v)]} for {@code (u, v)} centred Gaussian with covariance {@code [[c11, c12], [c12, c22]]}:
     * closed forms for erf (Williams 1998: {@code (2/pi) asin(2 c12 / sqrt((1 + 2 c11)(1 + 2 c22)))}) and ReLU
     * (arc-cosine kernel: {@code sqrt(c11 c22)/(2 pi) (sin t + (pi - t) cos t)}, {@code t = arccos} of the
     * correlation clamped to [-1, 1], so t = pi at cos = -1 gives 0), 2-d Gauss-Hermite otherwise.
     * Not for Gauss-net (its normalisation depends on the input point). The closed forms are exactly the activations
     * whose {@link Activation#hasClosedFormKernel()} is true among the NN-QFT ones (besides Gauss-net, handled by
     * {@link Kernel} directly).
     */
    public static double pairMoment(Activation act, double c11, double c12, double c22) {
        if (act instanceof Activation.Erf) {
            return 2 / Math.PI * Math.asin(Math.max(-1, Math.min(1, 2 * c12 / Math.sqrt((1 + 2 * c11) * (1 + 2 * c22)))));
        }
        if (act instanceof Activation.Relu) {
            double n = Math.sqrt(c11 * c22);
            if (!(n > 0)) {
                return 0;
            }
            double cos = Math.max(-1, Math.min(1, c12 / n));
            double t = Math.acos(cos);
            return n / (2 * Math.PI) * (Math.sin(t) + (Math.PI - t) * cos);
        }
        if (NetworkSpec.isGaussNet(act)) {
            throw new IllegalArgumentException("pairMoment is not defined for the gauss activation");
        }
        return pairMomentQuadrature(act, c11, c12, c22);
    }

    /** {@code E[g(u) g(v)]} by 2-d Gauss-Hermite quadrature (any pointwise activation). */
    public static double pairMomentQuadrature(Activation act, double c11, double c12, double c22) {
        double l11 = Math.sqrt(Math.max(c11, 0));
        double l21 = l11 > 0 ? c12 / l11 : 0;
        double l22 = Math.sqrt(Math.max(c22 - l21 * l21, 0));
        double[][] rule = normalRule(hermiteNodes(2));
        int q = rule[0].length;
        double sum = 0;
        for (int i = 0; i < q; i++) {
            double u = l11 * rule[0][i];
            double gu = act.value(u);
            for (int j = 0; j < q; j++) {
                double v = l21 * rule[0][i] + l22 * rule[0][j];
                sum += rule[1][i] * rule[1][j] * gu * act.value(v);
            }
        }
        return sum;
    }

    /**
     * {@code E[prod_a g(z_a)]} for a centred Gaussian vector {@code z} with covariance {@code cov} (k x k; repeated
     * variables are equal rows), a pointwise activation: {@code z = A xi} with {@code A = V sqrt(Lambda)} from the
     * eigen-decomposition (rank r), then the polar method for ReLU with {@code r <= 2}, else tensor Gauss-Hermite.
     *
     * @throws InvalidInputException when the rank exceeds {@link #MAX_QUADRATURE_DIMENSION}
     */
    public static double moment(Activation act, double[][] cov) {
        if (NetworkSpec.isGaussNet(act)) {
            throw new IllegalArgumentException("moment(cov) is for pointwise activations; the Gauss-net uses productMoment");
        }
        int k = cov.length;
        org.hipparchus.linear.EigenDecompositionSymmetric eig =
                new org.hipparchus.linear.EigenDecompositionSymmetric(new org.hipparchus.linear.Array2DRowRealMatrix(cov, true));
        double[] lambda = eig.getEigenvalues();
        double max = 0;
        for (double l : lambda) {
            max = Math.max(max, Math.abs(l));
        }
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < lambda.length; i++) {
            if (lambda[i] > 1e-12 * max) {
                keep.add(i);
            }
        }
        int r = keep.size();
        double[][] a = new double[k][r];
        for (int c = 0; c < r; c++) {
            int i = keep.get(c);
            double sq = Math.sqrt(lambda[i]);
            for (int row = 0; row < k; row++) {
                a[row][c] = eig.getEigenvector(i).getEntry(row) * sq;
            }
        }
        if (r == 0) {
            double p = 1;
            for (int i = 0; i < k; i++) {
                p *= act.value(0.0);
            }
            return p;
        }
        if (act instanceof Activation.Relu && r <= 2) {
            return reluMoment(a, r);
        }
        if (r > MAX_QUADRATURE_DIMENSION) {
            throw new InvalidInputException("points", k + " variables of rank " + r,
                    "Gaussian expectations need at most " + MAX_QUADRATURE_DIMENSION + " directions");
        }
        return hermite(act, a, r);
    }

    /**
     * The partial derivatives of the pair moment {@code P(c11, c12, c22) = E[g(u) g(v)]}
     * ({@link #pairMoment}) with respect to {@code c11}, {@code c12} (the off-diagonal entry, moving both
     * {@code C_12} and {@code C_21}) and {@code c22}. By Price's theorem
     * {@code dP/dc12 = E[g'(u) g'(v)]}, {@code dP/dc11 = E[g''(u) g(v)] / 2}: closed forms for ReLU
     * ({@code dP/dc12 = (pi - t)/(2 pi)}, {@code dP/dc11 = sqrt(c11 c22 - c12^2)/(4 pi c11)}, t the angle of the
     * correlation) and erf (differentiating {@code (2/pi) asin r}, {@code r = 2 c12/sqrt((1 + 2 c11)(1 + 2 c22))}),
     * 2-d Gauss-Hermite with the activation's derivatives otherwise. For the diagonal pair ({@code u = v}) use
     * {@link #squareMomentDerivative}.
     *
     * @return {@code {dP/dc11, dP/dc12, dP/dc22}}
     */
    public static double[] pairMomentGradient(Activation act, double c11, double c12, double c22) {
        if (act instanceof Activation.Relu) {
            double s = Math.sqrt(Math.max(c11 * c22 - c12 * c12, 0));
            double n = Math.sqrt(c11 * c22);
            double t = Math.acos(Math.max(-1, Math.min(1, c12 / n)));
            return new double[] {s / (4 * Math.PI * c11), (Math.PI - t) / (2 * Math.PI), s / (4 * Math.PI * c22)};
        }
        if (act instanceof Activation.Erf) {
            double q = Math.sqrt((1 + 2 * c11) * (1 + 2 * c22));
            double r = 2 * c12 / q;
            double f = 2 / Math.PI / Math.sqrt(1 - r * r);
            return new double[] {f * (-r / (1 + 2 * c11)), f * 2 / q, f * (-r / (1 + 2 * c22))};
        }
        double l11 = Math.sqrt(Math.max(c11, 0));
        double l21 = l11 > 0 ? c12 / l11 : 0;
        double l22 = Math.sqrt(Math.max(c22 - l21 * l21, 0));
        double[][] rule = normalRule(hermiteNodes(2));
        int q = rule[0].length;
        double d11 = 0;
        double d12 = 0;
        double d22 = 0;
        for (int i = 0; i < q; i++) {
            double u = l11 * rule[0][i];
            double[] du = act.derivatives(u, 2);
            for (int j = 0; j < q; j++) {
                double v = l21 * rule[0][i] + l22 * rule[0][j];
                double[] dv = act.derivatives(v, 2);
                double w = rule[1][i] * rule[1][j];
                d12 += w * du[1] * dv[1];
                d11 += w * du[2] * dv[0];
                d22 += w * du[0] * dv[2];
            }
        }
        return new double[] {0.5 * d11, d12, 0.5 * d22};
    }

    /**
     * {@code d/dc E[g(u)^2]} for {@code u ~ N(0, c)}: {@code E[g'(u)^2 + g(u) g''(u)]} (Price); ReLU {@code 1/2}, erf
     * {@code (2/pi) 2/((1 + 2c) sqrt((1 + 2c)^2 - 4c^2))}.
     */
    public static double squareMomentDerivative(Activation act, double c) {
        if (act instanceof Activation.Relu) {
            return 0.5;
        }
        if (act instanceof Activation.Erf) {
            double a = 1 + 2 * c;
            return 2 / Math.PI * 2 / (a * Math.sqrt(a * a - 4 * c * c));
        }
        double[][] rule = normalRule(hermiteNodes(1));
        double sd = Math.sqrt(Math.max(c, 0));
        double sum = 0;
        for (int i = 0; i < rule[0].length; i++) {
            double[] d = act.derivatives(sd * rule[0][i], 2);
            sum += rule[1][i] * (d[1] * d[1] + d[0] * d[2]);
        }
        return sum;
    }
}
