package org.deeprg.studies.dyn;

import org.deeprg.dyn.mc.SpinGlassCouplings;
import org.deeprg.dyn.mc.DynMcResult;
import org.deeprg.dyn.mc.DynMcSpec;
import org.deeprg.dyn.mc.SpinGlassResult;
import org.deeprg.dyn.mc.SpinGlassSpec;

import java.util.List;
import java.util.ArrayList;
import java.util.Locale;
import org.deeprg.result.Figure;
import org.deeprg.result.Result;
import org.deeprg.result.Series;
import org.deeprg.result.Table;
import org.deeprg.stats.Estimate;

/**
 * Presents the results of {@code dyn mc} ({@link org.deeprg.dyn.mc.DynMonteCarlo#run}) and {@code dyn spinglass}
 * ({@link org.deeprg.dyn.mc.SpinGlassAnalysis#run}): summary lines, tables and figures. Presentation only.
 */
public final class DynMcReport {
    private DynMcReport() {
    }

    static double[] means(List<Estimate> es) {
        return es.stream().mapToDouble(e -> e == null ? Double.NaN : e.mean()).toArray();
    }

    static double[] errors(List<Estimate> es) {
        return es.stream().mapToDouble(e -> e == null || !Double.isFinite(e.stderr()) ? 0 : e.stderr()).toArray();
    }

