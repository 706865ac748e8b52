package org.deeprg.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.deeprg.InvalidInputException;
import org.deeprg.random.RandomStreams;
import org.hipparchus.optim.linear.LinearConstraint;
import org.hipparchus.optim.linear.LinearConstraintSet;
import org.hipparchus.optim.linear.LinearObjectiveFunction;
import org.hipparchus.optim.linear.NonNegativeConstraint;
import org.hipparchus.optim.linear.Relationship;
import org.hipparchus.optim.linear.SimplexSolver;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.junit.jupiter.api.Test;

/**
 * {@link DipTest} against an independent brute-force computation of the dip, the bounds of the statistic, known
 * unimodal and bimodal samples, and the calibration of its p-value under the uniform null.
 */
class DipTestTest {

    /**
     * Brute force: the dip as the minimum, over the position k of the steepest interval, of a linear programme over
     * all unimodal distribution functions G that are piecewise linear between the (distinct, sorted) data points:
     * variables G_1..G_n and t, minimise t subject to |G_i - i/n| <= t and |G_i - (i-1)/n| <= t (F_n at and just
     * below x_i), slopes s_i = (G_{i+1} - G_i)/(x_{i+1} - x_i) >= 0, non-decreasing up to interval k and
     * non-increasing from it (G convex left of the mode, concave right of it), 0 <= G <= 1. The piecewise-linear
     * interpolant of any unimodal G at the data points has a unimodal slope sequence and the same distance to F_n, so
     * the minimum over this family is the dip. The simplex method shares nothing with Hartigan's algorithm.
     */
    static double bruteForceDip(double[] sorted) {
        int n = sorted.length;
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k < n - 1; k++) {
            int vars = n + 1; // G_0..G_{n-1}, t
            List<LinearConstraint> cons = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                for (double f : new double[] {(i + 1) / (double) n, i / (double) n}) {
                    double[] a = new double[vars];
                    a[i] = 1;
                    a[n] = -1;
                    cons.add(new LinearConstraint(a, Relationship.LEQ, f)); // G_i - t <= f
                    double[] b = new double[vars];
                    b[i] = 1;
                    b[n] = 1;
                    cons.add(new LinearConstraint(b, Relationship.GEQ, f)); // G_i + t >= f
                }
                double[] c = new double[vars];
                c[i] = 1;
                cons.add(new LinearConstraint(c, Relationship.LEQ, 1));
            }
            for (int i = 0; i < n - 1; i++) {
                double[] s = new double[vars];
                s[i + 1] = 1;
                s[i] = -1;
                cons.add(new LinearConstraint(s, Relationship.GEQ, 0));
            }
            for (int i = 0; i + 2 < n; i++) {
                // slope of interval i vs interval i+1
                double h0 = sorted[i + 1] - sorted[i];
                double h1 = sorted[i + 2] - sorted[i + 1];
                double[] a = new double[vars];
                // h0 h1 (s_{i+1} - s_i) = h0 (G_{i+2} - G_{i+1}) - h1 (G_{i+1} - G_i), scaled by 1/max(h0, h1) (coefficients of
                // order one: the simplex method returns infeasible points when 1/h spans several decades)
                double m = Math.max(h0, h1);
                a[i + 2] += h0 / m;
                a[i + 1] -= h0 / m;
                a[i + 1] -= h1 / m;
                a[i] += h1 / m;
                cons.add(new LinearConstraint(a, i + 1 <= k ? Relationship.GEQ : Relationship.LEQ, 0));
            }
            double[] objective = new double[vars];
            objective[n] = 1;
            var solution = new SimplexSolver(1e-6, 10, 1e-10).optimize(new LinearObjectiveFunction(objective, 0),
                    new LinearConstraintSet(cons), GoalType.MINIMIZE, new NonNegativeConstraint(true));
            double[] g = solution.getPoint();
            for (LinearConstraint c : cons) { // the optimum must be feasible (guards against the solver's rounding)
                double lhs = 0;
                for (int j = 0; j < vars; j++) {
                    lhs += c.getCoefficients().getEntry(j) * g[j];
                }
                double slack = c.getRelationship() == Relationship.LEQ ? c.getValue() - lhs : lhs - c.getValue();
                assertThat(slack).as("constraint of the brute-force programme").isGreaterThan(-1e-9);
            }
            best = Math.min(best, solution.getValue());
        }
        return best;
    }

    private static double[] sample(UniformRandomProvider r, int n, int shape) {
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(r);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = switch (shape) {
                case 0 -> r.nextDouble();
                case 1 -> g.sample();
                case 2 -> (i % 2 == 0 ? -3 : 3) + g.sample();
                case 3 -> Math.exp(2 * g.sample());
                default -> (i % 3 == 0 ? -4 : i % 3 == 1 ? 0 : 5) + 0.5 * g.sample();
            };
        }
        Arrays.sort(x);
        return x;
    }

    @Test
    void dipEqualsTheBruteForceMinimumOverUnimodalDistributionFunctions() {
        UniformRandomProvider r = RandomStreams.root(11).generator();
        int checked = 0;
        for (int n = 3; n <= 11; n++) {
            for (int shape = 0; shape < 5; shape++) {
                for (int rep = 0; rep < 3; rep++) {
                    double[] x = sample(r, n, shape);
                    double brute = bruteForceDip(x);
                    double fast = DipTest.dip(x);
                    assertThat(fast).as("n = %d, shape %d, x = %s", n, shape, Arrays.toString(x)).isCloseTo(brute, within(1e-9));
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(9 * 5 * 3);
    }

    @Test
    void handPickedSamples() {
        // two tight clusters of equal size: F_n rises by 1/2 twice; a unimodal G cannot follow both rises: close to 1/4
        double[] twoClusters = {0, 0.001, 0.002, 0.003, 10, 10.001, 10.002, 10.003};
        assertThat(DipTest.dip(twoClusters)).isCloseTo(bruteForceDip(twoClusters), within(1e-12));
        assertThat(DipTest.dip(twoClusters)).isGreaterThan(0.18);
        // evenly spaced points (a uniform sample): the minimum 1/(2n)
        double[] even = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(DipTest.dip(even)).isCloseTo(1 / 20.0, within(1e-15));
        // all values equal, and a single value: the minimum 1/(2n)
        assertThat(DipTest.dip(new double[] {2, 2, 2, 2})).isCloseTo(1 / 8.0, within(1e-15));
        assertThat(DipTest.dip(new double[] {7})).isCloseTo(0.5, within(1e-15));
        // order does not matter
        double[] shuffled = {10.002, 0, 10, 0.003, 0.001, 10.003, 0.002, 10.001};
        assertThat(DipTest.dip(shuffled)).isEqualTo(DipTest.dip(twoClusters));
    }

    @Test
    void dipLiesBetweenOneOverTwoNAndOneQuarterAndGrowsWithSeparation() {
        UniformRandomProvider r = RandomStreams.root(3).generator();
        for (int shape = 0; shape < 5; shape++) {
            double[] x = sample(r, 500, shape);
            double d = DipTest.dip(x);
            assertThat(d).isBetween(1 / 1000.0 - 1e-15, 0.25 + 1e-15);
        }
        double previous = 0;
        for (double separation : new double[] {0, 2, 4, 8}) {
            ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(RandomStreams.root(5).generator());
            double[] x = new double[2000];
            for (int i = 0; i < x.length; i++) {
                x[i] = (i % 2 == 0 ? 0 : separation) + g.sample();
            }
            double d = DipTest.dip(x);
            assertThat(d).as("separation %s", separation).isGreaterThanOrEqualTo(previous);
            previous = d;
        }
        assertThat(previous).as("two unit normals 8 apart: about 1/8").isBetween(0.11, 0.14);
    }

    @Test
    void bimodalSamplesAreRejectedAndUnimodalOnesAreNot() {
        RandomStreams s = RandomStreams.root(17);
        UniformRandomProvider r = s.split("data").generator();
        DipTest.Result bimodal = DipTest.test(sample(r, 200, 2), 500, s.split("p1"));
        assertThat(bimodal.pValue()).isLessThan(0.01);
        assertThat(bimodal.rejectsUnimodality(0.05)).isTrue();
        DipTest.Result trimodal = DipTest.test(sample(r, 300, 4), 500, s.split("p2"));
        assertThat(trimodal.pValue()).isLessThan(0.01);
        DipTest.Result normal = DipTest.test(sample(r, 200, 1), 500, s.split("p3"));
        assertThat(normal.pValue()).isGreaterThan(0.1);
        DipTest.Result lognormal = DipTest.test(sample(r, 200, 3), 500, s.split("p4"));
        assertThat(lognormal.pValue()).as("a skewed but unimodal sample").isGreaterThan(0.1);
        // the modal interval of the bimodal sample lies between its modes' outer quartiles
        assertThat(bimodal.modalLow()).isLessThan(bimodal.modalHigh());
    }

    @Test
    void pValueIsCalibratedUnderTheUniformNull() {
        // under the null, P(p <= 0.1) = 0.1 up to the Monte Carlo discreteness; 400 tests: stderr 0.015, tolerance 3.5 stderr
        RandomStreams s = RandomStreams.root(23);
        int tests = 400;
        int rejected = 0;
        for (int k = 0; k < tests; k++) {
            UniformRandomProvider r = s.split("data").split(k).generator();
            double[] x = new double[60];
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextDouble();
            }
            if (DipTest.test(x, 199, s.split("p").split(k)).pValue() <= 0.1) {
                rejected++;
            }
        }
        double rate = rejected / (double) tests;
        assertThat(rate).isCloseTo(0.1, within(3.5 * Math.sqrt(0.1 * 0.9 / tests)));
    }

    @Test
    void sameStreamSamePValueAndBadInputIsRefused() {
        double[] x = sample(RandomStreams.root(1).generator(), 50, 2);
        assertThat(DipTest.test(x, 100, RandomStreams.root(9))).isEqualTo(DipTest.test(x, 100, RandomStreams.root(9)));
        assertThatThrownBy(() -> DipTest.test(new double[] {1, 2, 3}, 10, RandomStreams.root(1)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> DipTest.dip(new double[] {1, Double.NaN}))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> DipTest.test(x, 0, RandomStreams.root(1))).isInstanceOf(InvalidInputException.class);
    }
}
