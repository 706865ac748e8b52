package org.deeprg.mc;

/**
 * A statistical model over discrete variables {@code x_v}, each taking values in its own finite list
 * {@link #values(int)}, with Boltzmann weight {@code w(x) = exp(logWeight(x))}. It is the settings half of a
 * Metropolis sampler: immutable, with no chain state (the configuration lives in a {@link DiscreteState}).
 *
 * <p>{@link #logWeightChange} is the local quantity the sampler needs: for nearest-neighbour models it only
 * touches the few terms that contain {@code x_v} (the point of the dynamic-neuron form, Lee, Lee, Yi 2024,
 * Fig. 2), so a single-variable update costs O(1) in the system size.
 */
public interface DiscreteModel {
    /** Number of variables. */
    int variableCount();

    /** The allowed values of variable {@code v} (not to be modified by the caller). */
    double[] values(int v);

    /** {@code ln w(x)}; may be {@code -infinity} for forbidden configurations. {@code x} not modified. */
    double logWeight(double[] x);

    /**
     * {@code ln w(x') - ln w(x)} where {@code x'} is {@code x} with {@code x_v} replaced by {@code newValue}.
     * {@code x} may be modified during the call but must be restored on return.
     */
    double logWeightChange(double[] x, int v, double newValue);
}
