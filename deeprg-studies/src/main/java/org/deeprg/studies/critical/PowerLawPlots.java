package org.deeprg.studies.critical;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeprg.fit.FittedModel;
import org.deeprg.fit.ModelComparison;
import org.deeprg.fit.PowerLawResult;
import org.deeprg.fit.Support;
import org.deeprg.fit.TailDistribution;
import org.deeprg.result.Figure;
import org.deeprg.result.Result;
import org.deeprg.result.Series;
import org.deeprg.result.Table;
import org.deeprg.stats.Estimate;

/**
 * The presenter of a power-law analysis ({@link PowerLawResult}, org.deeprg.fit): tables of the fit and of every
 * alternative, the likelihood-ratio tests, and three figures on log axes, each with the data and every fitted model in
 * its own series (CSN Figs. 1 and 5 style):
 * <ul>
 * <li>{@code pdf}: the probability density of the data on logarithmic bins (10 per decade; for discrete data the
 *     integers in each bin) and the density of each fitted model averaged over the same bins, scaled by the tail's
 *     share of the sample;</li>
 * <li>{@code cdf}: \( P(X \le x) \) of the data and, above \( x_{min} \), of each model
 *     \( (n - n_{tail})/n + (n_{tail}/n) F(x) \);</li>
 * <li>{@code ccdf}: \( P(X \ge x) \) of the data and \( (n_{tail}/n) P_{model}(X \ge x) \) of each model.</li>
 * </ul>
 * Series are plain markers and lines (a log-binned PDF drawn as bars would need a bar style in the report renderer).
 */
public final class PowerLawPlots {
    /** Largest number of plotted points of an empirical curve (thinned evenly in rank beyond that). */
    static final int MAX_POINTS = 2000;
    /** Points per model curve. */
    static final int CURVE_POINTS = 120;
    /** Logarithmic bins per decade of the PDF. */
    static final int BINS_PER_DECADE = 10;

    private PowerLawPlots() {
    }

    /** The result of {@code critical powerlaw}: data, tables, figures, summary lines ({@code input} may be null). */
    public static Result result(String title, PowerLawResult r, java.nio.file.Path input) {
        Result.Builder b = Result.builder(title).data(r).table(fitTable(r)).table(alternativesTable(r));
        if (!r.comparisons().isEmpty()) {
            b.table(comparisonsTable("comparisons", r.comparisons()));
        }
        for (Figure f : figures(r, "x")) {
            b.figure(f);
        }
        for (String line : summary(r)) {
            b.summary(line);
        }
        if (input != null) {
            b.inputFile(input);
        }
        return b.build();
    }

    /** The pdf, cdf and ccdf figures. */
    public static List<Figure> figures(PowerLawResult r, String xLabel) {
        return List.of(pdfFigure(r, xLabel), cdfFigure(r, xLabel), ccdfFigure(r, xLabel));
    }

