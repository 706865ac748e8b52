package org.deeprg.fit;

import org.hipparchus.special.Erf;

/**
 * Special functions in log space for the tail normalisers: \( \ln \mathrm{erfc} \), \( \ln \mathrm{erfcx} \)
 * (\( \mathrm{erfcx}(z) = e^{z^2}\mathrm{erfc}(z) \)), the Gaussian integral \( \ln\int_0^Y e^{-Ay^2+By}dy \),
 * \( \ln(1 - e^{x}) \) and friends. All are accurate to a few ulps of the logarithm over the whole double range
 * (tested against values computed by the C library's {@code erfc}).
 */
final class Special {
    /** Above this argument erfc is computed from the asymptotic series of erfcx (erfc underflows near 26.5). */
    static final double ASYMPTOTIC_ERFC = 25.0;
    private static final double LOG_SQRT_PI = 0.5 * Math.log(Math.PI);

    private Special() {
    }

    /** \( \ln(1 - e^{x}) \) for \( x \le 0 \) (Maechler's recipe: no cancellation near 0 nor underflow far below). */
    static double log1mExp(double x) {
        if (x > 0) {
            return Double.NaN;
        }
        return x > -0.6931471805599453 ? Math.log(-Math.expm1(x)) : Math.log1p(-Math.exp(x));
    }

    /**
     * \( e^{y} - 1 \) to about \( 10^{-14} \) relative, four times faster than {@link Math#expm1} (a JNI call on
     * JDK 17): the Taylor series to \( y^5 \) for \( |y| < 0.02 \) (truncation below \( 10^{-13} \) relative),
     * {@code Math.exp(y) - 1} beyond (rounding \( 10^{-16}/|y| \)).
     */
    static double expm1(double y) {
        if (Math.abs(y) < 0.02) {
            return y * (1 + y / 2 * (1 + y / 3 * (1 + y / 4 * (1 + y / 5))));
        }
        return Math.exp(y) - 1;
    }

    /** \( \ln(e^{a} - e^{b}) \) for \( a \ge b \). */
    static double logDiffExp(double a, double b) {
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        return a + log1mExp(b - a);
    }

    /** \( \ln(e^{a} + e^{b}) \). */
    static double logSumExp(double a, double b) {
        double max = Math.max(a, b);
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        return max + Math.log1p(Math.exp(Math.min(a, b) - max));
    }

    /** \( \ln \mathrm{erfcx}(z) = z^2 + \ln\mathrm{erfc}(z) \), finite for every finite z. */
    static double logErfcx(double z) {
        if (z < ASYMPTOTIC_ERFC) {
            return z * z + Math.log(Erf.erfc(z));
        }
        // erfcx(z) = 1/(z sqrt(pi)) sum_k (-1)^k (2k-1)!!/(2z^2)^k; at z >= 25 the 10th term is below 1e-19
        double inverse2z2 = 0.5 / (z * z);
        double term = 1;
        double sum = 1;
        for (int k = 1; k <= 10; k++) {
            term *= -(2 * k - 1) * inverse2z2;
            sum += term;
        }
        return Math.log(sum) - Math.log(z) - LOG_SQRT_PI;
    }

    /** \( \ln \mathrm{erfc}(z) \), finite for every finite z. */
    static double logErfc(double z) {
        if (z < ASYMPTOTIC_ERFC) {
            return Math.log(Erf.erfc(z));
        }
        return logErfcx(z) - z * z;
    }

    /**
     * \( \ln \int_0^{Y} e^{-A y^2 + B y}\, dy \) for \( A \ge 0 \), \( 0 < Y \le \infty \) (\( +\infty \) when the
     * integral diverges: \( A = 0 \), \( B \ge 0 \), \( Y = \infty \)).
     *
     * <p>With \( A > 0 \), \( z_1 = -B/(2\sqrt A) \), \( z_2 = z_1 + Y\sqrt A \):
     * \( \int_0^Y = \tfrac12\sqrt{\pi/A}\, e^{z_1^2} [\mathrm{erfc}(z_1) - \mathrm{erfc}(z_2)] \), evaluated with
     * erfcx when \( z_1 \ge 0 \), with the mirrored erfc when \( z_2 \le 0 \), and with
     * {@link Erf#erf(double, double)} in between, so no case cancels catastrophically.
     * With \( A = 0 \): \( \int_0^Y e^{By} dy = (e^{BY}-1)/B \).
     */
    static double logGaussianIntegral(double a, double b, double y) {
        if (a == 0) {
            return logExponentialIntegral(-b, y);
        }
        double sqrtA = Math.sqrt(a);
        double z1 = -b / (2 * sqrtA);
        double prefix = 0.5 * Math.log(Math.PI / a) - Math.log(2.0); // ln(sqrt(pi/A)/2)
        if (y == Double.POSITIVE_INFINITY) {
            return prefix + logErfcx(z1);
        }
        double z2 = z1 + y * sqrtA;
        if (z1 >= 0) {
            // e^{z1^2}[erfc z1 - erfc z2] = erfcx(z1) [1 - erfcx(z2)/erfcx(z1) e^{z1^2 - z2^2}]
            double lx1 = logErfcx(z1);
            double lx2 = logErfcx(z2);
            return prefix + lx1 + log1mExp(lx2 - lx1 + (z1 - z2) * (z1 + z2));
        }
        if (z2 <= 0) {
            // erfc z1 - erfc z2 = erfc(-z2) - erfc(-z1) with 0 <= -z2 <= -z1
            double lx2 = logErfcx(-z2);
            double lx1 = logErfcx(-z1);
            return prefix + z1 * z1 - z2 * z2 + lx2 + log1mExp(lx1 - lx2 + (z2 - z1) * (z2 + z1));
        }
        // z1 < 0 < z2: erf(z2) - erf(z1) >= erf(z2) > 0 without cancellation
        return prefix + z1 * z1 + Math.log(Erf.erf(z1, z2));
    }

