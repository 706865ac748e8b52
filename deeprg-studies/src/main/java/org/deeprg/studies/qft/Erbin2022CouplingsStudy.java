package org.deeprg.studies.qft;

import java.util.ArrayList;
import java.util.List;
import org.deeprg.qft.CouplingResult;
import org.deeprg.qft.CouplingScan;
import org.deeprg.result.Paper;
import org.deeprg.result.Result;
import org.deeprg.result.Table;
import org.deeprg.study.Study;
import org.deeprg.study.StudyContext;

/**
 * Secs. 3-4, Eqs. 7-13 and Fig. 2 of Erbin, Lahoche, Samary (2022): the effective couplings u_4, u_6, their sigma_W
 * dependence in both normalisations (Eq. 8's bare legs and the flow's Z0-normalised field) at Fig. 2's sigma_b = 0 and
 * Sec. 3's sigma_b = 1, what Fig. 2 could resolve, and the signs of u_4 and u_6 at Sec. 3's settings.
 */
public final class Erbin2022CouplingsStudy implements Study {
    /**
     * The exact couplings at one width of Sec. 3 (sigma_b = sigma_W = 1, the six points).
     *
     * @param width N
     * @param exact the exact couplings
     */
    public record Sec3Point(int width, CouplingScan.ExactPoint exact) {
    }

    /**
     * The study's data (its result.json).
     *
     * @param fig2          the sampled scan at Fig. 2's settings (sigma_b = 0, N = 10)
     * @param fig2Exact     the exact scan over all of Fig. 2's sigma_W at sigma_b = 0
     * @param sigmaBOne     the exact scan over Fig. 2's sigma_W at Sec. 3's sigma_b = 1
     * @param sec3          the exact couplings at Sec. 3's settings, per width
     */
    public record Data(CouplingResult fig2, CouplingScan.Exact fig2Exact, CouplingScan.Exact sigmaBOne, List<Sec3Point> sec3) {
    }

    @Override
    public String id() {
        return "erbin2022-couplings";
    }

    @Override
    public Paper paper() {
        return Paper.NNQFT_2022;
    }

    @Override
    public String title() {
        return "NN-QFT effective couplings u_4, u_6 against sigma_W and the flow equation (Eqs. 7-13, Fig. 2)";
    }

    @Override
    public Result run(StudyContext context) {
        CouplingResult fig2 = CouplingScan.run(Erbin2022.fig2(context.scale()), context.run());
        CouplingScan.Exact fig2Exact = CouplingScan.exact(Erbin2022.fig2(org.deeprg.study.Scale.FULL).network(), Erbin2022.fig2Sigmas(), Erbin2022.POINTS);
        CouplingScan.Exact sigmaBOne = CouplingScan.exact(Erbin2022.sec3Network(Erbin2022.FIG2_WIDTH), Erbin2022.fig2Sigmas(), Erbin2022.POINTS);
        List<Sec3Point> sec3 = new ArrayList<>();
        for (int w : Erbin2022.WIDTHS) {
            sec3.add(new Sec3Point(w, CouplingScan.exact(Erbin2022.sec3Network(w), List.of(1.0), Erbin2022.POINTS).points().get(0)));
        }
        Result.Builder b = QftReports.couplingsBuilder(title(), fig2).data(new Data(fig2, fig2Exact, sigmaBOne, sec3));
        Table.Builder t = Table.builder("sec3-exact-couplings", "width N", "u4 (Eq. 8)", "u4 spread over multisets", "u6 (joint fit)",
                "u6 (multiset-wise)", "u4 flow norm.", "u6 flow norm.", "networks for 5 sigma (u4)");
        for (Sec3Point p : sec3) {
            t.row(p.width(), p.exact().u4(), p.exact().u4Spread(), p.exact().u6Fit(), p.exact().u6Local(), p.exact().u4Flow(), p.exact().u6Flow(),
                    p.exact().networksToResolve(5));
        }
        b.table(t.build());
        Table.Builder s = Table.builder("exact-slopes", "setting", "u4 slope (Eq. 8)", "u4 slope (flow)", "u6 slope (Eq. 8)", "u6 slope (flow)");
        s.row("Fig. 2: sigma_b = 0, N = 10", fig2Exact.slopes().u4().eq8(), fig2Exact.slopes().u4().flow(), fig2Exact.slopes().u6().eq8(),
                fig2Exact.slopes().u6().flow());
        s.row("Sec. 3: sigma_b = 1, N = 10", sigmaBOne.slopes().u4().eq8(), sigmaBOne.slopes().u4().flow(), sigmaBOne.slopes().u6().eq8(),
                sigmaBOne.slopes().u6().flow());
        b.table(s.build());
        b.figure(eq13Figure(fig2Exact, sigmaBOne));
        Erbin2022Claims.couplingClaims(b, fig2, fig2Exact, sigmaBOne, sec3);
        return b.build();
    }

    /** |u_4^flow| at sigma_b = 1 and 0 against Eq. 13's sigma_W^(4-d), each normalised to its value at sigma_W = 1. */
    static org.deeprg.result.Figure eq13Figure(CouplingScan.Exact zero, CouplingScan.Exact one) {
        double[] s = one.points().stream().mapToDouble(CouplingScan.ExactPoint::sigmaW).toArray();
        double[] a = new double[s.length];
        double[] z = new double[s.length];
        double[] law = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            a[i] = one.points().get(i).u4Flow() / one.points().get(0).u4Flow();
            z[i] = zero.points().get(i).u4Flow() / zero.points().get(0).u4Flow();
            law[i] = Math.pow(s[i] / s[0], 3);
        }
        return new org.deeprg.result.Figure("eq13-both-settings", "Eq. 13 in the flow's normalisation: sigma_b = 1 against Fig. 2's sigma_b = 0",
                "sigma_W", "u_4^flow(sigma_W) / u_4^flow(1)", true, true, List.of(
                org.deeprg.result.Series.line("sigma_b = 1 (Sec. 3), exact", s, a),
                org.deeprg.result.Series.line("sigma_b = 0 (Fig. 2), exact", s, z),
                org.deeprg.result.Series.line("Eq. 13: sigma_W^3", s, law)),
                "The exact u_4 of the flow's Z0-normalised field (N = 10, Sec. 3's six points), divided by its value at sigma_W = 1: it follows "
                        + "Eq. 13 at sigma_b = 1 (slope 3.00) and not at Fig. 2's sigma_b = 0 (slope 5.01).");
    }
}
