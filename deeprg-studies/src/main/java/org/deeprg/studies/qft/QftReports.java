package org.deeprg.studies.qft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.deeprg.qft.CouplingResult;
import org.deeprg.qft.EnsembleResult;
import org.deeprg.result.Claim;
import org.deeprg.result.ClaimKind;
import org.deeprg.result.Figure;
import org.deeprg.result.Paper;
import org.deeprg.result.Result;
import org.deeprg.result.Series;
import org.deeprg.result.Table;
import org.deeprg.result.Verdict;
import org.deeprg.stats.Estimate;
import org.deeprg.stats.LinearFit;

/**
 * Turns ensemble and coupling results into {@link Result}s: the Fig. 1 and Fig. 2 analogues, tables and deeprg's
 * self-checks (sampled against exact). Error bars flagged unreliable ({@code stderrReliable = false}, heavy tails) are
 * drawn as a separate series, marked in the tables and the console, and never compared at "k standard errors". The
 * paper's claims are made by the studies ({@link Erbin2022Claims}) at the paper's settings only.
 */
public final class QftReports {
    /** Standard errors allowed between a sampled value and an exact one. */
    public static final double K_SIGMA = 4.0;
    /** Fewest significant sigma_W values for a sampled slope to be compared. */
    public static final int MIN_SLOPE_POINTS = 5;
    /** Marker appended to unreliable numbers in tables and the console. */
    static final String UNRELIABLE = " (error bar unreliable)";

    private QftReports() {
    }

    /** The m_n ~ 1/N slope fit over widths (points with m_n > 2 stderr and a reliable error bar), or null. */
    public static LinearFit widthSlope(EnsembleResult r, int n) {
        List<double[]> rows = new ArrayList<>();
        for (EnsembleResult.WidthResult w : r.widths()) {
            for (EnsembleResult.Deviation d : w.deviations()) {
                if (d.n() == n && d.m().stderrReliable() && d.m().mean() > 2 * d.m().stderr() && d.m().stderr() > 0) {
                    rows.add(new double[] {Math.log(w.width()), Math.log(d.m().mean()), d.m().stderr() / d.m().mean()});
                }
            }
        }
        if (rows.size() < 3) {
            return null;
        }
        return LinearFit.weighted(rows.stream().mapToDouble(x -> x[0]).toArray(), rows.stream().mapToDouble(x -> x[1]).toArray(),
                rows.stream().mapToDouble(x -> x[2]).toArray());
    }

    /**
     * Sampled against exact for the functions of size n with a reliable error bar.
     *
     * @param within     how many of the reliable ones lie within {@link #K_SIGMA} standard errors
     * @param reliable   how many have a reliable error bar
     * @param unreliable how many are flagged (not compared)
     * @param worst      the largest |z| among the reliable ones
     * @param offFlagged how many functions (reliable or not) lie more than K_SIGMA standard errors off, and how many of
     *                   those are flagged: {@code {off, offFlagged}}
     */
    public record Agreement(int within, int reliable, int unreliable, double worst, int[] offFlagged) {
    }

    /** The agreement of the sampled n-point functions with the exact values (null without exact values). */
    public static Agreement exactAgreement(EnsembleResult r, int n) {
        int reliable = 0;
        int within = 0;
        int unreliable = 0;
        int off = 0;
        int offFlagged = 0;
        double worst = 0;
        for (EnsembleResult.WidthResult w : r.widths()) {
            for (EnsembleResult.Function f : w.functions()) {
                if (f.exact() == null || f.n() != n) {
                    continue;
                }
                double z = f.stderr() > 0 ? Math.abs(f.mean() - f.exact()) / f.stderr() : 0;
                if (z > K_SIGMA) {
                    off++;
                    if (!f.stderrReliable()) {
                        offFlagged++;
                    }
                }
                if (!f.stderrReliable()) {
                    unreliable++;
                    continue;
                }
                reliable++;
                worst = Math.max(worst, z);
                if (z <= K_SIGMA) {
                    within++;
                }
            }
        }
        return reliable + unreliable == 0 ? null : new Agreement(within, reliable, unreliable, worst, new int[] {off, offFlagged});
    }

