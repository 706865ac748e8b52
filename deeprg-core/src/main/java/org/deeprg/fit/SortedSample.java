package org.deeprg.fit;

import java.util.Arrays;
import java.util.List;
import org.deeprg.run.LocalBackend;

/**
 * A sample prepared for the x_min scan and the tail fits: sorted values, their logarithms, double-double suffix sums
 * of the logarithms (so every candidate's continuous \( \hat\alpha \) costs O(1) without losing digits at
 * \( 10^7 \) points) and the run-length structure of tied values.
 *
 * <p>Values above \( x_{max} \) (bounded fits) are kept at the end of {@link #x} but excluded: {@link #n} counts
 * the values at or below \( x_{max} \).
 */
final class SortedSample {
    /** Block length of the parallel passes (fixed, so sums do not depend on the thread count). */
    static final int BLOCK = 1 << 16;

    /** All values, ascending (not modified after construction). */
    final double[] x;
    /** \( \ln x_i \) for i < n. */
    final double[] logX;
    /** Values at or below xmax. */
    final int n;
    /** All values, including those above xmax. */
    final int total;
    final boolean discrete;
    /** Upper bound of the fits (+infinity when unbounded). */
    final double xmax;
    /** \( \sum_{j \ge s} \ln x_j \) = suffixHigh[s] + suffixLow[s] (double-double), length n + 1. */
    final double[] suffixHigh;
    final double[] suffixLow;
    /** Index of the first occurrence of each distinct value among the first n, and n at the end (length K + 1). */
    final int[] distinctStart;

    /**
     * @param sorted all values, ascending, positive and finite (not modified; held)
     */
    SortedSample(double[] sorted, boolean discrete, double xmax, int threads) {
        this.x = sorted;
        this.total = sorted.length;
        this.discrete = discrete;
        this.xmax = xmax;
        this.n = xmax == Double.POSITIVE_INFINITY ? total : upperBound(sorted, xmax);
        this.logX = new double[n];
        int blocks = (n + BLOCK - 1) / BLOCK;
        LocalBackend.inThreads(blocks, threads, b -> {
            int to = Math.min(n, (b + 1) * BLOCK);
            for (int i = b * BLOCK; i < to; i++) {
                logX[i] = Math.log(sorted[i]);
            }
            return null;
        });
        suffixHigh = new double[n + 1];
        suffixLow = new double[n + 1];
        double high = 0;
        double low = 0;
        for (int i = n - 1; i >= 0; i--) {
            // two-sum of high + logX[i]
            double a = logX[i];
            double s = high + a;
            double bb = s - high;
            double err = (high - (s - bb)) + (a - bb);
            high = s;
            low += err;
            suffixHigh[i] = high;
            suffixLow[i] = low;
        }
        int[] starts = new int[n + 1];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                starts[k++] = i;
            }
        }
        starts[k] = n;
        distinctStart = Arrays.copyOf(starts, k + 1);
    }

    /** Whether the fits are bounded above by xmax. */
    boolean isBounded() {
        return xmax != Double.POSITIVE_INFINITY;
    }

    /** Number of distinct values among the first n. */
    int distinct() {
        return distinctStart.length - 1;
    }

    /** The k-th distinct value. */
    double distinctValue(int k) {
        return x[distinctStart[k]];
    }

    /** \( \sum_{j \ge s} (\ln x_j - \ell) \) over the first n values, with one rounding for the product. */
    double sumLogRatio(int s, double ell) {
        int m = n - s;
        return Math.fma(-m, ell, suffixHigh[s]) + suffixLow[s];
    }

    /** \( \sum_{j \ge s} \ln x_j \). */
    double sumLog(int s) {
        return suffixHigh[s] + suffixLow[s];
    }

    /** Index of the first value >= v among the first n. */
    int lowerBound(double v) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (x[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Number of values <= v in a sorted array. */
    static int upperBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Index of the distinct value equal to x[s] (s the first occurrence of a value, or any index). */
    int distinctIndexOf(int s) {
        int k = Arrays.binarySearch(distinctStart, 0, distinctStart.length - 1, s);
        if (k >= 0) {
            return k;
        }
        return -k - 2;
    }

    /** Values below index s and above xmax: the observed part a semi-parametric bootstrap resamples. */
    double[] outsideTail(int s) {
        double[] out = new double[s + (total - n)];
        System.arraycopy(x, 0, out, 0, s);
        System.arraycopy(x, n, out, s, total - n);
        return out;
    }

    /** Number of blocks of {@link #BLOCK} covering a length. */
    static int blocks(int length) {
        return (length + BLOCK - 1) / BLOCK;
    }

    /** Sum of {@code f(i)} over [from, to) in fixed blocks combined in order (deterministic for any thread count). */
    static double blockSum(int from, int to, int threads, java.util.function.IntToDoubleFunction f) {
        int length = to - from;
        int blocks = Math.max(1, blocks(length));
        List<Double> parts = LocalBackend.inThreads(blocks, threads, b -> {
            int lo = from + b * BLOCK;
            int hi = Math.min(to, lo + BLOCK);
            double s = 0;
            for (int i = lo; i < hi; i++) {
                s += f.applyAsDouble(i);
            }
            return s;
        });
        double total = 0;
        for (double p : parts) {
            total += p;
        }
        return total;
    }
}
