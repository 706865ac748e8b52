package org.deeprg.studies.dyn;

import java.util.ArrayList;
import java.util.List;
import org.deeprg.dyn.rg.Lee2024Recursion;
import org.deeprg.dyn.rg.RgResult;
import org.deeprg.dyn.rg.RgSpec;
import org.deeprg.result.Figure;
import org.deeprg.result.Result;
import org.deeprg.result.Series;
import org.deeprg.result.Table;
import org.deeprg.stats.Format;

/**
 * Presents the result of {@code dyn rg} ({@link org.deeprg.dyn.rg.RgAnalysis#run}): the fixed-point table, summary
 * lines, the xi(delta) scaling plot and, for the paper's model, the flows of Figs. 4-5 and of the bare bond.
 */
public final class RgReport {
    private RgReport() {
    }

    /** The report of one {@code dyn rg} run of {@code spec}. */
    public static Result result(RgSpec spec, RgResult d) {
        boolean paper = "lee2024".equals(d.preset());
        Result.Builder b = Result.builder(paper ? "Decimation RG of Lee, Lee, Yi (2024), N = L = 1 (Eqs. 20-39)"
                : "Decimation RG, N = " + d.width() + ", L = " + d.examples() + ", alphabet " + java.util.Arrays.toString(d.alphabet())
                        + ", b = " + d.rescaling())
                .data(d);
        Table.Builder tb = Table.builder("fixed-points", "kind", "expCouplings", "eigenvalues", "exponents", "stable", "physical", "xi");
        for (RgResult.Point p : d.fixedPoints()) {
            tb.row("isolated", fmt(p.expCouplings()), fmtEig(p), fmtExp(p.exponents()), p.stable(), p.physical(), fmtXi(p.correlationLength()));
        }
        RgResult.Point fullRank = d.fullRankFixedPoint();
        if (fullRank != null) {
            tb.row("K* = P^-1", fmt(fullRank.expCouplings()), fmtEig(fullRank), fmtExp(fullRank.exponents()), fullRank.stable(),
                    fullRank.physical(), fmtXi(fullRank.correlationLength()));
        }
        for (RgResult.Manifold m : d.fixedManifolds()) {
            tb.row("manifold dim " + m.dimension(), m.description(), fmt(m.eigenvalueModuli()), "", "", m.physical(), fmtXi(m.correlationLength()));
        }
        b.table(tb.build());
        int states = 1 << (d.width() * d.examples());
        b.summary("counting matrix P: " + states + " x " + states + ", rank " + d.countingMatrixRank());
        for (RgResult.Manifold m : d.fixedManifolds()) {
            b.summary("fixed manifold (dim " + m.dimension() + "): " + m.description() + "; max residual " + Format.plain(m.maxResidual()));
        }
        for (RgResult.Point p : d.fixedPoints()) {
            b.summary("fixed point " + fmt(p.expCouplings()) + ": eigenvalues " + fmtEig(p) + ", exponents " + fmtExp(p.exponents())
                    + (p.physical() ? " (physical)" : " (fictitious)") + (p.stable() ? ", stable" : ", unstable"));
        }
        if (d.fixedPoints().isEmpty()) {
            b.summary("no isolated fixed point found from " + spec.starts() + " starts" + (spec.fictitious() ? " (real and fictitious)" : ""));
        }
        if (fullRank != null) {
            b.summary("full-rank fixed point K* = P^-1: eigenvalues " + fmtEig(fullRank));
        }
        RgResult.CriticalScaling critical = d.critical();
        if (critical != null) {
            b.summary("critical scaling: nu = 1/y = " + Format.plain(critical.nu()) + ", Eq. 39 exponent -2d+2y_B = "
                    + Format.plain(critical.decayExponent()) + ", numerical d ln xi / d ln delta = " + Format.plain(critical.fittedSlope()));
            b.figure(Figure.of("xi-scaling", "Correlation length near the fixed point", "|delta e^A|", "xi (layers)",
                    "Exact correlation length xi = 1/ln(|lambda_1|/|lambda_2|) of the chain transfer matrix T = K P at the fixed point "
                            + "shifted by delta along the first coupling (markers) and the prediction xi ~ delta^(-nu), nu = 1/y (line), Eq. 38.",
                    Series.markers("xi exact", critical.deltas(), critical.correlationLengths()),
                    Series.line("delta^-nu", critical.deltas(), scaleLine(critical)).fitOf("xi exact")).withLogAxes(true, true));
        }
        if (paper) {
            b.figure(flowNearPlane());
            b.figure(flowNearFictitious());
            b.figure(flowFromBareBond());
        }
        return b.build();
    }

    private static double[] scaleLine(RgResult.CriticalScaling c) {
        double[] y = new double[c.deltas().length];
        double a = c.correlationLengths()[0] * Math.pow(c.deltas()[0], c.nu());
        for (int i = 0; i < y.length; i++) {
            y[i] = a * Math.pow(c.deltas()[i], -c.nu());
        }
        return y;
    }