    /** The report of an ensemble run: Fig. 1 analogue, tables, self-checks (no paper claims). */
    public static Result ensemble(String title, EnsembleResult r) {
        return ensembleBuilder(title, r).build();
    }

    /** {@link #ensemble} as a builder, so that a study can add its paper claims. */
    static Result.Builder ensembleBuilder(String title, EnsembleResult r) {
        Result.Builder b = Result.builder(title).data(r);
        int nw = r.widths().size();
        double[] widths = r.widths().stream().mapToDouble(EnsembleResult.WidthResult::width).toArray();
        Table.Builder dev = Table.builder("deviations", "width N", "n", "m_n sampled", "stderr", "stderr reliable", "m_n exact");
        for (int n = 2; n <= r.maxN(); n += 2) {
            double[] ex = new double[nw];
            boolean hasExact = true;
            List<double[]> good = new ArrayList<>();
            List<double[]> bad = new ArrayList<>();
            for (int i = 0; i < nw; i++) {
                EnsembleResult.Deviation d = r.widths().get(i).deviations().get(n / 2 - 1);
                ex[i] = d.exact() == null ? Double.NaN : d.exact();
                hasExact &= d.exact() != null;
                dev.row(r.widths().get(i).width(), n, d.m().mean(), d.m().stderr(), d.m().stderrReliable(), d.exact() == null ? "" : d.exact());
                if (n == 2 || d.m().mean() > 0) {
                    double e = n == 2 ? d.m().stderr() : Math.min(d.m().stderr(), 0.999 * d.m().mean());
                    (d.m().stderrReliable() ? good : bad).add(new double[] {widths[i], d.m().mean(), e});
                }
            }
            String name = "fig1-m" + n + "-vs-width";
            List<Series> s = new ArrayList<>();
            addSeries(s, "m_" + n + " sampled" + (n == 2 ? "" : " (positive values)"), good);
            addSeries(s, "m_" + n + " sampled, error bar unreliable (heavy tails)", bad);
            if (n == 2) {
                s.add(Series.line("exact (0 at every N)", widths, new double[nw]));
                b.figure(new Figure(name, "Fig. 1 analogue: m_2 against width", "width N", "m_2 = Delta G^(2)/G_0^(2) (multiset average)",
                        true, false, s, "Normalised deviation of the 2-point function from the Gaussian value, averaged over the "
                        + "sorted multisets of points, with the standard error over bags. At one hidden layer G^(2) = K exactly. "
                        + "Points whose error bar cannot be trusted (heavy-tailed network contributions) are a separate series."));
            } else {
                if (hasExact) {
                    s.add(Series.line("exact finite-N", widths, ex));
                }
                b.figure(new Figure(name, "Fig. 1 analogue: m_" + n + " against width", "width N",
                        "m_" + n + " = Delta G^(" + n + ")/G_0^(" + n + ") (multiset average)", true, true, s,
                        "Normalised deviation of the " + n + "-point function from Wick's theorem, averaged over multisets, with the "
                                + "standard error over bags; the line is the exact finite-width value (sum over index coincidences). "
                                + "Points whose error bar cannot be trusted (heavy tails) are a separate series: they are biased low."));
            }
        }
        b.table(dev.build());
        for (int n = 2; n <= Math.min(4, r.maxN()); n += 2) {
            b.figure(histogram(r, n));
        }
        Table.Builder fs = Table.builder("functions", "width N", "n", "points", "mean", "stderr", "stderr reliable", "tail diagnostic",
                "exact stderr", "gaussian (Wick)", "exact", "deviation", "m_n", "(mean-exact)/stderr", "connected", "connected stderr",
                "connected, 1/N vertex");
        for (EnsembleResult.WidthResult w : r.widths()) {
            for (EnsembleResult.Function f : w.functions()) {
                fs.row(w.width(), f.n(), Arrays.toString(f.points()).replace(",", ""), f.mean(), f.stderr(), f.stderrReliable(),
                        f.tailDiagnostic(), f.exactStderr() == null ? "" : f.exactStderr(), f.gaussian(),
                        f.exact() == null ? "" : f.exact(), f.deviation(), f.normalisedDeviation(),
                        f.exact() == null || f.stderr() == 0 ? "" : (f.mean() - f.exact()) / f.stderr(),
                        f.connected() == null ? "" : f.connected(), f.connectedStderr() == null ? "" : f.connectedStderr(),
                        f.connectedPerturbative() == null ? "" : f.connectedPerturbative());
            }
        }
        b.table(fs.build());
        if (!r.exact().isEmpty()) {
            Table.Builder ex = Table.builder("exact-coefficients", "n", "points", "c0 (Wick)", "c1 (1/N)", "c2 (1/N^2)");
            for (EnsembleResult.ExactCoefficients c : r.exact()) {
                ex.row(c.n(), Arrays.toString(c.points()).replace(",", ""), c.c0(), c.c1(), c.c2());
            }
            b.table(ex.build());
        }
        selfChecks(b, r);
        int flagged = 0;
        int total = 0;
        for (EnsembleResult.WidthResult w : r.widths()) {
            StringBuilder line = new StringBuilder("N=" + w.width() + ":");
            for (EnsembleResult.Deviation d : w.deviations()) {
                line.append(String.format(Locale.ROOT, "  m_%d = %s", d.n(), d.m().format()));
                if (d.exact() != null) {
                    line.append(String.format(Locale.ROOT, " (exact %.4g)", d.exact()));
                }
            }
            if (w.vertex() != null && (r.depth() > 1 || !"plain".equals(r.estimator()))) {
                line.append(String.format(Locale.ROOT, "  G_c4/G_0^(4) = %s", w.vertex().sampled().format()));
                if (w.vertex().perturbative() != null) {
                    line.append(String.format(Locale.ROOT, " (1/N vertex %.4g)", w.vertex().perturbative()));
                }
            }
            b.summary(line.toString());
            flagged += w.unreliableFunctions();
            total += w.functions().size();
        }
        if (flagged > 0) {
            b.summary(String.format(Locale.ROOT, "%d of %d functions have error bars that cannot be trusted (stderrReliable false: heavy "
                    + "tails or too few networks; see tailDiagnostic in --json)", flagged, total));
        }
        return b;
    }

