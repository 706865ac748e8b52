package org.deeprg.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeprg.result.Figure;
import org.deeprg.result.Series;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Renders a {@link Figure} to {@code name.svg} and {@code name.png} with XChart.
 *
 * <ul>
 *   <li>Texts (title, axes, legend) are shown in Unicode ({@link TexToUnicode}).</li>
 *   <li>Axes: linear axes between nice bounds with rounded tick labels, logarithmic axes with their decades labelled
 *       ({@link AxisTicks}; XChart's own log labels are replaced by these).</li>
 *   <li>The legend sits outside the data, to the right; long labels are wrapped.</li>
 *   <li>Colours: distinct for any number of series ({@link Palette}); a fit is drawn dashed in its data's colour.</li>
 *   <li>Styles: histograms as bars (outlined, lightly filled), flows with direction arrows, an open square at the
 *       start and a dot at the end; points whose error bars cannot be trusted as hollow markers, explained in the
 *       legend.</li>
 *   <li>Points that cannot be shown (non-finite, or non-positive on a logarithmic axis) are dropped and counted;
 *       degenerate series are left out and named in the legend; a degenerate figure is not drawn at all
 *       ({@link Degeneracy}).</li>
 * </ul>
 */
public final class PlotRenderer {
    /** Pixel size of the plot part of a PNG (the legend column is added to the width). */
    public static final int WIDTH = 800;
    public static final int HEIGHT = 520;
    /** Characters per legend line before wrapping. */
    static final int LEGEND_WRAP = 30;

    private PlotRenderer() {
    }

    /**
     * What became of a figure.
     *
     * @param name       the figure's file stem
     * @param drawn      whether {@code name.png} and {@code name.svg} were written
     * @param degenerate why the figure was not drawn (null when drawn)
     * @param dropped    points that could not be shown (non-finite, non-positive on a log axis)
     * @param notes      what the legend says besides the series (left-out series, hollow markers, flows)
     * @param width      PNG width in pixels (0 when not drawn)
     * @param height     PNG height in pixels (0 when not drawn)
     */
    public record Rendering(String name, boolean drawn, String degenerate, int dropped, List<String> notes, int width, int height) {
    }

    /** Writes the figure into {@code dir} (unless it is degenerate); returns what became of it. */
    public static Rendering render(Figure figure, Path dir) throws IOException {
        Built b = build(figure);
        if (b.chart == null) {
            return new Rendering(figure.name(), false, b.check.figure(), b.dropped, b.notes, 0, 0);
        }
        BitmapEncoder.saveBitmap(b.chart, dir.resolve(figure.name() + ".png").toString(), BitmapEncoder.BitmapFormat.PNG);
        VectorGraphicsEncoder.saveVectorGraphic(b.chart, dir.resolve(figure.name() + ".svg").toString(),
                VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        return new Rendering(figure.name(), true, null, b.dropped, b.notes, b.chart.getWidth(), b.chart.getHeight());
    }

    /** A chart ready to paint (null when the figure is degenerate), with what the renderer decided. */
    static final class Built {
        OverlayChart chart;
        Degeneracy.Check check;
        int dropped;
        List<String> notes = new ArrayList<>();
        List<Color> colours;
        double[] xRange;
        double[] yRange;
    }

    // ---------------------------------------------------------------------------------------------------------------

    static Built build(Figure figure) {
        Built out = new Built();
        List<Series> series = figure.series();
        boolean logX = figure.logX();
        boolean logY = figure.logY();
        boolean[][] keep = new boolean[series.size()][];
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            keep[i] = new boolean[s.x().length];
            for (int j = 0; j < s.x().length; j++) {
                double x = s.x()[j];
                double y = s.y()[j];
                boolean histogramZero = s.style() == Series.Style.HISTOGRAM && y == 0;
                keep[i][j] = Double.isFinite(x) && Double.isFinite(y) && (!logX || x > 0) && (!logY || y > 0 || histogramZero);
                if (!keep[i][j]) {
                    out.dropped++;
                }
            }
        }
        out.check = Degeneracy.check(figure, keep);
        out.colours = Palette.assign(series);
        if (!out.check.drawable()) {
            return out;
        }
        List<Integer> drawn = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            String why = out.check.series().get(i);
            boolean fitOfOmitted = series.get(i).fitOf() != null && omitted(series, out.check.series(), series.get(i).fitOf());
            if (why == null && !fitOfOmitted) {
                drawn.add(i);
            }
        }

        // ranges over what is drawn
        double[] xr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] yr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i : drawn) {
            Series s = series.get(i);
            double[] edges = s.style() == Series.Style.HISTOGRAM ? binEdges(s, keep[i], logX) : null;
            for (int j = 0; j < s.x().length; j++) {
                if (!keep[i][j]) {
                    continue;
                }
                double y = s.y()[j];
                double e = error(s, j, logY);
                include(xr, s.x()[j]);
                if (!(logY && y <= 0)) {
                    include(yr, y + e);
                    include(yr, logY ? Math.max(y - e, y * 0.1) : y - e);
                }
            }
            if (edges != null) {
                include(xr, edges[0]);
                include(xr, edges[edges.length - 1]);
                if (!logY) {
                    include(yr, 0);
                }
            }
        }
        out.xRange = range(xr, logX);
        out.yRange = range(yr, logY);

        Font base = baseFont();
        String title = text(base, figure.title());
        List<String> legendLabels = new ArrayList<>();
        for (int i : drawn) {
            legendLabels.add(wrap(text(base, series.get(i).name())));
        }

        // notes for the legend
        List<String> omittedNames = new ArrayList<>();
        Map<Integer, String> reasons = out.check.series();
        Map<String, List<String>> byReason = new java.util.LinkedHashMap<>();
        for (Map.Entry<Integer, String> e : reasons.entrySet()) {
            byReason.computeIfAbsent(e.getValue(), k -> new ArrayList<>()).add(series.get(e.getKey()).name());
        }
        for (Map.Entry<String, List<String>> e : byReason.entrySet()) {
            omittedNames.add("not drawn: " + String.join(", ", e.getValue()) + " — " + e.getKey());
        }
        boolean anyUnreliable = drawn.stream().anyMatch(i -> hasUnreliableKept(series.get(i), keep[i]));
        boolean anyFlow = drawn.stream().anyMatch(i -> series.get(i).style() == Series.Style.FLOW);
        out.notes.addAll(omittedNames);
        if (anyUnreliable) {
            out.notes.add("open markers: error bar cannot be trusted");
        }
        if (anyFlow) {
            out.notes.add("flows: open square = start, dot = end, arrows = direction");
        }
        if (out.dropped > 0) {
            out.notes.add(out.dropped + " point" + (out.dropped == 1 ? "" : "s") + " not shown (non-finite"
                    + (logX || logY ? " or ≤ 0 on a log axis)" : ")"));
        }
        List<String> noteLabels = new ArrayList<>();
        for (String n : out.notes) {
            noteLabels.add(wrap(text(base, n)));
        }
        boolean legend = drawn.size() > 1 || !noteLabels.isEmpty();

        // size: the plot keeps its size, the legend column is added
        Font legendFont = base.deriveFont(Font.PLAIN, 12f);
        double[] legendSize = legendSize(legendFont, legend ? concat(legendLabels, noteLabels) : List.of());
        int width = WIDTH + (legend ? (int) Math.ceil(legendSize[0]) + 16 : 0);
        int height = Math.max(HEIGHT, legend ? (int) Math.ceil(legendSize[1]) + 150 : 0);

        OverlayChart chart = new OverlayChart(new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(text(base, figure.xLabel())).yAxisTitle(text(base, figure.yLabel())));
        XYStyler st = chart.getStyler();
        st.setChartTitleFont(base.deriveFont(Font.BOLD, 15f));
        st.setAxisTitleFont(base.deriveFont(Font.PLAIN, 13f));
        st.setAxisTickLabelsFont(base.deriveFont(Font.PLAIN, 12f));
        st.setLegendFont(legendFont);
        st.setAnnotationTextFont(base.deriveFont(Font.PLAIN, 12f));
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotBorderColor(new Color(0x888888));
        st.setPlotGridLinesColor(new Color(0xE4E4E4));
        st.setPlotGridLinesStroke(new BasicStroke(1f));
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setLegendBorderColor(new Color(0xCCCCCC));
        st.setLegendVisible(legend);
        st.setErrorBarsColorSeriesColor(true);
        st.setMarkerSize(7);
        st.setChartTitleBoxVisible(false);
        st.setXAxisLogarithmic(logX);
        st.setYAxisLogarithmic(logY);
        st.setXAxisMin(out.xRange[0]);
        st.setXAxisMax(out.xRange[1]);
        st.setYAxisMin(out.yRange[0]);
        st.setYAxisMax(out.yRange[1]);
        Color transparent = new Color(0, 0, 0, 0);
        if (logX) {
            List<AxisTicks.Tick> ticks = AxisTicks.logTicks(out.xRange[0], out.xRange[1], 10);
            st.setXAxisLogarithmicDecadeOnly(allDecades(ticks));
            st.setXAxisTickLabelsColor(transparent);
            chart.xLogTicks = ticks;
        } else {
            double lo = out.xRange[0];
            double hi = out.xRange[1];
            st.setxAxisTickLabelsFormattingFunction(v -> AxisTicks.linearLabel(v, lo, hi));
        }
        if (logY) {
            List<AxisTicks.Tick> ticks = AxisTicks.logTicks(out.yRange[0], out.yRange[1], 8);
            st.setYAxisLogarithmicDecadeOnly(allDecades(ticks));
            st.setYAxisTickLabelsColor(transparent);
            chart.yLogTicks = ticks;
        } else {
            double lo = out.yRange[0];
            double hi = out.yRange[1];
            st.setyAxisTickLabelsFormattingFunction(v -> AxisTicks.linearLabel(v, lo, hi));
        }
        chart.tickFont = st.getAxisTickLabelsFont();

        // an invisible first series whose NaN stops XChart from putting ticks at data values (its "equally spaced
        // data" mode, which labels ticks with the raw data: -3.141592653589793)
        XYSeries anchor = chart.addSeries(" ", new double[] {Double.NaN}, new double[] {Double.NaN});
        anchor.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        anchor.setMarker(SeriesMarkers.NONE);
        anchor.setShowInLegend(false);

        int histograms = (int) drawn.stream().filter(i -> series.get(i).style() == Series.Style.HISTOGRAM).count();
        List<Runnable> points = new ArrayList<>();
        for (int k = 0; k < drawn.size(); k++) {
            int i = drawn.get(k);
            addSeries(chart, series.get(i), keep[i], out.colours.get(i), legendLabels.get(k), logX, logY, out.yRange, histograms, points);
        }
        points.forEach(Runnable::run);
        for (int k = 0; k < noteLabels.size(); k++) {
            String note = out.notes.get(k);
            XYSeries n = chart.addSeries(uniqueName(chart, noteLabels.get(k)), new double[] {Double.NaN}, new double[] {Double.NaN});
            n.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            n.setMarkerColor(new Color(0x444444));
            if (note.startsWith("open markers")) {
                n.setMarker(new HollowCircle());
            } else if (note.startsWith("flows")) {
                n.setMarker(new HollowSquare());
            } else {
                n.setMarker(SeriesMarkers.NONE);
            }
        }
        out.chart = chart;
        return out;
    }

    private static boolean omitted(List<Series> series, Map<Integer, String> reasons, String name) {
        for (int i = 0; i < series.size(); i++) {
            if (series.get(i).fitOf() == null && series.get(i).name().equals(name)) {
                return reasons.containsKey(i);
            }
        }
        return false;
    }

    private static boolean hasUnreliableKept(Series s, boolean[] keep) {
        for (int j = 0; j < keep.length; j++) {
            if (keep[j] && s.isUnreliable(j)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allUnreliableKept(Series s, boolean[] keep) {
        boolean any = false;
        for (int j = 0; j < keep.length; j++) {
            if (keep[j]) {
                if (!s.isUnreliable(j)) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private static boolean allDecades(List<AxisTicks.Tick> ticks) {
        for (AxisTicks.Tick t : ticks) {
            double l = Math.log10(t.value());
            if (Math.abs(l - Math.rint(l)) > 1e-9) {
                return false;
            }
        }
        return true;
    }

    /**
     * Adds the XChart series that draw {@code s} (its legend entry in figure order); points, error bars and hollow
     * markers go to {@code later}, to be drawn on top of every line.
     */
    private static void addSeries(OverlayChart chart, Series s, boolean[] keep, Color colour, String label, boolean logX,
                                  boolean logY, double[] yRange, int histograms, List<Runnable> later) {
        boolean fit = s.fitOf() != null;
        BasicStroke stroke = fit ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {7f, 4f}, 0f)
                : new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
        String name = uniqueName(chart, label);
        switch (s.style()) {
            case HISTOGRAM -> {
                double[] edges = binEdges(s, keep, logX);
                double base = logY ? yRange[0] : 0;
                List<double[]> outline = new ArrayList<>();
                int k = 0;
                for (int j = 0; j < s.x().length; j++) {
                    if (!keep[j]) {
                        continue;
                    }
                    double y = logY && s.y()[j] <= 0 ? base : s.y()[j];
                    if (k == 0) {
                        outline.add(new double[] {edges[0], base});
                    }
                    outline.add(new double[] {edges[k], y});
                    outline.add(new double[] {edges[k + 1], y});
                    k++;
                }
                outline.add(new double[] {edges[k], base});
                double[] x = new double[outline.size()];
                double[] y = new double[outline.size()];
                for (int j = 0; j < x.length; j++) {
                    x[j] = outline.get(j)[0];
                    y[j] = outline.get(j)[1];
                }
                XYSeries xs = chart.addSeries(name, x, y);
                boolean fill = !logY && histograms <= 4;
                xs.setXYSeriesRenderStyle(fill ? XYSeries.XYSeriesRenderStyle.Area : XYSeries.XYSeriesRenderStyle.Line);
                xs.setMarker(SeriesMarkers.NONE);
                xs.setLineColor(colour);
                xs.setLineStyle(new BasicStroke(1.6f));
                xs.setFillColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), histograms == 1 ? 70 : 40));
                if (s.yError() != null || hasUnreliableKept(s, keep)) {
                    later.add(() -> {
                        addPoints(chart, uniqueName(chart, label + " (errors)"), s, keep, colour, false, false, logY);
                        addPoints(chart, uniqueName(chart, label + " (unreliable)"), s, keep, colour, true, true, logY);
                    });
                }
            }
            case FLOW -> {
                double[][] p = kept(s, keep, logY);
                XYSeries xs = chart.addSeries(name, p[0], p[1]);
                xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                xs.setMarker(SeriesMarkers.NONE);
                xs.setLineColor(colour);
                xs.setLineStyle(stroke);
                chart.flows.add(new Flow(p[0], p[1], colour));
            }
            case LINE, LINE_AND_MARKERS, MARKERS -> {
                boolean line = s.style() != Series.Style.MARKERS;
                boolean markers = s.style() != Series.Style.LINE;
                if (line) {
                    double[][] p = kept(s, keep, logY);
                    XYSeries xs = chart.addSeries(name, p[0], p[1]);
                    xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                    xs.setMarker(markers ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
                    xs.setMarkerColor(colour);
                    xs.setLineColor(colour);
                    xs.setLineStyle(stroke);
                } else {
                    // the legend entry; the points themselves are drawn on top of every line, below
                    XYSeries xs = chart.addSeries(name, new double[] {Double.NaN}, new double[] {Double.NaN});
                    xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                    xs.setMarker(allUnreliableKept(s, keep) ? new HollowCircle() : SeriesMarkers.CIRCLE);
                    xs.setMarkerColor(colour);
                    xs.setLineColor(colour);
                }
                if (markers || s.yError() != null || hasUnreliableKept(s, keep)) {
                    later.add(() -> {
                        addPoints(chart, uniqueName(chart, label + " (points)"), s, keep, colour, markers, false, logY);
                        addPoints(chart, uniqueName(chart, label + " (unreliable)"), s, keep, colour, true, true, logY);
                    });
                }
            }
        }
    }

    /**
     * The reliable points of {@code s} (or with {@code unreliable} the flagged ones, hollow) as markers with their error
     * bars, not in the legend; null when there are none.
     */
    private static XYSeries addPoints(OverlayChart chart, String name, Series s, boolean[] keep, Color colour,
                                      boolean visibleMarkers, boolean unreliable, boolean logY) {
        List<Integer> idx = new ArrayList<>();
        for (int j = 0; j < s.x().length; j++) {
            if (keep[j] && s.isUnreliable(j) == unreliable && !(logY && s.y()[j] <= 0)) {
                idx.add(j);
            }
        }
        if (idx.isEmpty()) {
            return null;
        }
        double[] x = new double[idx.size()];
        double[] y = new double[idx.size()];
        double[] e = new double[idx.size()];
        for (int k = 0; k < idx.size(); k++) {
            x[k] = s.x()[idx.get(k)];
            y[k] = s.y()[idx.get(k)];
            e[k] = error(s, idx.get(k), logY);
        }
        XYSeries xs = s.yError() != null ? chart.addSeries(name, x, y, e) : chart.addSeries(name, x, y);
        xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        xs.setMarker(!visibleMarkers ? SeriesMarkers.NONE : unreliable ? new HollowCircle() : SeriesMarkers.CIRCLE);
        xs.setMarkerColor(colour);
        xs.setLineColor(colour);
        xs.setShowInLegend(false);
        return xs;
    }

    /** The kept points of a series: x, y and error bars. */
    private static double[][] kept(Series s, boolean[] keep, boolean logY) {
        int n = 0;
        for (boolean k : keep) {
            n += k ? 1 : 0;
        }
        double[][] p = new double[3][n];
        int k = 0;
        for (int j = 0; j < keep.length; j++) {
            if (keep[j]) {
                p[0][k] = s.x()[j];
                p[1][k] = s.y()[j];
                p[2][k] = error(s, j, logY);
                k++;
            }
        }
        return p;
    }

    /** The error bar of point j, 0 when missing or not finite; on a log axis shortened to stay above 0. */
    private static double error(Series s, int j, boolean logY) {
        if (s.yError() == null) {
            return 0;
        }
        double e = s.yError()[j];
        if (!Double.isFinite(e) || e < 0) {
            return 0;
        }
        double y = s.y()[j];
        if (logY && y - e <= 0) {
            e = 0.999 * y;
        }
        return e;
    }

    /** Bin edges of the kept bins of a histogram: halfway between centres (geometrically on a log axis). */
    static double[] binEdges(Series s, boolean[] keep, boolean logX) {
        List<Double> c = new ArrayList<>();
        for (int j = 0; j < s.x().length; j++) {
            if (keep[j]) {
                c.add(logX ? Math.log10(s.x()[j]) : s.x()[j]);
            }
        }
        int n = c.size();
        double[] e = new double[n + 1];
        if (n == 1) {
            double w = 0.5;
            e[0] = c.get(0) - w;
            e[1] = c.get(0) + w;
        } else {
            for (int j = 1; j < n; j++) {
                e[j] = 0.5 * (c.get(j - 1) + c.get(j));
            }
            e[0] = c.get(0) - (e[1] - c.get(0));
            e[n] = c.get(n - 1) + (c.get(n - 1) - e[n - 1]);
        }
        if (logX) {
            for (int j = 0; j <= n; j++) {
                e[j] = Math.pow(10, e[j]);
            }
        }
        return e;
    }

    private static void include(double[] r, double v) {
        if (Double.isFinite(v)) {
            r[0] = Math.min(r[0], v);
            r[1] = Math.max(r[1], v);
        }
    }

    /**
     * Axis bounds: the data range (XChart leaves a margin around it), widened around a single value; a linear range
     * of non-negative data that starts near 0 starts at 0.
     */
    private static double[] range(double[] r, boolean log) {
        if (!(r[0] <= r[1])) {
            return log ? new double[] {1, 10} : new double[] {0, 1};
        }
        if (log) {
            double lo = r[0];
            double hi = r[1];
            if (hi / lo < 1.5) {
                double mid = Math.sqrt(lo * hi);
                lo = mid / 1.5;
                hi = mid * 1.5;
            }
            return new double[] {lo, hi};
        }
        return AxisTicks.dataRange(r[0], r[1]);
    }

    // ---- texts and fonts ------------------------------------------------------------------------------------------

    private static Font baseFont() {
        String family = Font.SANS_SERIF;
        for (String f : GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()) {
            if (f.equals("DejaVu Sans")) {
                family = f;
            }
        }
        return new Font(family, Font.PLAIN, 12);
    }

    /** The Unicode form of a text when the font can show it, else the text as given. */
    static String text(Font font, String s) {
        if (s == null) {
            return "";
        }
        String u = TexToUnicode.convert(s);
        return font.canDisplayUpTo(u) == -1 ? u : s;
    }

    /** Word-wraps a legend label at {@link #LEGEND_WRAP} characters (XChart draws each "\n" line). */
    static String wrap(String s) {
        if (s.length() <= LEGEND_WRAP) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        int line = 0;
        for (String w : s.split(" ")) {
            if (line > 0 && line + 1 + w.length() > LEGEND_WRAP) {
                b.append('\n');
                line = 0;
            } else if (line > 0) {
                b.append(' ');
                line++;
            }
            b.append(w);
            line += w.length();
        }
        return b.toString();
    }

    /** Width and height XChart will need for a vertical legend of these labels (its own layout rules). */
    private static double[] legendSize(Font font, List<String> labels) {
        if (labels.isEmpty()) {
            return new double[] {0, 0};
        }
        FontRenderContext frc = new FontRenderContext(null, true, false);
        double w = 0;
        double h = 0;
        for (String l : labels) {
            double entry = 0;
            for (String line : l.split("\n")) {
                Rectangle2D r = new TextLayout(line.isEmpty() ? " " : line, font, frc).getOutline(null).getBounds2D();
                w = Math.max(w, r.getWidth());
                entry += Math.max(r.getHeight(), 10) + 3;
            }
            h += Math.max(entry, 12) + 10;
        }
        return new double[] {w + 24 + 10 * 3, h + 10};
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
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

    // ---- drawing beyond XChart ------------------------------------------------------------------------------------

    /** A hollow circle marker: the points whose error bars cannot be trusted. */
    static final class HollowCircle extends Marker {
        @Override
        public void paint(Graphics2D g, double x, double y, int size) {
            double r = size / 2.0 + 0.5;
            g.setStroke(new BasicStroke(1.6f));
            Shape c = new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
            Color colour = g.getColor();
            g.setColor(Color.WHITE);
            g.fill(c);
            g.setColor(colour);
            g.draw(c);
        }
    }

    /** A hollow square marker: the start of a flow. */
    static final class HollowSquare extends Marker {
        @Override
        public void paint(Graphics2D g, double x, double y, int size) {
            double r = size / 2.0 + 1;
            g.setStroke(new BasicStroke(1.6f));
            Shape c = new Rectangle2D.Double(x - r, y - r, 2 * r, 2 * r);
            Color colour = g.getColor();
            g.setColor(Color.WHITE);
            g.fill(c);
            g.setColor(colour);
            g.draw(c);
        }
    }

    /** A trajectory to decorate with arrows, its start and its end. */
    record Flow(double[] x, double[] y, Color colour) {
    }

    /**
     * XChart's chart plus what deeprg draws on top after XChart has painted: the labels of logarithmic axes and the
     * decorations of flows.
     */
    static final class OverlayChart extends XYChart {
        List<AxisTicks.Tick> xLogTicks;
        List<AxisTicks.Tick> yLogTicks;
        Font tickFont;
        final List<Flow> flows = new ArrayList<>();

        OverlayChart(XYChartBuilder b) {
            super(b);
        }

        @Override
        public void paint(Graphics2D g, int width, int height) {
            super.paint(g, width, height);
            Object aa = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            Rectangle2D plotArea = plot.getBounds();
            if (xLogTicks != null) {
                paintXLabels(g, plotArea);
            }
            if (yLogTicks != null) {
                paintYLabels(g, plotArea);
            }
            Shape clip = g.getClip();
            g.clip(plotArea);
            for (Flow f : flows) {
                paintFlow(g, f);
            }
            g.setClip(clip);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, aa);
        }

        /** The plot area (for tests). */
        Rectangle2D plotArea() {
            return plot.getBounds();
        }

        /** The tick labels XChart painted on the x axis (after a paint; for tests). */
        List<String> xTickLabels() {
            return axisPair.getXAxis().getAxisTickCalculator().getTickLabels().stream().filter(java.util.Objects::nonNull).toList();
        }

        /** The tick labels XChart painted on the y axis (after a paint; for tests: XChart keeps that axis package-private). */
        List<String> yTickLabels() {
            try {
                java.lang.reflect.Field f = axisPair.getClass().getDeclaredField("yAxis");
                f.setAccessible(true);
                org.knowm.xchart.internal.chartpart.Axis<?, ?> y = (org.knowm.xchart.internal.chartpart.Axis<?, ?>) f.get(axisPair);
                return y.getAxisTickCalculator().getTickLabels().stream().filter(java.util.Objects::nonNull).toList();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        private void paintXLabels(Graphics2D g, Rectangle2D plotArea) {
            g.setColor(getStyler().getChartFontColor());
            double top = plotArea.getMaxY() + getStyler().getAxisTickMarkLength() + getStyler().getAxisTickPadding();
            for (AxisTicks.Tick t : xLogTicks) {
                double sx = getScreenXFromChart(t.value());
                if (sx < plotArea.getMinX() - 1 || sx > plotArea.getMaxX() + 1) {
                    continue;
                }
                TextLayout tl = new TextLayout(t.label(), tickFont, g.getFontRenderContext());
                Rectangle2D r = tl.getBounds();
                fillText(g, tl, sx - r.getWidth() / 2 - r.getX(), top + tl.getAscent() - 1);
            }
        }

        private void paintYLabels(Graphics2D g, Rectangle2D plotArea) {
            g.setColor(getStyler().getChartFontColor());
            double right = plotArea.getMinX() - getStyler().getAxisTickMarkLength() - getStyler().getAxisTickPadding() - 2;
            for (AxisTicks.Tick t : yLogTicks) {
                double sy = getScreenYFromChart(t.value());
                if (sy < plotArea.getMinY() - 1 || sy > plotArea.getMaxY() + 1) {
                    continue;
                }
                TextLayout tl = new TextLayout(t.label(), tickFont, g.getFontRenderContext());
                Rectangle2D r = tl.getBounds();
                fillText(g, tl, right - r.getWidth() - r.getX(), sy + tl.getAscent() / 2 - 1.5);
            }
        }

        private static void fillText(Graphics2D g, TextLayout tl, double x, double baseline) {
            Shape s = tl.getOutline(AffineTransform.getTranslateInstance(x, baseline));
            g.fill(s);
        }

        private void paintFlow(Graphics2D g, Flow f) {
            int n = f.x().length;
            if (n == 0) {
                return;
            }
            double[] sx = new double[n];
            double[] sy = new double[n];
            for (int i = 0; i < n; i++) {
                sx[i] = getScreenXFromChart(f.x()[i]);
                sy[i] = getScreenYFromChart(f.y()[i]);
            }
            g.setColor(f.colour());
            for (double[] a : Arrows.positions(sx, sy)) {
                arrowHead(g, a[0], a[1], a[2], a[3]);
            }
            // end: a dot; start: an open square (drawn last, on top)
            double r = 3.5;
            g.fill(new Ellipse2D.Double(sx[n - 1] - r, sy[n - 1] - r, 2 * r, 2 * r));
            new HollowSquare().paint(g, sx[0], sy[0], 8);
        }

        private static void arrowHead(Graphics2D g, double x, double y, double dx, double dy) {
            double len = Math.hypot(dx, dy);
            double ux = dx / len;
            double uy = dy / len;
            double l = 11;
            double w = 4.5;
            Path2D.Double p = new Path2D.Double();
            p.moveTo(x + ux * l / 2, y + uy * l / 2);
            p.lineTo(x - ux * l / 2 - uy * w, y - uy * l / 2 + ux * w);
            p.lineTo(x - ux * l / 4, y - uy * l / 4);
            p.lineTo(x - ux * l / 2 + uy * w, y - uy * l / 2 - ux * w);
            p.closePath();
            g.fill(p);
        }
    }

    /** Where to put direction arrows along a polyline in screen coordinates. */
    static final class Arrows {
        private Arrows() {
        }

        /** Minimum segment length (pixels) for an arrow of its own. */
        static final double MIN_SEGMENT = 22;

        /**
         * Arrow positions and directions {x, y, dx, dy}: on a polyline of at most 12 segments (a discrete map), the
         * middle of every segment long enough to hold an arrow; on a longer one (a sampled continuous flow), a
         * quarter, half and three quarters of the way along its length. None when the path is shorter than an arrow.
         */
        static List<double[]> positions(double[] sx, double[] sy) {
            int n = sx.length;
            List<double[]> out = new ArrayList<>();
            double total = 0;
            double[] seg = new double[Math.max(0, n - 1)];
            for (int i = 0; i + 1 < n; i++) {
                seg[i] = Math.hypot(sx[i + 1] - sx[i], sy[i + 1] - sy[i]);
                if (Double.isFinite(seg[i])) {
                    total += seg[i];
                }
            }
            if (!(total >= MIN_SEGMENT)) {
                return out;
            }
            if (n - 1 <= 12) {
                for (int i = 0; i + 1 < n; i++) {
                    if (seg[i] >= MIN_SEGMENT) {
                        out.add(new double[] {(sx[i] + sx[i + 1]) / 2, (sy[i] + sy[i + 1]) / 2, sx[i + 1] - sx[i], sy[i + 1] - sy[i]});
                    }
                }
                if (!out.isEmpty()) {
                    return out;
                }
            }
            for (double frac : new double[] {0.25, 0.5, 0.75}) {
                double target = frac * total;
                double acc = 0;
                for (int i = 0; i + 1 < n; i++) {
                    if (!Double.isFinite(seg[i]) || seg[i] == 0) {
                        continue;
                    }
                    if (acc + seg[i] >= target) {
                        double t = (target - acc) / seg[i];
                        out.add(new double[] {sx[i] + t * (sx[i + 1] - sx[i]), sy[i] + t * (sy[i + 1] - sy[i]),
                            sx[i + 1] - sx[i], sy[i + 1] - sy[i]});
                        break;
                    }
                    acc += seg[i];
                }
            }
            return out;
        }
    }
}
