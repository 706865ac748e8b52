package org.deeprg.mc;

import java.util.function.BiConsumer;
import org.deeprg.InvalidInputException;

/**
 * Exact expectation values of a small {@link DiscreteModel} by enumerating every configuration: the
 * independent reference route for Monte Carlo tests. Numerically stable (weights are rescaled by the running
 * maximum of the log weight).
 */
public final class ExactEnumeration {
    /** The largest number of configurations enumerated. */
    public static final long MAX_STATES = 1L << 24;

    private ExactEnumeration() {
    }

    /** Number of configurations, or -1 if more than {@link #MAX_STATES}. */
    public static long stateCount(DiscreteModel model) {
        long n = 1;
        for (int v = 0; v < model.variableCount(); v++) {
            n *= model.values(v).length;
            if (n > MAX_STATES) {
                return -1;
            }
        }
        return n;
    }

    /**
     * {@code <O_k>} for the observables that {@code observables.accept(x, out)} writes into {@code out}
     * (length {@code count}) and, in the last slot of the returned array, {@code ln Z}.
     */
    public static double[] expectations(DiscreteModel model, int count, BiConsumer<double[], double[]> observables) {
        long states = stateCount(model);
        if (states < 0) {
            throw new InvalidInputException("size", model.variableCount() + " variables",
                    "exact enumeration is limited to " + MAX_STATES + " configurations");
        }
        int nv = model.variableCount();
        int[] idx = new int[nv];
        double[] x = new double[nv];
        for (int v = 0; v < nv; v++) {
            x[v] = model.values(v)[0];
        }
        double[] sum = new double[count];
        double[] o = new double[count];
        double z = 0;
        double shift = Double.NEGATIVE_INFINITY;
        for (long s = 0; s < states; s++) {
            double lw = model.logWeight(x);
            if (lw > Double.NEGATIVE_INFINITY) {
                if (lw > shift) {
                    double f = Math.exp(shift - lw);
                    z *= f;
                    for (int k = 0; k < count; k++) {
                        sum[k] *= f;
                    }
                    shift = lw;
                }
                double w = Math.exp(lw - shift);
                z += w;
                observables.accept(x, o);
                for (int k = 0; k < count; k++) {
                    sum[k] += w * o[k];
                }
            }
            for (int v = 0; v < nv; v++) {
                double[] vals = model.values(v);
                if (++idx[v] < vals.length) {
                    x[v] = vals[idx[v]];
                    break;
                }
                idx[v] = 0;
                x[v] = vals[0];
            }
        }
        double[] out = new double[count + 1];
        for (int k = 0; k < count; k++) {
            out[k] = sum[k] / z;
        }
        out[count] = Math.log(z) + shift;
        return out;
    }
}