    /** deeprg's own checks: sampled against exact at reliable error bars, and the tail diagnostic against the exact values. */
    private static void selfChecks(Result.Builder b, EnsembleResult r) {
        int off = 0;
        int offFlagged = 0;
        for (int n = 2; n <= r.maxN(); n += 2) {
            Agreement a = exactAgreement(r, n);
            if (a == null) {
                continue;
            }
            off += a.offFlagged()[0];
            offFlagged += a.offFlagged()[1];
            Claim.Builder c = Claim.of(Paper.NNQFT_2022, "selfcheck-g" + n + "-exact").kind(ClaimKind.SELF_CHECK)
                    .statement("Sampled " + n + "-point functions equal the exact finite-width values (Eq. 5 against the sum over "
                            + "index coincidences), where their error bars can be trusted")
                    .measured(String.format(Locale.ROOT, "%d of %d reliable within %.0f stderr (worst %.2f); %d flagged unreliable, not compared",
                            a.within(), a.reliable(), K_SIGMA, a.worst(), a.unreliable()));
            if (a.reliable() == 0) {
                c.inconclusive("every " + n + "-point function has an error bar flagged unreliable (heavy tails): none can be compared",
                        "more networks per bag or lighter tails (smaller sigma_b, points nearer the origin); or --estimator conditional");
            } else {
                boolean holds = a.within() >= Math.ceil(0.99 * a.reliable()) || a.reliable() - a.within() <= 1;
                c.verdict(holds ? Verdict.AGREES : Verdict.DISAGREES, String.format(Locale.ROOT,
                        "at least 99%% of the reliable ones within %.0f standard errors (one outlier allowed)", K_SIGMA));
            }
            b.claim(c.build());
        }
        if (off > 0) {
            b.claim(Claim.of(Paper.NNQFT_2022, "selfcheck-tail-diagnostic").kind(ClaimKind.SELF_CHECK)
                    .statement("Every sampled function more than " + K_SIGMA + " standard errors off its exact value has its error bar "
                            + "flagged unreliable by the tail diagnostic")
                    .measured(String.format(Locale.ROOT, "%d of %d such functions flagged", offFlagged, off))
                    .verdict(offFlagged == off ? Verdict.AGREES : Verdict.DISAGREES,
                            "the exact finite-width values are the independent route; an unflagged outlier would be a false negative").build());
        }
    }

