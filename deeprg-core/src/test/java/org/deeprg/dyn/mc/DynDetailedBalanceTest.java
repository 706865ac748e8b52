package org.deeprg.dyn.mc;

import java.util.List;
import org.deeprg.net.Activation;
import org.deeprg.dyn.Alphabet;
import org.deeprg.dyn.DynNetwork;
import org.deeprg.dyn.Example;
import org.deeprg.mc.TransitionMatrices;
import org.junit.jupiter.api.Test;

/**
 * Detailed balance of every single-variable Metropolis update (weights, biases, neurons) of the DyN ensemble,
 * by exact enumeration of the transition matrices on tiny models, and stationarity of a sweep.
 */
class DynDetailedBalanceTest {

    @Test
    void heavisideBinaryModelEveryUpdateRule() {
        // N = 1, M = 2, L = 1: 3 weights, 3 biases, 2 neurons -> 256 states
        DynEnsemble ens = new DynEnsemble(new DynNetwork(1, 2, Activation.HEAVISIDE),
                List.of(new Example(new double[] {1}, new double[] {1})), 1.1, 0.8, 0.0, 0.0);
        check(new DynDiscreteModel(ens, Alphabet.BINARY_WEIGHTS, Alphabet.BINARY_WEIGHTS, Alphabet.BINARY_NEURONS));
    }

    @Test
    void ternaryWeightsSigmoidNeuronsWithRegulariserAndTwoExamples() {
        // N = 1, M = 1, L = 2: 2 ternary weights, 2 binary biases, 2 ternary neurons -> 3^2 2^2 3^2 = 324 states
        DynEnsemble ens = new DynEnsemble(new DynNetwork(1, 1, Activation.SIGMOID),
                List.of(new Example(new double[] {1}, new double[] {0.8}), new Example(new double[] {-1}, new double[] {0.1})),
                2.0, 1.5, 0.3, 0.1);
        check(new DynDiscreteModel(ens, Alphabet.TERNARY_WEIGHTS, Alphabet.BINARY_WEIGHTS,
                new Alphabet(new double[] {0, 0.5, 1})));
    }

    @Test
    void widthTwoTanh() {
        // N = 2, M = 1, L = 1: 8 binary weights, biases fixed at 0.5, 2 neurons in {-1, 1} -> 2^10 states
        DynEnsemble ens = new DynEnsemble(new DynNetwork(2, 1, Activation.TANH),
                List.of(new Example(new double[] {1, -1}, new double[] {0.5, -0.5})), 0.9, 1.2, 0, 0);
        DynDiscreteModel m = new DynDiscreteModel(ens, Alphabet.BINARY_WEIGHTS, new Alphabet(new double[] {0.5}),
                new Alphabet(new double[] {-1, 1}));
        double[] pi = TransitionMatrices.boltzmann(m);
        for (int v : new int[] {0, 3, 5, 7, 12, 13}) {
            TransitionMatrices.assertDetailedBalance(TransitionMatrices.singleVariable(m, v), pi);
        }
    }

    private static void check(DynDiscreteModel m) {
        double[] pi = TransitionMatrices.boltzmann(m);
        for (int v = 0; v < m.variableCount(); v++) {
            double[][] p = TransitionMatrices.singleVariable(m, v);
            TransitionMatrices.assertStochastic(p);
            TransitionMatrices.assertDetailedBalance(p, pi);
        }
        TransitionMatrices.assertStationary(TransitionMatrices.sweep(m), pi);
    }
}
