package org.deeprg.fit;

import java.util.Arrays;
import org.deeprg.run.LocalBackend;

/**
 * The x_min scan of Clauset-Shalizi-Newman (CSN Sec. 3.3): every distinct value of the sample (with at least
 * {@value #MIN_TAIL} points at or above it, at least two distinct values there, and inside an optional range) is a
 * candidate \( x_{min} \); each gets its maximum-likelihood exponent, and \( x_{min} \) is the candidate whose fit is
 * closest to the data in the two-sided Kolmogorov-Smirnov distance. The minimisation is exact and exhaustive
 * (branch and bound, {@link KsScan}), for continuous and discrete data, unbounded or bounded above by \( x_{max} \).
 *
 * <h2>Exponents (per candidate)</h2>
 * <ul>
 * <li>continuous, unbounded: \( \hat\alpha = 1 + m/S \), \( S = \sum_{j \ge s}\ln(x_j/x_s) \) from double-double
 *     suffix sums in O(1) (CSN Eq. 3.1);</li>
 * <li>continuous, bounded: the exponential-family equation \( \langle t\rangle_\theta = S/m \) for
 *     \( t = \ln(x/x_{min}) \in [0, \ln(x_{max}/x_{min})] \), \( \theta = \alpha - 1 \)
 *     ({@link Special#exponentialRate});</li>
 * <li>discrete, exact: the root of the score \( -m\,\partial_\alpha\ln\zeta(\alpha, x_{min}) = \sum\ln x_j \)
 *     (CSN Eq. 3.5) by safeguarded Newton with the analytic derivatives of {@link HurwitzZeta} (the log-likelihood
 *     is concave, the root unique; no cap on \( \alpha \)); bounded: the maximum of
 *     \( -\alpha\sum\ln x_j - m\ln\sum_{k=x_{min}}^{x_{max}}k^{-\alpha} \);</li>
 * <li>discrete, approximate: \( \hat\alpha = 1 + m/\sum\ln(x_j/(x_{min} - \tfrac12)) \) (CSN Eq. 3.7).</li>
 * </ul>
 *
 * <h2>KS distance (two-sided, exact with ties)</h2>
 * Continuous, tail \( x_s \le \dots \le x_{n-1} \), \( m = n - s \): \( D = \max_j \max(F(x_j) - (j-s)/m,\ (j-s+1)/m -
 * F(x_j)) \), the supremum of \( |F_{emp} - F| \) including the left limits of the empirical steps (tied values
 * add intermediate terms that never exceed their neighbours). Discrete: at every distinct value \( u_k \),
 * \( |E(u_k) - F(u_k)| \) and, if the next distinct value is not \( u_k + 1 \), \( |E(u_k) - F(u_{k+1} - 1)| \)
 * (both CDFs are step functions; this is the supremum over all integers, tested against brute force), plus
 * \( F(u_{k_0} - 1) \) when a fixed \( x_{min} \) lies below the first tail value.
 */
final class XminScan {
    /** Smallest tail (points at or above x_min) of a candidate. */
    static final int MIN_TAIL = 10;

    private XminScan() {
    }

    /**
     * How x_min is chosen: a fixed value, or a scan over the candidates in [lower, upper].
     *
     * @param fixed the fixed x_min, or NaN to scan
     * @param lower smallest candidate considered (0 for none)
     * @param upper largest candidate considered (+infinity for none)
     */
    record Choice(double fixed, double lower, double upper) implements java.io.Serializable {
        static Choice scan() {
            return new Choice(Double.NaN, 0, Double.POSITIVE_INFINITY);
        }

        boolean isFixed() {
            return !Double.isNaN(fixed);
        }
    }

    /** Why no candidate exists (for the error message). */
    static String noCandidateReason(SortedSample sample, Choice choice) {
        if (sample.n == 0) {
            return "no values at or below x_max";
        }
        if (sample.x[0] == sample.x[sample.n - 1]) {
            return "all values equal: no tail to fit";
        }
        return "no x_min candidate leaves at least " + MIN_TAIL + " points and two distinct values in the tail"
                + (choice.isFixed() ? "" : (choice.lower() > 0 || choice.upper() < Double.POSITIVE_INFINITY
                ? " inside the x_min range" : ""));
    }

    /**
     * The fit: scan (or fixed x_min), exponent, KS distance.
     *
     * @param bruteForce evaluate every candidate in full (the reference of the tests); the result is identical
     * @return the fit, or null if there is no valid candidate
     */
    static TailFit fit(SortedSample sample, Choice choice, boolean exactDiscrete, int threads, boolean bruteForce) {
        Problem problem = sample.discrete ? new DiscreteProblem(sample, choice, exactDiscrete, threads)
                : new ContinuousProblem(sample, choice);
        KsScan.Best best = bruteForce ? KsScan.bruteForce(problem, threads) : KsScan.minimise(problem, threads);
        if (best.candidate() < 0) {
            return null;
        }
        int c = best.candidate();
        return new TailFit(problem.alpha(c), problem.alphaStderr(c), problem.xmin(c), best.ks(), problem.tailSize(c),
                sample.total, sample.discrete, sample.xmax, problem.validCount(), problem.start(c));
    }

