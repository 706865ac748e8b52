package org.deeprg.stats;

import java.io.Serializable;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.deeprg.InvalidInputException;
import org.deeprg.random.RandomStreams;

/**
 * Hartigan's dip test of unimodality (J. A. Hartigan and P. M. Hartigan, "The dip test of unimodality", Ann. Statist.
 * 13 (1985) 70-84; algorithm AS 217, Appl. Statist. 34 (1985) 320-325, in the form of R's {@code diptest} package).
 *
 * <h2>The statistic</h2>
 * For a sample \( x_1 \le \dots \le x_n \) with empirical distribution function \( F_n \), the dip is
 * \[ D = \inf_{G \text{ unimodal}} \sup_x |F_n(x) - G(x)| , \]
 * the distance from \( F_n \) to the closest unimodal distribution function (convex left of its mode, concave right of
 * it). \( D \ge 1/(2n) \) always (a continuous \( G \) cannot be within less than half of each jump \( 1/n \) of
 * \( F_n \)); the minimum \( 1/(2n) \) is reached by unimodal samples, and a sample split into two well separated
 * equal halves has \( D \to 1/4 \). The algorithm (Hartigan and Hartigan, Sec. 3) shrinks a modal interval
 * \( [x_L, x_U] \): it fits the greatest convex minorant of \( F_n \) on \( (-\infty, x_U] \) and the least concave
 * majorant on \( [x_L, \infty) \), finds the largest distance between them inside the interval, moves the interval
 * to the points that realise it, and stops when it no longer changes; \( D \) is half the largest distance found
 * between \( F_n \) and those hulls. It costs \( O(n) \) per cycle on sorted data. The implementation works in units
 * of \( 1/n \) (integer counts), as AS 217 does, and divides by \( 2n \) at the end.
 *
 * <h2>The p-value</h2>
 * Hartigan and Hartigan show that the uniform distribution is the least favourable unimodal null (asymptotically the
 * dip of a unimodal \( F \) with positive density at the mode is stochastically smaller than that of the uniform). The
 * p-value is therefore the Monte Carlo tail probability of the dip of \( n \) independent uniform values,
 * \[ p = \frac{1 + \#\{b : D_b \ge D\}}{1 + B} \]
 * over \( B \) uniform samples (the conservative "+1" estimator; ties count against unimodality, which matters for
 * small \( n \) where \( D \) is discrete). The \( B \) samples come from one random stream, sample {@code b} from
 * {@code streams.split(b)}: the p-value is a function of (n, D, B, stream) only.
 *
 * <p>Tested against known unimodal and bimodal samples, against the minimum \( 1/(2n) \), and against an independent
 * brute-force computation of the infimum for small samples (a linear programme over all unimodal distribution functions
 * that are piecewise linear between the data points, which contain a minimiser), in {@code DipTestTest}.
 */
public final class DipTest {
    /** Smallest sample size for which a p-value is computed. */
    public static final int MIN_SAMPLES = 4;
    /** Largest number of Monte Carlo samples for the p-value. */
    public static final int MAX_RESAMPLES = 1_000_000;

    private DipTest() {
    }

    /**
     * The outcome of a dip test.
     *
     * @param n             sample size
     * @param dip           the dip statistic \( D \) (in units of probability, \( 1/(2n) \le D \le 1/4 \))
     * @param modalLow      lower end \( x_L \) of the modal interval found by the algorithm
     * @param modalHigh     upper end \( x_U \) of the modal interval
     * @param pValue        Monte Carlo p-value against the uniform null (see the class documentation)
     * @param pValueStderr  binomial standard error of the p-value, \( \sqrt{p(1-p)/B} \)
     * @param resamples     number \( B \) of uniform samples behind the p-value
     */
    public record Result(int n, double dip, double modalLow, double modalHigh, double pValue, double pValueStderr,
                         int resamples) implements Serializable {
        /** Whether unimodality is rejected at level {@code alpha} (p-value below it). */
        public boolean rejectsUnimodality(double alpha) {
            return pValue < alpha;
        }
    }

