package org.deeprg.stats;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A sampled number with its uncertainty. Every Monte Carlo, ensemble or resampled number in deeprg is an
 * {@code Estimate}, never a bare double.
 *
 * <h2>The one convention</h2>
 * <ul>
 *   <li>{@code samples} is the number of (possibly correlated) samples {@code n} the mean is based on; {@code 0} for
 *       an exact value.</li>
 *   <li>{@code variance} is the variance of <em>one</em> sample (unbiased, {@code 1/(n-1)}), and {@code tauInt} the
 *       integrated autocorrelation time in samples in Sokal's convention {@code tau_int = 1/2 + sum_{t>=1} rho(t)}:
 *       independent samples have {@code tau_int = 1/2}. They always satisfy
 *       <pre>stderr^2 = 2 tau_int variance / samples</pre>
 *       so the effective number of independent samples is {@code samples / (2 tau_int)}. Where only a standard
 *       error is known (a jackknife, a bootstrap, a fit), the samples are the independent blocks, resamples or
 *       points, {@code tau_int = 1/2}, and {@code variance = samples stderr^2} is implied.</li>
 *   <li>An exact (not sampled) number has {@code stderr = 0}, {@code variance = 0}, {@code samples = 0} and
 *       {@code tauInt} not applicable (NaN, written as {@code null} in JSON).</li>
 *   <li>{@code rHat} is the Gelman-Rubin potential scale reduction over independent chains
 *       ({@link Resampling#rHat(double[][])}); NaN ({@code null} in JSON) when there are fewer than two chains.</li>
 *   <li>{@code unreliableBecause} is {@code null} when the standard error can be trusted, otherwise the reason it
 *       cannot (heavy tails, too few effective samples, unconverged chains). JSON carries it as
 *       {@code "stderrReliable": false} and {@code "unreliableBecause": "..."}; an unreliable error bar must never be
 *       used for a verdict at "k standard errors" ({@link #agreesWith(double, double)} refuses it).</li>
 * </ul>
 *
 * <p>Serializable: results of distributed tasks ({@code RunContext.map}) may carry estimates.
 *
 * @param mean              the sample mean (or the exact value)
 * @param stderr            the standard error of the mean, corrected for autocorrelation ({@code 0} for exact values)
 * @param variance          the variance of one sample ({@code 0} for exact values)
 * @param tauInt            the integrated autocorrelation time in samples ({@code 1/2} for independent samples; NaN if exact)
 * @param rHat              Gelman-Rubin R-hat over chains, NaN when not applicable
 * @param samples           number of samples ({@code 0} for exact values)
 * @param unreliableBecause why the standard error cannot be trusted, or {@code null} when it can
 */
@JsonPropertyOrder({"mean", "stderr", "variance", "tauInt", "rHat", "samples", "stderrReliable", "unreliableBecause"})
public record Estimate(double mean, double stderr, double variance, double tauInt, double rHat, long samples,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String unreliableBecause) implements java.io.Serializable {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    /** tau_int of independent samples in the Sokal convention. */
    public static final double INDEPENDENT_TAU = 0.5;

    public Estimate {
        if (samples < 0) {
            throw new IllegalArgumentException("samples must be >= 0, got " + samples);
        }
    }

    /** An exact (not sampled) number: zero error. */
    public static Estimate exact(double value) {
        return new Estimate(value, 0.0, 0.0, Double.NaN, Double.NaN, 0, null);
    }

    /**
     * A mean with a standard error from {@code samples} independent pieces (blocks, bags, resamples, fit points):
     * {@code tau_int = 1/2}, {@code variance = samples stderr^2}.
     */
    public static Estimate of(double mean, double stderr, long samples) {
        return new Estimate(mean, stderr, samples * stderr * stderr, INDEPENDENT_TAU, Double.NaN, samples, null);
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
        return new Estimate(mean, Math.sqrt(var / n), var, INDEPENDENT_TAU, Double.NaN, n, null);
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
        return new Estimate(ac.mean(), se, ac.variance(), ac.tauInt(), Double.NaN, n, null);
    }

    /**
     * Combines independent estimates of the same quantity (e.g. chains) by the plain average: mean of means,
     * error {@code sqrt(sum se_i^2)/k}; tau_int and the one-sample variance are the averages of the parts.
     * R-hat is not computed here (it needs the series: {@link #withRHat(double)}).
     */
    public static Estimate average(Estimate... parts) {
        double m = 0;
        double v = 0;
        long n = 0;
        double tau = 0;
        double var = 0;
        String why = null;
        for (Estimate e : parts) {
            m += e.mean;
            v += e.stderr * e.stderr;
            n += e.samples;
            tau += e.tauInt;
            var += e.variance;
            if (why == null) {
                why = e.unreliableBecause;
            }
        }
        int k = parts.length;
        return new Estimate(m / k, Math.sqrt(v) / k, var / k, tau / k, Double.NaN, n, why);
    }

    /** A copy with the given R-hat. */
    public Estimate withRHat(double r) {
        return new Estimate(mean, stderr, variance, tauInt, r, samples, unreliableBecause);
    }

    /** A copy flagged as having an untrustworthy standard error, with the reason (kept if already flagged). */
    public Estimate unreliable(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an unreliable error bar needs a reason");
        }
        return new Estimate(mean, stderr, variance, tauInt, rHat, samples,
                unreliableBecause == null ? reason : unreliableBecause);
    }

    /** Whether the standard error can be trusted (no reason against it is known). */
    @JsonProperty("stderrReliable")
    public boolean stderrReliable() {
        return unreliableBecause == null;
    }

    /** Whether this is an exact (not sampled) value. */
    @JsonIgnore
    public boolean isExact() {
        return samples == 0 && stderr == 0;
    }

    /** Effective number of independent samples {@code samples / (2 tau_int)} (the samples themselves if tau_int is NaN). */
    @JsonIgnore
    public double effectiveSamples() {
        return Double.isFinite(tauInt) && tauInt > 0 ? samples / (2 * tauInt) : samples;
    }

    /** {@code |mean - value| / stderr}: how many standard errors away from {@code value} (inf if stderr = 0 and different). */
    public double sigmasFrom(double value) {
        double d = Math.abs(mean - value);
        if (d == 0) {
            return 0;
        }
        return stderr > 0 ? d / stderr : Double.POSITIVE_INFINITY;
    }

    /**
     * Whether the mean is within {@code k} standard errors of {@code value}.
     *
     * @throws IllegalStateException if the error bar is flagged unreliable: such a comparison would be meaningless,
     *                               the caller must judge it another way (e.g. "inconclusive")
     */
    public boolean agreesWith(double value, double k) {
        if (!stderrReliable()) {
            throw new IllegalStateException("the standard error of " + format() + " is not reliable (" + unreliableBecause
                    + "): it cannot be compared at " + k + " standard errors");
        }
        return sigmasFrom(value) <= k;
    }

    /** Physicist's notation: {@code 1.2345(67)} with two significant digits of error; {@code (unreliable)} appended when flagged. */
    public String format() {
        String s = Format.withError(mean, stderr);
        return stderrReliable() ? s : s + " (error bar unreliable)";
    }

    @Override
    public String toString() {
        return format();
    }
}
