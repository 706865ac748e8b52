package org.deeprg.fit;

/**
 * Maximum likelihood for the discrete power law \( p(k) = k^{-\alpha}/Z(\alpha) \) on \( [x_{min}, x_{max}] \)
 * (CSN Sec. 3.1): \( Z = \zeta(\alpha, x_{min}) \) unbounded, \( \sum_{k=x_{min}}^{x_{max}} k^{-\alpha} \) bounded.
 *
 * <p>The log-likelihood \( \ell(\alpha) = -\alpha\sum_i\ln x_i - m\ln Z(\alpha) \) is concave (\( \ln Z \) is convex,
 * a log-sum of exponentials linear in \( \alpha \)), so its maximum is the unique root of the score
 * \( -\sum_i\ln x_i - m\,\partial_\alpha\ln Z = 0 \) (CSN Eq. 3.5). Unbounded: safeguarded Newton from the closed
 * form of CSN Eq. 3.7, with the analytic derivatives of {@link HurwitzZeta}, to \( 10^{-14} \) relative; no cap on
 * \( \alpha \). Bounded: Brent's method on \( \ell \) ({@link Maximise}). Standard error: the observed (= expected)
 * information \( 1/\sqrt{m\,\partial_\alpha^2\ln Z} \) (CSN Eq. 3.6).
 */
final class DiscreteMle {
    private DiscreteMle() {
    }

    /** CSN Eq. 3.7: \( 1 + m / \sum_i \ln(x_i/(x_{min} - 1/2)) \), given that sum. */
    static double closedForm(int m, double sumLogRatioHalf) {
        return sumLogRatioHalf > 0 ? 1 + m / sumLogRatioHalf : Double.NaN;
    }

    /** \( \ln Z(\alpha) \). */
    static double logNormaliser(double alpha, double xmin, double xmax) {
        if (xmax == Double.POSITIVE_INFINITY) {
            return alpha > 1 ? HurwitzZeta.logZeta(alpha, xmin) : Double.POSITIVE_INFINITY;
        }
        return DiscreteSum.logSum(new PowerLawDistribution.Power(alpha), xmin, xmax);
    }

    /** The exact MLE for a tail of m points with \( \sum\ln x_i \) = sumLog (NaN when it does not exist). */
    static double alpha(int m, double sumLog, double xmin, double xmax) {
        double meanLog = sumLog / m;
        if (!(meanLog > Math.log(xmin))) {
            return Double.NaN;
        }
        double start = 1 + 1 / (meanLog - Math.log(xmin - 0.5));
        if (xmax != Double.POSITIVE_INFINITY) {
            if (!(meanLog < Math.log(xmax))) {
                return Double.NaN;
            }
            Maximise.Point p = Maximise.maximise(a -> -a * sumLog - m * logNormaliser(a, xmin, xmax), start, 0.1,
                    Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
            return p.x();
        }
        double lo = 1;
        double hi = Double.POSITIVE_INFINITY;
        double a = start;
        double[] z = new double[3];
        for (int iteration = 0; iteration < 200; iteration++) {
            HurwitzZeta.logZetaDerivatives(a, xmin, z);
            double g = -meanLog - z[1];
            if (g > 0) {
                lo = a;
            } else if (g < 0) {
                hi = a;
            } else {
                return a;
            }
            double step = g / z[2];
            if (Math.abs(step) <= 1e-14 * a) {
                return a + step;
            }
            double next = a + step;
            if (!(next > lo && next < hi)) {
                next = hi == Double.POSITIVE_INFINITY ? 2 * lo : 0.5 * (lo + hi);
            }
            a = next;
        }
        return a;
    }

    /** \( 1/\sqrt{m\,\partial_\alpha^2 \ln Z} \) at \( \alpha \). */
    static double stderr(double alpha, double xmin, double xmax, int m) {
        double curvature;
        if (xmax == Double.POSITIVE_INFINITY) {
            double[] z = new double[3];
            HurwitzZeta.logZetaDerivatives(alpha, xmin, z);
            curvature = z[2];
        } else {
            double h = 1e-4 * Math.max(1, Math.abs(alpha));
            curvature = (logNormaliser(alpha + h, xmin, xmax) - 2 * logNormaliser(alpha, xmin, xmax)
                    + logNormaliser(alpha - h, xmin, xmax)) / (h * h);
        }
        return curvature > 0 ? 1 / Math.sqrt(m * curvature) : Double.NaN;
    }
}