    private static void addSeries(List<Series> s, String name, List<double[]> rows) {
        if (!rows.isEmpty()) {
            s.add(Series.withErrors(name, rows.stream().mapToDouble(x -> x[0]).toArray(), rows.stream().mapToDouble(x -> x[1]).toArray(),
                    rows.stream().mapToDouble(x -> x[2]).toArray()));
        }
    }

    /** The report of a coupling scan: Fig. 2 analogue in both normalisations, the resolution, tables and self-checks. */
    public static Result couplings(String title, CouplingResult r) {
        return couplingsBuilder(title, r).build();
    }

    /** {@link #couplings} as a builder. */
    static Result.Builder couplingsBuilder(String title, CouplingResult r) {
        Result.Builder b = Result.builder(title).data(r);
        int k = r.scan().size();
        double[] s = r.scan().stream().mapToDouble(CouplingResult.ScanPoint::sigmaW).toArray();
        Table.Builder t = Table.builder("couplings", "sigmaW", "u4 (Eq. 8)", "stderr", "stderr reliable", "exact stderr", "u4 fit", "stderr",
                "u6 fit", "stderr", "cov(u4,u6)", "chi2", "dof", "u4 exact", "u4 fit exact", "u6 fit exact", "Z0^-1", "u4 exact (flow norm.)",
                "u6 exact (flow norm.)", "networks for 5 sigma", "u4 flow (Fig. 2 style)", "u6 flow (Fig. 2 style)");
        for (CouplingResult.ScanPoint p : r.scan()) {
            t.row(p.sigmaW(), p.u4().mean(), p.u4().stderr(), p.u4().stderrReliable(), p.u4ExactStderr(), p.u4Fit().mean(), p.u4Fit().stderr(),
                    p.u6Fit().mean(), p.u6Fit().stderr(), p.covU4U6(), p.chi2(), p.dof(), p.exactU4(), p.exactU4Fit(), p.exactU6Fit(),
                    p.z0Inverse(), p.exactU4Flow(), p.exactU6Flow(), p.networksToResolveU4(), p.flowU4(), p.flowU6());
        }
        b.table(t.build());
        for (String which : List.of("u4", "u6")) {
            List<double[]> good = new ArrayList<>();
            List<double[]> bad = new ArrayList<>();
            double[] ex = new double[k];
            double[] fl = new double[k];
            for (int i = 0; i < k; i++) {
                CouplingResult.ScanPoint p = r.scan().get(i);
                Estimate e = which.equals("u4") ? p.u4() : p.u6Fit();
                if (e.mean() != 0) {
                    (e.stderrReliable() ? good : bad).add(new double[] {s[i], Math.abs(e.mean()), Math.min(e.stderr(), 0.999 * Math.abs(e.mean()))});
                }
                ex[i] = Math.abs(which.equals("u4") ? p.exactU4() : p.exactU6Fit());
                fl[i] = Math.abs(which.equals("u4") ? p.flowU4() : p.flowU6());
            }
            List<Series> series = new ArrayList<>();
            addSeries(series, "|" + which + "| sampled", good);
            addSeries(series, "|" + which + "| sampled, error bar unreliable", bad);
            series.add(Series.line("|" + which + "| exact finite-N", s, ex));
            series.add(Series.line("Eq. 13 slope applied to Eq. 8's " + which + " (as Fig. 2 compares)", s, fl));
            b.figure(new Figure("fig2-" + which + "-vs-sigmaw", "Fig. 2 analogue: " + which + " against sigma_W (Eq. 8 normalisation)",
                    "sigma_W", "|" + which + "|", true, true, series, (which.equals("u4") ? "u_4 of Eq. 8 averaged over the 4-point multisets"
                    : "u_6 of the joint (u_4, u_6) fit") + " with bag errors, the same quantity from the exact finite-width n-point "
                    + "functions, and Eq. 13's power law started at the most precise sampled point. Eq. 13 belongs to the flow's "
                    + "Z0-normalised field (next figure); absolute values on log axes, signs in the table."));
        }
        double[] ex4 = r.scan().stream().mapToDouble(p -> Math.abs(p.exactU4Flow())).toArray();
        double[] ex6 = r.scan().stream().mapToDouble(p -> Math.abs(p.exactU6Flow())).toArray();
        double[] law4 = new double[k];
        double[] law6 = new double[k];
        for (int i = 0; i < k; i++) {
            law4[i] = ex4[0] * Math.pow(s[i] / s[0], r.u4Slope().paper());
            law6[i] = ex6[0] * Math.pow(s[i] / s[0], r.u6Slope().paper());
        }
        b.figure(new Figure("couplings-flow-normalisation", "u_4 and u_6 of the Z0-normalised field against sigma_W", "sigma_W",
                "|u| (flow normalisation)", true, true, List.of(Series.line("|u_4^flow| exact", s, ex4),
                Series.line("Eq. 13: sigma_W^(4 - d)", s, law4), Series.line("|u_6^flow| exact", s, ex6),
                Series.line("u_6 analogue: sigma_W^(6 - 2d)", s, law6)),
                String.format(Locale.ROOT, "The exact couplings in the normalisation of the flow (field phi = Z0^(1/2) f, u^flow = Z0^-k u; "
                        + "Eq. 9), with the paper's power laws through the first point. Exact slopes: u_4 %.3f (Eq. 13: %.0f), u_6 %.3f (%.0f) "
                        + "at sigma_b = %s.", r.exactSlopes().u4().flow(), r.u4Slope().paper(), r.exactSlopes().u6().flow(), r.u6Slope().paper(),
                        Format.plain(r.sigmaB()))));
        double paperNets = 30.0 * 30000;
        b.figure(new Figure("u4-resolution", "Networks needed to resolve u_4 (5 standard errors) against sigma_W", "sigma_W", "networks",
                true, true, List.of(Series.line("networks for |u_4| = 5 exact standard errors", s,
                        r.scan().stream().mapToDouble(CouplingResult.ScanPoint::networksToResolveU4).toArray()),
                Series.line("this run: bags x nets", s, constant(k, (double) r.nets() * r.bags())),
                Series.line("Fig. 2: 30 x 30000", s, constant(k, paperNets))),
                "From the exact 8-point functions: the variance of one network's contribution to the Eq. 8 average, hence the number of "
                        + "networks for which |u_4| equals five standard errors of the plain estimator."));
        CouplingResult.ScanPoint first = r.scan().get(0);
        b.claim(Claim.of(Paper.NNQFT_2022, "selfcheck-u4-exact").kind(ClaimKind.SELF_CHECK)
                .statement("The sampled Eq. 8 u_4 is unbiased for the exact one at every sigma_W (where its error bar can be trusted)")
                .measured(agreementText(r))
                .verdict(couplingsAgree(r) ? Verdict.AGREES : Verdict.DISAGREES,
                        "within " + K_SIGMA + " standard errors at every sigma_W with a reliable error bar").build());
        b.summary("convention: " + r.convention());
        b.summary("flow normalisation: " + r.flowNormalisation());
        b.summary(String.format(Locale.ROOT, "exact slopes of log|u| vs log sigma_W: u_4 %.3f (Eq. 8) = %.3f (flow; Eq. 13: %.0f), u_6 %.3f (Eq. 8) = %.3f (flow; %.0f)",
                r.exactSlopes().u4().eq8(), r.exactSlopes().u4().flow(), r.u4Slope().paper(), r.exactSlopes().u6().eq8(),
                r.exactSlopes().u6().flow(), r.u6Slope().paper()));
        summariseSlope(b, r.u4Slope(), "u_4");
        summariseSlope(b, r.u6Slope(), "u_6");
        for (CouplingResult.ScanPoint p : r.scan()) {
            b.summary(String.format(Locale.ROOT, "sigmaW=%-5s u4=%s (exact %.4g; %.3g networks for 5 sigma)  u6=%s (exact %.4g)", p.sigmaW(),
                    p.u4().format(), p.exactU4(), p.networksToResolveU4(), p.u6Fit().format(), p.exactU6Fit()));
        }
        if (first.u4().stderr() == 0) {
            b.summary("(zero error bars: too few bags)");
        }
        return b;
    }

