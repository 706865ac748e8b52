package org.deeprg.fit;

/**
 * The Hurwitz zeta function \( \zeta(s, q) = \sum_{k \ge 0} (q + k)^{-s} \) for real \( s > 1 \), \( q > 0 \),
 * the normaliser of the discrete power law \( p(x) = x^{-\alpha} / \zeta(\alpha, x_{min}) \) (CSN Eq. 2.4), and its
 * logarithmic derivatives in \( s \).
 *
 * <h2>Method</h2>
 * Direct summation of the first \( N \) terms, then the Euler-Maclaurin remainder at \( a = q + N \ge \max(20, 2s) \):
 * \[ \zeta(s,q) = \sum_{k<N} (q+k)^{-s} + a^{-s} g(s),\quad
 *    g(s) = \frac{a}{s-1} + \frac12 + \sum_{j=1}^{6} \frac{B_{2j}}{(2j)!}\, R_j(s)\, a^{1-2j},\quad
 *    R_j(s) = s(s+1)\cdots(s+2j-2); \]
 * the neglected term is below \( 10^{-14} \) relative for these \( a \). When the direct terms fall below
 * \( 10^{-17} \) of the sum together with a bound on everything after them (large \( s \)), the sum stops there.
 *
 * <p>Everything is computed in scaled form, \( \tilde Z(s) = q^{s}\zeta(s,q) = \sum_k (1 + k/q)^{-s} + (a/q)^{-s} g(s) \),
 * so nothing under- or overflows for large \( s \) or \( q \): \( \ln\zeta = -s\ln q + \ln\tilde Z \). The
 * derivatives are analytic (not finite differences): with \( \tilde\ell_k = \ln(1 + k/q) \) and \( L = \ln(a/q) \),
 * \( \tilde Z' = -\sum_k \tilde\ell_k (1+k/q)^{-s} + (a/q)^{-s}(g' - L g) \),
 * \( \tilde Z'' = \sum_k \tilde\ell_k^2 (1+k/q)^{-s} + (a/q)^{-s}(g'' - 2Lg' + L^2 g) \), where
 * \( R_j' = R_j h_1 \), \( R_j'' = R_j (h_1^2 - h_2) \), \( h_p = \sum_{i=0}^{2j-2} (s+i)^{-p} \); then
 * \( \partial_s \ln\zeta = -\ln q + \tilde Z'/\tilde Z \) and
 * \( \partial_s^2 \ln\zeta = \tilde Z''/\tilde Z - (\tilde Z'/\tilde Z)^2 \) (centred logarithms, so the variance-like
 * second derivative does not cancel). Tested against direct sums and closed forms (\( \zeta(2,1) = \pi^2/6 \), ...).
 */
public final class HurwitzZeta {
    /** B_{2j} / (2j)! for j = 1..6. */
    private static final double[] BERNOULLI_OVER_FACTORIAL = {
        1.0 / 6 / 2, -1.0 / 30 / 24, 1.0 / 42 / 720, -1.0 / 30 / 40320, 5.0 / 66 / 3628800, -691.0 / 2730 / 479001600.0
    };

    private HurwitzZeta() {
    }

    /** \( \zeta(s, q) \); requires s > 1 and q > 0 (may underflow to 0 for huge s ln q: use {@link #logZeta}). */
    public static double zeta(double s, double q) {
        return Math.exp(logZeta(s, q));
    }

    /** \( \partial_s \zeta(s, q) \) (negative). */
    public static double derivative(double s, double q) {
        double[] d = new double[3];
        logZetaDerivatives(s, q, d);
        return Math.exp(d[0]) * d[1];
    }

    /** \( \partial_s^2 \zeta(s, q) \). */
    public static double secondDerivative(double s, double q) {
        double[] d = new double[3];
        logZetaDerivatives(s, q, d);
        return Math.exp(d[0]) * (d[2] + d[1] * d[1]);
    }

    private static void check(double s, double q) {
        if (!(s > 1) || !(q > 0) || Double.isInfinite(s) || Double.isInfinite(q)) {
            throw new IllegalArgumentException("Hurwitz zeta needs finite s > 1 and q > 0, got s = " + s + ", q = " + q);
        }
    }

