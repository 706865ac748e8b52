package org.deeprg.bench.fit;

import org.apache.commons.rng.UniformRandomProvider;
import org.deeprg.random.RandomStreams;

/** The benchmark samples (the same generators as bench/python/powerlaw_numpy.py, not the same numbers). */
final class FitData {
    private FitData() {
    }

    /**
     * "mix": 60% a power law alpha = 2.5 above 1, 40% uniform on (0, 1), all values distinct; "pareto": a pure power law
     * alpha = 2.5 above 1; "lognormal": exp(N(1, 0.8^2)).
     */
    static double[] sample(String kind, int n, long seed) {
        UniformRandomProvider rng = RandomStreams.root(seed).generator();
        var gauss = RandomStreams.root(seed + 1).gaussian();
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = switch (kind) {
                case "mix" -> rng.nextDouble() < 0.6 ? Math.pow(1 - rng.nextDouble(), -1 / 1.5) : rng.nextDouble();
                case "pareto" -> Math.pow(1 - rng.nextDouble(), -1 / 1.5);
                case "lognormal" -> Math.exp(1 + 0.8 * gauss.sample());
                default -> throw new IllegalArgumentException(kind);
            };
        }
        return x;
    }
}
