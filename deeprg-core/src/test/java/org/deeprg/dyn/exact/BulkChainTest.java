package org.deeprg.dyn.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.deeprg.net.Activation;
import org.deeprg.dyn.Alphabet;
import org.deeprg.dyn.DynNetwork;
import org.deeprg.dyn.Example;
import org.junit.jupiter.api.Test;

/** The bulk chain against closed forms and against the middle of a long finite chain. */
class BulkChainTest {

    @Test
    void paperChainHasClosedFormSpectrum() {
        // N = L = 1, Heaviside, W,b in {-1,1}: T = [[2(1+e), 2(1+e)], [1+3e, 3+e]] with e = exp(-betaV)
        for (double betaV : new double[] {0.1, 1, 3, 10}) {
            BulkChain c = new BulkChain(1, 1, Activation.HEAVISIDE, Alphabet.BINARY_WEIGHTS, Alphabet.BINARY_NEURONS, betaV);
            double e = Math.exp(-betaV);
            double tr = 5 + 3 * e;
            double det = 4 * (1 - e * e);
            double l1 = (tr + Math.sqrt(tr * tr - 4 * det)) / 2;
            double l2 = (tr - Math.sqrt(tr * tr - 4 * det)) / 2;
            assertThat(c.largestEigenvalue()).isCloseTo(l1, within(1e-12));
            assertThat(c.eigenvalues()[1][0]).isCloseTo(l2, within(1e-12));
            assertThat(c.freeEnergyPerLayer()).isCloseTo(-Math.log(l1), within(1e-12));
            assertThat(c.correlationLength()).isCloseTo(1 / Math.log(l1 / Math.abs(l2)), within(1e-12));
        }
    }

    @Test
    void correlationFunctionEqualsMiddleOfLongFiniteChainAndDecaysWithXi() {
        record Case(int width, int examples, Alphabet w, double betaV) { }
        int decayChecks = 0;
        for (Case k : List.of(new Case(1, 2, Alphabet.BINARY_WEIGHTS, 0.7), new Case(2, 1, Alphabet.TERNARY_WEIGHTS, 1.5),
                new Case(1, 1, Alphabet.BINARY_WEIGHTS, 2.0))) {
            BulkChain chain = new BulkChain(k.width(), k.examples(), Activation.HEAVISIDE, k.w(), Alphabet.BINARY_NEURONS, k.betaV());
            int depth = 120;
            List<Example> ex = new ArrayList<>();
            for (int l = 0; l < k.examples(); l++) {
                double[] x = new double[k.width()];
                x[0] = 1;
                ex.add(new Example(x, new double[k.width()]));
            }
            ExactDyn finite = ExactDyn.solve(new DiscreteDynModel(new DynNetwork(k.width(), depth, Activation.HEAVISIDE), k.w(),
                    Alphabet.BINARY_NEURONS, ex), 0.0, k.betaV());
            double[] gFinite = finite.correlationFunction(50, 0, 0);
            double[] gBulk = chain.correlationFunction(0, 0, 12);
            for (int r = 0; r <= 12; r++) {
                assertThat(gFinite[r]).as("%s r=%d", k, r).isCloseTo(gBulk[r], within(1e-10));
            }
            assertThat(finite.neuronMean(60, 0, 0)).isCloseTo(chain.neuronMean(0, 0), within(1e-10));
            // free energy per layer: ln Z grows by ln lambda_1 per layer
            double lz1 = ExactDyn.logPartitionFunction(new DiscreteDynModel(new DynNetwork(k.width(), 200, Activation.HEAVISIDE),
                    k.w(), Alphabet.BINARY_NEURONS, ex), 0.0, k.betaV());
            double lz2 = ExactDyn.logPartitionFunction(new DiscreteDynModel(new DynNetwork(k.width(), 300, Activation.HEAVISIDE),
                    k.w(), Alphabet.BINARY_NEURONS, ex), 0.0, k.betaV());
            assertThat((lz2 - lz1) / 100).isCloseTo(-chain.freeEnergyPerLayer(), within(1e-10));
            // exp(-r / xi) decay (second eigenvalue real and positive here)
            double[] eig2 = chain.eigenvalues()[1];
            if (eig2[1] == 0 && eig2[0] > 0 && (chain.eigenvalues().length == 2
                    || Math.hypot(chain.eigenvalues()[2][0], chain.eigenvalues()[2][1]) < 0.9 * eig2[0])) {
                double[] g = chain.correlationFunction(0, 0, 40);
                int r = 8;
                assertThat(Math.log(g[r] / g[r + 1])).as("%s", k).isCloseTo(1 / chain.correlationLength(), within(1e-6));
                decayChecks++;
            }
        }
        assertThat(decayChecks).isPositive();
    }

    @Test
    void lumpedSpectrumEqualsDenseSpectrum() {
        BulkChain c = new BulkChain(2, 2, Activation.HEAVISIDE, Alphabet.TERNARY_WEIGHTS, Alphabet.BINARY_NEURONS, 0.9);
        double[][] dense = org.deeprg.dyn.rg.Spectrum.eigenvalues(c.transferMatrix());
        double[][] lumped = c.eigenvalues();
        assertThat(lumped.length).isEqualTo(dense.length);
        for (int i = 0; i < dense.length; i++) {
            assertThat(Math.hypot(lumped[i][0], lumped[i][1])).as("eigenvalue %d", i)
                    .isCloseTo(Math.hypot(dense[i][0], dense[i][1]), within(1e-8 * Math.hypot(dense[0][0], dense[0][1])));
        }
        assertThat(lumped[0][0]).isCloseTo(dense[0][0], within(1e-9 * dense[0][0]));
        assertThat(lumped[1][0]).isCloseTo(dense[1][0], within(1e-9 * dense[0][0]));
    }

    @Test
    void perronFallbackEqualsPowerIteration() {
        BulkChain c = new BulkChain(2, 1, Activation.HEAVISIDE, Alphabet.TERNARY_WEIGHTS, Alphabet.BINARY_NEURONS, 0.9);
        double[][] t = c.transferMatrix();
        double[][] lr = BulkChain.perron(t);
        double[] right = BulkChain.perronVector(t);
        double[] left = BulkChain.perronVector(BulkChain.transpose(t));
        for (int i = 0; i < right.length; i++) {
            assertThat(right[i]).isCloseTo(lr[1][i], within(1e-12));
            assertThat(left[i]).isCloseTo(lr[0][i], within(1e-12));
        }
    }

    @Test
    void sigmaChainHasTheSameSpectrumAndDecay() {
        BulkChain c = new BulkChain(1, 2, Activation.HEAVISIDE, Alphabet.BINARY_WEIGHTS, Alphabet.BINARY_NEURONS, 1.2);
        assertThat(c.hasSigmaChain()).isTrue();
        double[] g = c.sigmaCorrelationFunction(0, 0, 80);
        double[] h = c.correlationFunction(0, 0, 80);
        // both decay with the same xi (same nonzero spectrum of P K and K P)
        assertThat(Math.log(g[60] / g[61])).isCloseTo(Math.log(h[60] / h[61]), within(1e-8));
        assertThat(g[0]).isPositive();
    }
}
