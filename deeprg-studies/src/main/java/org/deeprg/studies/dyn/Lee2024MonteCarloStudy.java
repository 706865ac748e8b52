package org.deeprg.studies.dyn;

import org.deeprg.dyn.mc.GibbsTraining;
import org.deeprg.dyn.mc.DynMcResult;
import org.deeprg.dyn.mc.DynMonteCarlo;
import org.deeprg.dyn.mc.DynLayout;
import org.deeprg.dyn.mc.DynMcSpec;
import org.deeprg.dyn.mc.SpinGlassAnalysis;
import org.deeprg.dyn.mc.SpinGlassResult;
import org.deeprg.dyn.mc.SpinGlassSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeprg.net.Activation;
import org.deeprg.dyn.Alphabet;
import org.deeprg.dyn.DynNetwork;
import org.deeprg.dyn.Example;
import org.deeprg.dyn.exact.DiscreteDynModel;
import org.deeprg.dyn.exact.ExactDyn;
import org.deeprg.result.Claim;
import org.deeprg.result.Figure;
import org.deeprg.result.Result;
import org.deeprg.result.Series;
import org.deeprg.result.Table;
import org.deeprg.stats.Estimate;
import org.deeprg.result.Paper;
import org.deeprg.study.Scale;
import org.deeprg.study.Study;
import org.deeprg.study.StudyContext;

/**
 * Dynamic neurons II (Lee, Lee, Yi 2024, Eqs. 3-6, 10-14, Appendix A) by sampling: Metropolis against the exact
 * transfer matrices, training as Gibbs sampling (Langevin weight histogram against the exact Gibbs weights, chi-square
 * test), the dynamic-neuron (W, b) marginal at large betaV against the same distribution, and the replica overlap
 * distribution of the spin-glass limit.
 */
public final class Lee2024MonteCarloStudy implements Study {
    @Override
    public String id() {
        return "lee2024-monte-carlo";
    }

    @Override
    public Paper paper() {
        return Paper.DYNAMIC_NEURONS_2024;
    }

    @Override
    public String title() {
        return "Dynamic neurons II: Monte Carlo and Langevin sampling of H_new, training as Gibbs sampling, spin-glass limit";
    }

    /** The study's JSON: MC-vs-exact rows, the two histogram tests, the spin-glass results. */
    public record Data(List<ComparisonRow> metropolisVsExact, GibbsTraining.HistogramTest langevinTraining,
                       GibbsTraining.HistogramTest dynMarginal, double dynMarginalBetaV, List<SpinGlassResult> spinGlass,
                       List<Double> spinGlassBetaV) {
    }

    /** One observable: Monte Carlo estimate, exact transfer-matrix value, distance in standard errors. */
    public record ComparisonRow(String model, String observable, Estimate monteCarlo, double exact, double sigmas) {
    }

