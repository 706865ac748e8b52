package org.deeprg.stats;

import java.util.Locale;

/**
 * When a sampled number's standard error can be trusted: the criteria shared by the Monte Carlo systems (dynamic
 * neurons, synaptic field theory), applied to an {@link Estimate} by flagging it {@link Estimate#unreliable(String)}
 * with the reason. A flagged error bar is still reported (JSON {@code stderrReliable: false}, console, CSV, hollow
 * markers in plots) but never used for a verdict ({@link Estimate#agreesWith} refuses it).
 *
 * <ol>
 *   <li><b>Unconverged chains</b>: the Gelman-Rubin R-hat over independent chains above {@link #MAX_RHAT} (1.01, the
 *       threshold of Vehtari et al. 2021; 1.1 lets visibly different chains pass). R-hat from few effective samples
 *       per chain (e.g. 16 blocks) scatters above 1.01 even for converged chains: with m chains of n independent
 *       samples, {@code R^2 = (n-1)/n + F/n} with F Fisher-distributed with (m - 1, m (n - 1)) degrees of freedom, so
 *       the limit is raised to the 99.9% quantile of that null distribution where it exceeds 1.01
 *       ({@link #rHatLimit(int, double)}); for long chains the limit is 1.01.</li>
 *   <li><b>Too few effective samples</b>: fewer than {@link #MIN_EFFECTIVE_SAMPLES} independent samples
 *       ({@code samples / (2 tau_int)}; blocks, chains or resamples for binned, between-chain or resampled errors).
 *       The relative error of a standard error from n effective samples is about {@code 1/sqrt(2 n)}: 16% at 20, and
 *       Sokal's tau_int window is itself biased low for series shorter than some 50 tau_int.</li>
 *   <li><b>Heavy tails</b>: the block means of a Monte Carlo series are Gaussian by the central limit theorem when the
 *       distribution has a finite variance and the blocks are longer than tau_int. Their sample excess kurtosis has the
 *       standard error {@code sqrt(24/B)} for B Gaussian block means; an excess kurtosis above
 *       {@link #TAIL_SIGMAS} such standard errors means a few blocks carry the mean (rare large values, or blocks too
 *       short for the correlations), and the scatter of the blocks underestimates the error.</li>
 * </ol>
 * Exact values ({@link Estimate#isExact()}) are never flagged.
 */
public final class Reliability {
    /** Largest R-hat for which chains count as converged. */
    public static final double MAX_RHAT = 1.01;
    /** The probability that converged chains exceed the raised R-hat limit ({@link #rHatLimit}). */
    public static final double RHAT_FALSE_ALARM = 1e-3;
    /** Fewest effective samples behind a trusted standard error. */
    public static final double MIN_EFFECTIVE_SAMPLES = 20;
    /** Fewest block means for the tail test (below it the test is skipped, the effective-sample test still applies). */
    public static final int MIN_TAIL_BLOCKS = 8;
    /** Excess kurtosis of the block means, in its Gaussian standard errors {@code sqrt(24/B)}, that flags heavy tails. */
    public static final double TAIL_SIGMAS = 4;

    private Reliability() {
    }

    /**
     * Flags {@code e} from its own fields: R-hat above {@link #MAX_RHAT}, fewer than {@link #MIN_EFFECTIVE_SAMPLES}
     * effective samples, or a standard error that is not a finite number. Null and exact values are returned unchanged.
     */
    public static Estimate check(Estimate e) {
        return check(e, 0);
    }

    /**
     * As {@link #check(Estimate)}, with the R-hat limit for {@code chains} chains sharing the estimate's effective
     * samples ({@link #rHatLimit}; 0 chains: the plain {@link #MAX_RHAT}).
     */
    public static Estimate check(Estimate e, int chains) {
        if (e == null || e.isExact()) {
            return e;
        }
        Estimate out = e;
        double limit = chains >= 2 ? rHatLimit(chains, e.effectiveSamples() / chains) : MAX_RHAT;
        if (e.rHat() > limit) {
            out = out.unreliable(String.format(Locale.ROOT, "R-hat = %.3f > %.3g: the chains have not converged to one distribution",
                    e.rHat(), limit));
        }
        double eff = e.effectiveSamples();
        if (!(eff >= MIN_EFFECTIVE_SAMPLES)) {
            out = out.unreliable(String.format(Locale.ROOT, "%.3g effective samples (fewer than %.0f): the error bar is itself too uncertain",
                    eff, MIN_EFFECTIVE_SAMPLES));
        }
        if (!Double.isFinite(e.stderr())) {
            out = out.unreliable("no finite standard error");
        }
        return out;
    }

