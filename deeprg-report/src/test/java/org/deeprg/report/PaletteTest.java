package org.deeprg.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.util.List;
import org.deeprg.result.Figure;
import org.deeprg.result.Series;
import org.junit.jupiter.api.Test;

class PaletteTest {

    @Test
    void colourDifferenceHasItsScale() {
        assertThat(Palette.deltaE(Color.BLACK, Color.WHITE)).isCloseTo(100, org.assertj.core.data.Offset.offset(0.5));
        assertThat(Palette.deltaE(Color.RED, Color.RED)).isZero();
    }

    /** Beyond seven series (where XChart's default set repeats near-identical yellows) every colour stays distinct and readable. */
    @Test
    void twentyFourColoursAreDistinctAndReadableOnWhite() {
        List<Color> c = Palette.colours(24);
        assertThat(c).hasSize(24).doesNotHaveDuplicates();
        double min = Double.MAX_VALUE;
        for (int i = 0; i < c.size(); i++) {
            for (int j = 0; j < i; j++) {
                min = Math.min(min, Palette.deltaE(c.get(i), c.get(j)));
            }
            assertThat(Palette.deltaE(c.get(i), Color.WHITE)).as("colour %d against white", i).isGreaterThan(25);
        }
        assertThat(min).as("smallest CIELAB difference between two of 24 colours").isGreaterThan(20);
        // the first ones do not change when more are asked for
        assertThat(Palette.colours(3)).isEqualTo(c.subList(0, 3));
    }

    @Test
    void aFitTakesTheColourOfItsDataAndDataSeriesDiffer() {
        double[] x = {1, 2, 3};
        List<Series> s = List.of(Series.markers("layer 1", x, x), Series.markers("layer 2", x, x),
                Series.line("layer 2 fit", x, x).fitOf("layer 2"), Series.line("layer 1 fit", x, x).fitOf("layer 1"),
                Series.markers("layer 3", x, x));
        List<Color> c = Palette.assign(s);
        assertThat(c.get(2)).isEqualTo(c.get(1));
        assertThat(c.get(3)).isEqualTo(c.get(0));
        assertThat(List.of(c.get(0), c.get(1), c.get(4))).doesNotHaveDuplicates();
        // the fit does not use up a colour: the third data series gets the third colour
        assertThat(c.get(4)).isEqualTo(Palette.colours(3).get(2));
    }

    @Test
    void aFitOfAMissingSeriesIsRefused() {
        double[] x = {1, 2};
        assertThatThrownBy(() -> Figure.of("f", "t", "x", "y", "c", Series.markers("data", x, x),
                Series.line("fit", x, x).fitOf("dta"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dta");
        assertThatThrownBy(() -> Palette.assign(List.of(Series.line("fit", x, x).fitOf("data"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Series.line("a", x, x).fitOf("a")).isInstanceOf(IllegalArgumentException.class);
    }
}
