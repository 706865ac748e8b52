package org.deeprg.mc;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Single-variable Metropolis updates for a {@link DiscreteModel}.
 *
 * <p>Update rule for variable v with q values: propose one of the other {@code q - 1} values uniformly
 * (probability {@code 1/(q-1)}, a symmetric proposal), accept with probability
 * {@code min(1, w(x')/w(x)) = min(1, exp(logWeightChange))}. Each single-variable update satisfies detailed
 * balance with respect to {@code w}; a sweep visits the variables in order {@code 0..n-1}, a composition of
 * such updates, and therefore leaves {@code w} stationary. Variables with a single value are skipped.
 *
 * <p>The sampler holds no chain state: {@link #sweep} updates the {@link DiscreteState} it is given, with the
 * generator it is given. Thread-safe as long as each thread has its own state and generator.
 */
public final class MetropolisSampler {
    private final DiscreteModel model;

    public MetropolisSampler(DiscreteModel model) {
        this.model = model;
    }

    public DiscreteModel model() {
        return model;
    }

    /**
     * Probability that an update of variable {@code v} in {@code x} proposes value number {@code k} and accepts
     * it ({@code k} different from the current index): {@code 1/(q-1) * min(1, exp(dlnw))}. The same formula the
     * sampler uses, exposed so that tests can enumerate the transition matrix.
     */
    public double transitionProbability(DiscreteState state, int v, int k) {
        double[] vals = model.values(v);
        if (k == state.indices()[v]) {
            throw new IllegalArgumentException("k is the current value; the stay probability is 1 - sum of the others");
        }
        return acceptance(model.logWeightChange(state.values(), v, vals[k])) / (vals.length - 1);
    }

    /** {@code min(1, exp(d))}. */
    public static double acceptance(double logRatio) {
        return logRatio >= 0 ? 1.0 : Math.exp(logRatio);
    }

    /**
     * One Metropolis update of variable {@code v}. Returns whether the proposal was accepted.
     */
    public boolean update(DiscreteState state, int v, UniformRandomProvider rng) {
        double[] vals = model.values(v);
        int q = vals.length;
        if (q < 2) {
            return false;
        }
        int[] index = state.indices();
        int current = index[v];
        int k = q == 2 ? 1 - current : proposeOther(current, q, rng);
        double d = model.logWeightChange(state.values(), v, vals[k]);
        if (d >= 0 || rng.nextDouble() < Math.exp(d)) {
            state.set(v, k);
            return true;
        }
        return false;
    }

    /**
     * One sweep: an update of every variable in index order. Returns the number of accepted proposals.
     */
    public long sweep(DiscreteState state, UniformRandomProvider rng) {
        long accepted = 0;
        int n = model.variableCount();
        for (int v = 0; v < n; v++) {
            if (update(state, v, rng)) {
                accepted++;
            }
        }
        return accepted;
    }

    private static int proposeOther(int current, int q, UniformRandomProvider rng) {
        int k = rng.nextInt(q - 1);
        return k >= current ? k + 1 : k;
    }
}
