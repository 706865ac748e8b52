package org.deeprg.fit;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Exact sampling of a discrete tail distribution: the cumulative masses of the first (up to {@value #TABLE}) integers
 * from \( x_{min} \) in a table (binary search), and beyond the table the smallest \( k \) with
 * \( P(X \ge k+1) < 1 - u \) by galloping and bisection on the survival function (started from the family's
 * continuous approximation when it has one).
 */
final class DiscreteSampler {
    static final int TABLE = 1 << 14;

    private final TailDistribution distribution;
    private final double xmin;
    private final double xmax;
    private final double[] cumulative;

    DiscreteSampler(TailDistribution distribution) {
        this.distribution = distribution;
        Support s = distribution.support();
        xmin = s.xmin();
        xmax = s.xmax();
        int size = (int) Math.min(TABLE, xmax - xmin + 1);
        double[] c = new double[size];
        double acc = 0;
        int used = 0;
        for (int i = 0; i < size; i++) {
            acc += Math.exp(distribution.logDensity(xmin + i));
            c[i] = acc;
            used++;
            if (acc >= 1 - 1e-15) {
                break;
            }
        }
        if (used == (int) Math.min(TABLE, xmax - xmin + 1) && xmin + used - 1 >= xmax) {
            c[used - 1] = 1; // the whole support is tabulated
        }
        cumulative = java.util.Arrays.copyOf(c, used);
    }

    double sample(UniformRandomProvider rng) {
        double u = rng.nextDouble();
        int last = cumulative.length - 1;
        if (u < cumulative[last]) {
            int lo = 0;
            int hi = last;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] <= u) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return xmin + lo;
        }
        return beyondTable(1 - u, xmin + last + 1);
    }

    /** The smallest k >= from with P(X >= k + 1) < q (q in (0, 1]). */
    private double beyondTable(double q, double from) {
        if (from > xmax) {
            return xmax;
        }
        double lo = from - 1; // invariant: P(X >= lo + 1) >= q, i.e. the answer is above lo
        double guess = distribution.discreteGuess(1 - q);
        double hi;
        if (guess > lo && guess < xmax) {
            if (distribution.survival(guess + 1) < q) {
                hi = guess;
                // walk down from the guess
                double down = 1;
                while (true) {
                    double probe = Math.max(hi - down, lo);
                    if (probe == lo || distribution.survival(probe + 1) >= q) {
                        lo = probe;
                        break;
                    }
                    hi = probe;
                    down *= 2;
                }
            } else {
                lo = guess;
                hi = gallop(q, lo);
            }
        } else {
            hi = gallop(q, lo);
        }
        while (hi - lo > 1) {
            double mid = Math.floor(lo + (hi - lo) / 2);
            if (distribution.survival(mid + 1) < q) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    /** A value above lo whose survival(value + 1) is below q (or xmax). */
    private double gallop(double q, double lo) {
        double step = 1;
        double hi = lo + step;
        while (hi < xmax && distribution.survival(hi + 1) >= q) {
            step *= 2;
            hi = Math.min(lo + step, xmax);
            if (step > 1e300) {
                break;
            }
        }
        return Math.min(hi, xmax);
    }
}
