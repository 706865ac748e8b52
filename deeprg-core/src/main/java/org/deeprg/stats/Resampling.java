package org.deeprg.stats;

import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Jackknife and bootstrap errors of derived quantities, and the Gelman-Rubin R-hat.
 *
 * <p>The jackknife works on {@code k} blocks (bags, chains, batches) of equal weight: {@code f} is evaluated on
 * the block means with one block left out; {@code Var = (k-1)/k sum (f_i - f_.)^2}. The estimate returned is
 * the bias-corrected {@code k f_all - (k-1) f_.}.
 */
public final class Resampling {
    private Resampling() {
    }

    /**
     * Jackknife of a function of block means.
     *
     * @param blocks {@code blocks[b][j]}: the mean of observable j in block b (k >= 2 blocks)
     * @param f      the derived quantity as a function of the vector of means
     */
    public static Estimate jackknife(double[][] blocks, Function<double[], Double> f) {
        int k = blocks.length;
        if (k < 2) {
            throw new IllegalArgumentException("jackknife needs at least 2 blocks, got " + k);
        }
        int m = blocks[0].length;
        double[] total = new double[m];
        for (double[] b : blocks) {
            for (int j = 0; j < m; j++) {
                total[j] += b[j];
            }
        }
        double[] all = new double[m];
        for (int j = 0; j < m; j++) {
            all[j] = total[j] / k;
        }
        double fAll = f.apply(all);
        double[] fi = new double[k];
        double mean = 0;
        double[] loo = new double[m];
        for (int b = 0; b < k; b++) {
            for (int j = 0; j < m; j++) {
                loo[j] = (total[j] - blocks[b][j]) / (k - 1);
            }
            fi[b] = f.apply(loo.clone());
            mean += fi[b];
        }
        mean /= k;
        double var = 0;
        for (double v : fi) {
            var += (v - mean) * (v - mean);
        }
        var *= (k - 1.0) / k;
        return Estimate.of(k * fAll - (k - 1) * mean, Math.sqrt(var), k);
    }

    /** Bootstrap standard error of {@code statistic} over {@code resamples} resamples of {@code data}. */
    public static Estimate bootstrap(double[] data, Function<double[], Double> statistic, int resamples, UniformRandomProvider rng) {
        double full = statistic.apply(data);
        double s = 0;
        double ss = 0;
        double[] buf = new double[data.length];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < buf.length; i++) {
                buf[i] = data[rng.nextInt(data.length)];
            }
            double v = statistic.apply(buf);
            s += v;
            ss += v * v;
        }
        double mean = s / resamples;
        double var = Math.max(0, ss / resamples - mean * mean) * resamples / (resamples - 1.0);
        return Estimate.of(full, Math.sqrt(var), data.length);
    }

    /**
     * Gelman-Rubin potential scale reduction R-hat of {@code m >= 2} chains of equal length n:
     * {@code W} = mean within-chain variance, {@code B/n} = variance of chain means,
     * {@code R = sqrt(((n-1)/n W + B/n) / W)}. Values near 1 (below ~1.01-1.1) indicate convergence.
     */
    public static double rHat(double[][] chains) {
        int m = chains.length;
        int n = chains[0].length;
        if (m < 2 || n < 2) {
            return Double.NaN;
        }
        double[] means = new double[m];
        double w = 0;
        double grand = 0;
        for (int c = 0; c < m; c++) {
            double mu = 0;
            for (double x : chains[c]) {
                mu += x;
            }
            mu /= n;
            means[c] = mu;
            grand += mu;
            double v = 0;
            for (double x : chains[c]) {
                v += (x - mu) * (x - mu);
            }
            w += v / (n - 1);
        }
        grand /= m;
        w /= m;
        double bOverN = 0;
        for (double mu : means) {
            bOverN += (mu - grand) * (mu - grand);
        }
        bOverN /= (m - 1);
        if (w == 0) {
            return bOverN == 0 ? 1.0 : Double.POSITIVE_INFINITY;
        }
        return Math.sqrt(((n - 1.0) / n * w + bOverN) / w);
    }
}
