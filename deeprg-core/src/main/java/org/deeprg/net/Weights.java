package org.deeprg.net;

import org.apache.commons.rng.UniformRandomProvider;

/** Random points of parameter space (reference points of expansions, starting points of trajectories). */
public final class Weights {
    private Weights() {
    }

    /**
     * A vector of {@code n} weights, each uniform in {@code [-scale, scale)}: {@code scale (2u - 1)} with
     * {@code u = r.nextDouble()} drawn in index order (so the same generator state gives the same vector everywhere).
     */
    public static double[] uniform(UniformRandomProvider r, int n, double scale) {
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = scale * (2 * r.nextDouble() - 1);
        }
        return w;
    }
}
