package org.deeprg.qft;

import java.util.ArrayList;
import java.util.List;
import org.deeprg.stats.Estimate;
import org.deeprg.stats.LinearFit;
import org.deeprg.run.RunContext;

/**
 * Runs a {@link CouplingSpec}: ensembles per sigmaW, u_4 (Eq. 8), the joint (u_4, u_6) fit, slopes in both
 * normalisations (Eq. 8's bare legs and the flow's Z0-normalised field, {@link WetterichFlow}), the exact couplings and
 * the exact standard error of the sampled u_4 (how many networks resolve it), and the flow.
 */
public final class CouplingScan {
    /** The normalisation statement attached to every result. */
    public static final String CONVENTION = "S_int = u_4/4! int f^4 + u_6/6! int f^6 (Eq. 7 with the (2n)! factors in the action); "
            + "then Delta G^(4) = -u_4 int prod_4 K_W (Eq. 8, no extra 4!) and G_c^(6) = -u_6 int prod_6 K_W + u_4^2 sum_10 J at tree level";
    /** How the flow's couplings relate to Eq. 8's. */
    public static final String FLOW_NORMALISATION = "the flow (Eqs. 9-13) normalises the field by the residue Z0 of Eq. 9: "
            + "phi = Z0^(1/2) f with Z0^-1 = 2 (sigmaW^2)^(2 - d/2) d^(d/2 - 1) (2 pi)^(-d/2), so u_4^flow = Z0^-2 u_4 and u_6^flow = Z0^-3 u_6; "
            + "Eq. 13 (slope 4 - d) and its u_6 analogue (6 - 2d) are statements about u^flow";

    private CouplingScan() {
    }

    /**
     * The exact couplings at one sigmaW.
     *
     * @param sigmaW          weight scale
     * @param u4              u_4 of Eq. 8 averaged over the 4-multisets
     * @param u4Fit           the joint-fit u_4 on the exact functions
     * @param u6Fit           the joint-fit u_6 on the exact functions
     * @param z0Inverse       {@code Z0^-1}
     * @param u4Flow          {@code Z0^-2 u4}
     * @param u6Flow          {@code Z0^-3 u6Fit}
     * @param u4PerNetworkSd  the standard deviation of one network's contribution to the sampled Eq. 8 average (exact,
     *                        from the 8-point functions), so the standard error with n networks is {@code sd/sqrt(n)}
     * @param u4Spread        {@code (max - min)/|mean|} of Eq. 8's {@code u_4(x_1..x_4)} over the 4-multisets (how far
     *                        from constant the "full normalised deviation" is)
     * @param u6Local         the Eq. 8 analogue for u_6, multiset by multiset, averaged:
     *                        {@code u_6(S) = (u_4^2 sum_10 J(S) - G_c^(6)(S)) / I_6(S)} with u_4 the Eq. 8 average (an
     *                        independent route to the sign of u_6 besides the joint fit)
     */
    public record ExactPoint(double sigmaW, double u4, double u4Fit, double u6Fit, double z0Inverse, double u4Flow, double u6Flow,
                             double u4PerNetworkSd, double u4Spread, double u6Local) {
        /** Networks needed for |u_4| = k standard errors of the plain Eq. 8 average. */
        public double networksToResolve(double k) {
            return Math.pow(k * u4PerNetworkSd / Math.abs(u4), 2);
        }
    }

    /**
     * An exact (noise-free) coupling scan.
     *
     * @param points one entry per sigmaW
     * @param slopes the least-squares slopes of log|u| against log sigmaW in both normalisations
     */
    public record Exact(List<ExactPoint> points, CouplingResult.ExactSlopes slopes) {
    }

    /** The exact couplings of a one-hidden-layer Gauss-net at each sigmaW (no sampling). */
    public static Exact exact(NetworkSpec network, List<Double> sigmaWs, double[][] points) {
        NPointLayout layout = new NPointLayout(points.length, 6);
        List<ExactPoint> out = new ArrayList<>();
        for (double sw : sigmaWs) {
            out.add(exactPoint(network.withSigmaW(sw), layout, points));
        }
        double[] sig = sigmaWs.stream().mapToDouble(Double::doubleValue).toArray();
        double s4 = logSlope(sig, out.stream().mapToDouble(ExactPoint::u4).toArray());
        double s6 = logSlope(sig, out.stream().mapToDouble(ExactPoint::u6Fit).toArray());
        double z = WetterichFlow.z0InverseExponent(network.dIn());
        return new Exact(out, new CouplingResult.ExactSlopes(new CouplingResult.SlopePair(s4, s4 + 2 * z),
                new CouplingResult.SlopePair(s6, s6 + 3 * z)));
    }

