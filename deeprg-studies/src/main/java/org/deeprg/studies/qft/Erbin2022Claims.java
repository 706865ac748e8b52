package org.deeprg.studies.qft;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeprg.qft.CouplingResult;
import org.deeprg.qft.CouplingScan;
import org.deeprg.qft.Couplings;
import org.deeprg.qft.EnsembleResult;
import org.deeprg.qft.GaussianExpectations;
import org.deeprg.qft.Kernel;
import org.deeprg.qft.NetworkSpec;
import org.deeprg.qft.WetterichFlow;
import org.deeprg.result.Claim;
import org.deeprg.result.ClaimKind;
import org.deeprg.result.Paper;
import org.deeprg.result.Result;
import org.deeprg.result.Value;
import org.deeprg.result.Verdict;
import org.deeprg.stats.Estimate;
import org.deeprg.stats.LinearFit;

/**
 * The audited claims of Erbin, Lahoche, Samary (2022), each judged at the setting the paper states and by an
 * independent route (exact finite-width algebra, quadrature, zero-dimensional integrals), never on an error bar flagged
 * unreliable. The table of verdicts with their tests is docs/audit-erbin2022.md.
 */
final class Erbin2022Claims {
    private static final Paper P = Paper.NNQFT_2022;
    /** The flow normalisation, as a claim's convention. */
    static final String FLOW_CONVENTION = "couplings of the flow's field phi = Z0^(1/2) f, normalised by the residue of Eq. 9 "
            + "(u_4^flow = Z0^-2 u_4, u_6^flow = Z0^-3 u_6, Z0^-1 = sqrt(2/pi) sigma_W^3 at d_in = 1), the normalisation of Eqs. 10-13";

    private Erbin2022Claims() {
    }

    // ------------------------------------------------------------------ Sec. 2-3, Fig. 1 (the ensembles study)

