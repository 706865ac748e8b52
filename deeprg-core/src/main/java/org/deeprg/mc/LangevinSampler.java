package org.deeprg.mc;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Overdamped Langevin dynamics for the Boltzmann weight {@code exp(-beta E(x))} of any
 * {@link DifferentiableEnergy}: the noisy gradient descent of Lee, Lee, Yi (2024), Eq. (3), with temperature
 * {@code T = 1/beta}:
 * \( x' = x - \eta \nabla E(x) + \sqrt{2\eta/\beta}\, \xi \), \( \xi \sim N(0, 1_d) \).
 *
 * <p>Two variants ({@link Settings#metropolisAdjusted()}):
 * <ul>
 *   <li>unadjusted (ULA, "training"): every move is taken. Its stationary law is {@code exp(-beta E)} only up to
 *       O(eta) corrections; e.g. for {@code E = k x^2/2} the stationary variance is
 *       {@code 1/(beta k (1 - eta k/2))}, exactly (tested).</li>
 *   <li>Metropolis-adjusted (MALA): the move above is a proposal with density
 *       \( q(y|x) \propto \exp(-\beta |y - x + \eta\nabla E(x)|^2 / (4\eta)) \), accepted with probability
 *       \( \min(1, e^{-\beta E(y) + \beta E(x)} q(x|y)/q(y|x)) \): exact detailed balance for any step size.</li>
 * </ul>
 *
 * <p>Settings ({@link Settings}) are kept apart from the running state ({@link Chain}); the random generator is
 * passed to each call, so a chain can be advanced in segments with per-segment streams and stay reproducible.
 * Stable API: reused by the synaptic-field-theory code.
 */
public final class LangevinSampler {
    /**
     * Sampler settings.
     *
     * @param beta               inverse temperature, finite and {@code > 0}
     * @param stepSize           eta, finite and {@code > 0}
     * @param metropolisAdjusted true for MALA (exact), false for plain noisy gradient descent (ULA)
     */
    public record Settings(double beta, double stepSize, boolean metropolisAdjusted) {
        public Settings {
            if (!(beta > 0) || !Double.isFinite(beta)) {
                throw new IllegalArgumentException("beta must be finite and > 0, got " + beta);
            }
            if (!(stepSize > 0) || !Double.isFinite(stepSize)) {
                throw new IllegalArgumentException("stepSize must be finite and > 0, got " + stepSize);
            }
        }
    }

    /** The running state of one chain: position, gradient and energy there, counters. Mutable. */
    public static final class Chain {
        private final double[] x;
        private final double[] gradient;
        private double energy;
        private long steps;
        private long accepted;
        private final double[] proposal;
        private final double[] proposalGradient;

        private Chain(int d) {
            x = new double[d];
            gradient = new double[d];
            proposal = new double[d];
            proposalGradient = new double[d];
        }

        /** Position (live view; do not modify). */
        public double[] position() {
            return x;
        }

        /** dE/dx at the position (live view). */
        public double[] gradient() {
            return gradient;
        }

        /** E at the position. */
        public double energy() {
            return energy;
        }

        /** Steps taken. */
        public long steps() {
            return steps;
        }

        /** Accepted steps (all of them for ULA). */
        public long accepted() {
            return accepted;
        }

        /** Fraction of accepted steps (1 for ULA). */
        public double acceptanceRate() {
            return steps == 0 ? Double.NaN : (double) accepted / steps;
        }
    }

    private final DifferentiableEnergy energy;
    private final Settings settings;
    private final double noise;

    public LangevinSampler(DifferentiableEnergy energy, Settings settings) {
        this.energy = energy;
        this.settings = settings;
        this.noise = Math.sqrt(2 * settings.stepSize() / settings.beta());
    }

    public Settings settings() {
        return settings;
    }

    public DifferentiableEnergy energy() {
        return energy;
    }

    /** A chain at {@code x0} (copied). */
    public Chain start(double[] x0) {
        if (x0.length != energy.dimension()) {
            throw new IllegalArgumentException("start point has dimension " + x0.length + ", energy " + energy.dimension());
        }
        Chain c = new Chain(x0.length);
        System.arraycopy(x0, 0, c.x, 0, x0.length);
        c.energy = energy.energyAndGradient(c.x, c.gradient);
        return c;
    }

    /** A chain restored from a checkpoint: position and counters. */
    public Chain restore(double[] x, long steps, long accepted) {
        Chain c = start(x);
        c.steps = steps;
        c.accepted = accepted;
        return c;
    }

    /** One step with the given generator and Gaussian sampler (built on any generator). Returns whether accepted. */
    public boolean step(Chain c, UniformRandomProvider rng, NormalizedGaussianSampler gauss) {
        int d = c.x.length;
        double eta = settings.stepSize();
        double[] y = c.proposal;
        for (int i = 0; i < d; i++) {
            y[i] = c.x[i] - eta * c.gradient[i] + noise * gauss.sample();
        }
        double ey = energy.energyAndGradient(y, c.proposalGradient);
        c.steps++;
        if (settings.metropolisAdjusted()) {
            double beta = settings.beta();
            double logRatio = -beta * (ey - c.energy)
                    + logProposal(y, c.proposalGradient, c.x) - logProposal(c.x, c.gradient, y);
            if (!(logRatio >= 0) && !(rng.nextDouble() < Math.exp(logRatio))) {
                return false;
            }
        } else if (!Double.isFinite(ey)) {
            throw new IllegalStateException("Langevin step diverged (energy " + ey + "); use a smaller step size");
        }
        System.arraycopy(y, 0, c.x, 0, d);
        System.arraycopy(c.proposalGradient, 0, c.gradient, 0, d);
        c.energy = ey;
        c.accepted++;
        return true;
    }

    /** {@code steps} steps with Gaussians from a ziggurat sampler on {@code rng}. */
    public void run(Chain c, long steps, UniformRandomProvider rng) {
        NormalizedGaussianSampler g = ZigguratSampler.NormalizedGaussian.of(rng);
        for (long s = 0; s < steps; s++) {
            step(c, rng, g);
        }
    }

    /**
     * {@code ln q(to | from)} up to the normalisation (the same for every pair):
     * {@code -beta |to - from + eta grad E(from)|^2 / (4 eta)}.
     */
    public double logProposal(double[] from, double[] gradientAtFrom, double[] to) {
        double eta = settings.stepSize();
        double s = 0;
        for (int i = 0; i < from.length; i++) {
            double r = to[i] - from[i] + eta * gradientAtFrom[i];
            s += r * r;
        }
        return -settings.beta() * s / (4 * eta);
    }

    /**
     * The log of the off-diagonal transition density {@code T(x -> y)} (normalised, with respect to Lebesgue
     * measure) of one step: {@code ln q(y|x)} plus, for MALA, the log acceptance. For detailed-balance tests:
     * MALA satisfies {@code exp(-beta E(x)) T(x->y) = exp(-beta E(y)) T(y->x)}.
     */
    public double logTransitionDensity(double[] x, double[] y) {
        int d = x.length;
        double[] gx = new double[d];
        double[] gy = new double[d];
        double ex = energy.energyAndGradient(x, gx);
        double ey = energy.energyAndGradient(y, gy);
        double eta = settings.stepSize();
        double logNorm = -0.5 * d * Math.log(4 * Math.PI * eta / settings.beta());
        double lq = logNorm + logProposal(x, gx, y);
        if (!settings.metropolisAdjusted()) {
            return lq;
        }
        double logRatio = -settings.beta() * (ey - ex) + logProposal(y, gy, x) - logProposal(x, gx, y);
        return lq + Math.min(0, logRatio);
    }
}
