package org.deeprg.studies.dyn;

import java.util.ArrayList;
import java.util.List;
import org.deeprg.dyn.exact.ExactResult;
import org.deeprg.dyn.exact.ExactSpec;
import org.deeprg.result.Figure;
import org.deeprg.result.Result;
import org.deeprg.result.Series;
import org.deeprg.result.Table;
import org.deeprg.stats.Format;

/** Presents the result of {@code dyn exact} ({@link org.deeprg.dyn.exact.ExactDyn#run}): summary, the betaV table and plot. */
public final class ExactReport {
    private ExactReport() {
    }

    /** The report of one {@code dyn exact} run. */
    public static Result result(ExactSpec spec, ExactResult r) {
        Result.Builder b = Result.builder("Exact partition function of H_new (dynamic neurons, transfer matrices)")
                .data(r)
                .summary("ln Z_new(beta=" + Format.plain(spec.beta()) + ", betaV=" + Format.plain(spec.betaV()) + ") = " + Format.plain(r.logZ()))
                .summary("ln Z_original(beta=" + Format.plain(spec.beta()) + ") = "
                        + (r.logZOriginal() == null ? "n/a (" + r.logZOriginalUnavailableBecause() + ")" : Format.plain(r.logZOriginal())));
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        if (r.convergenceBetaV() != null) {
            Table.Builder tb = Table.builder("betav-limit", "betaV", "lnZ_new", "lnZ_original", "lnZ_new - lnZ_original");
            for (int k = 0; k < r.convergenceBetaV().length; k++) {
                double gap = r.convergence() == null ? Double.NaN : r.convergence()[k];
                tb.row(r.convergenceBetaV()[k], r.convergenceLogZ()[k], r.logZOriginal() == null ? "n/a" : r.logZOriginal(),
                        r.logZOriginal() == null ? "n/a" : gap);
                if (r.logZOriginal() != null && gap > 0) {
                    xs.add(r.convergenceBetaV()[k]);
                    ys.add(gap);
                }
            }
            b.table(tb.build());
        }
        if (r.meanCost() != null) {
            b.summary("<cost> = " + Format.plain(r.meanCost()) + ", <constraint> = " + Format.plain(r.meanConstraint()));
        }
        if (!xs.isEmpty()) {
            b.figure(Figure.of("betav-limit", "Z_new -> Z_original as betaV grows", "betaV", "ln Z_new - ln Z_original",
                    "Exact transfer-matrix ln Z_new(beta, betaV) minus ln Z_original(beta) (log y axis); the gap vanishes as betaV -> infinity "
                            + "because only configurations with h = forward pass survive.",
                    Series.line("gap", toArray(xs), toArray(ys))).withLogAxes(false, true));
        }
        return b.build();
    }

    static double[] toArray(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
