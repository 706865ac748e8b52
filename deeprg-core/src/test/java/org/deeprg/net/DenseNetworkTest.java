package org.deeprg.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.deeprg.InvalidInputException;
import org.deeprg.random.RandomStreams;
import org.deeprg.run.RunContext;
import org.deeprg.testing.Reproducibility;
import org.junit.jupiter.api.Test;

/**
 * The one dense network: indexing, the two parameter layouts, and its two independent differentiation routes
 * (batched BLAS back-propagation for training, the R-operator kernels of {@link NetworkCost}) against each other and
 * against finite differences, for both losses.
 */
class DenseNetworkTest {

    /** A masked two-layer network without biases in the first layer and with them in the second. */
    static DenseNetwork masked(Activation hidden) {
        boolean[][][] mask = new boolean[2][][];
        mask[0] = new boolean[][] {{true, false, true}, {false, true, true}, {true, true, false}, {true, false, false}};
        mask[1] = null;
        return new DenseNetwork(new int[] {3, 4, 2}, new Activation[] {hidden, Activation.LINEAR}, mask, new boolean[] {false, true});
    }

    @Test
    void labelsAndIndicesAreInverseInTheStandardOrder() {
        for (DenseNetwork net : List.of(DenseNetwork.dense(new int[] {3, 4, 2}, Activation.TANH, Activation.LINEAR, true),
                DenseNetwork.dense(new int[] {2, 3, 1}, Activation.SIGMOID, Activation.LINEAR, false), masked(Activation.TANH))) {
            List<DenseNetwork.Label> labels = net.labels();
            assertThat(labels).hasSize(net.parameterCount());
            for (int k = 0; k < net.parameterCount(); k++) {
                DenseNetwork.Label l = net.label(k);
                assertThat(l).isEqualTo(labels.get(k));
                assertThat(net.indexOf(l.layer(), l.row(), l.column())).isEqualTo(k);
                if (k > 0) { // standard order: layer, row, then column (bias = column 0 first)
                    DenseNetwork.Label p = net.label(k - 1);
                    assertThat(p.layer() < l.layer() || p.layer() == l.layer() && (p.row() < l.row()
                            || p.row() == l.row() && p.column() < l.column())).isTrue();
                }
            }
        }
        DenseNetwork m = masked(Activation.TANH);
        assertThat(m.parameterCount()).isEqualTo(7 + 2 * 5);
        assertThat(m.indexOf(0, 0, 2)).isEqualTo(-1); // not connected
        assertThat(m.indexOf(0, 0, 0)).isEqualTo(-1); // no bias in layer 0
        assertThat(m.label(7)).isEqualTo(new DenseNetwork.Label(1, 0, 0));
    }

    @Test
    void parameterLayoutsConvertExactly() {
        DenseNetwork net = masked(Activation.TANH);
        double[] w = Weights.uniform(RandomStreams.root(3).generator(), net.parameterCount(), 1);
        NetworkParameters p = NetworkParameters.fromVector(net, w);
        assertThat(p.toVector()).containsExactly(w);
        for (int k = 0; k < w.length; k++) {
            DenseNetwork.Label l = net.label(k);
            int out = net.width(l.layer() + 1);
            double stored = l.column() == 0 ? p.biases(l.layer())[l.row()] : p.weights(l.layer())[(l.column() - 1) * out + l.row()];
            assertThat(stored).isEqualTo(w[k]);
        }
        assertThat(p.weights(0)[1 * 4 + 0]).isZero(); // W^(0)_{0,1}: masked out
        NetworkParameters he = NetworkParameters.heNormal(net, RandomStreams.root(4));
        assertThat(he.weights(0)[1 * 4 + 0]).isZero();
        assertThat(NetworkParameters.fromVector(net, he.toVector()).toVector()).containsExactly(he.toVector());
    }

    /** The batched forward pass (BLAS) equals the one-example forward pass at the flat vector. */
    @Test
    void batchedForwardEqualsTheSingleExampleForward() {
        for (DenseNetwork net : List.of(masked(Activation.TANH), DenseNetwork.mlp(new int[] {3, 6, 5, 2}, Activation.ELU),
                DenseNetwork.dense(new int[] {3, 4, 2}, Activation.GELU, Activation.SIGMOID, true))) {
            UniformRandomProvider r = RandomStreams.root(5).generator();
            double[] w = Weights.uniform(r, net.parameterCount(), 0.8);
            Dataset d = Dataset.uniformRandom(r, 11, 3, 2);
            NetworkParameters p = NetworkParameters.fromVector(net, w);
            Batch b = net.batch(16).load(d, 0, 11);
            net.forward(p, b);
            for (int l = 0; l < 11; l++) {
                double[] z = net.output(w, d.inputRow(l));
                for (int i = 0; i < 2; i++) {
                    assertThat(b.outputs()[l * 2 + i]).as(net + " example " + l).isCloseTo(z[i], within(1e-13));
                }
            }
        }
    }

