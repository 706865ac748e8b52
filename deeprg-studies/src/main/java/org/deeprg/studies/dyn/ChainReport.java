package org.deeprg.studies.dyn;

import java.util.ArrayList;
import java.util.List;
import org.deeprg.dyn.exact.BulkChain;
import org.deeprg.dyn.exact.ChainResult;
import org.deeprg.result.Figure;
import org.deeprg.result.Result;
import org.deeprg.result.Series;
import org.deeprg.result.Table;
import org.deeprg.stats.Format;

/** Presents the result of {@code dyn chain} ({@link BulkChain#run}): eigenvalue table, summary, correlation plots. */
public final class ChainReport {
    private ChainReport() {
    }

    /** The report of one {@code dyn chain} run. */
    public static Result result(ChainResult r) {
        Table.Builder tb = Table.builder("eigenvalues", "k", "re", "im", "modulus");
        for (int k = 0; k < r.eigenvalues().length; k++) {
            tb.row(k + 1, r.eigenvalues()[k], r.eigenvaluesImaginary()[k], Math.hypot(r.eigenvalues()[k], r.eigenvaluesImaginary()[k]));
        }
        double[] g = r.correlationFunction();
        double xi = r.correlationLength();
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<Double> fit = new ArrayList<>();
        for (int d = 0; d < g.length; d++) {
            if (Math.abs(g[d]) > BulkChain.NOISE_FLOOR * Math.abs(g[0])) {
                xs.add((double) d);
                ys.add(Math.abs(g[d]));
                fit.add(Math.abs(g[0]) * Math.exp(-d / xi));
            }
        }
        Result.Builder b = Result.builder("Bulk transfer-matrix chain of dynamic neurons")
                .data(r)
                .table(tb.build())
                .summary("free energy per layer -ln lambda_1 = " + Format.plain(r.freeEnergyPerLayer()))
                .summary("correlation length xi = " + Format.plain(xi) + " layers; measured decay rate of G_h = "
                        + (r.decayRate() == null ? "n/a" : Format.plain(r.decayRate())) + " vs 1/xi = " + Format.plain(1 / xi))
                .summary("<h> = " + Format.plain(r.neuronMean()) + ", states = " + r.states());
        if (!xs.isEmpty()) {
            b.figure(Figure.of("correlation", "Bulk correlation function G_h(|m - n|)", "|m - n| (layers)", "|G_h|",
                    "Exact |G_h(r)| of neuron (l=1, i=1) in the infinite bulk (markers) and |G_h(0)| exp(-r/xi) with "
                            + "xi = 1/ln(lambda_1/|lambda_2|) (line), Eq. 35.",
                    Series.markers("G_h exact", ExactReport.toArray(xs), ExactReport.toArray(ys)),
                    Series.line("exp(-r/xi)", ExactReport.toArray(xs), ExactReport.toArray(fit)).fitOf("G_h exact")).withLogAxes(false, true));
        }
        double[] gs = r.sigmaCorrelationFunction();
        if (gs != null) {
            List<Double> sx = new ArrayList<>();
            List<Double> sy = new ArrayList<>();
            for (int d = 0; d < gs.length; d++) {
                if (Math.abs(gs[d]) > BulkChain.NOISE_FLOOR * Math.abs(gs[0])) {
                    sx.add((double) d);
                    sy.add(Math.abs(gs[d]));
                }
            }
            b.figure(Figure.of("correlation-sigma", "Bulk correlation function G_sigma(|m - n|)", "|m - n| (layers)", "|G_sigma|",
                    "Exact |G_sigma(r)| of the pre-neuron sigma^(m) = sigma(W^(m) h^(m) + b^(m)) (l=1, i=1) in the infinite bulk, from the "
                            + "sigma-chain transfer matrix K P (Eq. 34, footnote 12).",
                    Series.markers("G_sigma exact", ExactReport.toArray(sx), ExactReport.toArray(sy))).withLogAxes(false, true));
        }
        return b.build();
    }
}
