package org.deeprg.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeprg.result.Figure;
import org.deeprg.result.Series;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Renders a {@link Figure} to {@code name.svg} and {@code name.png} with XChart. Points that cannot be shown
 * (non-finite, or non-positive on a logarithmic axis) are dropped and counted in the caption returned by
 * {@link #render}.
 */
public final class PlotRenderer {
    /** Pixel size of PNG output. */
    public static final int WIDTH = 800;
    public static final int HEIGHT = 520;

    private PlotRenderer() {
    }

    /** Writes the figure into {@code dir}; returns the number of dropped points. */
    public static int render(Figure figure, Path dir) throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(figure.title())
                .xAxisTitle(figure.xLabel()).yAxisTitle(figure.yLabel()).build();
        Styler st = chart.getStyler();
        chart.getStyler().setXAxisLogarithmic(figure.logX());
        chart.getStyler().setYAxisLogarithmic(figure.logY());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(0xE0E0E0));
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setMarkerSize(6);
        st.setLegendVisible(figure.series().size() > 1);
        int dropped = 0;
        int added = 0;
        for (Series s : figure.series()) {
            List<double[]> keep = new ArrayList<>();
            for (int i = 0; i < s.x().length; i++) {
                double x = s.x()[i];
                double y = s.y()[i];
                boolean ok = Double.isFinite(x) && Double.isFinite(y) && (!figure.logX() || x > 0) && (!figure.logY() || y > 0);
                if (ok) {
                    double e = s.yError() == null ? 0 : s.yError()[i];
                    if (!Double.isFinite(e) || e < 0) {
                        e = 0;
                    }
                    if (figure.logY() && y - e <= 0) {
                        e = 0.999 * y; // keep the bar on a log axis
                    }
                    keep.add(new double[] {x, y, e});
                } else {
                    dropped++;
                }
            }
            if (keep.isEmpty()) {
                continue;
            }
            double[] x = new double[keep.size()];
            double[] y = new double[keep.size()];
            double[] e = new double[keep.size()];
            for (int i = 0; i < keep.size(); i++) {
                x[i] = keep.get(i)[0];
                y[i] = keep.get(i)[1];
                e[i] = keep.get(i)[2];
            }
            String name = uniqueName(chart, s.name());
            XYSeries xs = s.yError() != null ? chart.addSeries(name, x, y, e) : chart.addSeries(name, x, y);
            switch (s.style()) {
                case LINE -> {
                    xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                    xs.setMarker(SeriesMarkers.NONE);
                    xs.setLineStyle(new BasicStroke(2f));
                }
                case MARKERS -> {
                    xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    xs.setMarker(SeriesMarkers.CIRCLE);
                }
                case LINE_AND_MARKERS -> {
                    xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                    xs.setMarker(SeriesMarkers.CIRCLE);
                }
            }
            added++;
        }
        if (added == 0) {
            // XChart cannot draw an empty chart; draw a placeholder so the report has no broken image
            chart.getStyler().setXAxisLogarithmic(false);
            chart.getStyler().setYAxisLogarithmic(false);
            chart.setTitle(figure.title() + " (no plottable points)");
            chart.addSeries("none", new double[] {0}, new double[] {0}).setMarker(SeriesMarkers.NONE);
        }
        BitmapEncoder.saveBitmap(chart, dir.resolve(figure.name() + ".png").toString(), BitmapEncoder.BitmapFormat.PNG);
        VectorGraphicsEncoder.saveVectorGraphic(chart, dir.resolve(figure.name() + ".svg").toString(),
                VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        return dropped;
    }

    private static String uniqueName(XYChart chart, String name) {
        String n = name == null || name.isBlank() ? "series" : name;
        String candidate = n;
        int k = 2;
        while (chart.getSeriesMap().containsKey(candidate)) {
            candidate = n + " (" + k++ + ")";
        }
        return candidate;
    }
}