    /**
     * The dip statistic of a sample (not modified; any order).
     *
     * @throws InvalidInputException for an empty sample or a non-finite value
     */
    public static double dip(double[] sample) {
        double[] x = sortedFinite(sample);
        return dipOfSorted(x, null);
    }

    /**
     * Dip statistic and Monte Carlo p-value.
     *
     * @param sample    the data (not modified; any order; at least {@value #MIN_SAMPLES} values, all finite)
     * @param resamples \( B \), the number of uniform samples of size n for the p-value (1 to {@value #MAX_RESAMPLES})
     * @param streams   the stream of the p-value (sample b from {@code streams.split(b)})
     */
    public static Result test(double[] sample, int resamples, RandomStreams streams) {
        double[] x = sortedFinite(sample);
        if (x.length < MIN_SAMPLES) {
            throw new InvalidInputException("sample", x.length, "a dip test needs at least " + MIN_SAMPLES + " values");
        }
        InvalidInputException.requireInRange("resamples", resamples, 1, MAX_RESAMPLES);
        int[] modal = new int[2];
        double d = dipOfSorted(x, modal);
        int n = x.length;
        int atLeast = 0;
        double[] u = new double[n];
        for (int b = 0; b < resamples; b++) {
            UniformRandomProvider r = streams.split(b).generator();
            for (int i = 0; i < n; i++) {
                u[i] = r.nextDouble();
            }
            Arrays.sort(u);
            // compare in the integer units of the algorithm (2 n D) to avoid rounding ties apart
            if (dipOfSorted(u, null) >= d * (1 - 1e-12)) {
                atLeast++;
            }
        }
        double p = (1.0 + atLeast) / (1.0 + resamples);
        return new Result(n, d, x[modal[0]], x[modal[1]], p, Math.sqrt(p * (1 - p) / resamples), resamples);
    }

    private static double[] sortedFinite(double[] sample) {
        if (sample.length == 0) {
            throw new InvalidInputException("sample", 0, "a non-empty sample");
        }
        double[] x = sample.clone();
        for (double v : x) {
            if (!Double.isFinite(v)) {
                throw new InvalidInputException("sample", v, "finite values");
            }
        }
        Arrays.sort(x);
        return x;
    }