    /** What both problems offer besides the KS terms. */
    private abstract static class Problem implements KsScan.KsProblem {
        abstract double alpha(int c);

        abstract double alphaStderr(int c);

        abstract double xmin(int c);

        /** Index (in the sorted sample) of the first tail value. */
        abstract int start(int c);

        abstract int tailSize(int c);

        int validCount() {
            int count = 0;
            for (int c = 0; c < candidates(); c++) {
                if (valid(c)) {
                    count++;
                }
            }
            return count;
        }
    }

    /** Start indices of the distinct values that may be candidates. */
    private static int[] candidateStarts(SortedSample sample, Choice choice) {
        int n = sample.n;
        if (choice.isFixed()) {
            int s = sample.lowerBound(choice.fixed());
            return n - s >= MIN_TAIL ? new int[] {s} : new int[0];
        }
        int[] out = new int[sample.distinct()];
        int count = 0;
        for (int k = 0; k < sample.distinct(); k++) {
            int s = sample.distinctStart[k];
            double v = sample.x[s];
            if (n - s >= MIN_TAIL && v >= choice.lower() && v <= choice.upper() && v < sample.x[n - 1]) {
                out[count++] = s;
            }
        }
        return Arrays.copyOf(out, count);
    }

    // ------------------------------------------------------------------------------------------------ continuous

    private static final class ContinuousProblem extends Problem {
        private final SortedSample sample;
        private final int[] starts;
        private final double[] theta;
        private final double fixedLog;
        private final boolean bounded;
        private final double logXmax;
        private final double[] span;
        private final double[] denominator;

        ContinuousProblem(SortedSample sample, Choice choice) {
            this.sample = sample;
            this.starts = candidateStarts(sample, choice);
            this.fixedLog = choice.isFixed() ? Math.log(choice.fixed()) : Double.NaN;
            this.bounded = sample.xmax != Double.POSITIVE_INFINITY;
            this.logXmax = Math.log(sample.xmax);
            int count = starts.length;
            theta = new double[count];
            span = bounded ? new double[count] : null;
            denominator = bounded ? new double[count] : null;
            for (int c = 0; c < count; c++) {
                int s = starts[c];
                int m = sample.n - s;
                double l0 = logXmin(c);
                double sum = sample.sumLogRatio(s, l0);
                if (!(sum > 0)) {
                    theta[c] = Double.NaN;
                    continue;
                }
                if (bounded) {
                    double v = logXmax - l0;
                    span[c] = v;
                    theta[c] = Special.exponentialRate(sum / m, v);
                    denominator[c] = Math.expm1(-theta[c] * v);
                } else {
                    theta[c] = m / sum;
                }
            }
        }

        private double logXmin(int c) {
            return Double.isNaN(fixedLog) ? sample.logX[starts[c]] : fixedLog;
        }

        @Override
        public int candidates() {
            return starts.length;
        }

        @Override
        public boolean valid(int c) {
            return Double.isFinite(theta[c]);
        }

        @Override
        public int first(int c) {
            return starts[c];
        }

        @Override
        public int end() {
            return sample.n;
        }

        @Override
        public double deviation(int c, int j) {
            int s = starts[c];
            double invM = 1.0 / (sample.n - s);
            double t = sample.logX[j] - logXmin(c);
            double th = theta[c];
            double f;
            if (bounded) {
                f = th == 0 ? t / span[c] : Math.expm1(-th * t) / denominator[c];
            } else {
                f = 1 - Math.exp(-th * t);
            }
            double lower = (j - s) * invM;
            double upper = (j - s + 1) * invM;
            return Math.max(f - lower, upper - f);
        }

        /** The same terms as {@link #deviation}, bit for bit, in one loop. */
        @Override
        public double pass(int c, int from, int to, double cutoff, int[] argmax) {
            int s = starts[c];
            double invM = 1.0 / (sample.n - s);
            double l0 = logXmin(c);
            double th = theta[c];
            double[] logX = sample.logX;
            double d = -1;
            int at = -1;
            if (bounded) {
                double v = span[c];
                double den = denominator[c];
                for (int j = from; j < to; j++) {
                    double t = logX[j] - l0;
                    double f = th == 0 ? t / v : Math.expm1(-th * t) / den;
                    double lower = (j - s) * invM;
                    double upper = (j - s + 1) * invM;
                    double e = Math.max(f - lower, upper - f);
                    if (e > d) {
                        d = e;
                        at = j;
                        if (d > cutoff) {
                            break;
                        }
                    }
                }
            } else {
                for (int j = from; j < to; j++) {
                    double t = logX[j] - l0;
                    double f = 1 - Math.exp(-th * t);
                    double lower = (j - s) * invM;
                    double upper = (j - s + 1) * invM;
                    double e = Math.max(f - lower, upper - f);
                    if (e > d) {
                        d = e;
                        at = j;
                        if (d > cutoff) {
                            break;
                        }
                    }
                }
            }
            argmax[0] = at;
            return d;
        }

