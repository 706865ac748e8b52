package org.deeprg.sft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.deeprg.net.Dataset;
import org.deeprg.net.DenseNetwork;
import org.deeprg.net.NetworkCost;
import org.deeprg.run.RunContext;
import org.junit.jupiter.api.Test;

/** Example 2 (Eqs. 18-19, Table II): the continuum expansion against the lattice network, the mass-term claim. */
class HiddenLayerExampleTest {
    static final double P = 0.7;
    static final double Q = -1.1;
    static final double R = 0.6;

    static double w1(double x, int d) {
        double k = 2 * Math.PI;
        return switch (d) {
            case 0 -> 0.3 + 0.5 * Math.sin(k * x);
            case 1 -> 0.5 * k * Math.cos(k * x);
            default -> -0.5 * k * k * Math.sin(k * x);
        };
    }

    static double w2(double x, int d) {
        double k = 2 * Math.PI;
        return switch (d) {
            case 0 -> -0.2 + 0.4 * Math.cos(k * x) + 0.1 * Math.sin(2 * k * x);
            case 1 -> -0.4 * k * Math.sin(k * x) + 0.2 * k * Math.cos(2 * k * x);
            default -> -0.4 * k * k * Math.cos(k * x) - 0.4 * k * k * Math.sin(2 * k * x);
        };
    }

    static double dataX(int l, double x, int d) {
        double k = 2 * Math.PI;
        double ph = 0.7 * l;
        return switch (d) {
            case 0 -> 0.5 + Math.sin(k * x + ph);
            case 1 -> k * Math.cos(k * x + ph);
            default -> -k * k * Math.sin(k * x + ph);
        };
    }

    static double dataY(int l, double x) {
        return -0.3 + Math.cos(2 * Math.PI * x + 1.3 * l);
    }

    /** Relative errors of the constant, linear and quadratic parts (in the field amplitude) at S sites. */
    static double[] errors(int s) {
        double a = 1.0 / s;
        int examples = 2;
        double[][] xs = new double[examples][s];
        double[][] ys = new double[examples][s];
        for (int l = 0; l < examples; l++) {
            for (int i = 0; i < s; i++) {
                xs[l][i] = dataX(l, i * a, 0);
                ys[l][i] = dataY(l, i * a);
            }
        }
        HiddenLayerExample ex = new HiddenLayerExample(Dataset.of(xs, ys), P, Q, R);
        DenseNetwork net = ex.network();
        NetworkCost cost = NetworkCost.of(net, ex.data(), RunContext.of(0, 1));
        double[] w = new double[net.parameterCount()];
        for (int k = 0; k < w.length; k++) {
            double x = (ex.paperIndex(net, k) - 1) * a / 4;
            w[k] = ex.field(net, k) == 1 ? w1(x, 0) : w2(x, 0);
        }
        double eps = 1e-3;
        double[] lattice = parts(e -> cost.energy(scale(w, e)), eps);
        List<HiddenLayerExample.ContinuumTerm> terms = HiddenLayerExample.continuumTerms();
        double[] cont = parts(e -> {
            double sum = 0;
            for (int i = 0; i < s; i++) {
                double x = i * a;
                double[] f = {e * w1(x, 0), e * w1(x, 1), e * w1(x, 2), e * w2(x, 0), e * w2(x, 1), e * w2(x, 2)};
                double[][] dj = new double[examples][];
                for (int l = 0; l < examples; l++) {
                    dj[l] = new double[] {dataX(l, x, 0), dataX(l, x, 1), dataX(l, x, 2), dataY(l, x)};
                }
                sum += ex.siteShare(terms, f, dj, a);
            }
            return sum;
        }, eps);
        return new double[] {Math.abs(lattice[0] - cont[0]) / Math.abs(lattice[0]), Math.abs(lattice[1] - cont[1]) / Math.abs(lattice[1]),
                Math.abs(lattice[2] - cont[2]) / Math.abs(lattice[2])};
    }

