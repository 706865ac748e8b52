package org.deeprg.fit;

/**
 * \( \ln \sum_{k=a}^{b} f(k) \) over the integers \( a \le k \le b \) (\( b \le +\infty \)) for a smooth positive
 * \( f \): the exact normaliser (and survival function) of a discrete distribution whose mass is proportional to a
 * continuous density evaluated at the integers.
 *
 * <h2>Method</h2>
 * Explicit terms from \( k = a \) until \( f \) is smooth on the scale of one integer,
 * \( |(\ln f)'| \le 0.05 \), \( |(\ln f)''| \le 0.0025 \), \( |(\ln f)'''| \le 1.25\cdot 10^{-4} \) (at least
 * {@value #MIN_EXPLICIT} terms), or until the terms are negligible (\( f(k) < e^{-60} \) times the sum while
 * decaying at least like \( e^{-0.05k} \)). The rest, from \( K \) to \( b \), is the midpoint Euler-Maclaurin
 * formula
 * \[ \sum_{k=K}^{b} f(k) = \int_{K-1/2}^{b+1/2} f\,dx + \frac{f'(K-\tfrac12) - f'(b+\tfrac12)}{24}
 *    - \frac{7}{5760}\left[f'''(K-\tfrac12) - f'''(b+\tfrac12)\right] + R, \]
 * (from \( \int_{k-1/2}^{k+1/2} f = f(k) + f''(k)/24 + f^{(4)}(k)/1920 + \dots \)), with
 * \( f' = f (\ln f)' \), \( f''' = f[(\ln f)'^3 + 3(\ln f)'(\ln f)'' + (\ln f)'''] \). Under the smoothness
 * thresholds the remainder \( R \) is of order \( 10^{-13} \) relative. After {@value #MAX_EXPLICIT} explicit terms
 * the formula is used regardless (a guard against runaway loops; not reached by the fitted families on tails).
 */
final class DiscreteSum {
    static final int MIN_EXPLICIT = 16;
    static final int MAX_EXPLICIT = 1_000_000;

    private DiscreteSum() {
    }

    /** \( \ln\sum_{k=a}^{b} f(k) \) for integers \( a \le b \) (b may be {@code +infinity}). */
    static double logSum(LogSmooth f, double a, double b) {
        if (b < a) {
            return Double.NEGATIVE_INFINITY;
        }
        double[] d = new double[3];
        double ref = Double.NEGATIVE_INFINITY; // running log-sum: ref + ln(sum)
        double sum = 0;
        double k = a;
        int explicit = 0;
        while (k <= b) {
            double lf = f.logF(k);
            if (explicit >= MIN_EXPLICIT) {
                f.logDerivatives(k, d);
                boolean smooth = Math.abs(d[0]) <= 0.05 && Math.abs(d[1]) <= 0.0025 && Math.abs(d[2]) <= 1.25e-4;
                if (smooth || explicit >= MAX_EXPLICIT) {
                    break;
                }
                double logTotal = ref + Math.log(sum);
                if (lf < logTotal - 60 && d[0] < -0.05) {
                    return logTotal;
                }
            }
            if (lf > ref) {
                sum = sum * Math.exp(ref - lf) + 1;
                ref = lf;
            } else {
                sum += Math.exp(lf - ref);
            }
            k++;
            explicit++;
        }
        double logExplicit = explicit == 0 ? Double.NEGATIVE_INFINITY : ref + Math.log(sum);
        if (k > b) {
            return logExplicit;
        }
        double lower = k - 0.5;
        double upper = b + 0.5;
        double logIntegral = f.logIntegral(lower, upper);
        if (logIntegral == Double.POSITIVE_INFINITY) {
            return Double.POSITIVE_INFINITY;
        }
        double correction = endCorrection(f, lower, logIntegral, d);
        if (upper != Double.POSITIVE_INFINITY) {
            correction -= endCorrection(f, upper, logIntegral, d);
        }
        double logRest = logIntegral + Math.log1p(correction);
        return Special.logSumExp(logExplicit, logRest);
    }

    /** \( [f'(x)/24 - 7 f'''(x)/5760] / \int f \). */
    private static double endCorrection(LogSmooth f, double x, double logIntegral, double[] d) {
        f.logDerivatives(x, d);
        double d1 = d[0];
        double third = d1 * d1 * d1 + 3 * d1 * d[1] + d[2];
        double scale = Math.exp(f.logF(x) - logIntegral);
        return scale * (d1 / 24 - 7 * third / 5760);
    }
}
