package org.deeprg.fit;

/**
 * The Hurwitz zeta function \( \zeta(s, q) = \sum_{k \ge 0} (q + k)^{-s} \) for real \( s > 1 \), \( q > 0 \),
 * the normaliser of the discrete power law \( p(x) = x^{-\alpha} / \zeta(\alpha, x_{min}) \) (CSN Eq. 2.4).
 *
 * <p>Method: direct summation of the first \( N \) terms, then the Euler-Maclaurin remainder at
 * \( a = q + N \ge \max(20, 2s) \):
 * \( \zeta(s,q) = \sum_{k<N} (q+k)^{-s} + \frac{a^{1-s}}{s-1} + \frac{a^{-s}}{2}
 *   + \sum_{j=1}^{6} \frac{B_{2j}}{(2j)!}\, s(s+1)\cdots(s+2j-2)\, a^{-s-2j+1} \);
 * the neglected term is below \( 10^{-14} \) relative for these \( a \). The derivatives in \( s \) are
 * five-point central differences of this analytic approximant (step \( 10^{-3} \), truncation error
 * \( O(h^4) \), rounding \( O(\epsilon/h^2) \approx 10^{-10} \) relative for the second derivative).
 */
public final class HurwitzZeta {
    /** B_{2j} / (2j)! for j = 1..6. */
    private static final double[] BERNOULLI_OVER_FACTORIAL = {
        1.0 / 6 / 2, -1.0 / 30 / 24, 1.0 / 42 / 720, -1.0 / 30 / 40320, 5.0 / 66 / 3628800, -691.0 / 2730 / 479001600.0
    };
    private static final double STEP = 1e-3;

    private HurwitzZeta() {
    }

    /** \( \zeta(s, q) \); requires s > 1 and q > 0. */
    public static double zeta(double s, double q) {
        if (!(s > 1) || !(q > 0)) {
            throw new IllegalArgumentException("Hurwitz zeta needs s > 1 and q > 0, got s = " + s + ", q = " + q);
        }
        double threshold = Math.max(20.0, 2.0 * s);
        double sum = 0;
        double a = q;
        while (a < threshold) {
            sum += Math.pow(a, -s);
            a += 1;
        }
        double aPow = Math.pow(a, -s);
        double tail = a * aPow / (s - 1) + 0.5 * aPow;
        double rising = s;          // s (s+1) ... (s + 2j - 2)
        double power = aPow / a;    // a^{-s-2j+1}
        double inverseA2 = 1.0 / (a * a);
        for (int j = 0; j < BERNOULLI_OVER_FACTORIAL.length; j++) {
            tail += BERNOULLI_OVER_FACTORIAL[j] * rising * power;
            rising *= (s + 2 * j + 1) * (s + 2 * j + 2);
            power *= inverseA2;
        }
        return sum + tail;
    }

    /** \( \partial_s \zeta(s, q) \) (negative); requires s > 1 + 2e-3. */
    public static double derivative(double s, double q) {
        double h = STEP;
        return (zeta(s - 2 * h, q) - 8 * zeta(s - h, q) + 8 * zeta(s + h, q) - zeta(s + 2 * h, q)) / (12 * h);
    }

    /** \( \partial_s^2 \zeta(s, q) \); requires s > 1 + 2e-3. */
    public static double secondDerivative(double s, double q) {
        double h = STEP;
        return (-zeta(s + 2 * h, q) + 16 * zeta(s + h, q) - 30 * zeta(s, q) + 16 * zeta(s - h, q) - zeta(s - 2 * h, q))
                / (12 * h * h);
    }
}