    static double[] scale(double[] w, double e) {
        double[] o = w.clone();
        for (int k = 0; k < o.length; k++) {
            o[k] *= e;
        }
        return o;
    }

    static double[] parts(java.util.function.DoubleUnaryOperator c, double eps) {
        double c0 = c.applyAsDouble(0);
        double cp = c.applyAsDouble(eps);
        double cm = c.applyAsDouble(-eps);
        double cp2 = c.applyAsDouble(2 * eps);
        double cm2 = c.applyAsDouble(-2 * eps);
        // fourth-order central differences: cubic and quartic terms drop out
        return new double[] {c0, (8 * (cp - cm) - (cp2 - cm2)) / (12 * eps),
                (-cp2 + 16 * cp - 30 * c0 + 16 * cm - cm2) / (12 * eps * eps) / 2};
    }

    @Test
    void continuumExpansionConvergesToTheLatticeCost() {
        double[] coarse = errors(24);
        double[] fine = errors(48);
        assertThat(coarse[0]).isLessThan(1e-12); // no derivatives in the constant: exact
        for (int part = 1; part <= 2; part++) {
            assertThat(fine[part]).as("part %d", part).isLessThan(coarse[part] / 3.5); // O(a^2) or better
            assertThat(fine[part]).isLessThan(5e-3);
        }
    }

    @Test
    void massTermOnlyForTheLastLayerAroundZeroWeights() {
        List<HiddenLayerExample.ContinuumTerm> terms = HiddenLayerExample.continuumTerms();
        assertThat(HiddenLayerExample.coefficientOf(terms, new int[] {0, 0})).isEmpty();
        assertThat(HiddenLayerExample.describe(HiddenLayerExample.coefficientOf(terms, new int[] {3, 3}))).isEqualTo("4 r^2 a^-1 N_l");
        Dataset d = TestNets.data(7, 5, 5, 71);
        HiddenLayerExample ex = new HiddenLayerExample(d, P, Q, R);
        DenseNetwork net = ex.network();
        NetworkCost cost = NetworkCost.of(net, d, RunContext.of(0, 1));
        double[][] h = cost.denseHessian(new double[net.parameterCount()]);
        double[][] hShifted = cost.denseHessian(TestNets.weights(net.parameterCount(), 0.5, 72));
        boolean w1MassAway = false;
        for (int k = 0; k < h.length; k++) {
            if (ex.field(net, k) == 1) {
                assertThat(h[k][k]).isZero();
                w1MassAway |= Math.abs(hShifted[k][k]) > 1e-6;
            } else {
                assertThat(h[k][k]).isCloseTo(2 * 7 * R * R, within(1e-12)); // 2 N_l r^2: the lattice mass
            }
        }
        assertThat(w1MassAway).as("w1 acquires a mass term around nonzero weights").isTrue();
    }

    @Test
    void tableTwoMagnitudesFollowTheInferredConventionAndSignsOfYOddTermsAreOpposite() {
        List<HiddenLayerExample.ContinuumTerm> terms = HiddenLayerExample.continuumTerms();
        assertThat(terms).hasSize(11); // the eleven entries of Eq. 19, nothing else
        for (HiddenLayerExample.TableEntry e : HiddenLayerExample.tableII()) {
            var mine = HiddenLayerExample.toInferredPaperConvention(HiddenLayerExample.coefficientOf(terms, e.fieldMonomial()));
            boolean yOdd = e.paper().get(0).dataMonomial().length > 0
                    && java.util.Arrays.stream(e.paper().get(0).dataMonomial()).filter(v -> v == 9).count() == 1;
            assertThat(HiddenLayerExample.compare(mine, e.paper())).as(e.name())
                    .isEqualTo(yOdd ? HiddenLayerExample.Match.OPPOSITE_SIGN : HiddenLayerExample.Match.EQUAL);
        }
    }
}