    /**
     * {@link #check(Estimate, int)}, then the tail test on the block means behind {@code e}: flagged when their excess
     * kurtosis exceeds {@link #TAIL_SIGMAS} {@code sqrt(24/B)}. Skipped for fewer than {@link #MIN_TAIL_BLOCKS} blocks
     * and for block means without spread.
     */
    public static Estimate check(Estimate e, int chains, double[] blockMeans) {
        Estimate out = check(e, chains);
        if (out == null || out.isExact() || blockMeans == null || blockMeans.length < MIN_TAIL_BLOCKS) {
            return out;
        }
        double k = excessKurtosis(blockMeans);
        double limit = TAIL_SIGMAS * Math.sqrt(24.0 / blockMeans.length);
        if (k > limit) {
            out = out.unreliable(String.format(Locale.ROOT, "heavy tails: the excess kurtosis of the %d block means is %.2g (above %.2g "
                    + "for Gaussian ones): a few blocks carry the mean", blockMeans.length, k, limit));
        }
        return out;
    }

    /**
     * The R-hat above which {@code chains} chains of {@code effectivePerChain} effective samples each count as not
     * converged: {@link #MAX_RHAT}, or the {@code 1 - }{@link #RHAT_FALSE_ALARM} quantile of R-hat for converged
     * chains of n independent samples, {@code sqrt((n - 1)/n + q/n)} with q the quantile of the F distribution with
     * {@code (m - 1, m (n - 1))} degrees of freedom, where that is larger.
     */
    public static double rHatLimit(int chains, double effectivePerChain) {
        if (chains < 2 || !(effectivePerChain > 1)) {
            return MAX_RHAT;
        }
        double n = effectivePerChain;
        double q = new org.hipparchus.distribution.continuous.FDistribution(chains - 1, chains * (n - 1))
                .inverseCumulativeProbability(1 - RHAT_FALSE_ALARM);
        return Math.max(MAX_RHAT, Math.sqrt((n - 1) / n + q / n));
    }

    /**
     * The means of {@code blocks} consecutive equal blocks of {@code series} (the first {@code length mod blocks}
     * values, part of the earliest block, are left out); fewer blocks when the series is shorter.
     */
    public static double[] blockMeans(double[] series, int blocks) {
        int b = Math.min(blocks, series.length);
        if (b <= 0) {
            return new double[0];
        }
        int len = series.length / b;
        int start = series.length - len * b;
        double[] out = new double[b];
        for (int i = 0; i < b; i++) {
            double s = 0;
            for (int t = start + i * len; t < start + (i + 1) * len; t++) {
                s += series[t];
            }
            out[i] = s / len;
        }
        return out;
    }

    /** The block means of every chain, {@code blocksPerChain} each, one after the other. */
    public static double[] blockMeans(double[][] chains, int blocksPerChain) {
        double[][] per = new double[chains.length][];
        int n = 0;
        for (int c = 0; c < chains.length; c++) {
            per[c] = blockMeans(chains[c], blocksPerChain);
            n += per[c].length;
        }
        double[] out = new double[n];
        int at = 0;
        for (double[] p : per) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /**
     * The sample excess kurtosis {@code m4 / m2^2 - 3} (central moments with 1/n); 0 for values without spread (no
     * tail to speak of), NaN for fewer than two values.
     */
    public static double excessKurtosis(double[] xs) {
        int n = xs.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (double x : xs) {
            mean += x;
        }
        mean /= n;
        double m2 = 0;
        double m4 = 0;
        for (double x : xs) {
            double d = x - mean;
            double d2 = d * d;
            m2 += d2;
            m4 += d2 * d2;
        }
        m2 /= n;
        m4 /= n;
        if (!(m2 > 1e-28 * Math.max(1, mean * mean))) {
            return 0;
        }
        return m4 / (m2 * m2) - 3;
    }
}
