package org.deeprg.fit;

import java.util.List;
import org.deeprg.run.LocalBackend;

/**
 * The tail \( [x_{min}, x_{max}] \) of a {@link SortedSample} as distinct values with multiplicities, with the
 * sufficient statistics of the fitted families: \( U = \sum\ln(x/x_{min}) \), \( U_2 = \sum\ln^2(x/x_{min}) \),
 * \( S = \sum(x - x_{min}) \), \( \sum\ln x \); and the one non-linear sum, \( \sum(e^{\beta\ln(x/x_{min})} - 1) \)
 * of the stretched exponential, in fixed blocks in parallel (same bits for any thread count).
 */
final class TailSample {
    final Support support;
    final int m;
    final double logXmin;
    /** Distinct tail values (ascending) and their multiplicities. */
    final double[] values;
    final int[] counts;
    final double[] logRatio;
    final double sumU;
    final double sumU2;
    final double sumOffset;
    final double sumLog;
    final int threads;

    TailSample(SortedSample sample, TailFit fit, int threads) {
        this.threads = threads;
        this.support = new Support(fit.xmin(), sample.xmax, sample.discrete);
        int from = fit.start();
        this.m = sample.n - from;
        this.logXmin = Math.log(fit.xmin());
        int k0 = sample.distinctIndexOf(from);
        int distinct = sample.distinct() - k0;
        values = new double[distinct];
        counts = new int[distinct];
        logRatio = new double[distinct];
        for (int k = 0; k < distinct; k++) {
            int s = sample.distinctStart[k0 + k];
            values[k] = sample.x[s];
            counts[k] = sample.distinctStart[k0 + k + 1] - s;
            logRatio[k] = sample.logX[s] - logXmin;
        }
        double u = 0;
        double u2 = 0;
        double offset = 0;
        double logs = 0;
        for (int k = 0; k < distinct; k++) {
            double c = counts[k];
            u += c * logRatio[k];
            u2 += c * logRatio[k] * logRatio[k];
            offset += c * (values[k] - fit.xmin());
            logs += c * (logRatio[k] + logXmin);
        }
        sumU = u;
        sumU2 = u2;
        sumOffset = offset;
        sumLog = logs;
    }

    /** \( \ln(x_{max,sample}/x_{min}) \): the largest \( u \) in the tail. */
    double maxLogRatio() {
        return logRatio[logRatio.length - 1];
    }

    /** \( \sum_i (e^{\beta u_i} - 1) \) over the tail points. */
    double sumExpm1(double beta) {
        return weightedSum(k -> Special.expm1(beta * logRatio[k]));
    }

    /** \( \sum_k c_k g(k) \) over the distinct tail values, in fixed blocks combined in order. */
    double weightedSum(java.util.function.IntToDoubleFunction g) {
        int length = values.length;
        int block = SortedSample.BLOCK;
        int blocks = Math.max(1, (length + block - 1) / block);
        List<Double> parts = LocalBackend.inThreads(blocks, blocks == 1 ? 1 : threads, b -> {
            int to = Math.min(length, (b + 1) * block);
            double s = 0;
            for (int k = b * block; k < to; k++) {
                s += counts[k] * g.applyAsDouble(k);
            }
            return s;
        });
        double total = 0;
        for (double p : parts) {
            total += p;
        }
        return total;
    }

    /** \( \ln p(x_k) \) of a distribution at every distinct tail value. */
    double[] logDensities(TailDistribution d) {
        double[] out = new double[values.length];
        int block = SortedSample.BLOCK;
        int blocks = Math.max(1, (values.length + block - 1) / block);
        LocalBackend.inThreads(blocks, blocks == 1 ? 1 : threads, b -> {
            int to = Math.min(values.length, (b + 1) * block);
            for (int k = b * block; k < to; k++) {
                out[k] = d.logDensity(values[k]);
            }
            return null;
        });
        return out;
    }

    /** \( \sum_i \ln p(x_i) \). */
    double logLikelihood(double[] logDensities) {
        return weightedSum(k -> logDensities[k]);
    }
}
