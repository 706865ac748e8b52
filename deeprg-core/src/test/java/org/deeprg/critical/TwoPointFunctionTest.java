package org.deeprg.critical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.deeprg.InvalidInputException;
import org.deeprg.run.RunContext;
import org.deeprg.testing.Reproducibility;
import org.junit.jupiter.api.Test;

class TwoPointFunctionTest {
    private static final RunContext CONTEXT = Reproducibility.context();

    @Test
    void equation64AsPrintedHasTheInverseDecayLength() {
        // r = 4, g = 1: the Fourier transform of 1/(r + g q^2) decays over sqrt(g/r) = 0.5; Eq. 64 as printed,
        // exp(-x sqrt(g/r)), decays over sqrt(r/g) = 2. Second route: the continuum closed forms
        // C = exp(-|x|/xi) / (2 sqrt(r g)) (d = 1) and exp(-|x|/xi) / (4 pi g |x|) (d = 3).
        double r = 4;
        double g = 1;
        double xi = Math.sqrt(g / r);
        TwoPointResult one = TwoPointFunction.run(TwoPointSpec.of(1, r, g), CONTEXT);
        TwoPointResult three = TwoPointFunction.run(TwoPointSpec.of(3, r, g), CONTEXT);
        for (TwoPointResult res : new TwoPointResult[] {one, three}) {
            assertThat(res.correlationLength()).isCloseTo(xi, within(0.01 * xi)).isNotCloseTo(Math.sqrt(r / g),
                    within(1.0));
            for (int i = 1; i < res.distance().length; i++) {
                double x = res.distance()[i];
                if (x < 2 * xi || x > 4 * xi) {
                    continue;
                }
                double exact = res.dimension() == 1 ? Math.exp(-x / xi) / (2 * Math.sqrt(r * g))
                        : Math.exp(-x / xi) / (4 * Math.PI * g * x);
                // lattice spacing xi/16 (d = 1) and xi/4 (d = 3): O(a^2) lattice corrections of the decay rate
                assertThat(res.correlation()[i]).isCloseTo(exact, within((res.dimension() == 1 ? 0.01 : 0.15) * exact));
            }
        }
    }

    @Test
    void theRecursionR2Equals4RShortensTheCorrelationLengthByB() {
        // Eq. 21 with b = 2: r' = 4 r, g' = g. Lengths shrink by b under the RG step: xi' = xi / b
        TwoPointResult before = TwoPointFunction.run(TwoPointSpec.of(1, 0.25, 1), CONTEXT);
        TwoPointResult after = TwoPointFunction.run(TwoPointSpec.of(1, 1.0, 1), CONTEXT);
        assertThat(before.correlationLength() / after.correlationLength()).isCloseTo(2, within(1e-3));
    }

    @Test
    void offCriticalCorrelationLengthIsSqrtOfGOverRWithinFivePercent() {
        for (int d = 1; d <= 3; d++) {
            for (double[] rg : new double[][] {{0.25, 1.0}, {0.02, 2.0}}) {
                TwoPointResult res = TwoPointFunction.run(TwoPointSpec.of(d, rg[0], rg[1]), CONTEXT);
                double xi = Math.sqrt(rg[1] / rg[0]);
                assertThat(res.correlationLengthTheory()).isEqualTo(xi);
                assertThat(res.correlationLength()).as("d=%d r=%s", d, rg[0]).isCloseTo(xi, within(0.05 * xi));
                assertThat(res.decayExponent()).isNull();
            }
        }
    }

    @Test
    void criticalDecayExponentIsDMinusTwoWithinFivePercent() {
        for (int d = 1; d <= 3; d++) {
            TwoPointResult res = TwoPointFunction.run(TwoPointSpec.of(d, 0, 1.5), CONTEXT);
            assertThat(res.decayExponentTheory()).isEqualTo(d - 2.0);
            // 5% of d - 2, or 0.05 absolute for d = 2 where d - 2 = 0 (the logarithm)
            assertThat(res.decayExponent()).as("d=%d", d).isCloseTo(d - 2.0, within(0.05 * Math.max(1, Math.abs(d - 2))));
            assertThat(res.amplitude()).isCloseTo(res.amplitudeTheory(), within(0.05 * res.amplitudeTheory()));
            assertThat(res.correlationLength()).isNull();
        }
    }

    @Test
    void oneDimensionalLatticeSumEqualsTheClosedFormOfTheLatticePropagator() {
        // 1d lattice: C(n) = sum over images of a e^{-m a |n|} / (2 g sinh(m a)) / a ... checked against direct sum
        int l = 64;
        double a = 0.5;
        double r = 0.3;
        double g = 1.2;
        double[] c = TwoPointFunction.alongAxis(1, l, a, r, g);
        for (int n = 0; n <= l / 2; n += 5) {
            double direct = 0;
            for (int k = 0; k < l; k++) {
                double q2 = 4 * Math.pow(Math.sin(Math.PI * k / l), 2) / (a * a);
                direct += Math.cos(2 * Math.PI * k * n / l) / (r + g * q2);
            }
            direct /= l * a;
            assertThat(c[n]).isCloseTo(direct, within(1e-12));
        }
    }

    @Test
    void refusesBadInput() {
        assertThatThrownBy(() -> TwoPointSpec.of(4, 1, 1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> TwoPointSpec.of(2, -1, 1)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> TwoPointSpec.of(2, 1, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new TwoPointSpec(3, 1, 1, 4096, 0)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("lattice sites");
        assertThatThrownBy(() -> TwoPointFunction.run(new TwoPointSpec(1, 1, 1, 16, 1), CONTEXT))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("fit window");
    }
}
