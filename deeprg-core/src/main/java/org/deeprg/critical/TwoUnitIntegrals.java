package org.deeprg.critical;

import org.deeprg.InvalidInputException;

/**
 * Brute-force integrals over two field components, the independent route for the identities of the appendices:
 * the Hubbard-Stratonovich representation of App. A (Eqs. 38-41) and the generating functional of the Gaussian
 * model of App. C (Eqs. 57-62) for one momentum mode. Integrals are trapezoid sums on a square grid
 * (exponentially accurate for these smooth, rapidly decaying integrands); nothing Gaussian is assumed.
 *
 * <h2>App. A</h2>
 * With w symmetric positive definite, {@code exp(s.w.s/2) = (det w)^{-1/2} (2 pi)^{-N/2} int dpsi
 * exp(-psi.w^{-1}.psi/2 + psi.s)} (Eq. 37 with {@code K = w^{-1}}); substituting {@code psi = w phi} (Jacobian
 * {@code det w}) and summing over {@code s in {+-1}^N}:
 * <pre>
 *   sum_s exp(s.w.s/2 + h.s) = (det w)^{1/2} (2 pi)^{-N/2} 2^N int dphi exp(-H),
 *   H = phi.w.phi/2 - sum_k ln cosh((w phi)_k + h_k)
 * </pre>
 * which is Eq. 42 without the gradient term. Eq. 41 prints {@code ln cosh(sum_i w_ik phi_i + phi_k)}: no h at all.
 *
 * <h2>App. C</h2>
 * {@code Z(u) = int d^2 phi exp(-beta (phi.K.phi/2 - u.phi))} (Eq. 57 for one mode); {@code <phi_k phi_l>_0}
 * (Eq. 60) and {@code d^2 ln Z / du_k du_l} (Eq. 61) are both computed by quadrature.
 */
public final class TwoUnitIntegrals {
    /** Grid points per axis of the trapezoid sums. */
    public static final int GRID = 801;

    private TwoUnitIntegrals() {
    }

    /** {@code sum over s in {+-1}^2 of exp(s.w.s/2 + h.s)} (Eq. 38 with the sign that Eq. 39 uses). */
    public static double isingPartition(double[] w, double[] h) {
        check2(w, h);
        double z = 0;
        for (int s0 = -1; s0 <= 1; s0 += 2) {
            for (int s1 = -1; s1 <= 1; s1 += 2) {
                double e = 0.5 * (w[0] * s0 * s0 + 2 * w[1] * s0 * s1 + w[3] * s1 * s1) + h[0] * s0 + h[1] * s1;
                z += Math.exp(e);
            }
        }
        return z;
    }

    /**
     * {@code (det w)^{1/2} (2 pi)^{-1} 2^2 int d^2 phi exp(-H(phi))} with the field Hamiltonian of App. A:
     * {@code H = phi.w.phi/2 - sum_k ln cosh((w phi)_k + c_k)}, where {@code c_k = h_k} (the corrected Eq. 41,
     * {@code printedEq41 = false}) or {@code c_k = phi_k} (Eq. 41 as printed). w symmetric positive definite.
     */
    public static double fieldPartition(double[] w, double[] h, boolean printedEq41) {
        check2(w, h);
        double det = w[0] * w[3] - w[1] * w[2];
        if (!(w[0] > 0 && det > 0) || w[1] != w[2]) {
            throw new InvalidInputException("w", "2 x 2", "a symmetric positive definite matrix");
        }
        double lambdaMin = 0.5 * (w[0] + w[3]) - Math.sqrt(0.25 * (w[0] - w[3]) * (w[0] - w[3]) + w[1] * w[1]);
        // exp(-H) <= exp(-lambdaMin |phi|^2/2 + sum |(w phi)_k| + |h|): the box covers 14 widths beyond the peak shift
        double wNorm = Math.abs(w[0]) + Math.abs(w[1]) + Math.abs(w[3]);
        double half = (2 * wNorm + 2 + Math.abs(h[0]) + Math.abs(h[1])) / lambdaMin + 14 / Math.sqrt(lambdaMin);
        double sum = trapezoid(half, (p0, p1) -> {
            double a0 = w[0] * p0 + w[1] * p1;
            double a1 = w[2] * p0 + w[3] * p1;
            double c0 = printedEq41 ? p0 : h[0];
            double c1 = printedEq41 ? p1 : h[1];
            double hField = 0.5 * (p0 * a0 + p1 * a1) - logCosh(a0 + c0) - logCosh(a1 + c1);
            return Math.exp(-hField);
        });
        return Math.sqrt(det) / (2 * Math.PI) * 4 * sum;
    }

