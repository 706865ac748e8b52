package org.deeprg.dyn.exact;

/**
 * Log-space linear algebra on primitive arrays: log-sum-exp, vector-matrix products in the (max, +)-stabilised
 * log semiring, and {@code row * T^n * column} for huge n by repeated squaring of a globally rescaled matrix.
 *
 * <p>Conventions: a "log matrix" {@code logT[s][t]} holds ln T(s, t) with {@code -Infinity} for zero entries.
 * Arguments are "not modified" unless said otherwise; outputs are owned by the caller.
 */
public final class LogSpace {
    /** Above this many log-semiring multiply-adds, {@link #logRowPowerColumn} switches to repeated squaring. */
    public static final long DIRECT_ITERATION_LIMIT = 2_000_000L;

    /** Largest estimated work (multiply-adds) {@link #logRowPowerColumn} accepts. */
    public static final double MAX_WORK = 2e10;

    private LogSpace() {
    }

    /** Cost of one exponential relative to a multiply-add, for choosing between iteration and squaring. */
    static final double EXP_COST = 10;

    /** Whether {@link #logRowPowerColumn} iterates (true) or squares (false) for S states and power n. */
    public static boolean iterates(int states, long n) {
        double s = states;
        double iteration = (double) n * s * s;
        return n == 0 || iteration <= DIRECT_ITERATION_LIMIT || EXP_COST * iteration <= squaringWork(states, n);
    }

    private static double squaringWork(int states, long n) {
        double s = states;
        return s * s * s * (64 - Long.numberOfLeadingZeros(n)) + s * s * Long.bitCount(n);
    }

    /** Estimated multiply-adds (an exponential counted as {@code EXP_COST}) of {@link #logRowPowerColumn}. */
    public static double estimatedWork(int states, long n) {
        double s = states;
        return iterates(states, n) ? EXP_COST * n * s * s : squaringWork(states, n);
    }

    /** Throws InvalidInputException (parameter "depth", value n + 1) when the work exceeds {@link #MAX_WORK}. */
    public static void checkWork(int states, long n) {
        double w = estimatedWork(states, n);
        if (w > MAX_WORK) {
            throw new org.deeprg.InvalidInputException("depth", n + 1, "ln Z with a " + states + " x " + states
                    + " transfer matrix needs about " + String.format(java.util.Locale.ROOT, "%.2g", w)
                    + " multiply-adds; the limit is " + String.format(java.util.Locale.ROOT, "%.2g", MAX_WORK));
        }
    }

