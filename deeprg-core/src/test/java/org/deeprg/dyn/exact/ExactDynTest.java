package org.deeprg.dyn.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.deeprg.InvalidInputException;
import org.deeprg.net.Activation;
import org.deeprg.dyn.Alphabet;
import org.deeprg.dyn.DynNetwork;
import org.deeprg.dyn.DynParameters;
import org.deeprg.dyn.Example;
import org.deeprg.dyn.Hamiltonians;
import org.deeprg.random.RandomStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Transfer matrices against brute-force enumeration of the shared Hamiltonians. */
class ExactDynTest {
    private static final Alphabet BIN_W = Alphabet.BINARY_WEIGHTS;
    private static final Alphabet TER_W = Alphabet.TERNARY_WEIGHTS;
    private static final Alphabet BIN_H = Alphabet.BINARY_NEURONS;
    private static final Alphabet TER_H = new Alphabet(new double[] {-1, 0, 1});

    static Example ex(String s) {
        return Example.parse("example", s);
    }

    static Stream<DiscreteDynModel> smallModels() {
        return Stream.of(
                new DiscreteDynModel(new DynNetwork(1, 1, Activation.HEAVISIDE), BIN_W, BIN_H, List.of(ex("1:0"))),
                new DiscreteDynModel(new DynNetwork(1, 3, Activation.HEAVISIDE), BIN_W, BIN_H, List.of(ex("0:1"))),
                new DiscreteDynModel(new DynNetwork(1, 2, Activation.HEAVISIDE), BIN_W, BIN_H, List.of(ex("1:0"), ex("0:1"))),
                new DiscreteDynModel(new DynNetwork(2, 1, Activation.HEAVISIDE), BIN_W, BIN_H, List.of(ex("1,0:0,1"), ex("0,1:1,1"))),
                new DiscreteDynModel(new DynNetwork(2, 2, Activation.HEAVISIDE), BIN_W, BIN_H, List.of(ex("1,0:0,1"))),
                new DiscreteDynModel(new DynNetwork(1, 2, Activation.HEAVISIDE), TER_W, BIN_H, List.of(ex("1:1"), ex("0:0"))),
                new DiscreteDynModel(new DynNetwork(1, 2, Activation.TANH), BIN_W, TER_H, List.of(ex("1:-1"))),
                new DiscreteDynModel(new DynNetwork(1, 2, Activation.SIGMOID), TER_W, BIN_H, List.of(ex("1:0"), ex("0:1"))),
                new DiscreteDynModel(new DynNetwork(1, 2, Activation.RELU), TER_W, TER_H, List.of(ex("1:0"))));
    }