    /** Fig. 4 analogue: trajectories of the full map near the plane e^A = 1, projected on (e^B, e^A). */
    static Figure flowNearPlane() {
        List<Series> series = new ArrayList<>();
        double[][] starts = {{2.5, 0.5, 0.5}, {0.3, 1.5, 1.0}, {1.8, 2.0, 0.3}, {0.5, 0.4, 2.0}, {3.0, 1.0, 1.0}, {0.2, 3.0, 0.5}};
        for (double[] s : starts) {
            double[][] t = Lee2024Recursion.trajectoryExp(s, 8);
            series.add(Series.flow("start " + fmt(s), column(t, 1), column(t, 0)));
        }
        return Figure.of("flow-plane", "RG flow into the fixed plane e^A = 1 (cf. Fig. 4)", "e^B", "e^A",
                "Eq. 26 iterated 7 times from six real starting points (e^A, e^B, e^C), projected on (e^B, e^A): every flow reaches "
                        + "the plane e^A = 1 of fixed points (Eq. 28) within a few steps (A' = O(A^2)).",
                series.toArray(Series[]::new));
    }

    /** Fig. 5 analogue: flows leaving the fictitious fixed point, starting at e^C = -1/3. */
    static Figure flowNearFictitious() {
        List<Series> series = new ArrayList<>();
        double[] fp = Lee2024Recursion.FICTITIOUS_FIXED_POINT;
        for (int k = 0; k < 8; k++) {
            double ang = 2 * Math.PI * k / 8;
            double[][] t = Lee2024Recursion.trajectoryExp(new double[] {fp[0] + 0.01 * Math.cos(ang), fp[1] + 0.01 * Math.sin(ang), fp[2]}, 6);
            series.add(Series.flow("angle " + (45 * k), column(t, 0), column(t, 1)));
        }
        series.add(Series.markers("fixed point (3, -2/3)", new double[] {fp[0]}, new double[] {fp[1]}));
        return Figure.of("flow-fictitious", "RG flow away from the fictitious fixed point (cf. Fig. 5)", "e^A", "e^B",
                "Eq. 26 iterated 5 times from 8 points at distance 0.01 around (e^A, e^B) = (3, -2/3) with e^C = -1/3, projected on "
                        + "(e^A, e^B): the distance doubles each step (Jacobian diag(2, 2, 2), Eq. 33), the flows diverge.",
                series.toArray(Series[]::new));
    }

    /** The physical flow of the bare bond (2 betaV, -betaV, -betaV). */
    static Figure flowFromBareBond() {
        List<Series> series = new ArrayList<>();
        for (double betaV : new double[] {0.5, 1, 2, 5, 20}) {
            double[] k = Lee2024Recursion.initialCouplings(betaV);
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int s = 0; s < 7 && Math.abs(k[0]) > 1e-15; s++) {
                xs.add((double) s);
                ys.add(Math.abs(k[0]));
                k = Lee2024Recursion.map(k);
            }
            series.add(Series.line("betaV = " + Format.plain(betaV), ExactReport.toArray(xs), ExactReport.toArray(ys))
                    .withStyle(Series.Style.LINE_AND_MARKERS));
        }
        return Figure.of("flow-bare", "Coupling A along the RG flow of the bare dynamic-neuron bond", "RG step", "|A|",
                "|A| after each decimation (Eq. 26, points down to |A| = 1e-15) starting from the bare bond (A, B, C) = (2 betaV, -betaV, -betaV): A -> 0 "
                        + "super-exponentially (the transverse eigenvalue of the plane is 0), i.e. no phase transition for real couplings.",
                series.toArray(Series[]::new)).withLogAxes(false, true);
    }

    private static double[] column(double[][] t, int c) {
        double[] out = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            out[i] = t[i][c];
        }
        return out;
    }

    /** xi as text: "infinite" above 1e12 layers (round-off of |lambda_2| = |lambda_1|). */
    public static String fmtXi(double xi) {
        return xi > 1e12 ? "infinite" : Format.plain(xi);
    }

    /** A vector as {@code (a, b, c)}, or "n/a". */
    public static String fmt(double[] v) {
        if (v == null) {
            return "n/a";
        }
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            s.append(i > 0 ? ", " : "").append(Format.plain(v[i]));
        }
        return s.append(")").toString();
    }

    static String fmtEig(RgResult.Point p) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < p.eigenvalues().length; i++) {
            s.append(i > 0 ? ", " : "").append(Format.plain(p.eigenvalues()[i]));
            if (Math.abs(p.eigenvaluesImaginary()[i]) > 1e-12) {
                s.append(p.eigenvaluesImaginary()[i] > 0 ? "+" : "-").append(Format.plain(Math.abs(p.eigenvaluesImaginary()[i]))).append("i");
            }
        }
        return s.append(")").toString();
    }

    static String fmtExp(Double[] y) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < y.length; i++) {
            s.append(i > 0 ? ", " : "").append(y[i] == null ? "-inf" : Format.plain(y[i]));
        }
        return s.append(")").toString();
    }
}