    private static double[] constant(int k, double v) {
        double[] out = new double[k];
        Arrays.fill(out, v);
        return out;
    }

    private static String agreementText(CouplingResult r) {
        int ok = 0;
        int rel = 0;
        double worst = 0;
        for (CouplingResult.ScanPoint p : r.scan()) {
            if (!p.u4().stderrReliable() || p.u4().stderr() == 0) {
                continue;
            }
            rel++;
            double z = p.u4().sigmasFrom(p.exactU4());
            worst = Math.max(worst, z);
            if (z <= K_SIGMA) {
                ok++;
            }
        }
        return String.format(Locale.ROOT, "%d of %d reliable sigma_W within %.0f stderr (worst %.2f)", ok, rel, K_SIGMA, worst);
    }

    private static boolean couplingsAgree(CouplingResult r) {
        for (CouplingResult.ScanPoint p : r.scan()) {
            if (p.u4().stderrReliable() && p.u4().stderr() > 0 && !p.u4().agreesWith(p.exactU4(), K_SIGMA)) {
                return false;
            }
        }
        return true;
    }

    private static void summariseSlope(Result.Builder b, CouplingResult.Slope slope, String name) {
        if (slope.measured() != null) {
            b.summary(String.format(Locale.ROOT, "sampled slope of log|%s| = %s (Eq. 8) = %s (flow) from %d significant points; exact %.3f = %.3f; paper %s",
                    name, slope.measured().format(), slope.measuredFlow().format(), slope.pointsUsed(), slope.exact(), slope.exactFlow(),
                    Format.plain(slope.paper())));
        } else {
            b.summary(String.format(Locale.ROOT, "sampled slope of log|%s|: not measurable (%d significant points); exact %.3f (Eq. 8) = %.3f (flow); paper %s",
                    name, slope.pointsUsed(), slope.exact(), slope.exactFlow(), Format.plain(slope.paper())));
        }
    }

