package org.deeprg.sft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.deeprg.InvalidInputException;
import org.deeprg.sft.algebra.CostExpansion;
import org.deeprg.sft.algebra.Polynomial;
import org.deeprg.net.Activation;
import org.deeprg.net.DenseNetwork;
import org.deeprg.net.NetworkCost;
import org.deeprg.run.RunContext;
import org.junit.jupiter.api.Test;

/** Sources J1..J4 of Eq. 11 against finite differences and exact re-evaluation of the polynomial. */
class CostExpansionTest {

    @Test
    void polynomialActivationJ1AndJ2MatchFiniteDifferences() {
        DenseNetwork net = TestNets.quadraticNet();
        NetworkCost cost = TestNets.cost(net, 5, 1);
        double[] w0 = TestNets.weights(net.parameterCount(), 0.6, 2);
        CostExpansion e = CostExpansion.of(net, cost.data(), w0, 2);
        assertThat(e.constant()).isCloseTo(cost.energy(w0), within(1e-11));
        double[] fd = TestNets.fdGradient(cost, w0, 1e-5);
        double[] j1 = e.j1();
        for (int k = 0; k < j1.length; k++) {
            assertThat(j1[k]).isCloseTo(fd[k], within(1e-6));
        }
        double[][] h = TestNets.fdHessian(cost, w0, 1e-5);
        double[][] j2 = e.j2();
        for (int a = 0; a < j2.length; a++) {
            for (int b = 0; b < j2.length; b++) {
                assertThat(2 * j2[a][b]).as("J2[%d][%d]", a, b).isCloseTo(h[a][b], within(1e-6));
            }
        }
    }

    @Test
    void polynomialCostIsExactAtDegreeFourForLinearActivations() {
        // one hidden linear layer: Z is quadratic in the weights, C is exactly quartic
        DenseNetwork net = DenseNetwork.dense(new int[] {2, 2, 1}, Activation.Polynomial.linear(1.3, 0.1), Activation.Polynomial.linear(0.8, -0.2), true);
        NetworkCost cost = TestNets.cost(net, 4, 3);
        double[] w0 = TestNets.weights(net.parameterCount(), 0.5, 4);
        CostExpansion e = CostExpansion.of(net, cost.data(), w0, 4);
        Polynomial p = e.polynomial();
        for (long s = 10; s < 15; s++) {
            double[] d = TestNets.weights(net.parameterCount(), 1.5, s);
            double[] w = w0.clone();
            for (int k = 0; k < w.length; k++) {
                w[k] += d[k];
            }
            assertThat(p.evaluate(d)).isCloseTo(cost.energy(w), within(1e-9 * Math.max(1, cost.energy(w))));
        }
    }

    @Test
    void taylorModeAdForTanhGivesThirdAndFourthDerivatives() {
        DenseNetwork net = DenseNetwork.dense(new int[] {2, 2, 1}, Activation.TANH, Activation.LINEAR, false);
        NetworkCost cost = TestNets.cost(net, 3, 5);
        double[] w0 = TestNets.weights(net.parameterCount(), 0.8, 6);
        CostExpansion e = CostExpansion.of(net, cost.data(), w0, 4);
        // along a line W0 + s d the expansion gives C(s) = sum_n s^n J_n[d,..,d]; compare with finite differences in s
        double[] d = TestNets.weights(net.parameterCount(), 1, 7);
        double[] c = new double[5];
        for (int n = 0; n <= 4; n++) {
            for (CostExpansion.Term t : n == 0 ? List.<CostExpansion.Term>of() : e.source(n)) {
                double v = t.coefficient();
                for (int i : t.indices()) {
                    v *= d[i];
                }
                c[n] += v;
            }
        }
        c[0] = e.constant();
        double hs = 0.02;
        double[] f = new double[5];
        for (int k = -2; k <= 2; k++) {
            double[] w = w0.clone();
            for (int i = 0; i < w.length; i++) {
                w[i] += k * hs * d[i];
            }
            f[k + 2] = cost.energy(w);
        }
        double third = (f[4] - 2 * f[3] + 2 * f[1] - f[0]) / (2 * hs * hs * hs) / 6;
        double fourth = (f[4] - 4 * f[3] + 6 * f[2] - 4 * f[1] + f[0]) / (hs * hs * hs * hs) / 24;
        assertThat(c[3]).isCloseTo(third, within(2e-3 * Math.max(1, Math.abs(third))));
        assertThat(c[4]).isCloseTo(fourth, within(2e-2 * Math.max(1, Math.abs(fourth))));
    }

    @Test
    void tensorEntriesDivideByOrderings() {
        assertThat(new CostExpansion.Term(new int[] {1, 2, 3}, 6).tensorEntry()).isEqualTo(1.0);
        assertThat(new CostExpansion.Term(new int[] {1, 1, 3}, 6).tensorEntry()).isEqualTo(2.0);
        assertThat(new CostExpansion.Term(new int[] {2, 2}, 5).tensorEntry()).isEqualTo(5.0);
        assertThat(new CostExpansion.Term(new int[] {1, 2}, 5).tensorEntry()).isEqualTo(2.5);
    }

    @Test
    void refusesHugeExpansions() {
        DenseNetwork net = DenseNetwork.dense(new int[] {30, 30, 5}, Activation.TANH, Activation.LINEAR, true);
        assertThatThrownBy(() -> CostExpansion.of(net, TestNets.data(100, 30, 5, 1), new double[net.parameterCount()], 4))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("parameters");
    }
}
