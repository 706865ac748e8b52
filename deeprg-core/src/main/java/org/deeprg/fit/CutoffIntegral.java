package org.deeprg.fit;

/**
 * The normaliser of the truncated power law (power law with exponential cutoff):
 * \[ \ln J(\alpha, c, V) = \ln \int_0^{V} e^{h(t)}\,dt,\qquad h(t) = (1-\alpha)\,t - c\,(e^{t} - 1), \]
 * so that \( \int_a^b x^{-\alpha} e^{-\lambda x} dx = a^{1-\alpha} e^{-\lambda a} J(\alpha, \lambda a, \ln(b/a)) \)
 * (substitution \( x = a e^{t} \)); \( c \ge 0 \), any real \( \alpha \), \( 0 < V \le \infty \).
 *
 * <h2>Method</h2>
 * \( h \) is concave (\( h'' = -c e^{t} \)), with its maximum at \( t^* = \ln((1-\alpha)/c) \) clamped to
 * \( [0, V] \). The integral runs from the point left of \( t^* \) where \( h \) is 50 below its maximum (found by
 * bisection) to the point right of it where it is 50 below (or to \( V \)), in panels of width
 * \( 0.5/\max(1, |h'(t)|, \sqrt{|h''(t)|}) \), each with 8-point Gauss-Legendre: the exponent changes by at most
 * about 0.5 across a panel, so each panel is exact to rounding and the neglected ends are below \( e^{-50} \) of
 * the integral (\( e^{-50}/|h'| \) for the tails, which fall at least exponentially beyond those points by
 * concavity). For \( c = 0 \) the closed form \( \int_0^V e^{-(\alpha-1)t}dt \) is used (\( +\infty \) when
 * \( V = \infty \) and \( \alpha \le 1 \)). Tested against closed forms (\( \alpha = 0, -1 \), \( c \to 0 \)) and
 * against a brute-force Simpson rule.
 */
final class CutoffIntegral {
    private static final double[] NODES = {-0.9602898564975363, -0.7966664774136267, -0.5255324099163290,
        -0.1834346424956498, 0.1834346424956498, 0.5255324099163290, 0.7966664774136267, 0.9602898564975363};
    private static final double[] WEIGHTS = {0.1012285362903763, 0.2223810344533745, 0.3137066458778873,
        0.3626837833783620, 0.3626837833783620, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763};
    private static final double DROP = 50;
    private static final int MAX_PANELS = 1_000_000;

    private CutoffIntegral() {
    }

    /** \( \ln J(\alpha, c, V) \). */
    static double log(double alpha, double c, double v) {
        double beta = 1 - alpha;
        if (c == 0) {
            return Special.logExponentialIntegral(-beta, v);
        }
        if (!(c > 0) || Double.isNaN(alpha)) {
            return Double.NaN;
        }
        double tStar = beta > c ? Math.log(beta / c) : 0;
        tStar = Math.min(tStar, v);
        double hMax = h(beta, c, tStar);
        // left end: where h = hMax - DROP (h increases on [0, t*])
        double left = 0;
        if (tStar > 0 && h(beta, c, 0) < hMax - DROP) {
            double lo = 0;
            double hi = tStar;
            for (int i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
                double mid = 0.5 * (lo + hi);
                if (h(beta, c, mid) < hMax - DROP) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            left = lo;
        }
        double sum = 0;
        double t = left;
        for (int panel = 0; panel < MAX_PANELS && t < v; panel++) {
            double slope = Math.abs(beta - c * Math.exp(t));
            double curvature = Math.sqrt(c * Math.exp(t));
            double width = 0.5 / Math.max(1, Math.max(slope, curvature));
            if (t + width > v) {
                width = v - t;
            }
            double mid = t + 0.5 * width;
            double panelSum = 0;
            for (int k = 0; k < NODES.length; k++) {
                panelSum += WEIGHTS[k] * Math.exp(h(beta, c, mid + 0.5 * width * NODES[k]) - hMax);
            }
            sum += 0.5 * width * panelSum;
            t += width;
            if (t > tStar && h(beta, c, t) < hMax - DROP) {
                break;
            }
        }
        return hMax + Math.log(sum);
    }

    private static double h(double beta, double c, double t) {
        return beta * t - c * Math.expm1(t);
    }

    /** \( \ln \int_a^b x^{-\alpha} e^{-\lambda x} dx \) for \( 0 < a < b \le \infty \), \( \lambda \ge 0 \). */
    static double logPowerCutoffIntegral(double alpha, double lambda, double a, double b) {
        double v = b == Double.POSITIVE_INFINITY ? b : Math.log(b / a);
        return (1 - alpha) * Math.log(a) - lambda * a + log(alpha, lambda * a, v);
    }
}
