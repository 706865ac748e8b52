package org.deeprg.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeprg.result.Figure;
import org.deeprg.result.Series;
import org.junit.jupiter.api.Test;

class DegeneracyTest {

    private static Degeneracy.Check check(Figure f) {
        boolean[][] keep = new boolean[f.series().size()][];
        for (int i = 0; i < keep.length; i++) {
            Series s = f.series().get(i);
            keep[i] = new boolean[s.x().length];
            for (int j = 0; j < keep[i].length; j++) {
                keep[i][j] = Double.isFinite(s.x()[j]) && Double.isFinite(s.y()[j]);
            }
        }
        return Degeneracy.check(f, keep);
    }

    @Test
    void aSingleSpikeIsNotDrawn() {
        Figure f = Figure.of("f", "t", "x", "count", "c", Series.histogram("N = 2", new double[] {0, 1, 2, 3}, new double[] {0, 126, 0, 0}));
        Degeneracy.Check c = check(f);
        assertThat(c.drawable()).isFalse();
        assertThat(c.figure()).contains("one bin");
        // a histogram with two non-empty bins is a distribution
        Figure g = Figure.of("g", "t", "x", "count", "c", Series.histogram("N = 2", new double[] {0, 1, 2, 3}, new double[] {0, 120, 6, 0}));
        assertThat(check(g).drawable()).isTrue();
        assertThat(check(g).series()).isEmpty();
    }

    @Test
    void countsThatAreAllOneAreDegenerateButOnlyWhenDeclaredCounts() {
        double[] rank = {1, 2, 3, 4, 5};
        double[] ones = {1, 1, 1, 1, 1};
        double[] good = {9, 5, 3, 2, 1};
        Figure both = Figure.of("f", "t", "rank", "count", "c", Series.markers("layer 1", rank, ones).asCounts(),
                Series.markers("layer 4", rank, good).asCounts());
        Degeneracy.Check c = check(both);
        assertThat(c.drawable()).isTrue();
        assertThat(c.series()).containsOnlyKeys(0);
        assertThat(c.series().get(0)).contains("every count is 1");
        Figure only = Figure.of("f", "t", "rank", "count", "c", Series.markers("layer 1", rank, ones).asCounts());
        assertThat(check(only).drawable()).isFalse();
        // a constant series that is not counts (an exact value at every width) is a picture
        Figure exact = Figure.of("f", "t", "N", "m", "c", Series.line("exact", rank, ones), Series.markers("sampled", rank, good));
        assertThat(check(exact).drawable()).isTrue();
        assertThat(check(exact).series()).isEmpty();
    }

    @Test
    void allNaNAndSinglePointFiguresAreNotDrawn() {
        double nan = Double.NaN;
        Figure allNaN = Figure.of("f", "t", "x", "y", "c", Series.line("a", new double[] {nan, nan}, new double[] {nan, nan}));
        assertThat(check(allNaN).drawable()).isFalse();
        assertThat(check(allNaN).figure()).contains("no finite point");
        Figure onePoint = Figure.of("f", "t", "x", "y", "c", Series.markers("a", new double[] {1, 1}, new double[] {2, 2}));
        assertThat(check(onePoint).figure()).contains("fewer than two distinct points");
        // a single marker beside a line is fine (a fixed point on a flow), a line through one point is not
        Figure marker = Figure.of("f", "t", "x", "y", "c", Series.line("flow", new double[] {0, 1}, new double[] {0, 1}),
                Series.markers("fixed point", new double[] {1}, new double[] {1}), Series.line("stuck", new double[] {2}, new double[] {2}));
        Degeneracy.Check c = check(marker);
        assertThat(c.drawable()).isTrue();
        assertThat(c.series()).containsOnlyKeys(2);
    }
}
