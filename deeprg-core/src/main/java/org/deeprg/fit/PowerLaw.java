package org.deeprg.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.deeprg.InvalidInputException;
import org.deeprg.run.LocalBackend;
import org.deeprg.random.RandomStreams;
import org.hipparchus.analysis.solvers.BrentSolver;

/**
 * Clauset-Shalizi-Newman power-law fitting (SIAM Review 51, 661 (2009), "CSN").
 *
 * <h2>Model</h2>
 * Continuous: \( p(x) = \frac{\alpha-1}{x_{min}} (x/x_{min})^{-\alpha} \) for \( x \ge x_{min} \) with MLE
 * \( \hat\alpha = 1 + n_{tail} / \sum_i \ln(x_i/x_{min}) \) (CSN Eq. 3.1).
 * Discrete (positive integers): \( p(x) = x^{-\alpha}/\zeta(\alpha, x_{min}) \), \( \hat\alpha \) the root of
 * \( -n_{tail}\,\zeta'(\alpha,x_{min})/\zeta(\alpha,x_{min}) = \sum_i \ln x_i \) (CSN Eq. 3.5; the log-likelihood is
 * concave in \( \alpha \), so the root is unique and bracketed in [{@value #ALPHA_MIN}, {@value #ALPHA_MAX}]).
 *
 * <h2>x_min scan</h2>
 * The data are sorted once; suffix sums of \( \ln x \) give every candidate's \( \hat\alpha \) in O(1)
 * (continuous) and the KS distance of one candidate costs one pass over its tail. Every distinct value with
 * at least {@value #MIN_TAIL} points at or above it is a candidate. When evaluating all candidates would cost
 * more than {@value #EXHAUSTIVE_WORK} tail-point evaluations (a million distinct values would cost 5e11), the
 * scan is multi-resolution: {@value #GRID} candidates spaced evenly in log(tail size), then {@value #REFINE_GRID}
 * the same way inside the bracket of the best one's two grid neighbours, and so on until the bracket is small enough
 * to scan exhaustively. The
 * KS curve is not unimodal, so that scan can miss a narrow dip between grid points; {@link TailFit#exhaustive()}
 * says which scan ran. Ties in the KS distance go to the smaller x_min. Candidates are evaluated in parallel;
 * each evaluation is deterministic, so the result does not depend on the thread count.
 *
 * <h2>Goodness of fit</h2>
 * CSN Sec. 4.1: B synthetic samples of size n, each point drawn with probability \( n_{tail}/n \) from the
 * fitted law above x_min and otherwise uniformly from the observed points below x_min; each is refitted with
 * the same scan; p = fraction of KS distances at least the observed one. Resample b uses the random stream
 * {@code streams.split(b)}, so the p-value is the same for any thread count.
 */
public final class PowerLaw {
    /** Smallest tail (points at or above x_min) for an x_min candidate. */
    public static final int MIN_TAIL = 10;
    /** Smallest number of data points accepted. */
    public static final int MIN_POINTS = 50;
    /** Above this many tail-point evaluations the scan becomes multi-resolution. */
    public static final long EXHAUSTIVE_WORK = 30_000_000L;
    /** Candidates of the first level of the multi-resolution scan. */
    public static final int GRID = 192;
    /** Candidates per refinement level (the bracket shrinks about twelvefold per level). */
    public static final int REFINE_GRID = 24;
    /** Bracket of the discrete exponent. */
    public static final double ALPHA_MIN = 1.01;
    /** Bracket of the discrete exponent. */
    public static final double ALPHA_MAX = 30.0;
    /** Discrete sampling: exact inverse CDF over this many integers above x_min, then the continuous approximation. */
    static final int SAMPLING_TABLE = 4096;

    /** Continuous or discrete power law. */
    public enum Kind {
        CONTINUOUS, DISCRETE;

        /** DISCRETE if every value is an integer, else CONTINUOUS. */
        public static Kind detect(double[] data) {
            for (double x : data) {
                if (x != Math.rint(x)) {
                    return CONTINUOUS;
                }
            }
            return DISCRETE;
        }
    }

    private PowerLaw() {
    }