    /** The paper's claims about the ensembles (Secs. 2-3, Eq. 4, Fig. 1), judged at Sec. 3's settings. */
    static void ensembleClaims(Result.Builder b, EnsembleResult r) {
        // Sec. 2: the infinite-width limit is the Gaussian process with kernel K: c0 = Wick(K)
        double worstC0 = 0;
        double worstC1 = 0;
        EnsembleResult.WidthResult first = r.widths().get(0);
        for (int i = 0; i < r.exact().size(); i++) {
            EnsembleResult.ExactCoefficients c = r.exact().get(i);
            double g = first.functions().get(i).gaussian();
            worstC0 = Math.max(worstC0, Math.abs(c.c0() - g) / Math.abs(g));
            if (c.n() == 2) {
                worstC1 = Math.max(worstC1, Math.abs(c.c1()) / Math.abs(c.c0()));
            }
        }
        b.claim(Claim.of(P, "sec2-gaussian-process-limit").ref("Sec. 2")
                .statement("In the infinite-width limit the ensemble is a Gaussian process with kernel K (a free theory): every "
                        + "n-point function tends to Wick's theorem with K")
                .exact(0.0, worstC0, 1e-9)
                .verdict(worstC0 <= 1e-9 ? Verdict.AGREES : Verdict.DISAGREES, String.format(Locale.ROOT,
                        "the N^0 coefficient of every exact finite-width n-point function (sum over index coincidences) equals Wick's "
                                + "theorem with K: largest relative difference %.1e over the %d multisets", worstC0, r.exact().size()))
                .build());
        b.claim(Claim.of(P, "sec2-two-point-width-independent").ref("Sec. 2")
                .statement("The 2-point function G^(2)(x, y) = K(x, y) is independent of N and fixed by the network")
                .exact(0.0, worstC1, 1e-12)
                .verdict(worstC1 <= 1e-12 ? Verdict.AGREES : Verdict.DISAGREES,
                        "exactly: the 1/N coefficient of every 2-point function vanishes (largest |c1|/c0 = " + fmt(worstC1)
                                + "); at one hidden layer the output bias and weights are independent of the hidden layer")
                .build());
        // Eq. 4 by quadrature of Eq. 3
        double worstK = eq4AgainstQuadrature(r);
        b.claim(Claim.of(P, "eq4-gauss-net-kernel").ref("Eq. 4")
                .statement("The activation of Eq. 3 gives the translation-invariant kernel K = sigma_b^2 + sigma_W^2 exp(-sigma_W^2 |x - y|^2 / (2 d_in))")
                .exact(0.0, worstK, 1e-10)
                .verdict(worstK <= 1e-10 ? Verdict.AGREES : Verdict.DISAGREES, String.format(Locale.ROOT,
                        "2-d Gauss-Hermite quadrature of E[g(x) g(y)] with g of Eq. 3 against Eq. 4: largest relative difference %.1e "
                                + "over the pairs of Sec. 3's points", worstK))
                .build());
        // Sec. 3: m2 ~ 0, m4 = O(1/N), m_2n = O(1/N), cumulants of order 1/N^(n-1), Fig. 1
        double worstExactM2 = 0;
        double worstSampledM2 = 0;
        int unreliableM2 = 0;
        for (EnsembleResult.WidthResult w : r.widths()) {
            EnsembleResult.Deviation d = w.deviations().get(0);
            worstExactM2 = Math.max(worstExactM2, Math.abs(d.exact()));
            if (d.m().stderrReliable()) {
                worstSampledM2 = Math.max(worstSampledM2, d.m().sigmasFrom(0));
            } else {
                unreliableM2++;
            }
        }
        b.claim(Claim.of(P, "sec3-m2-zero").ref("Sec. 3")
                .statement("m_2 ~ 0: the second moment is almost independent of N")
                .paperValue(0.0).measured(worstExactM2)
                .verdict(worstExactM2 < 1e-12 ? Verdict.AGREES : Verdict.DISAGREES, String.format(Locale.ROOT,
                        "exactly 0 at every width (largest |exact m_2| %.1e: G^(2) = K); the sampled m_2 lie within %.2f standard errors of 0 "
                                + "at the widths with reliable error bars (%d widths flagged, not compared)", worstExactM2, worstSampledM2, unreliableM2))
                .build());
        double exactM4Slope = exactSlope(r, 4, 0);
        LinearFit sampled = QftReports.widthSlope(r, 4);
        String sampledText = sampled == null ? "the sampled m_4 have too few widths with significant, reliable values for a slope"
                : "the sampled slope over the widths with reliable error bars is " + sampled.slopeEstimate().format();
        b.claim(Claim.of(P, "sec3-m4-one-over-n").ref("Sec. 3")
                .statement("m_4 = O(1/N)")
                .exact(-1.0, exactM4Slope, 1e-6)
                .verdict(Math.abs(exactM4Slope + 1) <= 1e-6 ? Verdict.AGREES : Verdict.DISAGREES,
                        "exact: Delta G^(4) = c_1/N at one hidden layer, least-squares slope of log m_4 against log N = " + fmt(exactM4Slope)
                                + "; " + sampledText + " (at small N the plain estimator is biased low by heavy tails and flagged)")
                .build());
        if (r.maxN() >= 6) {
            // m_6 averaged over the 6-multisets: a_1/N + a_2/N^2 from the exact coefficients
            double a1 = 0;
            double a2 = 0;
            int count = 0;
            for (EnsembleResult.ExactCoefficients c : r.exact()) {
                if (c.n() == 6 && c.c0() != 0) {
                    a1 += c.c1() / c.c0();
                    a2 += c.c2() / c.c0();
                    count++;
                }
            }
            a1 /= count;
            a2 /= count;
            b.claim(Claim.of(P, "sec3-m2n-one-over-n").ref("Sec. 3")
                    .statement("m_2n = O(1/N) for n > 1 (here m_6)")
                    .paperValue("O(1/N)").measured(String.format(Locale.ROOT, "exact m_6 = %.4g/N + %.4g/N^2 (multiset average)", a1, a2))
                    .verdict(a1 > 0 && Double.isFinite(a2) ? Verdict.AGREES : Verdict.DISAGREES, String.format(Locale.ROOT,
                            "exact: Delta G^(6) = c_1/N + c_2/N^2 at one hidden layer with c_1 != 0, so m_6 = O(1/N); at Sec. 3's settings the "
                                    + "1/N^2 term dominates below N = c_2/c_1 = %.0f, so across the paper's widths m_6 falls faster than 1/N", a2 / a1))
                    .build());
            double[] spread = cumulantScaling(r);
            b.claim(Claim.of(P, "sec3-cumulant-order").ref("Sec. 3")
                    .statement("The 2n-cumulant G_c^(2n) is of order 1/N^(n-1)")
                    .exact(0.0, Math.max(spread[0], spread[1]), 1e-9)
                    .verdict(Math.max(spread[0], spread[1]) <= 1e-9 ? Verdict.AGREES : Verdict.DISAGREES, String.format(Locale.ROOT,
                            "exact: N G_c^(4) and N^2 G_c^(6) (from the exact moments at one point) are the same at every width to %.1e and "
                                    + "%.1e relative (joint cumulants of a sum of N i.i.d. hidden units: kappa_2m ~ N^(1-m))", spread[0], spread[1]))
                    .build());
        }
        boolean decreasing = true;
        for (int i = 1; i < r.widths().size(); i++) {
            decreasing &= r.widths().get(i).deviations().get(1).exact() < r.widths().get(i - 1).deviations().get(1).exact();
        }
        b.claim(Claim.of(P, "fig1-m2-centred-m4-decreasing").ref("Fig. 1")
                .statement("m_2 is centred around 0 and independent of N; m_4 decreases as N increases")
                .paperValue("m_2 ~ 0; m_4 decreasing in N").measured("exact m_2 = 0 at every N; exact m_4 " + (decreasing ? "strictly decreasing" : "not monotone")
                        + " over N = " + r.widths().stream().map(w -> Integer.toString(w.width())).reduce((x, y) -> x + "," + y).orElse(""))
                .verdict(decreasing && worstExactM2 < 1e-12 ? Verdict.AGREES : Verdict.DISAGREES,
                        "the exact finite-width values at Sec. 3's settings; the histograms of the sampled m_2, m_4 over the multisets are "
                                + "the figures fig1-m2-histogram and fig1-m4-histogram")
                .build());
    }