    /** {@code ln Z(u)}, {@code Z(u) = int d^2 phi exp(-beta (phi.K.phi/2 - u.phi))}, K symmetric positive definite. */
    public static double gaussianLogPartition(double[] k, double beta, double[] u) {
        double[] box = gaussianBox(k, beta, u);
        return Math.log(trapezoid(box[0], (p0, p1) -> Math.exp(-beta * (0.5 * (k[0] * p0 * p0 + 2 * k[1] * p0 * p1
                + k[3] * p1 * p1) - u[0] * p0 - u[1] * p1))));
    }

    /** {@code <phi_i phi_j>_0} under {@code exp(-beta phi.K.phi/2)} (Eqs. 59-60), by quadrature. */
    public static double gaussianMoment(double[] k, double beta, int i, int j) {
        double[] zero = {0, 0};
        double[] box = gaussianBox(k, beta, zero);
        java.util.function.DoubleBinaryOperator weight = (p0, p1) -> Math.exp(-beta * 0.5 * (k[0] * p0 * p0
                + 2 * k[1] * p0 * p1 + k[3] * p1 * p1));
        double z = trapezoid(box[0], weight);
        double m = trapezoid(box[0], (p0, p1) -> (i == 0 ? p0 : p1) * (j == 0 ? p0 : p1) * weight.applyAsDouble(p0, p1));
        return m / z;
    }

    /**
     * {@code d^2 ln Z / du_i du_j} at {@code u = 0} (Eq. 61) by central finite differences of
     * {@link #gaussianLogPartition} with step {@code du}.
     */
    public static double secondDerivativeOfLogPartition(double[] k, double beta, int i, int j, double du) {
        double[] pp = new double[2];
        double[] pm = new double[2];
        double[] mp = new double[2];
        double[] mm = new double[2];
        pp[i] += du;
        pp[j] += du;
        pm[i] += du;
        pm[j] -= du;
        mp[i] -= du;
        mp[j] += du;
        mm[i] -= du;
        mm[j] -= du;
        return (gaussianLogPartition(k, beta, pp) - gaussianLogPartition(k, beta, pm)
                - gaussianLogPartition(k, beta, mp) + gaussianLogPartition(k, beta, mm)) / (4 * du * du);
    }

    private static double[] gaussianBox(double[] k, double beta, double[] u) {
        if (k == null || k.length != 4 || k[1] != k[2] || !(k[0] > 0) || !(k[0] * k[3] - k[1] * k[2] > 0)) {
            throw new InvalidInputException("K", "2 x 2", "a symmetric positive definite matrix");
        }
        InvalidInputException.requirePositive("beta", beta);
        double lambdaMin = 0.5 * (k[0] + k[3]) - Math.sqrt(0.25 * (k[0] - k[3]) * (k[0] - k[3]) + k[1] * k[1]);
        double shift = (Math.abs(u[0]) + Math.abs(u[1])) / lambdaMin;
        return new double[] {shift + 14 / Math.sqrt(beta * lambdaMin)};
    }

    private static double trapezoid(double half, java.util.function.DoubleBinaryOperator f) {
        double step = 2 * half / (GRID - 1);
        double sum = 0;
        for (int a = 0; a < GRID; a++) {
            double p0 = -half + a * step;
            double wa = a == 0 || a == GRID - 1 ? 0.5 : 1;
            for (int b = 0; b < GRID; b++) {
                double p1 = -half + b * step;
                double wb = b == 0 || b == GRID - 1 ? 0.5 : 1;
                sum += wa * wb * f.applyAsDouble(p0, p1);
            }
        }
        return sum * step * step;
    }

    private static double logCosh(double z) {
        double x = Math.abs(z);
        return x + Math.log1p(Math.exp(-2 * x)) - Math.log(2);
    }

    private static void check2(double[] w, double[] h) {
        if (w == null || w.length != 4 || h == null || h.length != 2) {
            throw new InvalidInputException("w", "size", "a 2 x 2 matrix and 2 fields");
        }
    }
}