    /**
     * The full CSN analysis: tail fit, bootstrap p-value with {@code bootstrap} resamples, likelihood-ratio tests.
     *
     * @param data      positive finite values (not modified); integers for DISCRETE
     * @param kind      continuous or discrete
     * @param bootstrap number of goodness-of-fit resamples (0: no p-value)
     * @param streams   random streams of this analysis (resample b uses {@code streams.split(b)})
     * @param threads   worker threads
     * @throws InvalidInputException if there are fewer than {@value #MIN_POINTS} values, a value is not positive
     *                               and finite, a discrete value is not an integer, or there are too few distinct values
     */
    public static PowerLawFit analyse(double[] data, Kind kind, int bootstrap, RandomStreams streams, int threads) {
        InvalidInputException.requireInRange("bootstrap", bootstrap, 0, 1_000_000);
        double[] sorted = validatedSorted(data, kind);
        TailFit fit = fitSorted(sorted, kind, threads);
        double p = Double.NaN;
        double pErr = Double.NaN;
        if (bootstrap > 0) {
            List<Double> ks = LocalBackend.inThreads(bootstrap, threads,
                    b -> fitSorted(synthetic(sorted, fit, streams.split(b).generator()), kind, 1).ks());
            int atLeast = 0;
            for (double d : ks) {
                if (d >= fit.ks()) {
                    atLeast++;
                }
            }
            p = atLeast / (double) bootstrap;
            pErr = Math.sqrt(p * (1 - p) / bootstrap);
        }
        List<Comparison> comparisons = LikelihoodRatio.compareAll(tail(sorted, fit.xmin()), fit);
        return new PowerLawFit(fit.alpha(), fit.alphaStderr(), fit.xmin(), fit.ks(), p, pErr, bootstrap, fit.nTail(),
                fit.n(), fit.discrete(), fit.exhaustive(), comparisons);
    }

    /** The tail fit alone (no bootstrap, no comparisons). Data not modified. */
    public static TailFit fit(double[] data, Kind kind, int threads) {
        return fitSorted(validatedSorted(data, kind), kind, threads);
    }

    /** Fits the power law with a fixed x_min (no scan). Data not modified. */
    public static TailFit fitFixedXmin(double[] data, Kind kind, double xmin) {
        double[] sorted = validatedSorted(data, kind);
        int start = lowerBound(sorted, xmin);
        if (sorted.length - start < 2) {
            throw new InvalidInputException("xmin", xmin, "must leave at least 2 points in the tail");
        }
        Scan scan = kind == Kind.DISCRETE ? new DiscreteScan(sorted) : new ContinuousScan(sorted);
        double[] r = scan.evaluateStart(start);
        return new TailFit(r[0], r[2], sorted[start], r[1], sorted.length - start, sorted.length, kind == Kind.DISCRETE,
                1, true);
    }