    /** Largest relative difference between Eq. 4 and a 2-d Gauss-Hermite quadrature of Eq. 3's E[g g] over the points. */
    static double eq4AgainstQuadrature(EnsembleResult r) {
        NetworkSpec net = NetworkSpec.oneLayer(r.dIn(), 1, NetworkSpec.activation(r.activation()), r.sigmaW(), r.sigmaB());
        double[][] k = Kernel.matrix(net, r.points());
        double sb2 = r.sigmaB() * r.sigmaB();
        double sw2 = r.sigmaW() * r.sigmaW();
        double worst = 0;
        for (int a = 0; a < r.points().length; a++) {
            for (int c = 0; c < r.points().length; c++) {
                double caa = net.inputCovariance(r.points()[a], r.points()[a]);
                double cac = net.inputCovariance(r.points()[a], r.points()[c]);
                double ccc = net.inputCovariance(r.points()[c], r.points()[c]);
                double quad = sb2 + sw2 * Math.exp(-caa - ccc)
                        * GaussianExpectations.pairMomentQuadrature(org.deeprg.net.Activation.GAUSS, caa, cac, ccc);
                worst = Math.max(worst, Math.abs(quad - k[a][c]) / k[a][c]);
            }
        }
        return worst;
    }

    /** Least-squares slope of log m_n (exact) against log N over the widths >= minWidth. */
    private static double exactSlope(EnsembleResult r, int n, int minWidth) {
        List<double[]> rows = new ArrayList<>();
        for (EnsembleResult.WidthResult w : r.widths()) {
            Double e = w.deviations().get(n / 2 - 1).exact();
            if (w.width() >= minWidth && e != null && e > 0) {
                rows.add(new double[] {Math.log(w.width()), Math.log(e)});
            }
        }
        return LinearFit.ordinary(rows.stream().mapToDouble(x -> x[0]).toArray(), rows.stream().mapToDouble(x -> x[1]).toArray()).slope();
    }