    /**
     * Two independent gradient routes agree: batched BLAS back-propagation ({@link DenseNetwork#backward}) and the
     * blocked kernels of {@link NetworkCost}; for an activation without derivative-from-value (GeLU: the batch keeps
     * pre-activations) and a masked layer too.
     */
    @Test
    void batchedBackPropagationEqualsTheCostGradientForBothLosses() {
        UniformRandomProvider r = RandomStreams.root(6).generator();
        Dataset regression = Dataset.uniformRandom(r, 23, 3, 2);
        Dataset classes = Dataset.synthetic(23, 3, 2, 0.7, RandomStreams.root(7), "train");
        for (DenseNetwork net : List.of(masked(Activation.TANH), DenseNetwork.mlp(new int[] {3, 6, 5, 2}, Activation.GELU),
                DenseNetwork.dense(new int[] {3, 5, 2}, Activation.RELU, Activation.TANH, true))) {
            for (Loss loss : List.of(Loss.SQUARED_ERROR, Loss.SOFTMAX_CROSS_ENTROPY)) {
                Dataset d = loss.usesLabels() ? classes : regression;
                double[] w = Weights.uniform(r, net.parameterCount(), 0.9);
                NetworkCost cost = new NetworkCost(net, d, loss, RunContext.of(1), 7);
                double[] g = new double[w.length];
                double c = cost.energyAndGradient(w, g);
                NetworkParameters p = NetworkParameters.fromVector(net, w);
                NetworkParameters grad = NetworkParameters.zeros(net);
                double sum = net.lossAndGradient(p, loss, net.batch(23).load(d, 0, 23), 1.0, grad);
                assertThat(sum).isCloseTo(c, within(1e-12 * Math.abs(c)));
                assertThat(net.loss(p, loss, d, 5)).isCloseTo(c, within(1e-12 * Math.abs(c)));
                double[] gb = grad.toVector();
                for (int k = 0; k < w.length; k++) {
                    assertThat(gb[k]).as(net + " " + loss.name() + " parameter " + k).isCloseTo(g[k], within(1e-11 * (1 + Math.abs(g[k]))));
                }
                // masked-out weights get no gradient in the batched layout
                if (net.isMasked(0)) {
                    assertThat(grad.weights(0)[1 * 4 + 0]).isZero();
                }
            }
        }
    }

    /** Gradient and exact Hessian-vector products of the cross-entropy cost against central differences. */
    @Test
    void crossEntropyGradientAndHessianVectorProductMatchFiniteDifferences() {
        DenseNetwork net = DenseNetwork.mlp(new int[] {4, 5, 3}, Activation.TANH);
        Dataset d = Dataset.synthetic(17, 4, 3, 0.8, RandomStreams.root(8), "train");
        NetworkCost cost = new NetworkCost(net, d, Loss.SOFTMAX_CROSS_ENTROPY, RunContext.of(1), 5);
        UniformRandomProvider r = RandomStreams.root(9).generator();
        double[] w = Weights.uniform(r, net.parameterCount(), 0.7);
        double[] v = Weights.uniform(r, net.parameterCount(), 1);
        int n = w.length;
        double[] g = new double[n];
        cost.energyAndGradient(w, g);
        double eps = 1e-5;
        for (int k = 0; k < n; k++) {
            double[] a = w.clone();
            double[] b = w.clone();
            a[k] += eps;
            b[k] -= eps;
            assertThat(g[k]).isCloseTo((cost.energy(a) - cost.energy(b)) / (2 * eps), within(1e-7 * (1 + Math.abs(g[k]))));
        }
        double[] hv = new double[n];
        cost.hessianVectorProduct(w, v, hv);
        double[] wp = w.clone();
        double[] wm = w.clone();
        for (int k = 0; k < n; k++) {
            wp[k] += eps * v[k];
            wm[k] -= eps * v[k];
        }
        double[] gp = new double[n];
        double[] gm = new double[n];
        cost.energyAndGradient(wp, gp);
        cost.energyAndGradient(wm, gm);
        for (int k = 0; k < n; k++) {
            double fd = (gp[k] - gm[k]) / (2 * eps);
            assertThat(hv[k]).isCloseTo(fd, within(1e-6 * (1 + Math.abs(fd))));
        }
    }