    /** Fig. 1 proper: histograms over the multisets of the sampled m_n, one curve per width (m_4 on log10 bins). */
    static Figure histogram(EnsembleResult r, int n) {
        boolean log = n > 2;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (EnsembleResult.WidthResult w : r.widths()) {
            for (EnsembleResult.Function f : w.functions()) {
                if (f.n() == n && Double.isFinite(f.normalisedDeviation()) && (!log || f.normalisedDeviation() > 0)) {
                    double v = log ? Math.log10(f.normalisedDeviation()) : f.normalisedDeviation();
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        int bins = 24;
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        List<Series> series = new ArrayList<>();
        for (EnsembleResult.WidthResult w : r.widths()) {
            double[] x = new double[bins];
            double[] y = new double[bins];
            for (int i = 0; i < bins; i++) {
                x[i] = lo + (i + 0.5) * (hi - lo) / bins;
            }
            for (EnsembleResult.Function f : w.functions()) {
                if (f.n() == n && Double.isFinite(f.normalisedDeviation()) && (!log || f.normalisedDeviation() > 0)) {
                    double v = log ? Math.log10(f.normalisedDeviation()) : f.normalisedDeviation();
                    int i = (int) Math.min(bins - 1, Math.floor((v - lo) / (hi - lo) * bins));
                    y[i]++;
                }
            }
            series.add(Series.line("N = " + w.width(), x, y));
        }
        return new Figure("fig1-m" + n + "-histogram", "Fig. 1: histogram of m_" + n + " over the multisets",
                log ? "log10 m_" + n : "m_" + n, "number of multisets", false, false, series,
                "As in the paper's Fig. 1: the distribution over the sorted multisets of points of the sampled normalised deviation m_"
                        + n + ", one curve per width" + (log ? " (positive values, log10 bins)." : "."));
    }

    /** Number formatting for reports. */
    static final class Format {
        private Format() {
        }

        static String plain(double v) {
            return org.deeprg.stats.Format.plain(v);
        }
    }
}
