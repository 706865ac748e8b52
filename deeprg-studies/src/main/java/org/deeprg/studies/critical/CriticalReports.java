package org.deeprg.studies.critical;

import org.deeprg.critical.CouplingsAnalysis;
import org.deeprg.critical.CouplingsResult;
import org.deeprg.critical.CriticalityAnalysis;
import org.deeprg.critical.TwoPointFunction;
import org.deeprg.critical.TwoPointResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeprg.result.Figure;
import org.deeprg.result.Result;
import org.deeprg.result.Series;
import org.deeprg.result.Table;

/**
 * The presenters of the criticality theory: turn the typed results of {@link TwoPointFunction#run} and
 * {@link CouplingsAnalysis#run} into report {@link Result}s (the result as data, CSV tables, figures, summary lines),
 * for the {@code critical correlation} / {@code critical couplings} commands and the reproduce study.
 */
public final class CriticalReports {
    private CriticalReports() {
    }

    /** The report of {@link TwoPointFunction#run}: the fit, a table of C(x) and a plot with the fitted line. */
    public static Result correlation(TwoPointResult res) {
        int d = res.dimension();
        double[] x = res.distance();
        double[] c = res.correlation();
        Table.Builder table = Table.builder("two-point-function", "x", "C(x)");
        for (int i = 0; i < x.length; i++) {
            table.row(x[i], c[i]);
        }
        List<Double> fx = new ArrayList<>();
        List<Double> fy = new ArrayList<>();
        List<Double> lx = new ArrayList<>();
        List<Double> ly = new ArrayList<>();
        Figure figure;
        String title;
        if (res.r() > 0) {
            double xi = res.correlationLength();
            for (int i = 1; i < x.length && x[i] <= 12 * res.correlationLengthTheory(); i++) {
                double y = c[i] * Math.pow(x[i], (d - 1) / 2.0);
                if (y > 0) {
                    fx.add(x[i]);
                    fy.add(y);
                }
                if (x[i] >= res.fitFrom() && x[i] <= res.fitTo()) {
                    lx.add(x[i]);
                    ly.add(Math.exp(res.fit().at(x[i])));
                }
            }
            title = String.format(Locale.ROOT, "d = %d, r = %g, g = %g: correlation length %.4g (theory sqrt(g/r) = %.4g)",
                    d, res.r(), res.g(), xi, res.correlationLengthTheory());
            figure = Figure.of("two-point-function", "Gaussian two-point function, d = " + d + ", r = " + res.r(),
                    "x", "C(x) x^((d-1)/2)", "C(x) of the Gaussian theory (App. C) on a " + res.sites() + "^" + d
                            + " lattice (spacing " + fmt(res.spacing()) + ") along an axis, times the "
                            + "Ornstein-Zernike factor; the line is the fit exp(-x/xi) on the fit window, xi = "
                            + fmt(xi) + " vs sqrt(g/r) = " + fmt(res.correlationLengthTheory()) + ".",
                    Series.markers("C(x) x^((d-1)/2)", unbox(fx), unbox(fy)), Series.line("fit", unbox(lx), unbox(ly)))
                    .withLogAxes(false, true);
        } else {
            double a = res.spacing();
            for (int i = 1; i + 1 < x.length; i++) {
                double diff = (c[i] - c[i + 1]) / a;
                double mid = x[i] + a / 2;
                if (diff > 0) {
                    fx.add(mid);
                    fy.add(diff);
                }
                if (x[i] >= res.fitFrom() && x[i] <= res.fitTo()) {
                    lx.add(mid);
                    ly.add(Math.exp(res.fit().at(Math.log(mid))));
                }
            }
            title = String.format(Locale.ROOT, "d = %d, r = 0, g = %g: decay exponent %.4f (theory d - 2 = %d)",
                    d, res.g(), res.decayExponent(), d - 2);
            figure = Figure.of("two-point-function", "Critical Gaussian two-point function, d = " + d,
                    "x", "-dC/dx", "-dC/dx (finite difference) of C(x) at r = 0 on a " + res.sites() + "^" + d
                            + " lattice; C ~ |x|^-(d-2) (log for d = 2) means -dC/dx ~ x^-(d-1). Line: fit on the "
                            + "window, decay exponent " + fmt(res.decayExponent()) + " vs d - 2 = " + (d - 2)
                            + ", amplitude " + fmt(res.amplitude()) + " vs " + fmt(res.amplitudeTheory()) + ".",
                    Series.markers("-dC/dx", unbox(fx), unbox(fy)), Series.line("fit", unbox(lx), unbox(ly)))
                    .withLogAxes(true, true);
        }
        return Result.builder("Two-point function of the Gaussian theory").data(res).table(table.build())
                .figure(figure).summary(title).build();
    }