    static double[] range(int from, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = from + i;
        }
        return x;
    }

    /** The result of {@code dyn mc}. */
    public static Result result(DynMcSpec spec, DynMcResult r) {
        Result.Builder b = Result.builder(String.format(Locale.ROOT, "Dynamic-neuron Monte Carlo (%s): N=%d, M=%d, %s, beta=%s, betaV=%s",
                r.sampler(), spec.network().width(), spec.network().depth(), spec.network().activation().name(), spec.beta(),
                spec.betaV())).data(r);
        b.summary("cost       = " + r.cost().format() + "  (tau_int " + fmt(r.cost().tauInt()) + ")");
        b.summary("constraint = " + r.constraint().format() + "  (tau_int " + fmt(r.constraint().tauInt()) + ")");
        if (r.energy() != null) {
            b.summary("H_new      = " + r.energy().format());
        }
        b.summary("<h>        = " + r.neuronMean().format());
        if (r.correlationLength() != null) {
            b.summary("xi         = " + r.correlationLength().format());
        }
        b.summary(String.format(Locale.ROOT, "acceptance %s, R-hat(cost) %.4f, %d chains x %d sweeps",
                r.acceptanceRate() == null ? "n/a" : r.acceptanceRate().format(), r.cost().rHat(), r.chains(), r.sweeps()));
        if (r.swapAcceptance() != null) {
            b.summary("swap acceptance " + r.swapAcceptance().stream().map(Estimate::format).toList());
        }
        Table.Builder t = Table.builder("estimates", "observable", "mean", "stderr", "tauInt", "samples", "rHat", "stderrReliable",
                "unreliableBecause");
        List<String[]> unreliable = new ArrayList<>();
        row(t, unreliable, "cost", r.cost());
        row(t, unreliable, "constraint", r.constraint());
        row(t, unreliable, "energy", r.energy());
        row(t, unreliable, "rmsViolation", r.rmsViolation());
        row(t, unreliable, "neuronMean", r.neuronMean());
        row(t, unreliable, "weightMean", r.weightMean());
        row(t, unreliable, "correlationLength", r.correlationLength());
        row(t, unreliable, "acceptanceRate", r.acceptanceRate());
        for (int d = 0; d < r.correlation().size(); d++) {
            row(t, unreliable, "G_h(" + d + ")", r.correlation().get(d));
        }
        for (int m = 0; m < r.neuronMeanByLayer().size(); m++) {
            row(t, unreliable, "<h^(" + (m + 1) + ")>", r.neuronMeanByLayer().get(m));
        }
        if (r.swapAcceptance() != null) {
            for (int k = 0; k < r.swapAcceptance().size(); k++) {
                row(t, unreliable, "swapAcceptance(" + k + "," + (k + 1) + ")", r.swapAcceptance().get(k));
            }
        }
        b.table(t.build());
        if (!unreliable.isEmpty()) {
            b.summary(String.format(Locale.ROOT, "warning: %d error bars cannot be trusted (%s: %s%s); they are flagged in the JSON "
                            + "(stderrReliable: false), the estimates table and the plots (hollow markers); run longer or more chains "
                            + "(--sweeps, --chains)", unreliable.size(), unreliable.get(0)[0], unreliable.get(0)[1],
                    unreliable.size() > 1 ? ", ..." : ""));
        }
        int rr = r.correlation().size();
        b.figure(Figure.of("correlation", "Neuron correlation function G_h(r)", "distance r (layers)", "G_h(r)",
                "Connected <h^(m) h^(m+r)> - <h^(m)><h^(m+r)>, averaged over m, units and examples (Eq. 34), jackknife errors.",
                Series.estimates("Monte Carlo", range(0, rr), r.correlation())));
        int depth = r.neuronMeanByLayer().size();
        b.figure(Figure.of("neuron-mean-by-layer", "Mean neuron per layer", "layer m", "<h^(m)>",
                "Average of h^(m) over examples and units, binned errors.",
                Series.estimates("Monte Carlo", range(1, depth), r.neuronMeanByLayer())));
        double[] wx = r.weightHistogram().x().stream().mapToDouble(Double::doubleValue).toArray();
        b.figure(Figure.of("weight-histogram", "Weight distribution", "W", "fraction",
                "Fraction of weights W^(m)_ij at each value (discrete) or in each bin (continuous).",
                Series.estimates("Monte Carlo", wx, r.weightHistogram().fraction()).withStyle(Series.Style.HISTOGRAM)));
        if (r.ladder() != null) {
            double[] bv = r.ladder().stream().mapToDouble(DynMcResult::betaV).toArray();
            b.figure(Figure.of("constraint-vs-beta-v", "Constraint along the betaV ladder", "betaV", "<constraint>",
                    "Parallel tempering: <constraint> = -d ln Z/d betaV at each rung.",
                    Series.estimates("Monte Carlo", bv, r.ladder().stream().map(DynMcResult::constraint).toList())));
        }
        return b.build();
    }

    private static void row(Table.Builder t, List<String[]> unreliable, String name, Estimate e) {
        if (e == null) {
            return;
        }
        t.row(name, e.mean(), e.stderr(), e.tauInt(), e.samples(), e.rHat(), e.stderrReliable(),
                e.unreliableBecause() == null ? "" : e.unreliableBecause());
        // the sampler's rates are diagnostics: their flags are shown on their own line, JSON and CSV, not in the warning
        if (!e.stderrReliable() && !name.startsWith("acceptanceRate") && !name.startsWith("swapAcceptance")) {
            unreliable.add(new String[] {name, e.unreliableBecause()});
        }
    }

    private static String fmt(double x) {
        return String.format(Locale.ROOT, "%.2f", x);
    }

    /** The result of {@code dyn spinglass}. */
    public static Result spinGlass(SpinGlassSpec spec, SpinGlassResult r) {
        Result.Builder b = Result.builder(String.format(Locale.ROOT, "Spin-glass limit (Eq. A2): N=%d, M=%d, beta=%s, betaV=%s, %d coupling sets",
                spec.network().width(), spec.network().depth(), spec.beta(), spec.betaV(), spec.samples())).data(r);
        b.summary("[<q^2>]        = " + r.qSquared().format());
        b.summary("[<|q|>]        = " + r.qAbs().format());
        b.summary("chi_SG = n[<q^2>] = " + r.susceptibility().format() + "  (n = " + r.spins() + ")");
        b.summary("Binder g       = " + r.binder().format());
        if (r.betaVLadder().length > 1) {
            b.summary(String.format(Locale.ROOT, "parallel tempering over betaV %s, swap acceptance %s",
                    java.util.Arrays.toString(r.betaVLadder()), r.swapAcceptance() == null ? "n/a" : r.swapAcceptance().format()));
        }
        b.figure(Figure.of("overlap-distribution", "Replica overlap distribution P(q)", "q", "P(q)",
                "Two independent Metropolis replicas per coupling set; probability of each overlap value, averaged over coupling sets.",
                Series.estimates("P(q)", r.overlap().q(), r.overlap().probability()).withStyle(Series.Style.HISTOGRAM)));
        Table.Builder t = Table.builder("estimates", "observable", "mean", "stderr", "tauInt", "samples", "rHat", "stderrReliable",
                "unreliableBecause");
        List<String[]> unreliable = new ArrayList<>();
        row(t, unreliable, "qSquared", r.qSquared());
        row(t, unreliable, "qAbs", r.qAbs());
        row(t, unreliable, "susceptibility", r.susceptibility());
        row(t, unreliable, "binder", r.binder());
        row(t, unreliable, "swapAcceptance", r.swapAcceptance());
        b.table(t.build());
        if (!unreliable.isEmpty()) {
            b.summary(String.format(Locale.ROOT, "warning: %d error bars cannot be trusted (%s: %s%s); more coupling sets (--samples) "
                    + "resolve it", unreliable.size(), unreliable.get(0)[0], unreliable.get(0)[1], unreliable.size() > 1 ? ", ..." : ""));
        }
        Table.Builder c = Table.builder("couplings", "a", "b", "J");
        for (SpinGlassCouplings.Bond bond : r.couplings().couplings()) {
            c.row(bond.a(), bond.b(), bond.j());
        }
        b.table(c.build());
        Table.Builder f = Table.builder("fields", "a", "K");
        for (int a = 0; a < r.couplings().spins(); a++) {
            f.row(a, r.couplings().fields()[a]);
        }
        b.table(f.build());
        return b.build();
    }
}