    @ParameterizedTest
    @MethodSource("smallModels")
    void transferMatricesEqualBruteForce(DiscreteDynModel model) {
        long configs = DiscreteDynModel.saturatingPower(model.weightAlphabet().size(), model.network().parameterCount())
                * model.statesPerLayer() * model.network().depth();
        double[][] couplings = configs > (1L << 20) ? new double[][] {{0.7, 1.3}} : new double[][] {{0.7, 1.3}, {2.0, 0.0}, {0.0, 5.0}};
        for (double[] bb : couplings) {
            double beta = bb[0];
            double betaV = bb[1];
            BruteForce.Expectations bf = BruteForce.expectations(model, beta, betaV);
            ExactDyn tm = ExactDyn.solve(model, beta, betaV);
            assertThat(tm.logPartitionFunction()).as("logZ %s", model).isCloseTo(bf.logPartitionFunction(), within(1e-10));
            assertThat(tm.meanCost()).isCloseTo(bf.meanCost(), within(1e-10));
            assertThat(tm.meanConstraint()).isCloseTo(bf.meanConstraint(), within(1e-10));
            int depth = model.network().depth();
            for (int m = 0; m <= depth; m++) {
                for (int l = 0; l < model.exampleCount(); l++) {
                    for (int i = 0; i < model.network().width(); i++) {
                        assertThat(tm.neuronMean(m, l, i)).isCloseTo(bf.neuronMeans()[m][l][i], within(1e-10));
                        for (int n = 0; n <= depth; n++) {
                            assertThat(tm.neuronCovariance(m, l, i, n, l, i)).as("cov %d %d", m, n)
                                    .isCloseTo(bf.covariance(m, n, l, i), within(1e-10));
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("smallModels")
    void originalEnsembleEqualsBruteForce(DiscreteDynModel model) {
        for (double beta : new double[] {0, 0.5, 3}) {
            assertThat(OriginalEnsemble.logPartitionFunction(model, beta))
                    .isCloseTo(BruteForce.logPartitionFunctionOriginal(model, beta), within(1e-10));
        }
    }

    @Test
    void sparseForwardRecursionEqualsBruteForceForContinuousActivations() {
        DiscreteDynModel m = new DiscreteDynModel(new DynNetwork(2, 1, Activation.SIGMOID), BIN_W, BIN_H, List.of(ex("1,0:0,1")));
        LayerKernel kernel = new LayerKernel(Activation.SIGMOID, BIN_W, 2);
        assertThat(OriginalEnsemble.sparseForward(m, 0.8, kernel)).isCloseTo(BruteForce.logPartitionFunctionOriginal(m, 0.8), within(1e-10));
        DiscreteDynModel deep = new DiscreteDynModel(new DynNetwork(1, 3, Activation.TANH), TER_W, TER_H, List.of(ex("1:-1"), ex("0:1")));
        assertThat(OriginalEnsemble.sparseForward(deep, 1.3, new LayerKernel(Activation.TANH, TER_W, 1)))
                .isCloseTo(BruteForce.logPartitionFunctionOriginal(deep, 1.3), within(1e-10));
    }

    @Test
    void meanCostAndConstraintAreMinusDerivativesOfLogZ() {
        DiscreteDynModel model = new DiscreteDynModel(new DynNetwork(2, 4, Activation.HEAVISIDE), TER_W, BIN_H,
                List.of(ex("1,0:0,1"), ex("1,1:0,0")));
        double beta = 1.1;
        double betaV = 0.8;
        double h = 1e-5;
        ExactDyn e = ExactDyn.solve(model, beta, betaV);
        double dBeta = (ExactDyn.logPartitionFunction(model, beta + h, betaV) - ExactDyn.logPartitionFunction(model, beta - h, betaV)) / (2 * h);
        double dBetaV = (ExactDyn.logPartitionFunction(model, beta, betaV + h) - ExactDyn.logPartitionFunction(model, beta, betaV - h)) / (2 * h);
        assertThat(e.meanCost()).isCloseTo(-dBeta, within(1e-7));
        assertThat(e.meanConstraint()).isCloseTo(-dBetaV, within(1e-7));
    }

    @Test
    void hNewEqualsHOriginalOnTheForwardPass() {
        UniformRandomProvider rng = RandomStreams.root(11).generator();
        var g = RandomStreams.root(12).gaussian();
        for (Activation a : DynNetwork.activations()) {
            for (int trial = 0; trial < 20; trial++) {
                int n = 1 + rng.nextInt(3);
                DynNetwork net = new DynNetwork(n, 1 + rng.nextInt(4), a);
                DynParameters p = DynParameters.zeros(net);
                for (int m = 0; m < net.weightLayers(); m++) {
                    for (int i = 0; i < n; i++) {
                        for (int j = 0; j < n; j++) {
                            p.weights(m)[i][j] = g.sample();
                        }
                        p.biases(m)[i] = g.sample();
                    }
                }
                List<Example> exs = new java.util.ArrayList<>();
                for (int l = 0; l < 1 + rng.nextInt(3); l++) {
                    double[] x = new double[n];
                    double[] y = new double[n];
                    for (int i = 0; i < n; i++) {
                        x[i] = g.sample();
                        y[i] = g.sample();
                    }
                    exs.add(new Example(x, y));
                }
                double[][][] h = Hamiltonians.forwardNeurons(net, p, exs);
                assertThat(Hamiltonians.constraint(net, p, h, exs)).isEqualTo(0.0);
                assertThat(Hamiltonians.hNew(net, p, h, exs, 3.7)).isCloseTo(Hamiltonians.original(net, p, exs), within(1e-12));
            }
        }
    }

    @Test
    void zNewConvergesToZOriginalAsBetaVGrows() {
        DiscreteDynModel model = new DiscreteDynModel(new DynNetwork(2, 3, Activation.HEAVISIDE), BIN_W, BIN_H,
                List.of(ex("1,0:0,1"), ex("0,1:1,0")));
        double beta = 1.0;
        double orig = ExactDyn.logPartitionFunctionOriginal(model, beta);
        double previous = Double.POSITIVE_INFINITY;
        for (double betaV : new double[] {1, 2, 4, 8, 16, 32}) {
            double gap = ExactDyn.logPartitionFunction(model, beta, betaV) - orig;
            assertThat(gap).isPositive().isLessThan(previous);
            previous = gap;
        }
        assertThat(previous).isLessThan(1e-11);
        // approach rate: the leading correction is exp(-betaV) (one violated unit costs exactly 1)
        double g16 = ExactDyn.logPartitionFunction(model, beta, 16) - orig;
        double g17 = ExactDyn.logPartitionFunction(model, beta, 17) - orig;
        assertThat(Math.log(g16 / g17)).isCloseTo(1.0, within(1e-3));
    }

    @Test
    void hugeDepthAndHugeBetaVStayFinite() {
        DiscreteDynModel deep = new DiscreteDynModel(new DynNetwork(1, 1_000_000, Activation.HEAVISIDE), BIN_W, BIN_H,
                List.of(ex("1:0"), ex("0:1")));
        double lz = ExactDyn.logPartitionFunction(deep, 1.0, 1000.0);
        assertThat(lz).isFinite();
        // betaV = 1000: only exact forward passes survive; equals Z_original to double precision
        assertThat(lz).isCloseTo(ExactDyn.logPartitionFunctionOriginal(deep, 1.0), within(1e-6 * Math.abs(lz)));
    }

    @Test
    void squaringAgreesWithIteration() {
        UniformRandomProvider rng = RandomStreams.root(5).generator();
        int s = 9;
        double[][] t = new double[s][s];
        double[] r = new double[s];
        double[] c = new double[s];
        for (int i = 0; i < s; i++) {
            r[i] = rng.nextDouble() * 3 - 1;
            c[i] = rng.nextDouble() * 3 - 1;
            for (int j = 0; j < s; j++) {
                t[i][j] = rng.nextDouble() < 0.2 ? Double.NEGATIVE_INFINITY : 4 * rng.nextDouble() - 2;
            }
        }
        for (long n : new long[] {0, 1, 2, 3, 7, 64, 1000, 12345}) {
            double a = LogSpace.byIteration(r, t, n, c);
            double b = LogSpace.bySquaring(r, t, n, c);
            assertThat(b).as("n=%d", n).isCloseTo(a, within(1e-9 * Math.max(1, Math.abs(a))));
        }
    }

    @Test
    void refusesHostileSizesUpFront() {
        DiscreteDynModel wide = new DiscreteDynModel(new DynNetwork(12, 2, Activation.HEAVISIDE), BIN_W, BIN_H,
                List.of(new Example(new double[12], new double[12])));
        assertThatThrownBy(() -> ExactDyn.solve(wide, 1, 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("4096").hasMessageContaining("2048");
        DiscreteDynModel deepWide = new DiscreteDynModel(new DynNetwork(11, 1_000_000, Activation.HEAVISIDE), BIN_W, BIN_H,
                List.of(new Example(new double[11], new double[11])));
        assertThatThrownBy(() -> ExactDyn.solve(deepWide, 1, 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("2048 x 2048").hasMessageContaining("2.0e+10");
        assertThatThrownBy(() -> new DiscreteDynModel(new DynNetwork(2, 2, Activation.HEAVISIDE), BIN_W, BIN_H, List.of(ex("1:0"))))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new DiscreteDynModel(new DynNetwork(1, 2, Activation.HEAVISIDE), BIN_W, BIN_H, List.of(ex("2:0"))))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("alphabet");
        DiscreteDynModel ok = new DiscreteDynModel(new DynNetwork(1, 2, Activation.HEAVISIDE), BIN_W, BIN_H, List.of(ex("1:0")));
        assertThatThrownBy(() -> ExactDyn.solve(ok, -1, 1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ExactDyn.solve(ok, 1, Double.NaN)).isInstanceOf(InvalidInputException.class);
    }
}
