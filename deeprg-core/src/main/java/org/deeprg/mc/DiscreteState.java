package org.deeprg.mc;

import java.util.Arrays;

/**
 * The running state of one Metropolis chain over a {@link DiscreteModel}: the values {@code x_v} and their
 * indices in the model's value lists, kept consistent by {@link #set(int, int)}. Mutable, owned by one chain.
 */
public final class DiscreteState {
    private final double[] x;
    private final int[] index;
    private final DiscreteModel model;

    /** A state with every variable at value index 0. */
    public DiscreteState(DiscreteModel model) {
        this.model = model;
        this.x = new double[model.variableCount()];
        this.index = new int[model.variableCount()];
        for (int v = 0; v < x.length; v++) {
            x[v] = model.values(v)[0];
        }
    }

    /** A state from value indices (copied); throws if an index is out of range. */
    public static DiscreteState ofIndices(DiscreteModel model, int[] indices) {
        if (indices.length != model.variableCount()) {
            throw new IllegalArgumentException("expected " + model.variableCount() + " indices, got " + indices.length);
        }
        DiscreteState s = new DiscreteState(model);
        for (int v = 0; v < indices.length; v++) {
            s.set(v, indices[v]);
        }
        return s;
    }

    /** Sets variable {@code v} to its value number {@code k}. */
    public void set(int v, int k) {
        double[] vals = model.values(v);
        if (k < 0 || k >= vals.length) {
            throw new IllegalArgumentException("variable " + v + " has " + vals.length + " values, index " + k + " given");
        }
        index[v] = k;
        x[v] = vals[k];
    }

    /** The values (live view: samplers update it in place; do not modify). */
    public double[] values() {
        return x;
    }

    /** The value indices (live view; do not modify). */
    public int[] indices() {
        return index;
    }

    /** The model this state belongs to. */
    public DiscreteModel model() {
        return model;
    }

    /** A deep copy. */
    public DiscreteState copy() {
        return ofIndices(model, index);
    }

    @Override
    public String toString() {
        return Arrays.toString(x);
    }
}
