package org.deeprg.stats;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A sampled number with its uncertainty: the mean, its standard error, the integrated autocorrelation
 * time of the series it came from (1 for independent samples, 0 for exact values) and the number of
 * samples. Every Monte Carlo or ensemble number in deeprg is returned as an {@code Estimate}, never a bare
 * double; serialised as {@code {"mean":..,"stderr":..,"tauInt":..,"samples":..}}.
 *
 * @param mean    the sample mean (or the exact value)
 * @param stderr  the standard error of the mean, corrected for autocorrelation ({@code 0} for exact values)
 * @param tauInt  the integrated autocorrelation time in samples, {@code tau_int = 1/2 + sum_t rho(t)}
 *                convention (independent samples give 0.5), or NaN when not applicable
 * @param samples number of samples the mean is based on ({@code 0} for exact values)
 */
@JsonPropertyOrder({"mean", "stderr", "tauInt", "samples"})
public record Estimate(double mean, double stderr, double tauInt, long samples) {

    /** An exact (not sampled) number: zero error. */
    public static Estimate exact(double value) {
        return new Estimate(value, 0.0, Double.NaN, 0);
    }

    /** Mean and standard error of independent samples (unbiased variance). */
    public static Estimate ofIndependent(double[] xs) {
        int n = xs.length;
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 samples for an error bar, got " + n);
        }
        double mean = 0;
        for (double x : xs) {
            mean += x;
        }
        mean /= n;
        double ss = 0;
        for (double x : xs) {
            ss += (x - mean) * (x - mean);
        }
        double var = ss / (n - 1);
        return new Estimate(mean, Math.sqrt(var / n), 0.5, n);
    }

    /**
     * Mean of a correlated time series with the standard error corrected for the integrated autocorrelation
     * time (Sokal's automatic windowing, see {@link Autocorrelation#integratedTime(double[])}):
     * {@code stderr^2 = 2 tau_int Var(x) / n}.
     */
    public static Estimate ofTimeSeries(double[] xs) {
        int n = xs.length;
        if (n < 2) {
            throw new IllegalArgumentException("need at least 2 samples for an error bar, got " + n);
        }
        Autocorrelation.Result ac = Autocorrelation.analyse(xs);
        double se = Math.sqrt(Math.max(0, 2 * ac.tauInt() * ac.variance() / n));
        return new Estimate(ac.mean(), se, ac.tauInt(), n);
    }

    /**
     * Combines independent estimates of the same quantity (e.g. chains) by the plain average: mean of means,
     * error {@code sqrt(sum se_i^2)/k}.
     */
    public static Estimate average(Estimate... parts) {
        double m = 0;
        double v = 0;
        long n = 0;
        double tau = 0;
        for (Estimate e : parts) {
            m += e.mean;
            v += e.stderr * e.stderr;
            n += e.samples;
            tau += e.tauInt;
        }
        int k = parts.length;
        return new Estimate(m / k, Math.sqrt(v) / k, tau / k, n);
    }

    /** {@code |mean - value| / stderr}: how many standard errors away from {@code value} (inf if stderr = 0 and different). */
    public double sigmasFrom(double value) {
        double d = Math.abs(mean - value);
        if (d == 0) {
            return 0;
        }
        return stderr > 0 ? d / stderr : Double.POSITIVE_INFINITY;
    }

    /** Whether the mean is within {@code k} standard errors of {@code value}. */
    public boolean agreesWith(double value, double k) {
        return sigmasFrom(value) <= k;
    }

    /** Physicist's notation: {@code 1.2345(67)} with two significant digits of error. */
    public String format() {
        return Format.withError(mean, stderr);
    }

    @Override
    public String toString() {
        return format();
    }
}
