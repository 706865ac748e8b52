package org.deeprg.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AxisTicksTest {

    private static List<String> labels(List<AxisTicks.Tick> ticks) {
        return ticks.stream().map(AxisTicks.Tick::label).toList();
    }

    @Test
    void linearLabelsAreRoundedToTheAxisResolution() {
        // the labels the issue complains about
        assertThat(AxisTicks.linearLabel(-3.141592653589793, -3.2, 3.2)).isEqualTo("−3.14");
        assertThat(AxisTicks.linearLabel(-1.82212373908208, -3.2, 3.2)).isEqualTo("−1.82");
        assertThat(AxisTicks.linearLabel(0.05, 0, 0.3)).isEqualTo("0.05");
        // binary noise of lo + k step
        assertThat(AxisTicks.linearLabel(0.30000000000000004, 0, 1)).isEqualTo("0.3");
        assertThat(AxisTicks.linearLabel(2.0000000000000004, 0, 8)).isEqualTo("2");
        assertThat(AxisTicks.linearLabel(1e-17, -1, 1)).isEqualTo("0");
        assertThat(AxisTicks.linearLabel(1500, 0, 2400)).isEqualTo("1500");
        assertThat(AxisTicks.linearLabel(-2200, -2400, 0)).isEqualTo("−2200");
        assertThat(AxisTicks.linearLabel(0.0125, 0.01, 0.02)).isEqualTo("0.0125");
    }

    @Test
    void extremeMagnitudesUseScientificNotation() {
        assertThat(AxisTicks.linearLabel(2.5e-6, 2e-6, 6e-6)).isEqualTo("2.5×10⁻⁶");
        assertThat(AxisTicks.linearLabel(250000, 0, 1e6)).isEqualTo("2.5×10⁵");
        assertThat(AxisTicks.linearLabel(-1e-4, -5e-4, 5e-4)).isEqualTo("−1×10⁻⁴");
        assertThat(AxisTicks.superscript(-12)).isEqualTo("⁻¹²");
        assertThat(AxisTicks.superscript(0)).isEqualTo("⁰");
    }

    @Test
    void logAxesLabelTheirDecades() {
        assertThat(labels(AxisTicks.logTicks(1, 1000, 10))).containsExactly("1", "10", "100", "1000");
        assertThat(labels(AxisTicks.logTicks(0.002, 3, 10))).containsExactly("0.01", "0.1", "1");
        // a decade beyond [1e-3, 1e4]: every decade as a power of ten, consistently
        assertThat(labels(AxisTicks.logTicks(5e-9, 0.2, 10)))
                .containsExactly("10⁻⁸", "10⁻⁷", "10⁻⁶", "10⁻⁵", "10⁻⁴", "10⁻³", "10⁻²", "10⁻¹");
        assertThat(labels(AxisTicks.logTicks(40, 5e5, 10))).containsExactly("10²", "10³", "10⁴", "10⁵");
    }

    @Test
    void manyDecadesAreThinnedToEveryOther() {
        List<AxisTicks.Tick> t = AxisTicks.logTicks(1e-13, 10, 8);
        assertThat(t.size()).isBetween(2, 8);
        for (AxisTicks.Tick k : t) {
            assertThat(Math.round(Math.log10(k.value())) % 2).isZero();
        }
    }

    @Test
    void narrowLogAxesGetIntermediateLabels() {
        // one decade inside: the 1-2-5 values
        assertThat(labels(AxisTicks.logTicks(2, 30, 10))).containsExactly("2", "5", "10", "20");
        // no decade and one 1-2-5 value inside: every multiple
        assertThat(labels(AxisTicks.logTicks(3, 6.5, 10))).containsExactly("3", "4", "5", "6");
        assertThat(labels(AxisTicks.logTicks(2e-5, 6e-5, 10))).containsExactly("2×10⁻⁵", "5×10⁻⁵");
        assertThat(AxisTicks.logTicks(-1, 10, 10)).isEmpty();
    }

    @Test
    void dataRangeStartsCountsAtZeroAndWidensASingleValue() {
        assertThat(AxisTicks.dataRange(0.5, 20)).containsExactly(0, 20);
        assertThat(AxisTicks.dataRange(5, 20)).containsExactly(5, 20);
        assertThat(AxisTicks.dataRange(-1, 1)).containsExactly(-1, 1);
        assertThat(AxisTicks.dataRange(2, 2)).containsExactly(1.8, 2.2);
        assertThat(AxisTicks.dataRange(0, 0)).containsExactly(-1, 1);
    }
}