    /** Relative spreads over the widths of {@code N kappa_4} and {@code N^2 kappa_6} at the first point (exact). */
    private static double[] cumulantScaling(EnsembleResult r) {
        double lo4 = Double.POSITIVE_INFINITY;
        double hi4 = Double.NEGATIVE_INFINITY;
        double lo6 = Double.POSITIVE_INFINITY;
        double hi6 = Double.NEGATIVE_INFINITY;
        for (EnsembleResult.WidthResult w : r.widths()) {
            double g2 = exactAt(w, new int[] {0, 0});
            double g4 = exactAt(w, new int[] {0, 0, 0, 0});
            double g6 = exactAt(w, new int[] {0, 0, 0, 0, 0, 0});
            double k4 = (g4 - 3 * g2 * g2) * w.width();
            double k6 = (g6 - 15 * g4 * g2 + 30 * g2 * g2 * g2) * w.width() * (double) w.width();
            lo4 = Math.min(lo4, k4);
            hi4 = Math.max(hi4, k4);
            lo6 = Math.min(lo6, k6);
            hi6 = Math.max(hi6, k6);
        }
        return new double[] {(hi4 - lo4) / Math.abs(hi4), (hi6 - lo6) / Math.abs(hi6)};
    }

    private static double exactAt(EnsembleResult.WidthResult w, int[] points) {
        for (EnsembleResult.Function f : w.functions()) {
            if (java.util.Arrays.equals(f.points(), points)) {
                return f.exact();
            }
        }
        throw new IllegalStateException("no function at " + java.util.Arrays.toString(points));
    }

    // ------------------------------------------------------------------ Secs. 3-4, Eqs. 7-13, Fig. 2 (the couplings study)