    @Override
    public Result run(StudyContext context) {
        boolean full = context.scale() == Scale.FULL;
        Result.Builder b = Result.builder(title());
        List<ComparisonRow> rows = new ArrayList<>();
        Table.Builder table = Table.builder("metropolis-vs-exact", "model", "observable", "Monte Carlo", "exact (transfer matrix)", "|diff|/stderr");
        // 1. Metropolis vs exact transfer matrices
        record Case(String name, DynNetwork net, List<Example> ex, double beta, double betaV) {
        }
        List<Case> cases = List.of(
                new Case("N=1 M=24 heaviside x=1 y=1", new DynNetwork(1, 24, Activation.HEAVISIDE), List.of(Example.parse("e", "1:1")), 1.0, 2.0),
                new Case("N=2 M=5 heaviside L=2", new DynNetwork(2, 5, Activation.HEAVISIDE),
                        List.of(Example.parse("e", "1,0:0,1"), Example.parse("e", "0,1:1,1")), 0.8, 1.2));
        long sweeps = full ? 200_000 : 20_000;
        int caseIndex = 0;
        for (Case c : cases) {
            DynMcSpec spec = new DynMcSpec(c.net(), c.ex(), DynMcSpec.Sampler.METROPOLIS, Alphabet.BINARY_WEIGHTS, Alphabet.BINARY_WEIGHTS,
                    Alphabet.BINARY_NEURONS, c.beta(), new double[] {c.betaV()}, 0, 0, 0, sweeps, sweeps / 10, 4, 6, 20);
            DynMcResult r = DynMonteCarlo.run(spec, context.run().split("case").split(caseIndex++));
            ExactDyn exact = ExactDyn.solve(new DiscreteDynModel(c.net(), Alphabet.BINARY_WEIGHTS, Alphabet.BINARY_NEURONS, c.ex()),
                    c.beta(), c.betaV());
            DynLayout lay = DynLayout.of(c.net(), c.ex().size());
            add(rows, table, c.name(), "cost", r.cost(), exact.meanCost());
            add(rows, table, c.name(), "constraint", r.constraint(), exact.meanConstraint());
            add(rows, table, c.name(), "H_new", r.energy(), exact.meanHamiltonian());
            double hAll = 0;
            for (int m = 1; m <= lay.depth(); m++) {
                double s = 0;
                for (int l = 0; l < lay.examples(); l++) {
                    for (int i = 0; i < lay.width(); i++) {
                        s += exact.neuronMean(m, l, i);
                    }
                }
                hAll += s / (lay.examples() * lay.width() * lay.depth());
            }
            add(rows, table, c.name(), "<h>", r.neuronMean(), hAll);
            double[] g = exactCorrelation(exact, lay, spec.distances());
            for (int d = 0; d < g.length; d++) {
                add(rows, table, c.name(), "G_h(" + d + ")", r.correlation().get(d), g[d]);
            }
            double[] rs = DynMcReport.range(0, g.length);
            b.figure(Figure.of("correlation-mc-vs-exact-" + caseIndex, "G_h(r): Metropolis vs transfer matrix, " + c.name(),
                    "distance r (layers)", "G_h(r)", "Markers: Metropolis (4 chains x " + sweeps + " sweeps, jackknife errors); "
                            + "line: exact transfer-matrix value (dyn-exact), both translation-averaged over the layers (Eq. 34).",
                    Series.withErrors("Metropolis", rs, DynMcReport.means(r.correlation()), DynMcReport.errors(r.correlation())),
                    Series.line("exact", rs, g)));
        }
        b.table(table.build());
        double worst = rows.stream().mapToDouble(ComparisonRow::sigmas).max().orElse(0);
        b.claim(Claim.check("Metropolis sampling of exp(-beta cost - betaV constraint) (Eq. 14) reproduces the exact "
                        + "transfer-matrix values of cost, constraint, H_new, <h> and G_h(r)", "exact values (dyn-exact)",
                String.format(Locale.ROOT, "%d observables, largest deviation %.2f standard errors", rows.size(), worst),
                worst <= 5, "all within 5 standard errors (tau_int-corrected; jackknife for G_h)"));
        // 2. Training as Gibbs sampling
        GibbsTraining.Spec gs = GibbsTraining.defaultSpec(full ? 2_000_000 : 200_000, full ? 8 : 2);
        GibbsTraining.HistogramTest lt = GibbsTraining.langevinTraining(gs, context.run());
        b.figure(histogramFigure("langevin-weight-histogram", "Langevin training: W^(1) histogram vs exact Gibbs weights (Eq. 4)",
                lt, "Markers: histogram of the output weight W^(1) from unadjusted Langevin training (noisy gradient descent, Eq. 3, "
                        + "eta = " + gs.stepSize() + ", T = 1/" + gs.beta() + ") of a 1-1-1 sigmoid net with c_W = c_b = " + gs.weightRegulariser()
                        + "; line: exact marginal of exp(-beta (C + c_W W^2 + c_b b^2)) by quadrature. chi^2/dof = "
                        + String.format(Locale.ROOT, "%.1f/%d, p = %.3f", lt.chiSquare(), lt.degreesOfFreedom(), lt.pValue())));
        b.claim(Claim.check("Eq. 4: noisy gradient descent samples P(W, b) = exp(-beta C)/Z", "Gibbs distribution",
                String.format(Locale.ROOT, "chi^2 = %.1f for %d dof (tau_int %.2f, %d samples), p = %.3g", lt.chiSquare(),
                        lt.degreesOfFreedom(), lt.tauInt(), lt.samples(), lt.pValue()),
                lt.pValue() > 1e-3, "Pearson chi-square of the W^(1) histogram against the exact marginal, corrected by 2 tau_int; "
                        + "passes at p > 0.001 (unadjusted Langevin has an O(eta) bias, here below the statistical resolution)"));
        // 3. DyN marginal at large betaV
        double betaV = 200;
        GibbsTraining.Spec ds = new GibbsTraining.Spec(gs.network(), gs.examples(), gs.beta(), gs.weightRegulariser(), gs.biasRegulariser(),
                gs.stepSize(), full ? 4_000_000 : 600_000, full ? 8 : 2, 100, gs.parameter(), gs.bins(), gs.range(), gs.grid());
        GibbsTraining.HistogramTest dm = GibbsTraining.dynMarginal(ds, betaV, 0.002, context.run());
        b.figure(histogramFigure("dyn-marginal-histogram", "Dynamic-neuron (W, b) marginal at betaV = " + (int) betaV + " vs exact Gibbs weights",
                dm, "Markers: W^(1) histogram from MALA sampling of the continuous DyN ensemble (W, b, h real, Eq. 12 with Eq. A2 "
                        + "regularisers) at beta = " + gs.beta() + ", betaV = " + betaV + "; line: exact marginal of exp(-beta C) (the betaV -> "
                        + "infinity limit). Finite betaV corrections are O(beta/betaV)."));
        b.claim(dm.pValue() > 1e-3
                ? Claim.check("Eq. 12: integrating out the dynamic neurons at large betaV gives back the Gibbs weights exp(-beta C)",
                        "exp(-beta C) marginal", String.format(Locale.ROOT, "betaV = %.0f: chi^2 = %.1f for %d dof, p = %.3g", betaV,
                                dm.chiSquare(), dm.degreesOfFreedom(), dm.pValue()), true, "chi-square test passes at p > 0.001")
                : Claim.check("Eq. 12: integrating out the dynamic neurons at large betaV gives back the Gibbs weights exp(-beta C)",
                        "exp(-beta C) marginal", String.format(Locale.ROOT, "betaV = %.0f: chi^2 = %.1f for %d dof, p = %.3g", betaV,
                                dm.chiSquare(), dm.degreesOfFreedom(), dm.pValue()), false,
                        "at this betaV the O(beta/betaV) finite-constraint correction is resolved by the chi-square test"));
        // 4. Spin-glass limit
        List<SpinGlassResult> sg = new ArrayList<>();
        List<Double> sgBetaV = List.of(1.0, 4.0, 16.0);
        List<Series> pq = new ArrayList<>();
        Table.Builder st = Table.builder("spin-glass", "betaV", "[<q^2>]", "chi_SG", "Binder g");
        for (double bv : sgBetaV) {
            SpinGlassSpec spec = new SpinGlassSpec(new DynNetwork(4, 8, Activation.SIGMOID),
                    Example.parse("e", "1,1,1,1:1,0,1,0"), 2.0, bv, 0.25, 0.25, full ? 128 : 24, full ? 20_000 : 2_000, full ? 2_000 : 200, bv > 1 ? 4 : 1);
            SpinGlassResult r = SpinGlassAnalysis.run(spec, context.run().split("spinglass-" + bv));
            sg.add(r);
            pq.add(Series.withErrors("betaV = " + bv, r.overlap().q(), DynMcReport.means(r.overlap().probability()),
                    DynMcReport.errors(r.overlap().probability())));
            st.row(bv, r.qSquared().format(), r.susceptibility().format(), r.binder().format());
        }
        b.table(st.build());
        b.figure(Figure.of("spin-glass-overlap", "Replica overlap distribution P(q) of the Eq. A2 spin glass", "q", "P(q)",
                "N = 4, M = 8 (32 spins), beta = 2, Gaussian couplings J = lambda_m W from c_W = c_b = 0.25; two Metropolis replicas per "
                        + "coupling set (parallel tempering over a 4-rung betaV ladder for betaV > 1); disorder-averaged.", pq.toArray(new Series[0])));
        b.claim(Claim.notComparable("Appendix A: the DyN Hamiltonian in the linear sigmoid regime is an Edwards-Anderson spin glass",
                "qualitative (no numbers)", String.format(Locale.ROOT, "[<q^2>] = %s, %s, %s at betaV = 1, 4, 16",
                        sg.get(0).qSquared().format(), sg.get(1).qSquared().format(), sg.get(2).qSquared().format()),
                "the paper gives no overlap or susceptibility values; the layered couplings are quasi-one-dimensional along depth, "
                        + "so no finite-temperature spin-glass transition is expected"));
        b.data(new Data(rows, lt, dm, betaV, sg, sgBetaV));
        b.summary(String.format(Locale.ROOT, "Metropolis vs transfer matrix: %d observables, worst %.2f sigma", rows.size(), worst));
        b.summary(String.format(Locale.ROOT, "Langevin training histogram: chi^2 = %.1f / %d dof, p = %.3g", lt.chiSquare(), lt.degreesOfFreedom(), lt.pValue()));
        b.summary(String.format(Locale.ROOT, "DyN marginal at betaV = %.0f: chi^2 = %.1f / %d dof, p = %.3g", betaV, dm.chiSquare(),
                dm.degreesOfFreedom(), dm.pValue()));
        return b.build();
    }