    private static ExactPoint exactPoint(NetworkSpec net, NPointLayout layout, double[][] points) {
        int width = net.width();
        Couplings.Design design = new Couplings.Design(layout, points, net);
        // the exact finite-width functions by the moment-cumulant recursion (tested against FiniteWidth's set partitions)
        ExactMoments moments = new ExactMoments(net, points, width);
        double[] ex = new double[layout.slots()];
        for (int s = 0; s < ex.length; s++) {
            ex[s] = moments.moment(layout.multiset(s));
        }
        // weights for the noise-free fit: relative residuals (sigma = the kernel integral of each datum), so that the
        // exact couplings do not inherit the sampling noise of the bag errors
        double[] exFit = design.fit(ex, design.i4.clone(), absolute(design.i6));
        double u4 = design.u4Average(ex);
        // one network's contribution to the Eq. 8 average: sum_S w_S p_S with w_S = -1/(count I4_S)
        int[] slots4 = design.slots4;
        double var = 0;
        for (int i = 0; i < slots4.length; i++) {
            double wi = -1.0 / (slots4.length * design.i4[i]);
            for (int j = i; j < slots4.length; j++) {
                double wj = -1.0 / (slots4.length * design.i4[j]);
                var += (i == j ? 1 : 2) * wi * wj * moments.productCovariance(layout.multiset(slots4[i]), layout.multiset(slots4[j]));
            }
        }
        double[] d4 = design.deviation4(ex);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < d4.length; i++) {
            double u = -d4[i] / design.i4[i];
            lo = Math.min(lo, u);
            hi = Math.max(hi, u);
        }
        double[] c6 = design.connected6(ex);
        double u6 = 0;
        for (int i = 0; i < c6.length; i++) {
            u6 += (u4 * u4 * design.t6[i] - c6[i]) / design.i6[i] / c6.length;
        }
        double sw = net.sigmaW();
        int d = net.dIn();
        return new ExactPoint(sw, u4, exFit[0], exFit[1], WetterichFlow.z0Inverse(sw, d), WetterichFlow.u4Flow(u4, sw, d),
                WetterichFlow.u6Flow(exFit[1], sw, d), Math.sqrt(Math.max(var, 0)), (hi - lo) / Math.abs(u4), u6);
    }

    /** Runs the scan. */
    public static CouplingResult run(CouplingSpec spec, RunContext ctx) {
        int width = spec.network().width();
        List<Double> sigmas = spec.sigmaWs();
        int k = sigmas.size();
        int dIn = spec.network().dIn();
        double[] u4 = new double[k];
        double[] u4Err = new double[k];
        String[] u4Unreliable = new String[k];
        String[] u6Unreliable = new String[k];
        List<Estimate[]> fits = new ArrayList<>();
        double[] cov = new double[k];
        double[] chi2 = new double[k];
        int[] dof = new int[k];
        NPointLayout layout = new NPointLayout(spec.points().length, 6);
        // one distributable job over sigma_W x bag x chunk; sigma_W index i draws from streams.split(i).split(0)
        List<EnsembleJob.Cell> cells = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            NetworkSpec net = spec.network().withSigmaW(sigmas.get(i));
            cells.add(new EnsembleJob.Cell(net, ctx.streams().split(i).split(0), Ensemble.wickValues(net, spec.points(), layout)));
        }
        EnsembleJob.Sampled sampled = EnsembleJob.sample(cells, spec.points(), 6, spec.nets(), spec.bags(), Estimator.PLAIN, ctx);
        Exact exact = exact(spec.network(), sigmas, spec.points());
        for (int i = 0; i < k; i++) {
            NetworkSpec net = cells.get(i).network();
            double[][] bags = sampled.bagMeans()[i];
            double[] power = sampled.power()[i];
            for (int s = 0; s < layout.slots(); s++) {
                int n = layout.multiset(s).length;
                if (n < 4) {
                    continue;
                }
                HeavyTails.Diagnostic t = HeavyTails.of(power[4 * s], power[4 * s + 1], power[4 * s + 2], power[4 * s + 3],
                        sampled.fullBatches()[i], NetworkSampler.BATCH, spec.nets());
                if (!t.reliable()) {
                    String why = "the " + n + "-point function at " + java.util.Arrays.toString(layout.multiset(s)) + ": " + t.unreliableBecause();
                    if (n == 4 && u4Unreliable[i] == null) {
                        u4Unreliable[i] = why;
                    }
                    if (u6Unreliable[i] == null) {
                        u6Unreliable[i] = why;
                    }
                }
            }
            Couplings.Design design = new Couplings.Design(layout, spec.points(), net);
            int b = bags.length;
            double[] perBag = new double[b];
            double[][] d4 = new double[b][];
            double[][] c6 = new double[b][];
            for (int j = 0; j < b; j++) {
                perBag[j] = design.u4Average(bags[j]);
                d4[j] = design.deviation4(bags[j]);
                c6[j] = design.connected6(bags[j]);
            }
            Estimate u = Estimate.ofIndependent(perBag);
            u4[i] = u.mean();
            u4Err[i] = u.stderr();
            double[] s4 = stderrs(d4);
            double[] s6 = stderrs(c6);
            double[] all = mean(bags);
            double[] full = design.fit(all, s4, s6);
            // jackknife over bags
            double[][] loo = new double[b][];
            double m4 = 0;
            double m6 = 0;
            for (int j = 0; j < b; j++) {
                double[] v = new double[all.length];
                for (int s = 0; s < v.length; s++) {
                    v[s] = (all[s] * b - bags[j][s]) / (b - 1);
                }
                loo[j] = design.fit(v, s4, s6);
                m4 += loo[j][0] / b;
                m6 += loo[j][1] / b;
            }
            double v44 = 0;
            double v66 = 0;
            double v46 = 0;
            for (int j = 0; j < b; j++) {
                v44 += (loo[j][0] - m4) * (loo[j][0] - m4);
                v66 += (loo[j][1] - m6) * (loo[j][1] - m6);
                v46 += (loo[j][0] - m4) * (loo[j][1] - m6);
            }
            double f = (b - 1.0) / b;
            Estimate fit4 = Estimate.of(full[0], Math.sqrt(f * v44), b);
            Estimate fit6 = Estimate.of(full[1], Math.sqrt(f * v66), b);
            if (u6Unreliable[i] != null) {
                fit4 = fit4.unreliable(u6Unreliable[i]);
                fit6 = fit6.unreliable(u6Unreliable[i]);
            }
            fits.add(new Estimate[] {fit4, fit6});
            cov[i] = f * v46;
            chi2[i] = full[2];
            dof[i] = design.size4() + design.size6() - 2;
        }
        // anchor of the flow: the sampled point with the smallest relative error of u4 (Eq. 8 average) and of u6Fit
        int a4 = 0;
        int a6 = 0;
        for (int i = 1; i < k; i++) {
            if (relErr(Estimate.of(u4[i], u4Err[i], 2)) < relErr(Estimate.of(u4[a4], u4Err[a4], 2))) {
                a4 = i;
            }
            if (relErr(fits.get(i)[1]) < relErr(fits.get(a6)[1])) {
                a6 = i;
            }
        }
        FlowResult flow4 = WetterichFlow.run(new FlowSpec(dIn, sigmas.get(a4), u4[a4], fits.get(a4)[1].mean(), sigmas), ctx);
        FlowResult flow6 = WetterichFlow.run(new FlowSpec(dIn, sigmas.get(a6), fits.get(a6)[0].mean(), fits.get(a6)[1].mean(), sigmas), ctx);
        WetterichFlow flow = new WetterichFlow(dIn);
        double total = (double) spec.nets() * spec.bags();
        List<CouplingResult.ScanPoint> scan = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            ExactPoint e = exact.points().get(i);
            Estimate u = Estimate.of(u4[i], u4Err[i], spec.bags());
            if (u4Unreliable[i] != null) {
                u = u.unreliable(u4Unreliable[i]);
            }
            scan.add(new CouplingResult.ScanPoint(sigmas.get(i), u, fits.get(i)[0], fits.get(i)[1], cov[i], chi2[i], dof[i],
                    e.u4(), e.u4Fit(), e.u6Fit(), flow4.points().get(i).u4(), flow6.points().get(i).u6(), e.z0Inverse(), e.u4Flow(),
                    e.u6Flow(), e.u4PerNetworkSd() / Math.sqrt(total), e.networksToResolve(5)));
        }
        double[] sig = sigmas.stream().mapToDouble(Double::doubleValue).toArray();
        double z = WetterichFlow.z0InverseExponent(dIn);
        CouplingResult.Slope s4 = slope(sig, scan.stream().map(CouplingResult.ScanPoint::u4).toList(),
                exact.slopes().u4(), 2 * z, flow.dimensionU4());
        CouplingResult.Slope s6 = slope(sig, scan.stream().map(CouplingResult.ScanPoint::u6Fit).toList(),
                exact.slopes().u6(), 3 * z, flow.dimensionU6());
        return new CouplingResult(CONVENTION, FLOW_NORMALISATION, width, dIn, spec.network().sigmaB(), spec.points(), spec.nets(),
                spec.bags(), scan, s4, s6, exact.slopes());
    }

    /** Least-squares slope of log|u| against log sigma over the nonzero finite values (NaN with fewer than 2). */
    static double logSlope(double[] sigma, double[] u) {
        List<double[]> ex = new ArrayList<>();
        for (int i = 0; i < sigma.length; i++) {
            if (u[i] != 0 && Double.isFinite(u[i])) {
                ex.add(new double[] {Math.log(sigma[i]), Math.log(Math.abs(u[i]))});
            }
        }
        if (ex.size() >= 3) {
            return LinearFit.ordinary(ex.stream().mapToDouble(r -> r[0]).toArray(), ex.stream().mapToDouble(r -> r[1]).toArray()).slope();
        } else if (ex.size() == 2) {
            return (ex.get(1)[1] - ex.get(0)[1]) / (ex.get(1)[0] - ex.get(0)[0]);
        }
        return Double.NaN;
    }

    private static double relErr(Estimate e) {
        return e.mean() == 0 ? Double.POSITIVE_INFINITY : e.stderr() / Math.abs(e.mean());
    }

    /**
     * Weighted slope of log|u| vs log sigma over the points with |u| > 2 stderr and a reliable error bar (Eq. 8's
     * normalisation), shifted by {@code flowShift} for the flow normalisation.
     */
    static CouplingResult.Slope slope(double[] sigma, List<Estimate> u, CouplingResult.SlopePair exact, double flowShift, double paper) {
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < sigma.length; i++) {
            Estimate e = u.get(i);
            if (e.stderrReliable() && e.stderr() > 0 && Math.abs(e.mean()) > 2 * e.stderr()) {
                rows.add(new double[] {Math.log(sigma[i]), Math.log(Math.abs(e.mean())), e.stderr() / Math.abs(e.mean())});
            }
        }
        Estimate measured = null;
        Estimate measuredFlow = null;
        double chi2 = Double.NaN;
        if (rows.size() >= 3) {
            LinearFit fit = LinearFit.weighted(rows.stream().mapToDouble(r -> r[0]).toArray(),
                    rows.stream().mapToDouble(r -> r[1]).toArray(), rows.stream().mapToDouble(r -> r[2]).toArray());
            measured = fit.slopeEstimate();
            measuredFlow = Estimate.of(measured.mean() + flowShift, measured.stderr(), measured.samples());
            chi2 = fit.chiSquare();
        }
        return new CouplingResult.Slope(measured, measuredFlow, rows.size(), chi2, exact.eq8(), exact.flow(), paper);
    }

    private static double[] absolute(double[] xs) {
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = Math.abs(xs[i]) > 0 ? Math.abs(xs[i]) : Double.MIN_NORMAL;
        }
        return out;
    }

    private static double[] stderrs(double[][] rows) {
        int b = rows.length;
        int m = rows[0].length;
        double[] out = new double[m];
        for (int s = 0; s < m; s++) {
            double mean = 0;
            for (double[] r : rows) {
                mean += r[s];
            }
            mean /= b;
            double ss = 0;
            for (double[] r : rows) {
                ss += (r[s] - mean) * (r[s] - mean);
            }
            double se = Math.sqrt(ss / (b - 1) / b);
            out[s] = se > 0 ? se : Double.MIN_NORMAL;
        }
        return out;
    }

    private static double[] mean(double[][] rows) {
        double[] m = new double[rows[0].length];
        for (double[] r : rows) {
            for (int s = 0; s < m.length; s++) {
                m[s] += r[s] / rows.length;
            }
        }
        return m;
    }
}
