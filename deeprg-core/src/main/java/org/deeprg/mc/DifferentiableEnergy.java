package org.deeprg.mc;

/**
 * An energy (or cost) {@code E(x)} on {@code R^d} with its gradient: what Langevin dynamics, HMC and gradient
 * training need. The Boltzmann weight is {@code exp(-beta E(x))}.
 */
public interface DifferentiableEnergy {
    /** Dimension d. */
    int dimension();

    /** E(x). {@code x} not modified. */
    double energy(double[] x);

    /**
     * Writes dE/dx into {@code gradient} (length d, modified) and returns E(x). {@code x} not modified.
     */
    double energyAndGradient(double[] x, double[] gradient);
}