    private static Figure histogramFigure(String name, String title, GibbsTraining.HistogramTest t, String caption) {
        double bw = t.binCentres()[1] - t.binCentres()[0];
        double[] density = new double[t.observed().length];
        double[] err = new double[density.length];
        double[] exact = new double[density.length];
        for (int i = 0; i < density.length; i++) {
            density[i] = t.observed()[i] / bw;
            err[i] = Math.sqrt(2 * t.tauInt() * t.expected()[i] / t.samples()) / bw;
            exact[i] = t.expected()[i] / bw;
        }
        return Figure.of(name, title, "W^(1)", "probability density", caption,
                Series.withErrors("sampled", t.binCentres(), density, err), Series.line("exact", t.binCentres(), exact));
    }

    private static void add(List<ComparisonRow> rows, Table.Builder t, String model, String obs, Estimate e, double exact) {
        double z = e.sigmasFrom(exact);
        rows.add(new ComparisonRow(model, obs, e, exact, z));
        t.row(model, obs, e.format(), String.format(Locale.ROOT, "%.6f", exact), String.format(Locale.ROOT, "%.2f", z));
    }

    /** Translation-averaged exact G_h(r) from the transfer-matrix covariances. */
    static double[] exactCorrelation(ExactDyn exact, DynLayout lay, int rMax) {
        double[] g = new double[rMax + 1];
        for (int d = 0; d <= rMax; d++) {
            double s = 0;
            for (int l = 0; l < lay.examples(); l++) {
                for (int m = 1; m + d <= lay.depth(); m++) {
                    for (int i = 0; i < lay.width(); i++) {
                        s += exact.neuronCovariance(m, l, i, m + d, l, i);
                    }
                }
            }
            g[d] = s / ((long) lay.examples() * (lay.depth() - d) * lay.width());
        }
        return g;
    }
}