    /** Hessian-vector products are bit-identical for any thread count (blocks summed in block order). */
    @Test
    void hessianVectorProductsDoNotDependOnTheThreadCount() {
        DenseNetwork net = DenseNetwork.mlp(new int[] {6, 20, 4}, Activation.TANH);
        Dataset d = Dataset.uniformRandom(RandomStreams.root(10).generator(), 50, 6, 4);
        double[] w = Weights.uniform(RandomStreams.root(11).generator(), net.parameterCount(), 0.5);
        double[] v = Weights.uniform(RandomStreams.root(12).generator(), net.parameterCount(), 1);
        Reproducibility.assertSameForAnyThreads(Reproducibility.SEED, ctx -> {
            double[] out = new double[w.length];
            new NetworkCost(net, d, Loss.SQUARED_ERROR, ctx, 8).hessianVectorProduct(w, v, out);
            return out;
        });
    }

    @Test
    void rowLossesSumToTheEvaluatedLoss() {
        Dataset d = Dataset.synthetic(9, 3, 4, 0.5, RandomStreams.root(13), "train");
        double[] z = Weights.uniform(RandomStreams.root(14).generator(), 9 * 4, 3);
        double[] rows = new double[9];
        Loss.SOFTMAX_CROSS_ENTROPY.rowLosses(z, 9, 4, null, d.labels(), 0, rows);
        double s = 0;
        for (double x : rows) {
            s += x;
        }
        assertThat(Loss.SOFTMAX_CROSS_ENTROPY.evaluate(z, 9, 4, null, d.labels(), 0, 1, null)).isCloseTo(s, within(1e-12));
        for (int i = 0; i < 9; i++) { // -ln p_y >= 0, and = ln 4 for equal logits
            assertThat(rows[i]).isGreaterThan(0);
        }
        double[] equal = new double[4];
        double[] one = new double[1];
        Loss.SOFTMAX_CROSS_ENTROPY.rowLosses(equal, 1, 4, null, new int[] {2}, 0, one);
        assertThat(one[0]).isCloseTo(Math.log(4), within(1e-15));
    }

    @Test
    void datasetsValidateAndSlice() {
        Dataset r = Dataset.of(new double[][] {{1, 2}, {3, 4}, {5, 6}}, new double[][] {{7}, {8}, {9}});
        assertThat(r.size()).isEqualTo(3);
        assertThat(r.input(1, 1)).isEqualTo(4);
        assertThat(r.target(2, 0)).isEqualTo(9);
        assertThat(r.isClassification()).isFalse();
        assertThat(r.head(2).size()).isEqualTo(2);
        assertThat(r.head(2).targetRow(1)).containsExactly(8);
        Dataset c = Dataset.classification("c", 2, 3, new double[] {0, 1, 2, 3}, new int[] {2, 0});
        assertThat(c.outputDimension()).isEqualTo(3);
        assertThat(c.head(1).labels()).containsExactly(2);
        assertThatThrownBy(() -> Dataset.classification("c", 2, 3, new double[] {0, 1}, new int[] {3}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("labels");
        assertThatThrownBy(() -> Dataset.of(new double[][] {{1}, {2, 3}}, new double[][] {{1}, {2}}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("rows of equal length");
        assertThatThrownBy(() -> Dataset.of(new double[0][], new double[0][])).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new NetworkCost(DenseNetwork.mlp(new int[] {2, 3}, Activation.RELU), c, Loss.SQUARED_ERROR,
                RunContext.of(1), 4)).isInstanceOf(InvalidInputException.class).hasMessageContaining("real targets");
        assertThatThrownBy(() -> NetworkCost.of(DenseNetwork.dense(new int[] {2, 3, 1}, Activation.HEAVISIDE, Activation.LINEAR, true),
                Dataset.of(new double[][] {{1, 2}}, new double[][] {{1}}), RunContext.of(1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("heaviside");
        assertThatThrownBy(() -> DenseNetwork.mlp(new int[] {100_000, 100_000, 100_000}, Activation.RELU))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("widths");
    }
}