    /**
     * \( \ln \int_0^{V} e^{-\theta t}\, dt \) for any real \( \theta \) and \( 0 < V \le \infty \): \( -\ln\theta \)
     * for \( V = \infty \) (\( +\infty \) unless \( \theta > 0 \)), \( \ln[(1 - e^{-\theta V})/\theta] \) otherwise.
     */
    static double logExponentialIntegral(double theta, double v) {
        if (v == Double.POSITIVE_INFINITY) {
            return theta > 0 ? -Math.log(theta) : Double.POSITIVE_INFINITY;
        }
        double x = theta * v;
        if (x == 0) {
            return Math.log(v);
        }
        if (x > 0) {
            return Math.log(v) + log1mExp(-x) - Math.log(x);
        }
        // theta < 0: (e^{|theta| V} - 1)/|theta|
        return Math.log(v) + (-x) + log1mExp(x) - Math.log(-x);
    }

    /**
     * The mean \( \langle t\rangle \) of the density \( \propto e^{-\theta t} \) on \( [0, V] \) (\( V \le \infty \)):
     * \( 1/\theta - V/(e^{\theta V} - 1) \); \( V/2 \) at \( \theta = 0 \). Decreasing in \( \theta \).
     */
    static double exponentialMean(double theta, double v) {
        if (v == Double.POSITIVE_INFINITY) {
            return 1 / theta;
        }
        double x = theta * v;
        if (Math.abs(x) < 1e-4) {
            // series: V (1/2 - x/12 + x^3/720)
            return v * (0.5 - x / 12 + x * x * x / 720);
        }
        return v * (1 / x - 1 / Math.expm1(x));
    }

    /**
     * The variance of \( t \) under the density \( \propto e^{-\theta t} \) on \( [0, V] \):
     * \( 1/\theta^2 - V^2 e^{\theta V}/(e^{\theta V}-1)^2 \); \( V^2/12 \) at \( \theta = 0 \).
     */
    static double exponentialVariance(double theta, double v) {
        if (v == Double.POSITIVE_INFINITY) {
            return 1 / (theta * theta);
        }
        double x = theta * v;
        if (Math.abs(x) < 1e-3) {
            // series: V^2 (1/12 - x^2/240)
            return v * v * (1.0 / 12 - x * x / 240);
        }
        double e = Math.expm1(x);
        double ratio = Math.abs(x) > 700 ? 0 : (e + 1) / (e * e);
        return v * v * (1 / (x * x) - ratio);
    }

    /**
     * The rate \( \theta \) whose density \( \propto e^{-\theta t} \) on \( [0, V] \) has mean {@code mean}
     * (\( 0 < \) mean \( < V/2 \) gives \( \theta > 0 \), above \( V/2 \) a negative rate): the exponential-family
     * maximum-likelihood equation of a bounded power law (in \( t = \ln(x/x_{min}) \)) and of a bounded exponential.
     * Safeguarded Newton iteration on the monotone mean; relative accuracy about \( 10^{-14} \).
     */
    static double exponentialRate(double mean, double v) {
        if (v == Double.POSITIVE_INFINITY) {
            return 1 / mean;
        }
        if (!(mean > 0) || !(mean < v)) {
            return Double.NaN;
        }
        // bracket in theta: the mean decreases from V (theta -> -inf) to 0 (theta -> +inf)
        double lo = -1;
        double hi = 1;
        while (exponentialMean(lo / v, v) < mean) {
            lo *= 2;
            if (lo < -1e300) {
                return Double.NaN;
            }
        }
        while (exponentialMean(hi / v, v) > mean) {
            hi *= 2;
            if (hi > 1e300) {
                return Double.NaN;
            }
        }
        // work in x = theta V
        double x = 0.5 * (lo + hi);
        for (int iteration = 0; iteration < 200; iteration++) {
            double f = exponentialMean(x / v, v) - mean;
            if (f > 0) {
                lo = x;
            } else if (f < 0) {
                hi = x;
            } else {
                break;
            }
            double derivative = -exponentialVariance(x / v, v) / v; // d mean / d x
            double next = x - f / derivative;
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            }
            if (Math.abs(next - x) <= 1e-15 * Math.max(1, Math.abs(x))) {
                x = next;
                break;
            }
            x = next;
        }
        return x / v;
    }
}
