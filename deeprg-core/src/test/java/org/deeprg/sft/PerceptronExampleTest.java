package org.deeprg.sft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.deeprg.random.RandomStreams;
import org.deeprg.net.Dataset;
import org.deeprg.net.DenseNetwork;
import org.deeprg.net.NetworkCost;
import org.deeprg.run.RunContext;
import org.junit.jupiter.api.Test;

/** Example 1 (Eqs. 13-17): couplings against the network, Eq. 14 against direct evaluation, modes against training. */
class PerceptronExampleTest {

    static PerceptronExample example(int sites, int examples, long seed) {
        Dataset d = TestNets.data(examples, sites, sites, seed);
        return new PerceptronExample(d, 1.3, -0.4);
    }

    @Test
    void hessianEqualsTheMaskedNetworksHessianUnderTheRelabelling() {
        PerceptronExample ex = example(5, 12, 51);
        DenseNetwork net = ex.network();
        NetworkCost cost = NetworkCost.of(net, ex.data(), RunContext.of(0, 1));
        double[][] hn = cost.denseHessian(new double[net.parameterCount()]);
        double[][] h = ex.hessian();
        for (int k = 0; k < net.parameterCount(); k++) {
            for (int l = 0; l < net.parameterCount(); l++) {
                assertThat(hn[k][l]).isCloseTo(h[ex.paperIndex(net, k)][ex.paperIndex(net, l)], within(1e-10));
            }
        }
    }

    @Test
    void equationFourteenReproducesTheCostExactly() {
        PerceptronExample ex = example(6, 9, 52);
        double[] k = ex.bondCouplings();
        double[] star = ex.shift();
        int n = ex.dimension();
        for (long s = 0; s < 5; s++) {
            double[] w = TestNets.weights(n, 2, 60 + s);
            double eq14 = ex.equationFourteen(w);
            assertThat(eq14).isCloseTo(ex.energy(w), within(1e-9 * ex.energy(w)));
        }
        // only intra-site bonds couple
        for (int i = 0; i < ex.sites(); i++) {
            assertThat(k[2 * i + 1]).isZero();
        }
        // the shift is a stationary point
        double[] g = new double[n];
        ex.energyAndGradient(star, g);
        for (double v : g) {
            assertThat(v).isCloseTo(0, within(1e-9));
        }
    }

    @Test
    void simulatedModeFrequenciesAndDampingMatchThePredictionWithinOnePercent() {
        PerceptronExample ex = example(4, 10, 53);
        double w2min = ex.modes().omega2()[0];
        double gamma = Math.sqrt(w2min); // every mode underdamped
        ModeSimulation.Result r = ModeSimulation.run(ex, gamma, 0.02, 6, RandomStreams.root(54).generator());
        for (ModeSimulation.Mode m : r.modes()) {
            assertThat(m.underdamped()).isTrue();
        }
        assertThat(r.maxFrequencyError()).isLessThan(0.01);
        assertThat(r.maxDampingError()).isLessThan(0.01);
    }

    @Test
    void translationInvariantDataHaveFlatBandsUnlikeTheContinuum() {
        Dataset base = TestNets.data(3, 6, 6, 55);
        PerceptronExample ex = new PerceptronExample(PerceptronExample.translationInvariant(base), 1, 0);
        PerceptronExample.Dispersion d = ex.dispersion(61);
        assertThat(d.couplingBondFraction()).isEqualTo(0.5);
        assertThat(d.exactBandCurvature()).isCloseTo(0, within(1e-9 * Math.abs(d.meanJ())));
        // the two exact bands are J and J + 2 K_intra with K_intra = 2 meanK
        double[] w2 = ex.modes().omega2();
        assertThat(w2[0]).isCloseTo(Math.min(d.meanJ(), d.meanJ() + 4 * d.meanK()), within(1e-9 * Math.abs(w2[w2.length - 1])));
        assertThat(w2[w2.length - 1]).isCloseTo(Math.max(d.meanJ(), d.meanJ() + 4 * d.meanK()), within(1e-9 * Math.abs(w2[w2.length - 1])));
    }

    /**
     * The corrected continuum limit of Eq. 14 (evidence of the "disagrees" verdict on Eqs. 15-17): a periodic chain
     * with alternating bonds K_a, K_b has long-wavelength modes omega^2 = K_eff k^2 with K_eff the harmonic mean
     * 2 K_a K_b/(K_a + K_b), not the arithmetic mean that K_i -> K(x) suggests (dense eigenvalues of the lattice
     * Hessian); Example 1 has K_b = 0 on every odd bond, hence K_eff = 0 and no k^2 term at all.
     */
    @Test
    void longWavelengthStiffnessIsTheHarmonicMeanOfTheBonds() {
        int n = 128;
        double[] k = new double[n];
        for (int a = 0; a < n; a++) {
            k[a] = a % 2 == 0 ? 2.0 : 0.5;
        }
        double[][] h = new double[n][n];
        for (int a = 0; a < n; a++) {
            int b = (a + 1) % n;
            h[a][a] += k[a];
            h[b][b] += k[a];
            h[a][b] -= k[a];
            h[b][a] -= k[a];
        }
        double[] e = HessianTest.eigenvalues(h);
        double q = 2 * Math.PI / n;
        double stiffness = e[1] / (q * q); // e[0] = 0: the uniform shift
        assertThat(PerceptronExample.longWavelengthStiffness(k)).isCloseTo(0.8, within(1e-12));
        assertThat(stiffness).isCloseTo(0.8, within(0.01 * 0.8));
        assertThat(Math.abs(stiffness - 1.25)).isGreaterThan(0.4); // the arithmetic mean is wrong
        PerceptronExample ex = example(6, 9, 81);
        assertThat(PerceptronExample.longWavelengthStiffness(ex.bondCouplings())).isZero();
    }
}
