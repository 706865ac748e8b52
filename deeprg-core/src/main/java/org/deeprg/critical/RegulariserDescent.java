package org.deeprg.critical;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.deeprg.random.RandomStreams;
import org.deeprg.run.RunContext;

/**
 * Gradient descent with backtracking (Armijo) on the critical-regulariser penalty
 * \( P(v) = \sum_{ij} M_{ij}^2 \), {@code M = diag(a w_ii + 1) + 2 a^2 w w}, {@code w = v v^T}, {@code a = beta/N}
 * (Eq. 33 with Eq. 32), from random starts {@code v_ik} uniform in [-1, 1). Each start is one task of the context's
 * backend ({@link RunContext#map}) with its own stream, so the result does not depend on the thread count.
 *
 * <p>The descent step starts at 0.1, is halved until the Armijo condition {@code P(v - s g) <= P(v) - s |g|^2 / 2}
 * holds (or {@code s < 1e-14}), and is doubled after each accepted step; it stops early when {@code |g|^2 < 1e-28}.
 */
public final class RegulariserDescent {
    private RegulariserDescent() {
    }

    /** Runs the starts of the spec. */
    public static RegulariserDescentResult run(RegulariserDescentSpec spec, RunContext context) {
        RandomStreams streams = context.streams();
        List<double[]> out = context.map(spec.restarts(), s -> {
            UniformRandomProvider g = streams.split("penalty-" + s).generator();
            double b = spec.betaMin() + (spec.betaMax() - spec.betaMin()) * g.nextDouble();
            double pos = minimiseRms(spec.rows(), spec.columns(), b, spec.steps(), g);
            double neg = minimiseRms(spec.rows(), spec.columns(), -b, spec.steps(), g);
            return new double[] {b, pos, neg};
        });
        List<RegulariserDescentResult.Start> starts = new ArrayList<>();
        double bestPos = Double.POSITIVE_INFINITY;
        double bestNeg = Double.POSITIVE_INFINITY;
        for (double[] s : out) {
            starts.add(new RegulariserDescentResult.Start(s[0], s[1], s[2]));
            bestPos = Math.min(bestPos, s[1]);
            bestNeg = Math.min(bestNeg, s[2]);
        }
        return new RegulariserDescentResult(starts, bestPos, bestNeg);
    }

    /**
     * The RMS Eq. 33 residual {@code sqrt(P/N)} reached by the descent from a random {@code v} ({@code rows x cols},
     * entries uniform in [-1, 1) drawn from {@code g} in row-major order).
     */
    public static double minimiseRms(int rows, int cols, double beta, int steps, UniformRandomProvider g) {
        double[] v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = 2 * g.nextDouble() - 1;
        }
        double[] grad = new double[v.length];
        double[] trial = new double[v.length];
        CriticalRegulariser.Workspace ws = new CriticalRegulariser.Workspace();
        double p = CriticalRegulariser.penaltyAndGradient(v, rows, cols, beta, grad, ws);
        double step = 0.1;
        for (int s = 0; s < steps; s++) {
            double norm2 = 0;
            for (double e : grad) {
                norm2 += e * e;
            }
            if (norm2 < 1e-28) {
                break;
            }
            double pt;
            while (true) {
                for (int i = 0; i < v.length; i++) {
                    trial[i] = v[i] - step * grad[i];
                }
                pt = CriticalRegulariser.penalty(trial, rows, cols, beta);
                if (pt <= p - 0.5 * step * norm2 || step < 1e-14) {
                    break;
                }
                step *= 0.5;
            }
            System.arraycopy(trial, 0, v, 0, v.length);
            p = CriticalRegulariser.penaltyAndGradient(v, rows, cols, beta, grad, ws);
            step *= 2;
        }
        return Math.sqrt(p / rows);
    }
}
