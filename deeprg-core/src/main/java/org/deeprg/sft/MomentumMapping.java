package org.deeprg.sft;

import org.deeprg.InvalidInputException;

/**
 * The exact correspondence between a heavy-ball optimiser (learning rate {@code eta}, momentum {@code mu}) and the
 * damped equation of motion Eq. 5, {@code W'' + gamma W' + dC/dW = 0}, sampled with time step {@code h}.
 *
 * <p><b>Derivation.</b> Heavy ball, {@code W_{T+1} = W_T + mu (W_T - W_{T-1}) - eta grad C(W_T)}, is algebraically
 * the finite-difference scheme {@code (W_{T+1} - 2W_T + W_{T-1})/h^2 + gamma_fd (W_T - W_{T-1})/h + grad C(W_T) = 0}
 * with {@code h = sqrt(eta)}, {@code gamma_fd = (1 - mu)/sqrt(eta)} (first order in h). The exact statement is modal:
 * on a quadratic mode of curvature {@code omega^2} the iteration is the linear recurrence
 * {@code z^2 - (1 + mu - eta omega^2) z + mu = 0}. Writing {@code mu = e^{-gamma h}}, {@code eta = h^2 e^{-gamma h/2}}
 * and {@code z = e^{-gamma h/2} zeta} gives {@code zeta + 1/zeta = 2 cosh(gamma h/2) - h^2 omega^2}: for complex roots
 * {@code |zeta| = 1}, so <i>every</i> underdamped mode decays exactly as {@code e^{-gamma t/2}} at {@code t = T h},
 * and oscillates with {@code 2 cos(Omega h) = 2 cosh(gamma h/2) - h^2 omega^2}, i.e.
 * {@code Omega^2 = omega^2 - gamma^2/4 + O(h^2)}: Eq. 5's frequency to second order. Inverting,
 * {@code h = sqrt(eta) mu^{-1/4}}, {@code gamma = -ln(mu)/h}. Plain gradient descent (Eqs. 3-4) is {@code mu = 0},
 * the overdamped limit where the map degenerates.
 *
 * <p><b>de Sitter reading</b> (Eqs. 6, 8-10): the action carries {@code sqrt(-g) = e^{gamma t}}; matching
 * {@code e^{d H t}} of (d+1)-dimensional de Sitter space gives the Hubble parameter {@code H = gamma/d}
 * (so {@code gamma = 3H} for d = 3, Eq. 6).
 *
 * @param learningRate eta {@code > 0}
 * @param momentum     mu in {@code [0, 1)}
 */
public record MomentumMapping(double learningRate, double momentum) {
    /**
     * The damping coefficients gamma of Eq. 5 that the commands accept ({@code --momentum}): {@code gamma^2/4} must stay
     * finite next to any curvature {@code omega^2} (the modes' rates are {@code -gamma/2 +- sqrt(gamma^2/4 - omega^2)}).
     */
    public static final String GAMMA_RANGE = "[0, 1e100]";

    public MomentumMapping {
        InvalidInputException.requirePositive("learningRate", learningRate);
        if (!(momentum >= 0 && momentum < 1)) {
            throw new InvalidInputException("momentum", momentum, "must be in [0, 1)");
        }
    }

    /** The optimiser whose discrete modes decay exactly at rate gamma/2 with time step h: {@code eta = h^2 e^{-gamma h/2}, mu = e^{-gamma h}}. */
    public static MomentumMapping fromContinuum(double timeStep, double gamma) {
        InvalidInputException.requirePositive("timeStep", timeStep);
        InvalidInputException.requireNonNegative("gamma", gamma);
        return new MomentumMapping(timeStep * timeStep * Math.exp(-gamma * timeStep / 2), Math.exp(-gamma * timeStep));
    }

    /** Time step {@code h = sqrt(eta) mu^{-1/4}} ({@code sqrt(eta)} for plain gradient descent). */
    public double timeStep() {
        return momentum == 0 ? Math.sqrt(learningRate) : Math.sqrt(learningRate) * Math.pow(momentum, -0.25);
    }

    /** Exact damping coefficient {@code gamma = -ln(mu)/h} (infinite for plain gradient descent). */
    public double gamma() {
        return momentum == 0 ? Double.POSITIVE_INFINITY : -Math.log(momentum) / timeStep();
    }

    /** First-order finite-difference damping {@code (1 - mu)/sqrt(eta)}. */
    public double gammaFiniteDifference() {
        return (1 - momentum) / Math.sqrt(learningRate);
    }

    /** Hubble parameter {@code H = gamma/d} of (d+1)-dimensional de Sitter space. */
    public double hubble(int spatialDimension) {
        InvalidInputException.requireInRange("spatialDimension", spatialDimension, 1, Integer.MAX_VALUE);
        return gamma() / spatialDimension;
    }

    /** {@code sqrt(-g) = e^{gamma t}}. */
    public static double metricFactor(double gamma, double t) {
        return Math.exp(gamma * t);
    }

    /**
     * The two continuum-equivalent rates {@code lambda = ln(z)/h} of a discrete mode of curvature {@code omega2}:
     * {@code [re1, im1, re2, im2]}; underdamped modes have {@code re = -gamma/2}, {@code im = +-frequency}.
     */
    public double[] discreteRates(double omega2) {
        double h = timeStep();
        double b = 1 + momentum - learningRate * omega2;
        double disc = b * b - 4 * momentum;
        if (disc < 0) {
            double mod = Math.sqrt(momentum);
            double arg = Math.atan2(Math.sqrt(-disc) / 2, b / 2);
            return new double[] {Math.log(mod) / h, arg / h, Math.log(mod) / h, -arg / h};
        }
        double z1 = (b + Math.sqrt(disc)) / 2;
        double z2 = (b - Math.sqrt(disc)) / 2;
        return new double[] {logRe(z1) / h, z1 < 0 ? Math.PI / h : 0, logRe(z2) / h, z2 < 0 ? Math.PI / h : 0};
    }

    private static double logRe(double z) {
        return Math.log(Math.abs(z));
    }

    /**
     * Continuum rates of Eq. 5 for curvature {@code omega2}: {@code [re1, im1, re2, im2]} with
     * {@code lambda = -gamma/2 +- sqrt(gamma^2/4 - omega2)}.
     */
    public static double[] continuumRates(double omega2, double gamma) {
        double d = gamma * gamma / 4 - omega2;
        if (d < 0) {
            double f = Math.sqrt(-d);
            return new double[] {-gamma / 2, f, -gamma / 2, -f};
        }
        // overdamped: the fast root directly, the slow one from the product of the roots (omega^2), which has no
        // cancellation when gamma^2/4 >> omega^2 (-gamma/2 + sqrt(d) would lose every digit there)
        double fast = -gamma / 2 - Math.sqrt(d);
        double slow = fast == 0 ? 0 : omega2 / fast;
        return new double[] {slow, 0, fast, 0};
    }
}
