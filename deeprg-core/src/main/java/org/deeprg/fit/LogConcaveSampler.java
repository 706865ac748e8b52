package org.deeprg.fit;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Exact rejection sampling of a log-concave density \( g \) on \( [0, V] \) (L. Devroye, "A simple algorithm for
 * generating random variates with a log-concave density", Computing 33, 247 (1984)): with the mode \( t^* \) and
 * \( M = g(t^*) \) of the normalised density, \( g(t) \le M \min(1, e^{1 - M|t - t^*|}) \); the envelope has area 2 on
 * each side of the mode (1 flat, 1 exponential), so a draw costs on average at most 4 proposals (2 when the mode is at
 * an end of the support).
 */
final class LogConcaveSampler {
    private LogConcaveSampler() {
    }

    /**
     * One draw.
     *
     * @param logDensity \( \ln g(t) \) of the normalised density on [0, v]
     * @param mode       its maximiser in [0, v]
     * @param v          the upper end (may be infinite)
     */
    static double sample(UniformRandomProvider rng, DoubleUnaryOperator logDensity, double mode, double v) {
        double logM = logDensity.applyAsDouble(mode);
        double m = Math.exp(logM);
        boolean left = mode > 0;
        boolean right = mode < v;
        for (int attempt = 0; attempt < 1_000_000; attempt++) {
            boolean goRight = right && (!left || rng.nextBoolean());
            double offset;
            double logEnvelope;
            if (rng.nextBoolean()) {
                offset = rng.nextDouble() / m;
                logEnvelope = logM;
            } else {
                double e = -Math.log1p(-rng.nextDouble());
                offset = (1 + e) / m;
                logEnvelope = logM - e;
            }
            double t = goRight ? mode + offset : mode - offset;
            if (t < 0 || t > v) {
                continue;
            }
            double u = rng.nextDouble();
            if (Math.log(u) <= logDensity.applyAsDouble(t) - logEnvelope) {
                return t;
            }
        }
        throw new IllegalStateException("log-concave sampler: no acceptance in 10^6 proposals (density not normalised?)");
    }
}