    /** Summary lines for the console. */
    public static List<String> summary(PowerLawResult r) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%s power law: alpha = %.4f +- %.4f above x_min = %.6g (%d of %d points, x_min by %s%s)",
                r.discrete() ? "discrete" : "continuous", r.alpha(), r.alphaStderr(), r.xmin(), r.nTail(), r.n(), r.xminSelection(),
                r.xmax() == null ? "" : ", bounded by x_max = " + r.xmax()));
        if (r.alphaClosedForm() != null) {
            out.add(String.format(Locale.ROOT, "CSN Eq. 3.7 closed form at this x_min: alpha = %.4f", r.alphaClosedForm()));
        }
        PowerLawResult.Uncertainty u = r.uncertainty();
        if (u.resamples() > 0) {
            out.add(String.format(Locale.ROOT, "bootstrap (%d resamples): x_min %s, alpha %s, KS %s, n_tail %s", u.resamples(),
                    u.xmin().format(), u.alpha().format(), u.ks().format(), u.nTail().format()));
        }
        PowerLawResult.GoodnessOfFit g = r.goodnessOfFit();
        out.add(String.format(Locale.ROOT, "KS distance %.5f, goodness of fit: %s", r.ks(), g.resamples() == 0 ? "not computed"
                : String.format(Locale.ROOT, "p = %s (%d resamples): %s", g.pValue().format(), g.resamples(),
                g.plausible() ? "power law plausible" : "power law ruled out (p < 0.1)")));
        for (PowerLawResult.Alternative a : r.alternatives()) {
            ModelComparison c = a.vsPowerLaw();
            out.add(c == null ? "vs " + a.name() + ": no fit (" + a.note() + ")"
                    : String.format(Locale.ROOT, "vs %s: R = %.4g, p = %.3g%s -> %s", a.name(), c.logLikelihoodRatio(), c.pValue(),
                    c.nested() ? " (nested)" : "", c.favoured()));
        }
        for (ModelComparison c : r.comparisons()) {
            out.add(String.format(Locale.ROOT, "%s vs %s: R = %.4g, p = %.3g%s -> %s", c.first(), c.second(), c.logLikelihoodRatio(),
                    c.pValue(), c.nested() ? " (nested)" : "", c.favoured()));
        }
        return out;
    }

    /** The power-law fit as a table. */
    public static Table fitTable(PowerLawResult r) {
        Table.Builder t = Table.builder("power-law-fit", "quantity", "value", "standard error", "note");
        PowerLawResult.Uncertainty u = r.uncertainty();
        t.row("alpha", r.alpha(), r.alphaStderr(), r.alphaEstimator() + (u.resamples() > 0
                ? String.format(Locale.ROOT, "; bootstrap error %.3g", u.alpha().stderr()) : ""));
        t.row("x_min", r.xmin(), u.resamples() > 0 ? u.xmin().stderr() : null, u.resamples() > 0 ? reliability(u.xmin()) : u.note());
        t.row("n_tail", r.nTail(), u.resamples() > 0 ? u.nTail().stderr() : null, "of " + r.n());
        t.row("KS distance", r.ks(), u.resamples() > 0 ? u.ks().stderr() : null, "two-sided");
        PowerLawResult.GoodnessOfFit g = r.goodnessOfFit();
        t.row("p-value", g.pValue() == null ? null : g.pValue().mean(), g.pValue() == null ? null : g.pValue().stderr(),
                g.note() == null ? g.resamples() + " resamples" : g.note());
        if (r.alphaClosedForm() != null) {
            t.row("alpha (CSN Eq. 3.7)", r.alphaClosedForm(), null, "closed form at the same x_min");
        }
        return t.build();
    }

    private static String reliability(Estimate e) {
        return e.stderrReliable() ? "bootstrap" : "bootstrap; unreliable: " + e.unreliableBecause();
    }

    /** One row per alternative: parameters with standard errors, log-likelihood, the test against the power law. */
    public static Table alternativesTable(PowerLawResult r) {
        Table.Builder t = Table.builder("alternatives", "model", "parameters", "log-likelihood", "R (power law - model)",
                "normalised R", "p-value", "nested", "favoured", "note");
        t.row("powerLaw", String.format(Locale.ROOT, "alpha = %.5g +- %.2g", r.alpha(), r.alphaStderr()), r.logLikelihood(),
                null, null, null, null, null, null);
        for (PowerLawResult.Alternative a : r.alternatives()) {
            ModelComparison c = a.vsPowerLaw();
            t.row(a.name().key(), parameters(a.parameters(), a.standardErrors()), a.logLikelihood(),
                    c == null ? null : c.logLikelihoodRatio(), c == null ? null : c.normalizedRatio(), c == null ? null : c.pValue(),
                    c == null ? null : c.nested(), c == null ? null : c.favoured(), a.note());
        }
        return t.build();
    }

    /** Pairwise tests as a table. */
    public static Table comparisonsTable(String name, List<ModelComparison> comparisons) {
        Table.Builder t = Table.builder(name, "first", "second", "R", "normalised R", "p-value", "nested", "favoured");
        for (ModelComparison c : comparisons) {
            t.row(c.first().key(), c.second().key(), c.logLikelihoodRatio(), c.normalizedRatio(), c.pValue(), c.nested(), c.favoured());
        }
        return t.build();
    }

    private static String parameters(Map<String, Double> values, Map<String, Double> errors) {
        if (values == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Double> e : values.entrySet()) {
            Double se = errors == null ? null : errors.get(e.getKey());
            parts.add(e.getKey() + " = " + (e.getValue() == null ? "n/a" : String.format(Locale.ROOT, "%.5g", e.getValue()))
                    + (se == null ? "" : String.format(Locale.ROOT, " +- %.2g", se)));
        }
        return String.join(", ", parts);
    }

    // ---------------------------------------------------------------------------------------------- figures

    private static List<TailDistribution> models(PowerLawResult r) {
        List<TailDistribution> out = new ArrayList<>();
        out.add(r.powerLaw().distribution());
        for (FittedModel f : r.fits()) {
            if (f.ok()) {
                out.add(f.distribution());
            }
        }
        return out;
    }

    /** The x values of a model curve: log-spaced over the tail (integers for discrete data). */
    private static double[] curveX(PowerLawResult r) {
        double[] data = r.sortedData();
        double top = r.xmax() != null ? r.xmax() : data[data.length - 1];
        top = Math.max(top, r.xmin() * (1 + 1e-9));
        double[] x = new double[CURVE_POINTS];
        int count = 0;
        for (int k = 0; k < CURVE_POINTS; k++) {
            double v = r.xmin() * Math.pow(top / r.xmin(), k / (double) (CURVE_POINTS - 1));
            if (r.discrete()) {
                v = Math.rint(v);
            }
            if (count == 0 || v > x[count - 1]) {
                x[count++] = v;
            }
        }
        return java.util.Arrays.copyOf(x, count);
    }

    /** \( P(X \ge x) \) of the data, thinned to MAX_POINTS. */
    public static Series empiricalCcdf(String name, double[] sorted) {
        int n = sorted.length;
        List<double[]> pts = new ArrayList<>();
        int step = Math.max(1, n / MAX_POINTS);
        for (int i = 0; i < n; i += step) {
            int first = i;
            while (first > 0 && sorted[first - 1] == sorted[first]) {
                first--;
            }
            if (pts.isEmpty() || pts.get(pts.size() - 1)[0] != sorted[first]) {
                pts.add(new double[] {sorted[first], (n - first) / (double) n});
            }
        }
        return Series.markers(name, column(pts, 0), column(pts, 1));
    }

    /** \( P(X \le x) \) of the data, thinned to MAX_POINTS. */
    public static Series empiricalCdf(String name, double[] sorted) {
        int n = sorted.length;
        List<double[]> pts = new ArrayList<>();
        int step = Math.max(1, n / MAX_POINTS);
        for (int i = 0; i < n; i += step) {
            int last = i;
            while (last + 1 < n && sorted[last + 1] == sorted[last]) {
                last++;
            }
            if (pts.isEmpty() || pts.get(pts.size() - 1)[0] != sorted[last]) {
                pts.add(new double[] {sorted[last], (last + 1) / (double) n});
            }
        }
        return Series.markers(name, column(pts, 0), column(pts, 1));
    }

    private static double[] column(List<double[]> pts, int c) {
        double[] out = new double[pts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = pts.get(i)[c];
        }
        return out;
    }

    private static String label(TailDistribution d) {
        return d.model().key();
    }

    static Figure ccdfFigure(PowerLawResult r, String xLabel) {
        List<Series> series = new ArrayList<>();
        series.add(empiricalCcdf("data", r.sortedData()));
        double share = r.nTail() / (double) r.n();
        double[] x = curveX(r);
        double floor = 0.1 / r.n();
        for (TailDistribution d : models(r)) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = share * d.survival(x[i]);
            }
            series.add(above(Series.line(label(d), x, y), floor));
        }
        return new Figure("ccdf", "Complementary CDF with the fitted models", xLabel, "P(X >= x)", true, true, series,
                String.format(Locale.ROOT, "Markers: the empirical P(X >= x) of all %d values. Lines: each model fitted above x_min = %.4g"
                        + " (%d values), times the tail's share %.4g of the sample. Power law alpha = %.4f +- %.4f, KS = %.4f.",
                        r.n(), r.xmin(), r.nTail(), share, r.alpha(), r.alphaStderr(), r.ks()));
    }

    static Figure cdfFigure(PowerLawResult r, String xLabel) {
        List<Series> series = new ArrayList<>();
        series.add(empiricalCdf("data", r.sortedData()));
        double share = r.nTail() / (double) r.n();
        double below = (r.n() - r.nTail() - r.aboveXmax()) / (double) r.n();
        double[] x = curveX(r);
        for (TailDistribution d : models(r)) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = below + share * d.cdf(x[i]);
            }
            series.add(above(Series.line(label(d), x, y), 0));
        }
        return new Figure("cdf", "CDF with the fitted models", xLabel, "P(X <= x)", true, true, series,
                String.format(Locale.ROOT, "Markers: the empirical P(X <= x). Lines: above x_min = %.4g, the share of values below x_min"
                        + " plus the tail's share times each fitted model's CDF.", r.xmin()));
    }

    static Figure pdfFigure(PowerLawResult r, String xLabel) {
        double[] data = r.sortedData();
        int n = data.length;
        double lo = data[0];
        double hi = data[n - 1];
        if (r.discrete()) {
            lo -= 0.5;
            hi += 0.5;
        }
        int bins = Math.max(1, (int) Math.ceil(Math.log10(hi / lo) * BINS_PER_DECADE));
        double[] edges = new double[bins + 1];
        for (int k = 0; k <= bins; k++) {
            edges[k] = lo * Math.pow(hi / lo, k / (double) bins);
        }
        if (r.discrete()) {
            // integer-aligned edges (k - 1/2), distinct
            List<Double> e = new ArrayList<>();
            for (double v : edges) {
                double edge = Math.floor(v) + 0.5;
                if (e.isEmpty() || edge > e.get(e.size() - 1)) {
                    e.add(edge);
                }
            }
            if (e.get(0) > data[0]) {
                e.add(0, data[0] - 0.5);
            }
            if (e.get(e.size() - 1) < data[n - 1]) {
                e.add(data[n - 1] + 0.5);
            }
            edges = e.stream().mapToDouble(Double::doubleValue).toArray();
        }
        List<double[]> pts = new ArrayList<>();
        int i = 0;
        double[] centres = new double[edges.length - 1];
        for (int k = 0; k + 1 < edges.length; k++) {
            centres[k] = Math.sqrt(Math.max(edges[k], 1e-300) * edges[k + 1]);
            int count = 0;
            while (i < n && (data[i] < edges[k + 1] || k + 2 == edges.length)) {
                count++;
                i++;
            }
            if (count > 0) {
                pts.add(new double[] {centres[k], count / (n * (edges[k + 1] - edges[k]))});
            }
        }
        List<Series> series = new ArrayList<>();
        series.add(Series.markers("data", column(pts, 0), column(pts, 1)));
        double share = r.nTail() / (double) r.n();
        // model curves are drawn down to a tenth of the smallest density one value can give
        double floor = 0.1 / (n * (edges[edges.length - 1] - edges[edges.length - 2]));
        for (TailDistribution d : models(r)) {
            Support s = d.support();
            List<double[]> line = new ArrayList<>();
            for (int k = 0; k + 1 < edges.length; k++) {
                double a = Math.max(edges[k], s.xmin() - (s.discrete() ? 0.5 : 0));
                double b = Math.min(edges[k + 1], s.xmax() + (s.discrete() ? 0.5 : 0));
                if (b <= a) {
                    continue;
                }
                // mass of the model in [a, b) (discrete: the integers there), per unit length of the whole bin
                double mass = s.discrete() ? d.survival(Math.ceil(a)) - d.survival(Math.ceil(b)) : d.survival(a) - d.survival(b);
                double density = share * mass / (edges[k + 1] - edges[k]);
                if (density > floor) {
                    line.add(new double[] {centres[k], density});
                }
            }
            if (!line.isEmpty()) {
                series.add(Series.line(label(d), column(line, 0), column(line, 1)));
            }
        }
        return new Figure("pdf", "Probability density on logarithmic bins with the fitted models", xLabel, "p(x)", true, true,
                series, String.format(Locale.ROOT, "Markers: the fraction of all %d values in each of %d logarithmic bins per decade%s,"
                        + " divided by the bin width. Lines: the probability each fitted model puts in the same bins above x_min = %.4g,"
                        + " times the tail's share %.4g, divided by the bin width.", n, BINS_PER_DECADE,
                        r.discrete() ? " (edges at half-integers)" : "", r.xmin(), share));
    }

    /**
     * Keeps the points with y above {@code floor} (and positive: log axes). Model curves are cut a decade below the
     * smallest value the data can show, so that a fast-decaying alternative does not stretch the axis over hundreds of
     * empty decades.
     */
    private static Series above(Series s, double floor) {
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < s.x().length; i++) {
            if (s.y()[i] > floor && s.y()[i] > 0 && Double.isFinite(s.y()[i])) {
                pts.add(new double[] {s.x()[i], s.y()[i]});
            }
        }
        return new Series(s.name(), column(pts, 0), column(pts, 1), null, s.style());
    }
}
