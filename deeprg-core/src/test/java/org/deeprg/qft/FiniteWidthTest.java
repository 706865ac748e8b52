package org.deeprg.qft;

import org.deeprg.net.Activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class FiniteWidthTest {
    private static final double[][] PTS = {{-0.3}, {0.2}, {0.7}};

    @Test
    void widthIndependentPartIsWicksTheorem() {
        for (Activation a : new Activation[] {Activation.GAUSS, Activation.ERF, Activation.RELU, Activation.TANH}) {
            NetworkSpec spec = NetworkSpec.oneLayer(1, 1, a, 1.3, 0.6);
            FiniteWidth fw = new FiniteWidth(spec, PTS);
            double[][] k = Kernel.matrix(spec, PTS);
            int[][] cases = a == Activation.TANH ? new int[][] {{0, 1}, {0, 1, 1, 2}} : new int[][] {{0, 1}, {0, 1, 1, 2}, {0, 0, 1, 2, 2, 2}};
            for (int[] ms : cases) {
                double c0 = fw.coefficients(ms)[0];
                assertThat(c0).as("%s %s", a, java.util.Arrays.toString(ms)).isCloseTo(Wick.gaussianValue(ms, k), within(1e-9 * Math.abs(c0)));
            }
        }
    }

    /** Width 1 by hand: f = b1 + W1 g, so E[f^4] = 3 sb^4 + 6 sb^2 sw^2 M2 + 3 sw^4 M4 and E[f^6] likewise. */
    @Test
    void widthOneMatchesDirectExpansion() {
        NetworkSpec spec = NetworkSpec.oneLayer(1, 1, Activation.GAUSS, 1.3, 0.6);
        FiniteWidth fw = new FiniteWidth(spec, PTS);
        double sb2 = 0.36;
        double sw2 = 1.69;
        double[] x = PTS[1];
        double m2 = GaussianExpectations.productMoment(spec, new double[][] {x, x});
        double m4 = GaussianExpectations.productMoment(spec, new double[][] {x, x, x, x});
        double m6 = GaussianExpectations.productMoment(spec, new double[][] {x, x, x, x, x, x});
        double g4 = 3 * sb2 * sb2 + 6 * sb2 * sw2 * m2 + 3 * sw2 * sw2 * m4;
        // E[(b + h)^6] = 15 sb^6 + 15 * 3 sb^4 E[h^2] + 15 * sb^2 E[h^4] + E[h^6], E[h^k] = (k-1)!! sw^k M_k
        double g6 = 15 * sb2 * sb2 * sb2 + 15 * 3 * sb2 * sb2 * sw2 * m2 + 15 * sb2 * 3 * sw2 * sw2 * m4 + 15 * sw2 * sw2 * sw2 * m6;
        assertThat(fw.value(new int[] {1, 1, 1, 1}, 1)).isCloseTo(g4, within(1e-12 * g4));
        assertThat(fw.value(new int[] {1, 1, 1, 1, 1, 1}, 1)).isCloseTo(g6, within(1e-12 * g6));
    }

    @Test
    void fourPointHasOnlyAOneOverNTermAndSixPointUpToOneOverNSquared() {
        FiniteWidth fw = new FiniteWidth(NetworkSpec.oneLayer(1, 1, Activation.ERF, 1.0, 1.0), PTS);
        assertThat(fw.coefficients(new int[] {0, 1, 1, 2})).hasSize(2);
        double[] c6 = fw.coefficients(new int[] {0, 0, 1, 1, 2, 2});
        assertThat(c6).hasSize(3);
        assertThat(c6[1]).isNotZero();
        assertThat(c6[2]).isNotZero();
        assertThat(FiniteWidth.evenPartitions(0b111111)).hasSize(15 + 15 + 1);
    }

    /** Connected functions of the exact moments are the cumulants: c_1/N for n = 4 and c_2/N^2 for n = 6. */
    @Test
    void connectedFunctionsOfExactMomentsAreTheCumulants() {
        NetworkSpec spec = NetworkSpec.oneLayer(1, 1, Activation.GAUSS, 1.1, 0.7);
        FiniteWidth fw = new FiniteWidth(spec, PTS);
        NPointLayout layout = new NPointLayout(3, 6);
        java.util.Map<String, Integer> slotOf = new java.util.HashMap<>();
        int width = 7;
        double[] v = new double[layout.slots()];
        for (int s = 0; s < v.length; s++) {
            slotOf.put(java.util.Arrays.toString(layout.multiset(s)), s);
            v[s] = fw.value(layout.multiset(s), width);
        }
        Ensemble.ConnectedIndex index = new Ensemble.ConnectedIndex(layout, slotOf);
        for (int s = 0; s < v.length; s++) {
            int[] ms = layout.multiset(s);
            double[] c = fw.coefficients(ms);
            if (ms.length == 4) {
                assertThat(index.connected(s, v)).isCloseTo(c[1] / width, within(1e-10 * Math.abs(v[s])));
            } else if (ms.length == 6) {
                assertThat(index.connected(s, v)).isCloseTo(c[2] / (width * width), within(1e-10 * Math.abs(v[s])));
            }
        }
    }
}
