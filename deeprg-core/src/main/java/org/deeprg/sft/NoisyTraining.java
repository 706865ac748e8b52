package org.deeprg.sft;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.deeprg.InvalidInputException;
import org.deeprg.mc.DifferentiableEnergy;
import org.deeprg.mc.LangevinSampler;

/**
 * Training with noise, the statistical field theory of the paper's outlook (iii): the cost becomes a Hamiltonian
 * and training samples the Gibbs measure {@code exp(-C/T)}.
 *
 * <ul>
 *   <li>{@link #overdamped}: noisy gradient descent (Eq. 4 plus noise) through the shared
 *       {@link LangevinSampler} of {@code org.deeprg.mc} (unadjusted = training, or Metropolis-adjusted = exact).</li>
 *   <li>{@link #underdamped}: noisy momentum training, Eq. 5 plus noise,
 *       {@code dW = V dt, dV = (-gamma V - grad C) dt + sqrt(2 gamma T) dB}, whose stationary law is
 *       {@code exp(-(V^2/2 + C)/T)}: equipartition {@code <V_a^2> = T} and, for a quadratic cost, mode variances
 *       {@code T/omega^2}. Integrated with the BAOAB splitting (Leimkuhler-Matthews): half kick, half drift, exact
 *       Ornstein-Uhlenbeck velocity update {@code V <- e^{-gamma h} V + sqrt(T(1 - e^{-2 gamma h})) xi}, half drift,
 *       half kick; configurational averages are accurate to O(h^2).</li>
 * </ul>
 */
public final class NoisyTraining {
    /** Observer of the thinned states. */
    @FunctionalInterface
    public interface Observer {
        void observe(long step, double[] w, double[] velocity);
    }

    private NoisyTraining() {
    }

    /**
     * Underdamped Langevin (noisy heavy ball in continuous time) for {@code steps} steps of size {@code h},
     * observing every {@code thin}-th state after {@code burnIn} steps.
     */
    public static void underdamped(DifferentiableEnergy cost, double[] w0, double gamma, double temperature, double h,
                                   long burnIn, long steps, int thin, UniformRandomProvider rng, Observer observer) {
        InvalidInputException.requirePositive("gamma", gamma);
        InvalidInputException.requirePositive("temperature", temperature);
        InvalidInputException.requirePositive("timeStep", h);
        int n = cost.dimension();
        NormalizedGaussianSampler gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] w = w0.clone();
        double[] v = new double[n];
        double[] g = new double[n];
        double decay = Math.exp(-gamma * h);
        double kick = Math.sqrt(temperature * (1 - decay * decay));
        for (int a = 0; a < n; a++) {
            v[a] = Math.sqrt(temperature) * gauss.sample();
        }
        cost.energyAndGradient(w, g);
        for (long t = 1; t <= burnIn + steps; t++) {
            for (int a = 0; a < n; a++) {
                v[a] -= 0.5 * h * g[a];
                w[a] += 0.5 * h * v[a];
                v[a] = decay * v[a] + kick * gauss.sample();
                w[a] += 0.5 * h * v[a];
            }
            cost.energyAndGradient(w, g);
            for (int a = 0; a < n; a++) {
                v[a] -= 0.5 * h * g[a];
            }
            if (t > burnIn && (t - burnIn) % thin == 0) {
                observer.observe(t, w, v);
            }
        }
    }

    /** Overdamped noisy gradient descent via the shared {@link LangevinSampler}; returns the acceptance rate. */
    public static double overdamped(DifferentiableEnergy cost, double[] w0, double temperature, double learningRate,
                                    boolean metropolisAdjusted, long burnIn, long steps, int thin, UniformRandomProvider rng,
                                    Observer observer) {
        InvalidInputException.requirePositive("temperature", temperature);
        LangevinSampler sampler = new LangevinSampler(cost, new LangevinSampler.Settings(1 / temperature, learningRate, metropolisAdjusted));
        LangevinSampler.Chain chain = sampler.start(w0);
        NormalizedGaussianSampler gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        for (long t = 1; t <= burnIn + steps; t++) {
            sampler.step(chain, rng, gauss);
            if (t > burnIn && (t - burnIn) % thin == 0) {
                observer.observe(t, chain.position(), null);
            }
        }
        return chain.acceptanceRate();
    }
}
