package org.deeprg.studies.critical;

import org.deeprg.fit.PowerLawFit;
import org.deeprg.fit.TailFit;
import org.deeprg.fit.HurwitzZeta;

import java.util.Arrays;
import org.deeprg.result.Figure;
import org.deeprg.result.Series;

/** Figures of a power-law fit: the empirical complementary CDF with the fitted tail (CSN Fig. 1 style). */
public final class PowerLawPlots {
    /** Largest number of plotted points per series (the CCDF is thinned evenly in rank beyond that). */
    static final int MAX_POINTS = 2000;

    private PowerLawPlots() {
    }

    /** A series of the empirical CCDF P(X >= x) of {@code data} (not modified), thinned to at most MAX_POINTS. */
    public static Series ccdf(String name, double[] data) {
        double[] s = data.clone();
        Arrays.sort(s);
        int n = s.length;
        int points = Math.min(n, MAX_POINTS);
        double[] x = new double[points];
        double[] y = new double[points];
        for (int k = 0; k < points; k++) {
            int i = (int) ((long) k * n / points);
            while (i > 0 && s[i - 1] == s[i]) {
                i--;
            }
            x[k] = s[i];
            y[k] = (n - i) / (double) n;
        }
        return Series.markers(name, x, y);
    }

    /** The fitted power-law CCDF over the tail, scaled by the tail fraction so it overlays {@link #ccdf}. */
    public static Series fittedTail(String name, double[] data, TailFit fit) {
        double max = Arrays.stream(data).max().orElse(fit.xmin());
        int points = 50;
        double[] x = new double[points];
        double[] y = new double[points];
        double fraction = fit.nTail() / (double) fit.n();
        for (int k = 0; k < points; k++) {
            double xv = fit.xmin() * Math.pow(Math.max(max / fit.xmin(), 1.0 + 1e-9), k / (double) (points - 1));
            x[k] = xv;
            y[k] = fraction * (fit.discrete()
                    ? HurwitzZeta.zeta(fit.alpha(), Math.ceil(xv)) / HurwitzZeta.zeta(fit.alpha(), fit.xmin())
                    : Math.pow(xv / fit.xmin(), 1 - fit.alpha()));
        }
        return Series.line(name, x, y);
    }

    /** Both series on log-log axes. */
    public static Figure ccdfFigure(String name, String title, String xLabel, double[] data, PowerLawFit fit) {
        TailFit tail = new TailFit(fit.alpha(), fit.alphaStderr(), fit.xmin(), fit.ks(), fit.nTail(), fit.n(),
                fit.discrete(), 0, fit.exhaustiveScan());
        return Figure.of(name, title, xLabel, "P(X >= x)",
                String.format(java.util.Locale.ROOT,
                        "Empirical complementary CDF (markers) and the maximum-likelihood power law above x_min = %.4g "
                                + "(line): alpha = %.3f +- %.3f, KS = %.4f, bootstrap p = %.2f.",
                        fit.xmin(), fit.alpha(), fit.alphaStderr(), fit.ks(), fit.pValue()),
                ccdf("data", data), fittedTail("power law fit", data, tail)).withLogAxes(true, true);
    }
}