        @Override
        double alpha(int c) {
            return 1 + theta[c];
        }

        @Override
        double alphaStderr(int c) {
            int m = sample.n - starts[c];
            if (bounded) {
                return 1 / Math.sqrt(m * Special.exponentialVariance(theta[c], span[c]));
            }
            return theta[c] / Math.sqrt(m);
        }

        @Override
        double xmin(int c) {
            return Double.isNaN(fixedLog) ? sample.x[starts[c]] : Math.exp(fixedLog);
        }

        @Override
        int start(int c) {
            return starts[c];
        }

        @Override
        int tailSize(int c) {
            return sample.n - starts[c];
        }
    }

    // ------------------------------------------------------------------------------------------------ discrete

    private static final class DiscreteProblem extends Problem {
        private final SortedSample sample;
        private final int[] distinctIndex;
        private final double[] alpha;
        private final double[] logNormaliser;
        private final double fixedXmin;
        private final boolean bounded;
        private final boolean exact;

        DiscreteProblem(SortedSample sample, Choice choice, boolean exact, int threads) {
            this.sample = sample;
            this.exact = exact;
            this.fixedXmin = choice.isFixed() ? choice.fixed() : Double.NaN;
            this.bounded = sample.xmax != Double.POSITIVE_INFINITY;
            int[] starts = candidateStarts(sample, choice);
            int count = starts.length;
            distinctIndex = new int[count];
            for (int c = 0; c < count; c++) {
                distinctIndex[c] = sample.distinctIndexOf(starts[c]);
            }
            alpha = new double[count];
            logNormaliser = new double[count];
            int blocks = Math.max(1, Math.min(count, 16 * threads));
            LocalBackend.inThreads(blocks, threads, b -> {
                int from = (int) ((long) count * b / blocks);
                int to = (int) ((long) count * (b + 1) / blocks);
                for (int c = from; c < to; c++) {
                    int s = starts[c];
                    int m = sample.n - s;
                    double xmin = xmin(c);
                    double sumLog = sample.sumLog(s);
                    double a = exact ? DiscreteMle.alpha(m, sumLog, xmin, sample.xmax)
                            : DiscreteMle.closedForm(m, sample.sumLogRatio(s, Math.log(xmin - 0.5)));
                    if (!Double.isFinite(a) || (!bounded && !(a > 1))) {
                        alpha[c] = Double.NaN;
                        continue;
                    }
                    alpha[c] = a;
                    logNormaliser[c] = DiscreteMle.logNormaliser(a, xmin, sample.xmax);
                }
                return null;
            });
        }

        @Override
        public int candidates() {
            return distinctIndex.length;
        }

        @Override
        public boolean valid(int c) {
            return Double.isFinite(alpha[c]) && Double.isFinite(logNormaliser[c]);
        }

        @Override
        public int first(int c) {
            return distinctIndex[c];
        }

        @Override
        public int end() {
            return sample.distinct();
        }

        /** \( P(X \ge v) \) under candidate c's law, v an integer above its x_min. */
        private double survival(int c, double v) {
            if (v > sample.xmax) {
                return 0;
            }
            double logTail = bounded ? DiscreteSum.logSum(new PowerLawDistribution.Power(alpha[c]), v, sample.xmax)
                    : HurwitzZeta.logZeta(alpha[c], v);
            return Math.exp(logTail - logNormaliser[c]);
        }

        @Override
        public double deviation(int c, int k) {
            int k0 = distinctIndex[c];
            int base = sample.distinctStart[k0];
            double invM = 1.0 / (sample.n - base);
            double empirical = (sample.distinctStart[k + 1] - base) * invM;
            double u = sample.distinctValue(k);
            double d = Math.abs(empirical - (1 - survival(c, u + 1)));
            if (k + 1 < sample.distinct()) {
                double next = sample.distinctValue(k + 1);
                if (next > u + 1) {
                    d = Math.max(d, Math.abs(empirical - (1 - survival(c, next))));
                }
            }
            if (k == k0 && u > xmin(c)) {
                d = Math.max(d, 1 - survival(c, u));
            }
            return d;
        }

        @Override
        double alpha(int c) {
            return alpha[c];
        }

        @Override
        double alphaStderr(int c) {
            return DiscreteMle.stderr(alpha[c], xmin(c), sample.xmax, tailSize(c));
        }

        @Override
        double xmin(int c) {
            return Double.isNaN(fixedXmin) ? sample.distinctValue(distinctIndex[c]) : fixedXmin;
        }

        @Override
        int start(int c) {
            return sample.distinctStart[distinctIndex[c]];
        }

        @Override
        int tailSize(int c) {
            return sample.n - start(c);
        }
    }
}