    /**
     * The report of {@link CouplingsAnalysis#run}: the result as data, a table of the layers, the spectra of
     * {@code a w} and one summary line per layer.
     */
    public static Result couplings(CouplingsResult result) {
        Path file = Path.of(result.file());
        Table.Builder table = Table.builder("layers", "layer", "N", "case", "nearest case", "flow residual",
                "Eq. 33 residual", "Eq. 30 residual", "min eig a w", "max eig a w");
        List<Series> spectra = new ArrayList<>();
        for (CouplingsResult.Layer l : result.layers()) {
            CriticalityAnalysis an = l.analysis();
            table.row(l.name(), l.units(), an.fixedPointCase(), an.nearestCase(), an.flowResidual(),
                    an.componentResidual(), an.neumannResidual(), an.minEigenvalue(), an.maxEigenvalue());
            double[] spectrum = l.spectrum();
            double[] rank = new double[spectrum.length];
            for (int i = 0; i < rank.length; i++) {
                rank[i] = (i + 0.5) / rank.length;
            }
            spectra.add(Series.line(l.name(), rank, spectrum));
        }
        List<CouplingsResult.Layer> layers = result.layers();
        List<String> skipped = result.skipped();
        Result.Builder b = Result.builder("Couplings of the layers of " + file.getFileName())
                .data(result)
                .table(table.build());
        if (java.nio.file.Files.isRegularFile(file)) {
            b.inputFile(file);
        }
        if (!spectra.isEmpty()) {
            double[] ends = {0, 1};
            spectra.add(Series.line("fixed point a w = 1 (Eq. 28)", ends, new double[] {1, 1}));
            spectra.add(Series.line("singularity a w = 1/2 (Eq. 26)", ends, new double[] {0.5, 0.5}));
            b.figure(Figure.of("spectrum", "Spectrum of a w per layer", "rank / N", "eigenvalue of a w",
                    "Eigenvalues of a w = (beta/N) v v^T (Eq. 32) for each layer. The flow Eq. 26 moves each eigenvalue "
                            + "x as 2x(1-x)/(1-2x): fixed points at 0 and 1 (all eigenvalues 1: Eq. 28; a mix of 0 and 1: "
                            + "the second bullet of Sec. 2.5), singular at 1/2.", spectra.toArray(new Series[0])));
        }
        for (CouplingsResult.Layer l : layers) {
            b.summary(String.format(Locale.ROOT, "%s: N = %d, %s (nearest %s), flow residual %.3g, Eq. 33 residual %.3g,"
                            + " Eq. 30 residual %.3g", l.name(), l.units(), l.analysis().fixedPointCase(),
                    l.analysis().nearestCase(), l.analysis().flowResidual(), l.analysis().componentResidual(),
                    l.analysis().neumannResidual()));
        }
        for (String s : skipped) {
            b.summary("skipped " + s);
        }
        if (layers.isEmpty()) {
            b.summary("no 2-d weight matrix found");
        }
        return b.build();
    }

    private static double[] unbox(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