    /** ln sum_k exp(x_k); -Infinity for an empty or all -Infinity array. */
    public static double logSumExp(double[] x) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            max = Math.max(max, v);
        }
        if (max == Double.NEGATIVE_INFINITY || Double.isNaN(max)) {
            return max;
        }
        double s = 0;
        for (double v : x) {
            s += Math.exp(v - max);
        }
        return max + Math.log(s);
    }

    /** ln(exp(a) + exp(b)). */
    public static double logAdd(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
    }

    /**
     * out(t) = ln sum_s exp(v(s) + logT(s, t)) (exact log-semiring product; {@code out} modified).
     */
    public static void logVectorTimesMatrix(double[] v, double[][] logT, double[] out) {
        int n = v.length;
        int m = out.length;
        for (int t = 0; t < m; t++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int s = 0; s < n; s++) {
                max = Math.max(max, v[s] + logT[s][t]);
            }
            if (max == Double.NEGATIVE_INFINITY) {
                out[t] = max;
                continue;
            }
            double sum = 0;
            for (int s = 0; s < n; s++) {
                sum += Math.exp(v[s] + logT[s][t] - max);
            }
            out[t] = max + Math.log(sum);
        }
    }

    /** out(s) = ln sum_t exp(logT(s, t) + v(t)) ({@code out} modified). */
    public static void logMatrixTimesVector(double[][] logT, double[] v, double[] out) {
        int n = out.length;
        for (int s = 0; s < n; s++) {
            double[] row = logT[s];
            double max = Double.NEGATIVE_INFINITY;
            for (int t = 0; t < v.length; t++) {
                max = Math.max(max, row[t] + v[t]);
            }
            if (max == Double.NEGATIVE_INFINITY) {
                out[s] = max;
                continue;
            }
            double sum = 0;
            for (int t = 0; t < v.length; t++) {
                sum += Math.exp(row[t] + v[t] - max);
            }
            out[s] = max + Math.log(sum);
        }
    }

    /**
     * ln( r T^n c ) for a row {@code logRow}, square {@code logT} and column {@code logColumn}, all in log space.
     *
     * <p>Small problems ({@code n S^2 <= DIRECT_ITERATION_LIMIT}), and those where iterating is cheaper than squaring,
     * iterate the exact log-semiring product. Larger ones use the translation symmetry of the bulk (the same T in every layer): T is rescaled by its largest
     * entry, T^(2^k) is built by repeated squaring (each square renormalised by its largest entry, the scale kept
     * in a separate log accumulator), and the row is multiplied by the squares of the set bits of n. Cost
     * O(S^3 log2 n). Entries smaller than exp(-708) times the largest entry of a factor are flushed to zero;
     * their relative contribution is below 1e-300. Refuses (InvalidInputException) above {@link #MAX_WORK}.
     */
    public static double logRowPowerColumn(double[] logRow, double[][] logT, long n, double[] logColumn) {
        int s = logRow.length;
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, got " + n);
        }
        checkWork(s, n);
        if (iterates(s, n)) {
            return byIteration(logRow, logT, n, logColumn);
        }
        return bySquaring(logRow, logT, n, logColumn);
    }

    /** The exact log-semiring iteration of {@link #logRowPowerColumn} (cost n S^2 exponentials). */
    public static double byIteration(double[] logRow, double[][] logT, long n, double[] logColumn) {
        int s = logRow.length;
        {
            double[] v = logRow.clone();
            double[] w = new double[s];
            for (long k = 0; k < n; k++) {
                logVectorTimesMatrix(v, logT, w);
                double[] tmp = v;
                v = w;
                w = tmp;
            }
            double[] sum = new double[s];
            for (int i = 0; i < s; i++) {
                sum[i] = v[i] + logColumn[i];
            }
            return logSumExp(sum);
        }
    }

    /** The repeated-squaring path of {@link #logRowPowerColumn} (cost S^3 log2 n). */
    public static double bySquaring(double[] logRow, double[][] logT, long n, double[] logColumn) {
        int s = logRow.length;
        double logScale = 0;
        double rMax = max(logRow);
        if (rMax == Double.NEGATIVE_INFINITY) {
            return rMax;
        }
        double[] r = new double[s];
        for (int i = 0; i < s; i++) {
            r[i] = Math.exp(logRow[i] - rMax);
        }
        logScale += rMax;
        double tMax = Double.NEGATIVE_INFINITY;
        for (double[] row : logT) {
            tMax = Math.max(tMax, max(row));
        }
        double[][] p = new double[s][s];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < s; j++) {
                p[i][j] = Math.exp(logT[i][j] - tMax);
            }
        }
        double pLog = tMax; // p represents exp(pLog) * p
        double[] tmpRow = new double[s];
        double[][] tmpMat = new double[s][s];
        long remaining = n;
        while (true) {
            if ((remaining & 1L) != 0) {
                multiplyRow(r, p, tmpRow);
                double m = 0;
                for (double v : tmpRow) {
                    m = Math.max(m, Math.abs(v));
                }
                if (m == 0) {
                    return Double.NEGATIVE_INFINITY;
                }
                for (int i = 0; i < s; i++) {
                    r[i] = tmpRow[i] / m;
                }
                logScale += pLog + Math.log(m);
            }
            remaining >>>= 1;
            if (remaining == 0) {
                break;
            }
            square(p, tmpMat);
            double m = 0;
            for (double[] row : tmpMat) {
                for (double v : row) {
                    m = Math.max(m, Math.abs(v));
                }
            }
            if (m == 0) {
                return Double.NEGATIVE_INFINITY;
            }
            for (int i = 0; i < s; i++) {
                for (int j = 0; j < s; j++) {
                    p[i][j] = tmpMat[i][j] / m;
                }
            }
            pLog = 2 * pLog + Math.log(m);
        }
        double cMax = max(logColumn);
        double total = 0;
        for (int i = 0; i < s; i++) {
            total += r[i] * Math.exp(logColumn[i] - cMax);
        }
        return logScale + cMax + Math.log(total);
    }

    /** out = r p (row times matrix). */
    static void multiplyRow(double[] r, double[][] p, double[] out) {
        java.util.Arrays.fill(out, 0);
        for (int i = 0; i < r.length; i++) {
            double ri = r[i];
            if (ri == 0) {
                continue;
            }
            double[] pi = p[i];
            for (int j = 0; j < out.length; j++) {
                out[j] += ri * pi[j];
            }
        }
    }

    /** out = p p (i-k-j loop order). */
    static void square(double[][] p, double[][] out) {
        int s = p.length;
        for (int i = 0; i < s; i++) {
            double[] oi = out[i];
            java.util.Arrays.fill(oi, 0);
            double[] pi = p[i];
            for (int k = 0; k < s; k++) {
                double a = pi[k];
                if (a == 0) {
                    continue;
                }
                double[] pk = p[k];
                for (int j = 0; j < s; j++) {
                    oi[j] += a * pk[j];
                }
            }
        }
    }

    static double max(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            m = Math.max(m, v);
        }
        return m;
    }
}
