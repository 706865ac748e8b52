package org.deeprg.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.deeprg.result.Figure;
import org.deeprg.result.Series;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYSeries;

/** The drawing rules of {@link PlotRenderer}, checked on the chart it builds and on the pixels it paints. */
class PlotRendererTest {

    private static BufferedImage paint(PlotRenderer.Built b) {
        BufferedImage img = new BufferedImage(b.chart.getWidth(), b.chart.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        b.chart.paint(g, b.chart.getWidth(), b.chart.getHeight());
        g.dispose();
        return img;
    }

    private static int rgb(BufferedImage img, double x, double y) {
        return img.getRGB((int) Math.round(x), (int) Math.round(y)) & 0xFFFFFF;
    }

    private static boolean close(int rgb, Color c, int tol) {
        return Math.abs(((rgb >> 16) & 255) - c.getRed()) <= tol && Math.abs(((rgb >> 8) & 255) - c.getGreen()) <= tol
                && Math.abs((rgb & 255) - c.getBlue()) <= tol;
    }

    @Test
    void logAxesDropNonPositivePointsInsteadOfFailing(@TempDir Path tmp) throws IOException {
        Figure f = Figure.of("f", "t", "x", "y", "c", Series.markers("s", new double[] {-1, 0, 1, 2}, new double[] {1, 1, 0, 4}))
                .withLogAxes(true, true);
        PlotRenderer.Rendering r = PlotRenderer.render(f, tmp);
        assertThat(r.dropped()).isEqualTo(3);
        // one point is left: nothing to draw, said so instead
        assertThat(r.drawn()).isFalse();
        Figure g = Figure.of("g", "t", "x", "y", "c", Series.markers("s", new double[] {-1, 0, 1, 2, 3}, new double[] {1, 1, 0, 4, 9}))
                .withLogAxes(true, true);
        PlotRenderer.Rendering rg = PlotRenderer.render(g, tmp);
        assertThat(rg.drawn()).isTrue();
        assertThat(rg.dropped()).isEqualTo(3);
        assertThat(rg.notes()).anyMatch(n -> n.startsWith("3 points not shown"));
        assertThat(tmp.resolve("g.png")).isNotEmptyFile();
        assertThat(tmp.resolve("g.svg")).isNotEmptyFile();
    }

    @Test
    void aDegenerateFigureIsNotDrawn(@TempDir Path tmp) throws IOException {
        PlotRenderer.Rendering r = PlotRenderer.render(PlotGallery.spike(), tmp);
        assertThat(r.drawn()).isFalse();
        assertThat(r.degenerate()).contains("single spike");
        assertThat(tmp.resolve("spike.png")).doesNotExist();
        // a partly degenerate one is drawn, and its legend says what was left out
        PlotRenderer.Rendering p = PlotRenderer.render(PlotGallery.partlyDegenerate(), tmp);
        assertThat(p.drawn()).isTrue();
        assertThat(p.notes()).anyMatch(n -> n.contains("not drawn: layer 1") && n.contains("every count is 1"));
    }

    /** XChart labels ticks with raw data values when the data are equally spaced; the renderer prevents it. */
    @Test
    void ticksAreRoundNumbersEvenForEquallySpacedData() {
        double[] t = new double[801];
        double[] y = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = 0.01 * i;
            y[i] = -t[i] * t[i] * t[i] * 4.7;
        }
        PlotRenderer.Built b = PlotRenderer.build(Figure.of("action", "Action", "time t", "S(t)", "c", Series.line("S", t, y)));
        paint(b);
        List<String> x = b.chart.xTickLabels();
        assertThat(x).isNotEmpty();
        for (String label : x) {
            double v = Double.parseDouble(label.replace('−', '-'));
            assertThat(v * 2).as("x tick " + label).isEqualTo(Math.rint(v * 2));
        }
        for (String label : b.chart.yTickLabels()) {
            assertThat(label).matches("0|−?\\d+");
        }
        // and the labels the issue complains about cannot appear: -pi..pi data labelled with rounded numbers
        double[] k = new double[41];
        for (int i = 0; i < k.length; i++) {
            k[i] = -Math.PI + i * 2 * Math.PI / 40;
        }
        PlotRenderer.Built d = PlotRenderer.build(Figure.of("dispersion", "t", "k", "omega^2", "c", Series.line("exact", k, k)));
        paint(d);
        for (String label : d.chart.xTickLabels()) {
            assertThat(label.replace("−", "")).matches("\\d+(\\.\\d{1,2})?");
        }
    }