    /**
     * AS 217 on sorted data {@code xs} (0-based here, 1-based inside as in the published algorithm).
     *
     * @param modal if not null, receives the 0-based indices of the modal interval's ends
     * @return the dip
     */
    static double dipOfSorted(double[] xs, int[] modal) {
        int n = xs.length;
        // 1-based copies, as in the published algorithm
        double[] x = new double[n + 1];
        System.arraycopy(xs, 0, x, 1, n);
        int low = 1;
        int high = n;
        double dip = 1; // in units of 1/(2n) once divided below: the minimum 1/(2n)
        if (n < 2 || x[n] == x[1]) {
            if (modal != null) {
                modal[0] = 0;
                modal[1] = n - 1;
            }
            return dip / (2.0 * n);
        }
        int[] mn = new int[n + 1];
        int[] mj = new int[n + 1];
        int[] gcm = new int[n + 2];
        int[] lcm = new int[n + 2];
        // indices over which combination is necessary for the convex minorant
        mn[1] = 1;
        for (int j = 2; j <= n; j++) {
            mn[j] = j - 1;
            while (true) {
                int mnj = mn[j];
                int mnmnj = mn[mnj];
                if (mnj == 1 || (x[j] - x[mnj]) * (mnj - mnmnj) < (x[mnj] - x[mnmnj]) * (j - mnj)) {
                    break;
                }
                mn[j] = mnmnj;
            }
        }
        // and for the concave majorant
        mj[n] = n;
        for (int k = n - 1; k >= 1; k--) {
            mj[k] = k + 1;
            while (true) {
                int mjk = mj[k];
                int mjmjk = mj[mjk];
                if (mjk == n || (x[k] - x[mjk]) * (mjk - mjmjk) < (x[mjk] - x[mjmjk]) * (k - mjk)) {
                    break;
                }
                mj[k] = mjmjk;
            }
        }
        while (true) {
            // change points of the GCM from high to low
            gcm[1] = high;
            int i = 1;
            while (gcm[i] > low) {
                gcm[i + 1] = mn[gcm[i]];
                i++;
            }
            int ig = i;
            int lGcm = i;
            int ix = ig - 1;
            // change points of the LCM from low to high
            lcm[1] = low;
            i = 1;
            while (lcm[i] < high) {
                lcm[i + 1] = mj[lcm[i]];
                i++;
            }
            int ih = i;
            int lLcm = i;
            int iv = 2;
            // the largest distance (greater than dip) between the GCM and the LCM from low to high
            double d = 0;
            if (lGcm != 2 || lLcm != 2) {
                do {
                    int gcmix = gcm[ix];
                    int lcmiv = lcm[iv];
                    double dx;
                    if (gcmix > lcmiv) {
                        int gcmi1 = gcm[ix + 1];
                        dx = (lcmiv - gcmi1 + 1) - (x[lcmiv] - x[gcmi1]) * (gcmix - gcmi1) / (x[gcmix] - x[gcmi1]);
                        iv++;
                        if (dx >= d) {
                            d = dx;
                            ig = ix + 1;
                            ih = iv - 1;
                        }
                    } else {
                        int lcmiv1 = lcm[iv - 1];
                        dx = (x[gcmix] - x[lcmiv1]) * (lcmiv - lcmiv1) / (x[lcmiv] - x[lcmiv1]) - (gcmix - lcmiv1 - 1);
                        ix--;
                        if (dx >= d) {
                            d = dx;
                            ig = ix + 1;
                            ih = iv;
                        }
                    }
                    if (ix < 1) {
                        ix = 1;
                    }
                    if (iv > lLcm) {
                        iv = lLcm;
                    }
                } while (gcm[ix] != lcm[iv]);
            } else {
                d = 1;
            }
            if (d < dip) {
                break;
            }
            // the dips of the convex minorant and the concave majorant for the current low and high
            double dipL = 0;
            for (int j = ig; j < lGcm; j++) {
                double maxT = 1;
                int jb = gcm[j + 1];
                int je = gcm[j];
                if (je - jb > 1 && x[je] != x[jb]) {
                    double c = (je - jb) / (x[je] - x[jb]);
                    for (int jj = jb; jj <= je; jj++) {
                        double t = (jj - jb + 1) - (x[jj] - x[jb]) * c;
                        if (maxT < t) {
                            maxT = t;
                        }
                    }
                }
                if (dipL < maxT) {
                    dipL = maxT;
                }
            }
            double dipU = 0;
            for (int j = ih; j < lLcm; j++) {
                double maxT = 1;
                int jb = lcm[j];
                int je = lcm[j + 1];
                if (je - jb > 1 && x[je] != x[jb]) {
                    double c = (je - jb) / (x[je] - x[jb]);
                    for (int jj = jb; jj <= je; jj++) {
                        double t = (x[jj] - x[jb]) * c - (jj - jb - 1);
                        if (maxT < t) {
                            maxT = t;
                        }
                    }
                }
                if (dipU < maxT) {
                    dipU = maxT;
                }
            }
            double dipNew = Math.max(dipU, dipL);
            if (dip < dipNew) {
                dip = dipNew;
            }
            if (low == gcm[ig] && high == lcm[ih]) {
                break;
            }
            low = gcm[ig];
            high = lcm[ih];
        }
        if (modal != null) {
            modal[0] = low - 1;
            modal[1] = high - 1;
        }
        return dip / (2.0 * n);
    }
}
