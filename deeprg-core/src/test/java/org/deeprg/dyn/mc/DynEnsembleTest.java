package org.deeprg.dyn.mc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.assertj.core.data.Offset;
import org.deeprg.InvalidInputException;
import org.deeprg.net.Activation;
import org.deeprg.dyn.DynNetwork;
import org.deeprg.dyn.DynParameters;
import org.deeprg.dyn.Example;
import org.deeprg.dyn.Hamiltonians;
import org.deeprg.random.RandomStreams;
import org.junit.jupiter.api.Test;

/** The flat-layout ensemble against the shared Hamiltonians, local actions, analytic gradients. */
class DynEnsembleTest {
    static final List<Example> TWO = List.of(new Example(new double[] {1, -0.5}, new double[] {0.2, 0.9}),
            new Example(new double[] {-1, 0.3}, new double[] {0.7, 0.1}));

    static double[] random(DynLayout lay, UniformRandomProvider rng) {
        double[] x = new double[lay.dimension()];
        for (int v = 0; v < x.length; v++) {
            x[v] = 2 * rng.nextDouble() - 1;
        }
        return x;
    }

    @Test
    void costAndConstraintAgreeWithTheSharedHamiltonians() {
        for (Activation a : DynNetwork.activations()) {
            DynNetwork net = new DynNetwork(2, 3, a);
            DynEnsemble ens = new DynEnsemble(net, TWO, 1.3, 4.0, 0, 0);
            double[] x = random(ens.layout(), RandomStreams.root(DynNetwork.activations().indexOf(a)).generator());
            DynParameters p = ens.layout().parameters(x);
            double[][][] h = ens.layout().neurons(x, TWO);
            assertThat(ens.cost(x)).isCloseTo(Hamiltonians.cost(net, p, h, TWO), Offset.offset(1e-12));
            assertThat(ens.constraint(x)).isCloseTo(Hamiltonians.constraint(net, p, h, TWO), Offset.offset(1e-12));
            assertThat(-ens.action(x)).isCloseTo(Hamiltonians.logWeight(net, p, h, TWO, 1.3, 4.0), Offset.offset(1e-12));
            // the forward pass satisfies the constraint: H_new = H_original
            double[] f = x.clone();
            ens.layout().putNeurons(Hamiltonians.forwardNeurons(net, p, TWO), f);
            assertThat(ens.constraint(f)).isCloseTo(0, Offset.offset(1e-24));
            assertThat(ens.cost(f)).isCloseTo(Hamiltonians.original(net, p, TWO), Offset.offset(1e-12));
        }
    }

    @Test
    void localActionChangesEqualFullActionChanges() {
        DynNetwork net = new DynNetwork(3, 4, Activation.TANH);
        DynEnsemble ens = new DynEnsemble(net, TWO.stream().map(e -> new Example(new double[] {e.x()[0], e.x()[1], 0.4},
                new double[] {e.y()[0], e.y()[1], -0.3})).toList(), 0.7, 2.5, 0.3, 0.2);
        UniformRandomProvider rng = RandomStreams.root(9).generator();
        double[] x = random(ens.layout(), rng);
        for (int v = 0; v < x.length; v++) {
            double before = ens.action(x);
            double lb = ens.localAction(x, v);
            double old = x[v];
            x[v] = 2 * rng.nextDouble() - 1;
            double after = ens.action(x);
            double la = ens.localAction(x, v);
            assertThat(la - lb).as("variable %d", v).isCloseTo(after - before, Offset.offset(1e-10));
            double nv = x[v];
            x[v] = old;
            assertThat(ens.actionChange(x, v, nv)).as("actionChange %d", v).isCloseTo(after - before, Offset.offset(1e-10));
            assertThat(x[v]).isEqualTo(old);
        }
    }

    @Test
    void analyticGradientsMatchFiniteDifferences() {
        for (Activation a : List.of(Activation.SIGMOID, Activation.TANH, Activation.LINEAR)) {
            DynNetwork net = new DynNetwork(2, 3, a);
            DynEnergy e = new DynEnergy(new DynEnsemble(net, TWO, 1.7, 5.0, 0.3, 0.4));
            OriginalCostEnergy o = new OriginalCostEnergy(net, TWO, 0.3, 0.4);
            UniformRandomProvider rng = RandomStreams.root(3).generator();
            double[] x = random(e.ensemble().layout(), rng);
            checkGradient(e, x);
            checkGradient(o, java.util.Arrays.copyOf(x, o.dimension()));
            DynParameters p = e.ensemble().layout().parameters(x);
            double reg = e.ensemble().regulariser(x);
            assertThat(o.energy(java.util.Arrays.copyOf(x, o.dimension())))
                    .isCloseTo(Hamiltonians.original(net, p, TWO) + reg, Offset.offset(1e-12));
        }
    }

    static void checkGradient(org.deeprg.mc.DifferentiableEnergy f, double[] x) {
        double[] g = new double[f.dimension()];
        f.energyAndGradient(x, g);
        double h = 1e-6;
        for (int v = 0; v < x.length; v++) {
            double old = x[v];
            x[v] = old + h;
            double p = f.energy(x);
            x[v] = old - h;
            double m = f.energy(x);
            x[v] = old;
            assertThat(g[v]).as("d/dx_%d", v).isCloseTo((p - m) / (2 * h), Offset.offset(1e-6 * Math.max(1, Math.abs(g[v]))));
        }
    }

    @Test
    void heavisideIsRefusedByGradientSamplersWithAPointerToMetropolis() {
        DynNetwork net = new DynNetwork(1, 2, Activation.HEAVISIDE);
        List<Example> ex = List.of(new Example(new double[] {1}, new double[] {1}));
        assertThatThrownBy(() -> new DynEnergy(new DynEnsemble(net, ex, 1, 1, 1, 1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("metropolis");
        assertThatThrownBy(() -> new DynEnsemble(net, List.of(new Example(new double[] {1, 2}, new double[] {1, 2})), 1, 1, 0, 0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("width");
    }
}
