package org.deeprg.dyn.mc;

import org.deeprg.InvalidInputException;
import org.deeprg.mc.DifferentiableEnergy;

/**
 * The continuous dynamic-neuron ensemble as a {@link DifferentiableEnergy} for Langevin sampling: real W, b, h
 * with {@code E = S / beta = cost + (betaV/beta) constraint + c_W sum W^2 + c_b sum b^2} (Eq. 13 with Eq. A2's
 * regularisers), so that {@code exp(-beta E)} is the Boltzmann weight of {@link DynEnsemble}. Needs beta &gt; 0
 * and a differentiable activation (Heaviside is refused: sample it with Metropolis).
 */
public final class DynEnergy implements DifferentiableEnergy {
    private final DynEnsemble ensemble;

    public DynEnergy(DynEnsemble ensemble) {
        if (!ensemble.network().activation().isDifferentiable()) {
            throw new InvalidInputException("activation", ensemble.network().activation().name(),
                    "heaviside has no gradient, so Langevin dynamics cannot sample it; use --sampler metropolis with alphabets");
        }
        if (!(ensemble.beta() > 0)) {
            throw new InvalidInputException("beta", ensemble.beta(), "Langevin sampling needs beta > 0");
        }
        this.ensemble = ensemble;
    }

    public DynEnsemble ensemble() {
        return ensemble;
    }

    @Override
    public int dimension() {
        return ensemble.layout().dimension();
    }

    @Override
    public double energy(double[] x) {
        return ensemble.action(x) / ensemble.beta();
    }

    @Override
    public double energyAndGradient(double[] x, double[] gradient) {
        double s = ensemble.actionAndGradient(x, gradient);
        double inv = 1 / ensemble.beta();
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] *= inv;
        }
        return s * inv;
    }
}
