package org.deeprg.dyn.mc;

import org.deeprg.dyn.Alphabet;
import org.deeprg.mc.DiscreteModel;

/**
 * A discrete dynamic-neuron ensemble for Metropolis sampling: weights, biases and neurons take values in
 * alphabets (the paper's Sec. IV example: W, b in {-1, 1}, h in {0, 1}). Weight {@code exp(-S)} with the action
 * of {@link DynEnsemble}; {@link #logWeightChange} uses {@link DynEnsemble#actionChange}, the two adjacent
 * layers' terms only.
 */
public final class DynDiscreteModel implements DiscreteModel {
    private final DynEnsemble ensemble;
    private final double[] weightValues;
    private final double[] biasValues;
    private final double[] neuronValues;
    private final int biasBase;
    private final int neuronBase;

    public DynDiscreteModel(DynEnsemble ensemble, Alphabet weights, Alphabet biases, Alphabet neurons) {
        this.ensemble = ensemble;
        this.weightValues = weights.values();
        this.biasValues = biases.values();
        this.neuronValues = neurons.values();
        this.biasBase = ensemble.layout().biasBase();
        this.neuronBase = ensemble.layout().neuronBase();
    }

    public DynEnsemble ensemble() {
        return ensemble;
    }

    @Override
    public int variableCount() {
        return ensemble.layout().dimension();
    }

    @Override
    public double[] values(int v) {
        return v < biasBase ? weightValues : v < neuronBase ? biasValues : neuronValues;
    }

    @Override
    public double logWeight(double[] x) {
        return -ensemble.action(x);
    }

    @Override
    public double logWeightChange(double[] x, int v, double newValue) {
        return -ensemble.actionChange(x, v, newValue);
    }
}