    static double[] validatedSorted(double[] data, Kind kind) {
        if (data.length < MIN_POINTS) {
            throw new InvalidInputException("data", data.length + " values",
                    "a power-law fit needs at least " + MIN_POINTS + " positive values");
        }
        for (int i = 0; i < data.length; i++) {
            double x = data[i];
            if (!(x > 0) || !Double.isFinite(x)) {
                throw new InvalidInputException("data", x, "value " + (i + 1) + " must be a positive finite number");
            }
            if (kind == Kind.DISCRETE && x != Math.rint(x)) {
                throw new InvalidInputException("data", x, "value " + (i + 1) + " must be a positive integer for a discrete fit");
            }
        }
        double[] sorted = data.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    /** The fit on sorted, validated data. */
    static TailFit fitSorted(double[] sorted, Kind kind, int threads) {
        Scan scan = kind == Kind.DISCRETE ? new DiscreteScan(sorted) : new ContinuousScan(sorted);
        int[] starts = scan.candidateStarts();
        if (starts.length == 0) {
            throw new InvalidInputException("data", "all " + sorted.length + " values",
                    "need at least two distinct values with " + MIN_TAIL + " points at or above the smaller one");
        }
        int n = sorted.length;
        long totalWork = 0;
        for (int s : starts) {
            totalWork += scan.work(s);
        }
        Map<Integer, double[]> evaluated = new HashMap<>();
        int best;
        boolean exhaustive = totalWork <= EXHAUSTIVE_WORK;
        if (exhaustive) {
            int[] all = new int[starts.length];
            for (int c = 0; c < all.length; c++) {
                all[c] = c;
            }
            best = evaluate(scan, starts, all, evaluated, threads);
        } else {
            int lo = 0;
            int hi = starts.length - 1;
            int gridSize = GRID;
            while (true) {
                long bracketWork = 0;
                for (int c = lo; c <= hi; c++) {
                    bracketWork += scan.work(starts[c]);
                }
                if (bracketWork <= EXHAUSTIVE_WORK || hi - lo + 1 <= gridSize) {
                    int[] all = new int[hi - lo + 1];
                    for (int c = lo; c <= hi; c++) {
                        all[c - lo] = c;
                    }
                    best = evaluate(scan, starts, all, evaluated, threads);
                    break;
                }
                int[] grid = logGrid(scan, starts, lo, hi, gridSize);
                gridSize = REFINE_GRID;
                int b = evaluate(scan, starts, grid, evaluated, threads);
                int pos = Arrays.binarySearch(grid, b);
                int newLo = pos > 0 ? grid[pos - 1] : grid[0];
                int newHi = pos < grid.length - 1 ? grid[pos + 1] : hi;
                if (newLo == lo && newHi == hi) {
                    newHi = hi - 1; // guarantees progress; not reached while the grid has 3 or more distinct points
                }
                lo = newLo;
                hi = newHi;
            }
        }
        double[] r = evaluated.get(best);
        int start = starts[best];
        return new TailFit(r[0], r[2], sorted[start], r[1], n - start, n, kind == Kind.DISCRETE, evaluated.size(),
                exhaustive);
    }

    /** Candidate indices in [lo, hi] with tail sizes evenly spaced in logarithm, increasing, distinct. */
    private static int[] logGrid(Scan scan, int[] starts, int lo, int hi, int size) {
        double wLo = Math.log(scan.work(starts[lo]));
        double wHi = Math.log(scan.work(starts[hi]));
        int[] grid = new int[size];
        int count = 0;
        int c = lo;
        for (int g = 0; g < size; g++) {
            double target = Math.exp(wLo + (wHi - wLo) * g / (size - 1));
            while (c < hi && scan.work(starts[c]) > target) {
                c++;
            }
            if (count == 0 || grid[count - 1] != c) {
                grid[count++] = c;
            }
        }
        if (grid[0] != lo) {
            int[] withLo = new int[count + 1];
            withLo[0] = lo;
            System.arraycopy(grid, 0, withLo, 1, count);
            return withLo;
        }
        return Arrays.copyOf(grid, count);
    }

    /** Evaluates candidates (indices into starts) not yet evaluated; returns the best of {@code which}. */
    private static int evaluate(Scan scan, int[] starts, int[] which, Map<Integer, double[]> evaluated, int threads) {
        List<Integer> todo = new ArrayList<>();
        for (int c : which) {
            if (!evaluated.containsKey(c)) {
                todo.add(c);
            }
        }
        int chunks = Math.min(todo.size(), Math.max(1, threads) * 4);
        List<double[][]> results = LocalBackend.inThreads(chunks, threads, k -> {
            int from = (int) ((long) todo.size() * k / chunks);
            int to = (int) ((long) todo.size() * (k + 1) / chunks);
            double[][] out = new double[to - from][];
            for (int i = from; i < to; i++) {
                out[i - from] = scan.evaluateStart(starts[todo.get(i)]);
            }
            return out;
        });
        int idx = 0;
        for (int k = 0; k < chunks; k++) {
            for (double[] r : results.get(k)) {
                evaluated.put(todo.get(idx++), r);
            }
        }
        int best = -1;
        double bestKs = Double.POSITIVE_INFINITY;
        for (int c : which) {
            double ks = evaluated.get(c)[1];
            if (ks < bestKs || (ks == bestKs && c < best)) {
                bestKs = ks;
                best = c;
            }
        }
        if (best < 0) {
            best = which[0];
        }
        return best;
    }

    /** Index of the first element >= x. */
    static int lowerBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static double[] tail(double[] sorted, double xmin) {
        int start = lowerBound(sorted, xmin);
        return Arrays.copyOfRange(sorted, start, sorted.length);
    }

    /** A CSN semi-parametric synthetic sample (sorted). */
    static double[] synthetic(double[] sorted, TailFit fit, UniformRandomProvider rng) {
        int n = sorted.length;
        int below = n - fit.nTail();
        double[] out = new double[n];
        double pTail = fit.nTail() / (double) n;
        DiscreteSampler discrete = fit.discrete() ? new DiscreteSampler(fit.alpha(), fit.xmin()) : null;
        double exponent = -1.0 / (fit.alpha() - 1);
        for (int i = 0; i < n; i++) {
            if (below == 0 || rng.nextDouble() < pTail) {
                out[i] = discrete != null ? discrete.sample(rng) : fit.xmin() * Math.pow(1 - rng.nextDouble(), exponent);
            } else {
                out[i] = sorted[rng.nextInt(below)];
            }
        }
        Arrays.sort(out);
        return out;
    }

    /** Samples the discrete power law: exact inverse CDF over a table, continuous approximation beyond (CSN App. D). */
    static final class DiscreteSampler {
        private final double[] cdf;
        private final double xmin;
        private final double alpha;

        DiscreteSampler(double alpha, double xmin) {
            this.alpha = alpha;
            this.xmin = xmin;
            double z = HurwitzZeta.zeta(alpha, xmin);
            cdf = new double[SAMPLING_TABLE];
            double acc = 0;
            for (int k = 0; k < SAMPLING_TABLE; k++) {
                acc += Math.pow(xmin + k, -alpha) / z;
                cdf[k] = acc;
            }
        }

        double sample(UniformRandomProvider rng) {
            double u = rng.nextDouble();
            if (u < cdf[SAMPLING_TABLE - 1]) {
                int lo = 0;
                int hi = SAMPLING_TABLE - 1;
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (cdf[mid] <= u) {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                return xmin + lo;
            }
            double start = xmin + SAMPLING_TABLE;
            double x = Math.floor((start - 0.5) * Math.pow(1 - rng.nextDouble(), -1.0 / (alpha - 1)) + 0.5);
            return Math.max(start, Math.min(x, 9.0e15));
        }
    }

    /** One kind of scan over x_min candidates. evaluateStart returns {alpha, ks, alphaStderr}. */
    private interface Scan {
        int[] candidateStarts();

        long work(int start);

        double[] evaluateStart(int start);
    }

    /** Continuous power law: O(1) alpha from suffix sums of ln x, one exp per tail point for the KS distance. */
    private static final class ContinuousScan implements Scan {
        private final double[] logs;
        private final double[] suffixLog;
        private final double[] sorted;

        ContinuousScan(double[] sorted) {
            this.sorted = sorted;
            int n = sorted.length;
            logs = new double[n];
            suffixLog = new double[n + 1];
            for (int i = 0; i < n; i++) {
                logs[i] = Math.log(sorted[i]);
            }
            for (int i = n - 1; i >= 0; i--) {
                suffixLog[i] = suffixLog[i + 1] + logs[i];
            }
        }

        @Override
        public int[] candidateStarts() {
            return distinctStarts(sorted);
        }

        @Override
        public long work(int start) {
            return sorted.length - start;
        }

        @Override
        public double[] evaluateStart(int start) {
            int n = sorted.length;
            int m = n - start;
            double logXmin = logs[start];
            double sumLogRatio = suffixLog[start] - m * logXmin;
            if (!(sumLogRatio > 0)) {
                return new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NaN};
            }
            double alpha = 1 + m / sumLogRatio;
            double e = 1 - alpha;
            double inverseM = 1.0 / m;
            double d = 0;
            for (int j = start; j < n; j++) {
                double model = -Math.expm1(e * (logs[j] - logXmin));
                double below = (j - start) * inverseM;
                double above = below + inverseM;
                d = Math.max(d, Math.max(model - below, above - model));
            }
            return new double[] {alpha, d, (alpha - 1) / Math.sqrt(m)};
        }
    }

    /** Discrete power law: alpha by Brent's method on the score, KS over the distinct values with the Hurwitz zeta. */
    private static final class DiscreteScan implements Scan {
        private final double[] sorted;
        private final double[] suffixLog;
        private final double[] distinct;
        /** Number of points <= distinct[k]. */
        private final int[] countAtMost;
        /** Index into distinct of the value sorted[i]... only needed at candidate starts. */
        private final int[] startToDistinct;

        DiscreteScan(double[] sorted) {
            this.sorted = sorted;
            int n = sorted.length;
            suffixLog = new double[n + 1];
            for (int i = n - 1; i >= 0; i--) {
                suffixLog[i] = suffixLog[i + 1] + Math.log(sorted[i]);
            }
            double[] d = new double[n];
            int[] c = new int[n];
            startToDistinct = new int[n];
            int u = 0;
            for (int i = 0; i < n; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    d[u++] = sorted[i];
                }
                startToDistinct[i] = u - 1;
                c[u - 1] = i + 1;
            }
            distinct = Arrays.copyOf(d, u);
            countAtMost = Arrays.copyOf(c, u);
        }

        @Override
        public int[] candidateStarts() {
            return distinctStarts(sorted);
        }

        @Override
        public long work(int start) {
            return 40L * (distinct.length - startToDistinct[start]) + 200;
        }

        @Override
        public double[] evaluateStart(int start) {
            int n = sorted.length;
            int m = n - start;
            double xmin = sorted[start];
            double sumLog = suffixLog[start];
            if (sorted[n - 1] == xmin) {
                return new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NaN};
            }
            double alpha = discreteAlpha(m, sumLog, xmin);
            double z0 = HurwitzZeta.zeta(alpha, xmin);
            double inverseM = 1.0 / m;
            double d = 0;
            int k0 = startToDistinct[start];
            for (int k = k0; k < distinct.length; k++) {
                double empirical = (countAtMost[k] - start) * inverseM;
                double model = 1 - HurwitzZeta.zeta(alpha, distinct[k] + 1) / z0;
                d = Math.max(d, Math.abs(empirical - model));
                if (k + 1 < distinct.length && distinct[k + 1] > distinct[k] + 1) {
                    double modelBeforeNext = 1 - HurwitzZeta.zeta(alpha, distinct[k + 1]) / z0;
                    d = Math.max(d, Math.abs(empirical - modelBeforeNext));
                }
            }
            return new double[] {alpha, d, discreteStderr(alpha, xmin, m)};
        }
    }

    /** The discrete MLE of alpha for a tail of m points with sum of logs sumLog (CSN Eq. 3.5). */
    static double discreteAlpha(int m, double sumLog, double xmin) {
        java.util.function.DoubleUnaryOperator score =
                a -> -m * HurwitzZeta.derivative(a, xmin) / HurwitzZeta.zeta(a, xmin) - sumLog;
        double fLo = score.applyAsDouble(ALPHA_MIN);
        if (fLo <= 0) {
            return ALPHA_MIN;
        }
        double fHi = score.applyAsDouble(ALPHA_MAX);
        if (fHi >= 0) {
            return ALPHA_MAX;
        }
        return new BrentSolver(1e-12, 1e-10).solve(200, score::applyAsDouble, ALPHA_MIN, ALPHA_MAX);
    }

    /** Standard error of the discrete MLE from the Fisher information (CSN Eq. 3.6). */
    static double discreteStderr(double alpha, double xmin, int m) {
        if (alpha <= ALPHA_MIN || alpha >= ALPHA_MAX) {
            return Double.NaN;
        }
        double z = HurwitzZeta.zeta(alpha, xmin);
        double z1 = HurwitzZeta.derivative(alpha, xmin) / z;
        double z2 = HurwitzZeta.secondDerivative(alpha, xmin) / z;
        double information = z2 - z1 * z1;
        return information > 0 ? 1 / Math.sqrt(m * information) : Double.NaN;
    }

    /** Start indices of distinct values with a tail of at least MIN_TAIL points. */
    private static int[] distinctStarts(double[] sorted) {
        int n = sorted.length;
        int[] out = new int[n];
        int c = 0;
        for (int i = 0; i + MIN_TAIL <= n; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                out[c++] = i;
            }
        }
        return Arrays.copyOf(out, c);
    }
}