    @Test
    void logAxesAreLabelledByTheRendererAtTheirDecades() {
        PlotRenderer.Built b = PlotRenderer.build(PlotGallery.powerLaw());
        BufferedImage img = paint(b);
        assertThat(b.chart.xLogTicks.stream().map(AxisTicks.Tick::label)).containsExactly("1", "10", "100", "1000");
        assertThat(b.chart.getStyler().getXAxisTickLabelsColor().getAlpha()).as("XChart's own log labels hidden").isZero();
        // the label of each decade is painted just below the axis, under its tick
        Rectangle2D plot = b.chart.plotArea();
        for (AxisTicks.Tick t : b.chart.xLogTicks) {
            double sx = b.chart.getScreenXFromChart(t.value());
            boolean ink = false;
            for (int dy = 4; dy < 24; dy++) {
                for (int dx = -3; dx <= 3; dx++) {
                    ink |= rgb(img, sx + dx, plot.getMaxY() + dy) != 0xFFFFFF;
                }
            }
            assertThat(ink).as("label of " + t.label()).isTrue();
        }
    }

    @Test
    void theLegendIsOutsideTheData() {
        PlotRenderer.Built b = PlotRenderer.build(PlotGallery.many());
        BufferedImage img = paint(b);
        Rectangle2D plot = b.chart.plotArea();
        assertThat(b.chart.getStyler().getLegendPosition()).isEqualTo(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        // the plot keeps its width; the legend lies in a column right of it, with ink
        assertThat(plot.getWidth()).isGreaterThan(0.75 * PlotRenderer.WIDTH);
        long ink = 0;
        for (int y = (int) plot.getMinY(); y < plot.getMaxY(); y++) {
            for (int x = (int) plot.getMaxX() + 20; x < img.getWidth(); x++) {
                ink += rgb(img, x, y) != 0xFFFFFF ? 1 : 0;
            }
        }
        assertThat(ink).isGreaterThan(2000);
    }

    @Test
    void fitsAreDrawnDashedInTheirDataColour() {
        PlotRenderer.Built b = PlotRenderer.build(PlotGallery.many());
        XYSeries data = b.chart.getSeriesMap().get("layer 4");
        XYSeries fit = b.chart.getSeriesMap().get("layer 4 fit");
        assertThat(fit.getLineColor()).isEqualTo(data.getMarkerColor());
        assertThat(fit.getLineStyle().getDashArray()).isNotNull();
        assertThat(b.chart.getSeriesMap().get("layer 5").getMarkerColor()).isNotEqualTo(data.getMarkerColor());
    }

    @Test
    void unreliablePointsAreHollow() {
        PlotRenderer.Built b = PlotRenderer.build(PlotGallery.powerLaw());
        BufferedImage img = paint(b);
        Color blue = b.colours.get(0);
        Figure f = PlotGallery.powerLaw();
        Series s = f.series().get(0);
        for (int i = 0; i < s.x().length; i++) {
            double sx = b.chart.getScreenXFromChart(s.x()[i]);
            double sy = b.chart.getScreenYFromChart(s.y()[i]);
            // off the error bar (which runs vertically through the centre): inside the marker, right of centre
            int inside = rgb(img, sx + 2, sy);
            if (s.isUnreliable(i)) {
                assertThat(inside).as("hollow marker %d", i).isEqualTo(0xFFFFFF);
                boolean ring = false;
                for (int dx = 3; dx <= 6; dx++) {
                    ring |= close(rgb(img, sx + dx, sy), blue, 60);
                }
                assertThat(ring).as("ring of marker %d", i).isTrue();
            } else {
                int filled = rgb(img, sx + 1, sy);
                assertThat(close(filled, blue, 40)).as("filled marker %d: %06x", i, filled).isTrue();
            }
        }
        assertThat(b.notes).contains("open markers: error bar cannot be trusted");
    }

    @Test
    void histogramsAreBars() {
        PlotRenderer.Built b = PlotRenderer.build(PlotGallery.histograms());
        BufferedImage img = paint(b);
        Series s = PlotGallery.histograms().series().get(0);
        XYSeries outline = b.chart.getSeriesMap().get(PlotRenderer.text(new java.awt.Font("DejaVu Sans", 0, 12), s.name()));
        // the outline goes up and down at every bin edge: two points per bin plus the two feet
        assertThat(outline.getXData()).hasSize(2 * s.x().length + 2);
        assertThat(outline.getXYSeriesRenderStyle()).isEqualTo(XYSeries.XYSeriesRenderStyle.Area);
        // inside the tallest bar, halfway up, the bar is filled (tinted), and the top edge is flat across the bin
        int top = 0;
        for (int i = 1; i < s.y().length; i++) {
            top = s.y()[i] > s.y()[top] ? i : top;
        }
        double sx = b.chart.getScreenXFromChart(s.x()[top]);
        double half = b.chart.getScreenYFromChart(s.y()[top] / 2);
        assertThat(rgb(img, sx, half)).isNotEqualTo(0xFFFFFF);
        double w = b.chart.getScreenXFromChart(s.x()[1]) - b.chart.getScreenXFromChart(s.x()[0]);
        double yTop = b.chart.getScreenYFromChart(s.y()[top]);
        int edge = 0;
        for (double dx = -0.4 * w; dx <= 0.4 * w; dx += 1) {
            edge += close(rgb(img, sx + dx, yTop), b.colours.get(0), 60) ? 1 : 0;
        }
        assertThat(edge).as("pixels of the bar's top edge").isGreaterThan((int) (0.6 * w));
    }

    @Test
    void flowsHaveArrowsAStartAndAnEnd() {
        // arrows: the middle of each segment of a short map, along its direction
        List<double[]> a = PlotRenderer.Arrows.positions(new double[] {0, 100, 100, 110}, new double[] {0, 0, 50, 50});
        assertThat(a).hasSize(2);
        assertThat(a.get(0)).containsExactly(50, 0, 100, 0);
        assertThat(a.get(1)).containsExactly(100, 25, 0, 50);
        // a long sampled flow: a quarter, half and three quarters of the way
        double[] x = new double[101];
        double[] y = new double[101];
        for (int i = 0; i <= 100; i++) {
            x[i] = 4 * i;
        }
        List<double[]> b = PlotRenderer.Arrows.positions(x, y);
        assertThat(b).hasSize(3);
        assertThat(b.get(0)[0]).isCloseTo(100, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(b.get(2)[0]).isCloseTo(300, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(PlotRenderer.Arrows.positions(new double[] {0, 3}, new double[] {0, 4})).isEmpty();

        PlotRenderer.Built f = PlotRenderer.build(PlotGallery.flows());
        BufferedImage img = paint(f);
        Series s = PlotGallery.flows().series().get(0);
        Color c = f.colours.get(0);
        double sx = f.chart.getScreenXFromChart(s.x()[0]);
        double sy = f.chart.getScreenYFromChart(s.y()[0]);
        assertThat(rgb(img, sx, sy)).as("open square at the start").isEqualTo(0xFFFFFF);
        boolean border = false;
        for (int dx = 4; dx <= 7; dx++) {
            border |= close(rgb(img, sx + dx, sy - 3), c, 60);
        }
        assertThat(border).as("its border").isTrue();
        int n = s.x().length - 1;
        assertThat(close(rgb(img, f.chart.getScreenXFromChart(s.x()[n]), f.chart.getScreenYFromChart(s.y()[n])), c, 60))
                .as("dot at the end").isTrue();
        assertThat(f.chart.flows).hasSize(3);
    }

    @Test
    void everyGalleryFigureRendersToAFileOfItsSize(@TempDir Path tmp) throws IOException {
        for (Figure f : PlotGallery.all()) {
            PlotRenderer.Rendering r = PlotRenderer.render(f, tmp);
            if (r.drawn()) {
                BufferedImage img = ImageIO.read(tmp.resolve(f.name() + ".png").toFile());
                assertThat(img.getWidth()).isEqualTo(r.width());
                assertThat(img.getHeight()).isEqualTo(r.height());
                assertThat(tmp.resolve(f.name() + ".svg")).isNotEmptyFile();
            } else {
                assertThat(r.degenerate()).isNotBlank();
            }
        }
    }
}