    /**
     * The paper's claims about the couplings and the flow.
     *
     * @param b          the report
     * @param fig2       the sampled scan at Fig. 2's settings (sigma_b = 0)
     * @param fig2Exact  the exact scan over all of Fig. 2's sigma_W at sigma_b = 0
     * @param sigmaBOne  the exact scan over Fig. 2's sigma_W at Sec. 3's sigma_b = 1
     * @param sec3       the exact couplings at Sec. 3's settings (sigma_b = sigma_W = 1), one per width
     */
    static void couplingClaims(Result.Builder b, CouplingResult fig2, CouplingScan.Exact fig2Exact, CouplingScan.Exact sigmaBOne,
                               List<Erbin2022CouplingsStudy.Sec3Point> sec3) {
        double ratio = Couplings.zeroDimensionalTreeRatio(1.0, 1e-3);
        b.claim(Claim.of(P, "eq8-tree-level-normalisation").ref("Eq. 8")
                .statement("u_4 of Eq. 8, -Delta G^(4) / int prod_4 K_W, is the quartic coupling of the ansatz Eq. 7 at lowest order")
                .paperValue(1.0).measured(ratio)
                .convention("u_4 is the coefficient u-bar_2 of Eq. 7 with the (2n)! in the action: S_int = u_4/4! int f^4 + u_6/6! int f^6")
                .verdict(Math.abs(ratio - 1) < 1e-2 ? Verdict.AGREES_UNDER_CONVENTION : Verdict.DISAGREES,
                        "in a zero-dimensional theory S = f^2/(2k) + u f^4/4! the connected 4-point function is -u k^4 at tree level with no "
                                + "extra factor (ratio " + fmt(ratio) + " at u = 1e-3, numerical integration); Eq. 7 writes u-bar_n, Eq. 8 u_4, the "
                                + "identification u_4 = u-bar_2 is the convention")
                .build());
        boolean allNegative = true;
        double worstSpread = 0;
        boolean u6Negative = true;
        boolean u6LocalNegative = true;
        for (Erbin2022CouplingsStudy.Sec3Point p : sec3) {
            allNegative &= p.exact().u4() < 0;
            worstSpread = Math.max(worstSpread, p.exact().u4Spread());
            u6Negative &= p.exact().u6Fit() < 0;
            u6LocalNegative &= p.exact().u6Local() < 0;
        }
        Erbin2022CouplingsStudy.Sec3Point n10 = sec3.stream().filter(p -> p.width() == 10).findFirst().orElse(sec3.get(0));
        b.claim(Claim.of(P, "sec3-u4-negative").ref("Sec. 3")
                .statement("u_4 is negative (Sec. 3's settings: sigma_b = sigma_W = 1, the six points, N = 2 ... 1000)")
                .paperValue("u_4 < 0").measured(String.format(Locale.ROOT, "exact u_4 < 0 at every N (N = 10: %.4g)", n10.exact().u4()))
                .verdict(allNegative ? Verdict.AGREES : Verdict.DISAGREES, "exact finite-width u_4 of Eq. 8 (no sampling noise) at every width of Sec. 3")
                .build());
        b.claim(Claim.of(P, "sec3-u4-almost-constant").ref("Sec. 3")
                .statement("u_4(x_1, ..., x_4) is almost constant (a local quartic coupling describes the 4-point data)")
                .paperValue(0.0).measured(worstSpread)
                .verdict(worstSpread < 1e-2 ? Verdict.AGREES : Verdict.DISAGREES, String.format(Locale.ROOT,
                        "exact: (max - min)/|mean| of Eq. 8's u_4 over the 126 4-multisets is at most %.2g at Sec. 3's settings (points within "
                                + "+-0.01); across widths u_4 is not constant but proportional to 1/N", worstSpread))
                .build());
        Claim.Builder u6 = Claim.of(P, "sec3-u6-positive").ref("Sec. 3")
                .statement("u_6 remains small but positive (as required for stability), at Sec. 3's settings")
                .paperValue("u_6 > 0").measured(String.format(Locale.ROOT, "exact u_6 < 0 at every N: N = 10 joint fit %.4g, multiset-wise %.4g",
                        n10.exact().u6Fit(), n10.exact().u6Local()));
        if (u6Negative && u6LocalNegative) {
            u6.verdict(Verdict.DISAGREES, "corrected statement: at sigma_b = sigma_W = 1 the tree-level u_6 of the exact finite-width functions is "
                    + "negative at every width of Sec. 3 (N = 2: " + fmt(sec3.get(0).exact().u6Fit()) + ", N = 1000: "
                    + fmt(sec3.get(sec3.size() - 1).exact().u6Fit()) + ", scaling as 1/N^2), by the joint (u_4, u_6) fit and by the multiset-wise "
                    + "analogue of Eq. 8 alike; it is positive only at smaller sigma_b (e.g. 0.5). The sampled u_6 at these settings are heavy-tailed "
                    + "(flagged), so only the exact values decide");
        } else if (u6Negative || u6LocalNegative) {
            u6.inconclusive("the two exact routes (joint fit, multiset-wise) disagree on the sign of u_6",
                    "compare them multiset by multiset: ./deeprg qft couplings --sigma-b 1 --sigma-w 1 --json");
        } else {
            u6.verdict(Verdict.AGREES, "exact u_6 > 0 at every width by both routes");
        }
        b.claim(u6.build());
        // Eq. 9 and the flow's normalisation
        double sw = 1.3;
        double worstFt = 0;
        for (double p : new double[] {0.0, 0.5, 1.0, 2.0}) {
            worstFt = Math.max(worstFt, Math.abs(fourier(sw, p) / kwOfP(sw, p) - 1));
        }
        b.claim(Claim.of(P, "eq9-propagator").ref("Eq. 9")
                .statement("K_W(p) = (sigma_W^2)^(1 - d/2) (d/2pi)^(d/2) exp(-d p^2/(2 sigma_W^2)) ~ Z0^-1/(Lambda^2 + p^2)")
                .exact(0.0, worstFt, 1e-9)
                .convention("Fourier transform K(p) = (2 pi)^-d int d^dx e^(-ipx) K(x); Lambda^2 = 2 sigma_W^2/d and Z0^-1 = A Lambda^2 from the "
                        + "expansion at p^2 << Lambda^2")
                .verdict(worstFt <= 1e-9 ? Verdict.AGREES_UNDER_CONVENTION : Verdict.DISAGREES,
                        "numerical Fourier transform of Eq. 4's K_W at d = 1, sigma_W = 1.3, p = 0 ... 2: largest relative difference " + fmt(worstFt))
                .build());
        double[] flow = WetterichFlow.zeroDimensionalFlowCheck(1.0, 0.2, 0.3);
        double flowDiff = Math.abs(flow[0] - flow[1]) / Math.abs(flow[1]);
        b.claim(Claim.of(P, "eq10-wetterich-two-point").ref("Eq. 10")
                .statement("Lambda d Gamma^(2)/d Lambda = -(1/2) int Lambda dr/dLambda Gamma^(4) G^2 (no Gamma^(3) term)")
                .exact(0.0, flowDiff, 1e-5)
                .verdict(flowDiff <= 1e-5 ? Verdict.AGREES : Verdict.DISAGREES, String.format(Locale.ROOT,
                        "zero-dimensional check (one mode, mass regulator r, S = f^2/2 + 0.2 f^4/4!): dGamma^(2)/dr = %.8f by finite differences "
                                + "of the exact integral, -(1/2) Gamma^(4) G^2 = %.8f; the Gamma^(3) term vanishes by the Z2 symmetry", flow[0], flow[1]))
                .build());
        b.claim(Claim.of(P, "sec4-flow-constraint").ref("Sec. 4")
                .statement("Gamma^(2) + r_Lambda = Lambda^2 exp(p^2/Lambda^2) for every Lambda, the propagator being fixed by the network")
                .paperValue("Lambda^2 exp(p^2/Lambda^2)").measured("Z0^-1 / K_W(p) = Lambda^2 exp(p^2/Lambda^2) exactly")
                .convention("the field is phi = Z0^(1/2) f; for the network output f itself Gamma^(2) + r = 1/K_W(p) = Z0 Lambda^2 exp(p^2/Lambda^2)")
                .verdict(Verdict.AGREES_UNDER_CONVENTION, "with Eq. 9, 1/K_W(p) = exp(p^2/Lambda^2)/A = Z0 Lambda^2 exp(p^2/Lambda^2): the "
                        + "constraint holds for the Z0-normalised field, which fixes the normalisation of the flow's couplings")
                .build());
        // Eq. 13 and its u_6 analogue in their normalisation, at sigma_b > 0 (Sec. 3's sigma_b = 1)
        CouplingResult.ExactSlopes s1 = sigmaBOne.slopes();
        double dim4 = fig2.u4Slope().paper();
        double dim6 = fig2.u6Slope().paper();
        b.claim(Claim.of(P, "eq13-u4-slope").ref("Eq. 13")
                .statement("sigma_W du_4/dsigma_W = (4 - d_in) u_4: log u_4 = 3 log sigma_W + cst at d_in = 1")
                .exact(dim4, s1.u4().flow(), 0.05)
                .convention(FLOW_CONVENTION)
                .verdict(Math.abs(s1.u4().flow() - dim4) <= 0.05 ? Verdict.AGREES_UNDER_CONVENTION : Verdict.DISAGREES, String.format(Locale.ROOT,
                        "judged in the flow's normalisation, at Sec. 3's sigma_b = 1 (N = 10, the six points, sigma_W = 1 ... 20): exact slope %.3f. "
                                + "In Eq. 8's bare normalisation the same law reads slope -(4 - d) = %.3f; for sigma_W |x| << 1 and sigma_b > 0, "
                                + "Delta G^(4) ~ sigma_W^4 and int prod K_W ~ sigma_W^(8-d), so u_4 ~ sigma_W^(d-4) and u_4^flow ~ sigma_W^(4-d)",
                        s1.u4().flow(), s1.u4().eq8()))
                .build());
        b.claim(Claim.of(P, "sec4-u6-slope").ref("Sec. 4")
                .statement("log u_6 = (6 - 2 d_in) log sigma_W + cst")
                .exact(dim6, s1.u6().flow(), 0.05)
                .convention(FLOW_CONVENTION)
                .verdict(Math.abs(s1.u6().flow() - dim6) <= 0.05 ? Verdict.AGREES_UNDER_CONVENTION : Verdict.DISAGREES, String.format(Locale.ROOT,
                        "judged in the flow's normalisation at sigma_b = 1: exact slope of the joint-fit u_6 %.3f (Eq. 8's normalisation: %.3f)",
                        s1.u6().flow(), s1.u6().eq8()))
                .build());
        // Fig. 2 at its own setting sigma_b = 0, and what it could resolve
        CouplingResult.ExactSlopes s0 = fig2Exact.slopes();
        double minSig = Double.POSITIVE_INFINITY;
        double maxSig = 0;
        double minNets = Double.POSITIVE_INFINITY;
        double maxNets = 0;
        for (CouplingScan.ExactPoint p : fig2Exact.points()) {
            double z = Math.abs(p.u4()) / (p.u4PerNetworkSd() / Math.sqrt(30.0 * 30000));
            minSig = Math.min(minSig, z);
            maxSig = Math.max(maxSig, z);
            minNets = Math.min(minNets, p.networksToResolve(5));
            maxNets = Math.max(maxNets, p.networksToResolve(5));
        }
        boolean neither = Math.abs(s0.u4().flow() - dim4) > 0.5 && Math.abs(s0.u4().eq8() - dim4) > 0.5;
        b.claim(Claim.of(P, "fig2-eq13-verified").ref("Fig. 2")
                .statement("Fig. 2 (sigma_b = 0, sigma_W in {1.0, 1.5, ..., 10, 20}, 30 bags x 30000 nets) verifies Eq. 13 numerically")
                .paperValue(dim4).measured(Value.of(s0.u4().flow(), String.format(Locale.ROOT, "%.3f (flow), %.3f (Eq. 8)", s0.u4().flow(), s0.u4().eq8())))
                .verdict(neither ? Verdict.DISAGREES : Verdict.AGREES, String.format(Locale.ROOT,
                        "corrected statement: at sigma_b = 0 the sigma_W-independent part of Delta G^(4) vanishes (M_4 - M_2^2 = O(sigma_W^2 x^2)), so the "
                                + "exact u_4 scales as sigma_W^(d-2) in Eq. 8's normalisation and sigma_W^(6-d) in the flow's: exact slopes %.3f and %.3f "
                                + "over Fig. 2's sigma_W, neither 3. Nor could Fig. 2 resolve u_4: at 30 x 30000 networks the exact standard error "
                                + "of the plain Eq. 8 average puts |u_4| at %.2g to %.2g standard errors; %.2g to %.2g networks per sigma_W are needed "
                                + "for 5 standard errors (exact 8-point functions). deeprg's own sampled scan at these settings: %s",
                        s0.u4().eq8(), s0.u4().flow(), minSig, maxSig, minNets, maxNets, fig2.u4Slope().measured() == null
                                ? "no slope (" + fig2.u4Slope().pointsUsed() + " significant sigma_W)"
                                : fig2.u4Slope().measured().format() + " from " + fig2.u4Slope().pointsUsed() + " significant sigma_W"))
                .convention("judged in both normalisations (Eq. 8's and the flow's)")
                .build());
    }

