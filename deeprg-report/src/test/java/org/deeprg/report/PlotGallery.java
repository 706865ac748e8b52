package org.deeprg.report;

import java.util.ArrayList;
import java.util.List;
import org.deeprg.result.Figure;
import org.deeprg.result.Series;
import org.deeprg.stats.Estimate;

/** Figures exercising every rule of the renderer (shared by the renderer tests; written to target/plot-gallery). */
final class PlotGallery {
    private PlotGallery() {
    }

    /** Power law with sampled points (two flagged unreliable), its fit in the same colour, and a reference line. */
    static Figure powerLaw() {
        double[] n = {1, 3, 10, 30, 100, 300, 1000};
        List<Estimate> data = new ArrayList<>();
        double[] fit = new double[n.length];
        double[] exact = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            double y = 2 / n[i];
            Estimate e = Estimate.of(y * (1 + 0.05 * Math.sin(i)), 0.1 * y, 100);
            data.add(i >= 5 ? e.unreliable("heavy tails") : e);
            fit[i] = 2.1 / Math.pow(n[i], 1.02);
            exact[i] = 1.0 / n[i];
        }
        return Figure.of("power-law", "u_4 against sigma_W at betaV = 2", "sigma_W", "|u_4| / sigma_W^2", "Gallery: log-log axes.",
                Series.estimates("sampled", n, data), Series.line("sampled fit", n, fit).fitOf("sampled"),
                Series.line("exact finite-N", n, exact)).withLogAxes(true, true);
    }

    /** Two histograms of counts as bars. */
    static Figure histograms() {
        int bins = 24;
        double[] c = new double[bins];
        double[] a = new double[bins];
        double[] b = new double[bins];
        for (int i = 0; i < bins; i++) {
            c[i] = -3 + (i + 0.5) * 6.0 / bins;
            a[i] = Math.round(200 * Math.exp(-c[i] * c[i] / 2) * 0.25);
            b[i] = Math.round(120 * Math.exp(-(c[i] - 1) * (c[i] - 1)) * 0.25);
        }
        return Figure.of("histograms", "Histogram of W^(1) (Eq. 4)", "W^(1)", "count", "Gallery: histograms as bars.",
                Series.histogram("chi^2 sampled", c, a).asCounts(), Series.histogram("Delta G^(2)", c, b).asCounts());
    }

    /** Three flows of a map towards a fixed line. */
    static Figure flows() {
        List<Series> s = new ArrayList<>();
        double[][] starts = {{2.5, 0.5}, {0.3, 1.5}, {1.8, 2.9}};
        for (double[] st : starts) {
            double[] x = new double[8];
            double[] y = new double[8];
            x[0] = st[0];
            y[0] = st[1];
            for (int i = 1; i < 8; i++) {
                x[i] = x[i - 1] + 0.4 * (1.2 - x[i - 1]);
                y[i] = y[i - 1] + 0.5 * (1 - y[i - 1]);
            }
            s.add(Series.flow("start (" + st[0] + ", " + st[1] + ")", x, y));
        }
        s.add(Series.markers("fixed point", new double[] {1.2}, new double[] {1}));
        return new Figure("flows", "RG flow into the fixed plane e^A = 1", "e^B", "e^A", false, false, s, "Gallery: flows.");
    }

    /** Twelve series, four with fits: distinct colours and fits in their data's colour. */
    static Figure many() {
        List<Series> s = new ArrayList<>();
        double[] x = new double[30];
        for (int i = 0; i < x.length; i++) {
            x[i] = -Math.PI + i * 2 * Math.PI / (x.length - 1);
        }
        for (int k = 0; k < 12; k++) {
            double[] y = new double[x.length];
            double[] f = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = Math.sin(x[i] + 0.25 * k) + 0.3 * k;
                f[i] = 0.95 * y[i] + 0.02;
            }
            s.add(Series.markers("layer " + (k + 1), x, y));
            if (k % 3 == 0) {
                s.add(Series.line("layer " + (k + 1) + " fit", x, f).fitOf("layer " + (k + 1)));
            }
        }
        return new Figure("many", "Dispersion omega^2 against k (lambda = 0.5)", "wave number k (per weight index)",
                "omega^2 + offset", false, false, s, "Gallery: many series, linear axes from -pi to pi.");
    }

    /** One series of counts that are all 1 (degenerate, left out) beside a good one. */
    static Figure partlyDegenerate() {
        double[] r = new double[50];
        double[] ones = new double[50];
        double[] good = new double[50];
        for (int i = 0; i < r.length; i++) {
            r[i] = i + 1;
            ones[i] = 1;
            good[i] = Math.max(1, Math.round(40 / Math.pow(i + 1, 0.8)));
        }
        return Figure.of("partly-degenerate", "Activation-pattern ranks", "rank", "pattern count", "Gallery: one degenerate series.",
                Series.markers("layer 1", r, ones).asCounts(), Series.markers("layer 4", r, good).asCounts()).withLogAxes(true, true);
    }

    /** A histogram with everything in one bin: not drawn. */
    static Figure spike() {
        double[] c = {0.5, 1.5, 2.5, 3.5};
        return Figure.of("spike", "Histogram of m_4", "log10 m_4", "number of multisets", "Gallery: degenerate.",
                Series.histogram("N = 2", c, new double[] {0, 126, 0, 0}).asCounts(),
                Series.histogram("N = 3", c, new double[] {0, 0, 126, 0}).asCounts());
    }

    /** A narrow log axis (less than a decade) and a tiny linear axis. */
    static Figure narrow() {
        double[] x = {2e-6, 3e-6, 4e-6, 5e-6, 6e-6};
        double[] y = {3, 3.5, 4.2, 5.1, 6};
        return Figure.of("narrow", "Narrow axes", "step size", "xi (layers)", "Gallery: small numbers and a narrow log axis.",
                Series.line("xi", x, y)).withLogAxes(false, true);
    }

    static List<Figure> all() {
        return List.of(powerLaw(), histograms(), flows(), many(), partlyDegenerate(), spike(), narrow());
    }
}
