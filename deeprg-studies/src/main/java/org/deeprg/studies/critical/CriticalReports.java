package org.deeprg.studies.critical;

import org.deeprg.critical.CouplingFlow;
import org.deeprg.critical.CriticalRegulariser;
import org.deeprg.critical.CouplingConvention;
import org.deeprg.critical.CriticalityAnalysis;
import org.deeprg.critical.LayerCouplings;
import org.deeprg.critical.TwoPointFunction;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeprg.io.NdArray;
import org.deeprg.io.WeightFiles;
import org.deeprg.result.Figure;
import org.deeprg.result.Result;
import org.deeprg.result.Series;
import org.deeprg.result.Table;

/**
 * Builds {@link Result}s (data, table, figures) for the two-point function and for the couplings of a weight file;
 * shared by the {@code critical correlation} / {@code critical couplings} commands and the reproduce study.
 */
public final class CriticalReports {
    /** Largest N analysed by {@link #couplings} (one N x N eigen-decomposition per layer). */
    public static final int MAX_UNITS = 4096;

    private CriticalReports() {
    }

    /** Result of {@link TwoPointFunction#compute}: the fit, a table of C(x) and a plot with the fitted line. */
    public static Result correlation(TwoPointFunction.Result res) {
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

    /** Which index of a stored weight matrix indexes the units of w = v v^T. */
    public enum Units {
        /** N = rows: w = v v^T over the rows (Eq. 32 with v as stored). */
        ROWS,
        /** N = columns: w = v^T v over the columns. */
        COLUMNS
    }

    /**
     * Per-layer analysis of a weight file.
     *
     * @param name                 array name in the file
     * @param shape                stored shape
     * @param units                N
     * @param a                    factor a of the convention
     * @param g                    gradient coupling g
     * @param massFrobeniusNorm    ||r||_F
     * @param massTrace            trace of r
     * @param linearCouplingNorm   ||u||_2
     * @param analysis             case classification and criticality residuals
     * @param spectrum             eigenvalues of a w, ascending (not in the JSON; plotted)
     */
    public record LayerReport(String name, int[] shape, int units, double a, double g, double massFrobeniusNorm,
                              double massTrace, double linearCouplingNorm, CriticalityAnalysis analysis,
                              @com.fasterxml.jackson.annotation.JsonIgnore double[] spectrum) {
    }

    /**
     * JSON of {@code critical couplings}.
     *
     * @param file       the weight file
     * @param beta       beta
     * @param h          uniform external field
     * @param convention Eq. 13 or Eq. 55
     * @param units      rows or columns as units
     * @param layers     one report per 2-d array
     * @param skipped    arrays not analysed, with the reason
     */
    public record CouplingsReport(String file, double beta, double h, CouplingConvention convention, Units units,
                                  List<LayerReport> layers, List<String> skipped) {
    }

    /** Reads a weight file and analyses every 2-d array as a layer. */
    public static Result couplings(Path file, double beta, double h, CouplingConvention convention, Units units) {
        List<NdArray> arrays = WeightFiles.read(file);
        List<LayerReport> layers = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Table.Builder table = Table.builder("layers", "layer", "N", "case", "nearest case", "flow residual",
                "Eq. 33 residual", "Eq. 30 residual", "min eig a w", "max eig a w");
        List<Series> spectra = new ArrayList<>();
        for (NdArray arr : arrays) {
            int[] s = arr.shape();
            if (s.length != 2) {
                skipped.add(arr.name() + ": rank " + s.length + ", not a 2-d weight matrix");
                continue;
            }
            int rows = units == Units.ROWS ? s[0] : s[1];
            int cols = units == Units.ROWS ? s[1] : s[0];
            if (rows == 0 || cols == 0) {
                skipped.add(arr.name() + ": empty");
                continue;
            }
            if (rows > MAX_UNITS) {
                skipped.add(arr.name() + ": N = " + rows + " units exceeds the limit of " + MAX_UNITS
                        + " (try --units " + (units == Units.ROWS ? "columns" : "rows") + ")");
                continue;
            }
            double[] v = arr.data();
            boolean finite = true;
            for (double e : v) {
                finite &= Double.isFinite(e);
            }
            if (!finite) {
                skipped.add(arr.name() + ": contains NaN or infinite weights");
                continue;
            }
            if (units == Units.COLUMNS) {
                double[] t = new double[v.length];
                CriticalRegulariser.transpose(v, s[0], s[1], t);
                v = t;
            }
            LayerCouplings layer = LayerCouplings.fromLayer(v, rows, cols, beta, h, convention);
            CriticalityAnalysis an = CriticalityAnalysis.of(layer);
            double[] r = layer.r();
            double fro = 0;
            double trace = 0;
            for (int i = 0; i < rows; i++) {
                trace += r[i * rows + i];
            }
            for (double e : r) {
                fro += e * e;
            }
            double un = 0;
            for (double e : layer.u()) {
                un += e * e;
            }
            double[] spectrum = an.spectrum();
            layers.add(new LayerReport(arr.name(), s, rows, layer.a(), layer.g(), Math.sqrt(fro), trace, Math.sqrt(un),
                    an, spectrum));
            table.row(arr.name(), rows, an.fixedPointCase(), an.nearestCase(), an.flowResidual(),
                    an.componentResidual(), an.neumannResidual(), an.minEigenvalue(), an.maxEigenvalue());
            double[] rank = new double[spectrum.length];
            for (int i = 0; i < rank.length; i++) {
                rank[i] = (i + 0.5) / rank.length;
            }
            spectra.add(Series.line(arr.name(), rank, spectrum));
        }
        Result.Builder b = Result.builder("Couplings of the layers of " + file.getFileName())
                .data(new CouplingsReport(file.toString(), beta, h, convention, units, layers, skipped))
                .table(table.build()).inputFile(file);
        if (!spectra.isEmpty()) {
            double[] ends = {0, 1};
            spectra.add(Series.line("fixed point a w = 1 (Eq. 28)", ends, new double[] {1, 1}));
            spectra.add(Series.line("singularity a w = 1/2 (Eq. 26)", ends, new double[] {0.5, 0.5}));
            b.figure(Figure.of("spectrum", "Spectrum of a w per layer", "rank / N", "eigenvalue of a w",
                    "Eigenvalues of a w = (beta/N) v v^T (Eq. 32) for each layer. The flow Eq. 26 moves each eigenvalue "
                            + "x as 2x(1-x)/(1-2x): fixed points at 0 (trivial) and 1 (critical Curie-Weiss, Eq. 28), "
                            + "singular at 1/2.", spectra.toArray(new Series[0])));
        }
        for (LayerReport l : layers) {
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

    static double[] spectrum(LayerCouplings layer) {
        var eig = CouplingFlow.eigen(layer.w(), layer.n(), false);
        double[] x = new double[layer.n()];
        for (int q = 0; q < x.length; q++) {
            x[q] = layer.a() * eig.getEigenvalue(q).getReal();
        }
        java.util.Arrays.sort(x);
        return x;
    }

    private static double[] unbox(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