    /** {@code K_W(p)} of Eq. 9 at d = 1. */
    static double kwOfP(double sw, double p) {
        return Math.pow(sw * sw, 0.5) * Math.sqrt(1 / (2 * Math.PI)) * Math.exp(-p * p / (2 * sw * sw));
    }

    /** Numerical {@code (2 pi)^-1 int dx e^{-ipx} K_W(x)} at d = 1 (trapezoidal rule; the integrand is even). */
    static double fourier(double sw, double p) {
        double lim = 14 / sw;
        int n = 20_001;
        double h = 2 * lim / (n - 1);
        double s = 0;
        for (int i = 0; i < n; i++) {
            double x = -lim + i * h;
            double w = i == 0 || i == n - 1 ? 0.5 : 1;
            s += w * sw * sw * Math.exp(-sw * sw * x * x / 2) * Math.cos(p * x);
        }
        return s * h / (2 * Math.PI);
    }

    // ------------------------------------------------------------------ beyond the paper: deep networks

    /** Generalisation claims of the deep study. */
    static void deepClaims(Result.Builder b, List<Erbin2022DeepStudy.Point> points) {
        int within = 0;
        int compared = 0;
        double worst = 0;
        int relu = 0;
        double reluWorst = 0;
        for (Erbin2022DeepStudy.Point p : points) {
            Estimate s = p.sampled();
            if (!s.stderrReliable() || p.perturbative() == null) {
                continue;
            }
            compared++;
            double tol = QftReports.K_SIGMA * s.stderr() + Erbin2022DeepStudy.NEXT_ORDER * p.depthOverWidth() * Math.abs(p.perturbative());
            double dev = Math.abs(s.mean() - p.perturbative());
            worst = Math.max(worst, dev / Math.abs(p.perturbative()));
            if (dev <= tol) {
                within++;
            }
            if ("relu".equals(p.activation()) && p.criticalRelu()) {
                relu++;
                reluWorst = Math.max(reluWorst, Math.abs(p.perturbative() - 5.0 * p.depth() / p.width()) / (5.0 * p.depth() / p.width()));
            }
        }
        Claim.Builder c = Claim.of(P, "deep-vertex-l-over-n").kind(ClaimKind.GENERALISATION)
                .statement("Beyond one hidden layer (the paper's future direction): the normalised connected 4-point function of deep MLPs "
                        + "follows the leading-1/N four-point vertex recursion (Roberts, Yaida, Hanin 2022) and grows with depth over width")
                .measured(String.format(Locale.ROOT, "%d of %d sampled (conditional estimator, reliable error bars) within %.0f stderr + %.1f (L/N) x the "
                        + "perturbative value; largest relative deviation %.3f", within, compared, QftReports.K_SIGMA, Erbin2022DeepStudy.NEXT_ORDER, worst));
        if (compared == 0) {
            c.inconclusive("no deep ensemble has a reliable error bar", "more networks: ./deeprg reproduce --full --only erbin2022-deep");
        } else {
            c.verdict(within == compared ? Verdict.AGREES : Verdict.DISAGREES,
                    "the next order is relatively O(L/N): the tolerance is stated, the figure deep-vertex-vs-depth-over-width shows both");
        }
        b.claim(c.build());
        if (relu > 0) {
            b.claim(Claim.of(P, "deep-relu-five-l-over-n").kind(ClaimKind.GENERALISATION)
                    .statement("For critical ReLU networks (sigma_W^2 = 2, sigma_b = 0) the normalised connected 4-point function at one input is 5 L/N at leading order")
                    .paperValue(0.0).measured(reluWorst)
                    .verdict(reluWorst <= 1e-9 ? Verdict.AGREES : Verdict.DISAGREES,
                            "the recursion V^(l+1) = sigma_W^4 (<relu^4> - <relu^2>^2) + chi^2 V^(l) with chi = 1 gives V = 5 L K^2; largest relative difference "
                                    + fmt(reluWorst))
                    .build());
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