    /** \( \ln\zeta(s, q) \) for s > 1, q > 0. */
    public static double logZeta(double s, double q) {
        check(s, q);
        double threshold = Math.max(20.0, 2.0 * s);
        double sum = 0;
        int k = 0;
        double a = q;
        while (a < threshold) {
            double term = Math.exp(-s * Math.log1p(k / q));
            sum += term;
            k++;
            a = q + k;
            // the rest is at most a^{-s}(1 + a/(s-1)) (scaled): drop it when negligible
            if (k > 1 && term * (1 + a / (s - 1)) < 1e-17 * sum) {
                return -s * Math.log(q) + Math.log(sum);
            }
        }
        double scale = Math.exp(-s * Math.log1p(k / q));
        return -s * Math.log(q) + Math.log(sum + scale * tailG(s, a));
    }

    /** g(s) of the Euler-Maclaurin remainder (see the class comment). */
    private static double tailG(double s, double a) {
        double g = a / (s - 1) + 0.5;
        double rising = s;          // R_j(s)
        double power = 1.0 / a;     // a^{1-2j}
        double inverseA2 = 1.0 / (a * a);
        for (int j = 0; j < BERNOULLI_OVER_FACTORIAL.length; j++) {
            g += BERNOULLI_OVER_FACTORIAL[j] * rising * power;
            rising *= (s + 2 * j + 1) * (s + 2 * j + 2);
            power *= inverseA2;
        }
        return g;
    }

    /**
     * \( \ln\zeta \), \( \partial_s\ln\zeta \), \( \partial_s^2\ln\zeta \) at (s, q) into {@code out[0..2]}.
     *
     * @param out modified: three values
     */
    public static void logZetaDerivatives(double s, double q, double[] out) {
        check(s, q);
        double threshold = Math.max(20.0, 2.0 * s);
        double w0 = 0;
        double w1 = 0;
        double w2 = 0;
        int k = 0;
        double a = q;
        boolean truncated = false;
        while (a < threshold) {
            double l = Math.log1p(k / q);
            double term = Math.exp(-s * l);
            w0 += term;
            w1 += term * l;
            w2 += term * l * l;
            k++;
            a = q + k;
            if (k > 1 && term * (1 + a / (s - 1)) * (1 + Math.log1p(k / q)) * (1 + Math.log1p(k / q)) < 1e-17 * w0) {
                truncated = true;
                break;
            }
        }
        double z = w0;
        double z1 = -w1;
        double z2 = w2;
        if (!truncated) {
            double bigL = Math.log1p(k / q);
            double scale = Math.exp(-s * bigL);
            double g = a / (s - 1) + 0.5;
            double gp = -a / ((s - 1) * (s - 1));
            double gpp = 2 * a / ((s - 1) * (s - 1) * (s - 1));
            double rising = s;
            double h1 = 1 / s;
            double h2 = 1 / (s * s);
            double power = 1.0 / a;
            double inverseA2 = 1.0 / (a * a);
            for (int j = 0; j < BERNOULLI_OVER_FACTORIAL.length; j++) {
                double c = BERNOULLI_OVER_FACTORIAL[j] * power;
                g += c * rising;
                gp += c * rising * h1;
                gpp += c * rising * (h1 * h1 - h2);
                double f1 = s + 2 * j + 1;
                double f2 = s + 2 * j + 2;
                rising *= f1 * f2;
                h1 += 1 / f1 + 1 / f2;
                h2 += 1 / (f1 * f1) + 1 / (f2 * f2);
                power *= inverseA2;
            }
            z += scale * g;
            z1 += scale * (gp - bigL * g);
            z2 += scale * (gpp - 2 * bigL * gp + bigL * bigL * g);
        }
        double mean = z1 / z;
        out[0] = -s * Math.log(q) + Math.log(z);
        out[1] = -Math.log(q) + mean;
        out[2] = Math.max(z2 / z - mean * mean, 0);
    }
}
