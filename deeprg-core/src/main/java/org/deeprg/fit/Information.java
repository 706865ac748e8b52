package org.deeprg.fit;

import java.util.function.ToDoubleFunction;

/**
 * Standard errors from the observed information: the inverse of minus the Hessian of the log-likelihood at its
 * maximum, by finite differences with steps of a hundredth of a first diagonal estimate of each standard error
 * (the log-likelihood changes by about \( 5\cdot10^{-5} \) per step: far above rounding, far inside the quadratic
 * region), central differences where the parameter may move both ways and forward differences next to a lower bound
 * (\( \lambda \ge 0 \)), then carried to the reported parameters by the delta method.
 */
final class Information {
    private Information() {
    }

    /**
     * The covariance matrix of the maximum-likelihood parameters {@code p} of {@code logLikelihood}, or null when
     * the Hessian is not negative definite.
     *
     * @param lower lower bounds of the parameters (steps never cross them), or null for none
     */
    static double[][] covariance(ToDoubleFunction<double[]> logLikelihood, double[] p, double[] lower) {
        int d = p.length;
        double f0 = logLikelihood.applyAsDouble(p);
        double[] h = new double[d];
        boolean[] forward = new boolean[d];
        for (int i = 0; i < d; i++) {
            double trial = 1e-4 * Math.max(Math.abs(p[i]), 1e-3);
            for (int round = 0; round < 2; round++) {
                forward[i] = lower != null && p[i] - trial < lower[i];
                double curvature = -second(logLikelihood, p, f0, i, trial, forward[i]);
                if (!(curvature > 0) || Double.isInfinite(curvature)) {
                    return null;
                }
                trial = 0.01 / Math.sqrt(curvature);
            }
            forward[i] = lower != null && p[i] - trial < lower[i];
            h[i] = trial;
        }
        double[][] hessian = new double[d][d];
        for (int i = 0; i < d; i++) {
            hessian[i][i] = second(logLikelihood, p, f0, i, h[i], forward[i]);
            for (int j = 0; j < i; j++) {
                double mixed;
                if (forward[i] || forward[j]) {
                    mixed = (at(logLikelihood, p, i, h[i], j, h[j]) - at(logLikelihood, p, i, h[i], -1, 0)
                            - at(logLikelihood, p, j, h[j], -1, 0) + f0) / (h[i] * h[j]);
                } else {
                    mixed = (at(logLikelihood, p, i, h[i], j, h[j]) - at(logLikelihood, p, i, h[i], j, -h[j])
                            - at(logLikelihood, p, i, -h[i], j, h[j]) + at(logLikelihood, p, i, -h[i], j, -h[j]))
                            / (4 * h[i] * h[j]);
                }
                hessian[i][j] = mixed;
                hessian[j][i] = mixed;
            }
        }
        return inverseOfNegative(hessian);
    }

    private static double second(ToDoubleFunction<double[]> f, double[] p, double f0, int i, double h, boolean forward) {
        if (forward) {
            return (at(f, p, i, 2 * h, -1, 0) - 2 * at(f, p, i, h, -1, 0) + f0) / (h * h);
        }
        return (at(f, p, i, h, -1, 0) - 2 * f0 + at(f, p, i, -h, -1, 0)) / (h * h);
    }

    private static double at(ToDoubleFunction<double[]> f, double[] p, int i, double hi, int j, double hj) {
        double[] q = p.clone();
        q[i] += hi;
        if (j >= 0) {
            q[j] += hj;
        }
        return f.applyAsDouble(q);
    }

    /** \( (-H)^{-1} \) by Gauss-Jordan, or null unless -H is positive definite. */
    static double[][] inverseOfNegative(double[][] hessian) {
        int d = hessian.length;
        double[][] a = new double[d][2 * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                a[i][j] = -hessian[i][j];
                if (!Double.isFinite(a[i][j])) {
                    return null;
                }
            }
            a[i][d + i] = 1;
        }
        for (int col = 0; col < d; col++) {
            double pivot = a[col][col];
            if (!(pivot > 0)) {
                return null;
            }
            for (int j = 0; j < 2 * d; j++) {
                a[col][j] /= pivot;
            }
            for (int r = 0; r < d; r++) {
                if (r != col) {
                    double factor = a[r][col];
                    for (int j = 0; j < 2 * d; j++) {
                        a[r][j] -= factor * a[col][j];
                    }
                }
            }
        }
        double[][] cov = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                cov[i][j] = a[i][d + j];
            }
            if (!(cov[i][i] > 0)) {
                return null;
            }
        }
        return cov;
    }

    /** \( \sqrt{(J \Sigma J^T)_{rr}} \) for each row r of the Jacobian J of the reported parameters. */
    static double[] deltaMethod(double[][] covariance, double[][] jacobian) {
        double[] out = new double[jacobian.length];
        for (int r = 0; r < jacobian.length; r++) {
            double v = 0;
            for (int i = 0; i < covariance.length; i++) {
                for (int j = 0; j < covariance.length; j++) {
                    v += jacobian[r][i] * covariance[i][j] * jacobian[r][j];
                }
            }
            out[r] = v > 0 ? Math.sqrt(v) : Double.NaN;
        }
        return out;
    }
}
