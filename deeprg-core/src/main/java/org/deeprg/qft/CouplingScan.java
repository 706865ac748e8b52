package org.deeprg.qft;

import java.util.ArrayList;
import java.util.List;
import org.deeprg.stats.Estimate;
import org.deeprg.stats.LinearFit;
import org.deeprg.run.RunContext;

/** Runs a {@link CouplingSpec}: ensembles per sigmaW, u_4 (Eq. 8), the joint (u_4, u_6) fit, slopes, and the flow. */
public final class CouplingScan {
    /** The normalisation statement attached to every result. */
    public static final String CONVENTION = "S_int = u_4/4! int f^4 + u_6/6! int f^6 (Eq. 7 with the (2n)! factors in the action); "
            + "then Delta G^(4) = -u_4 int prod_4 K_W (Eq. 8, no extra 4!) and G_c^(6) = -u_6 int prod_6 K_W + u_4^2 sum_10 J at tree level";

    private CouplingScan() {
    }

    /** Runs the scan. */
    public static CouplingResult run(CouplingSpec spec, RunContext ctx) {
        int width = spec.network().width();
        List<Double> sigmas = spec.sigmaWs();
        int k = sigmas.size();
        double[] u4 = new double[k];
        double[] u4Err = new double[k];
        List<Estimate[]> fits = new ArrayList<>();
        double[] cov = new double[k];
        double[] chi2 = new double[k];
        int[] dof = new int[k];
        double[][] exact = new double[k][];
        // one distributable job over sigma_W x bag x chunk; sigma_W index i draws from streams.split(i).split(0)
        List<EnsembleJob.Cell> cells = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            cells.add(new EnsembleJob.Cell(spec.network().withSigmaW(sigmas.get(i)), ctx.streams().split(i).split(0)));
        }
        double[][][] sampled = EnsembleJob.sample(cells, spec.points(), 6, spec.nets(), spec.bags(), Estimator.PLAIN, ctx).bagMeans();
        NPointLayout layout = new NPointLayout(spec.points().length, 6);
        for (int i = 0; i < k; i++) {
            NetworkSpec net = cells.get(i).network();
            double[][] bags = sampled[i];
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
            fits.add(new Estimate[] {Estimate.of(full[0], Math.sqrt(f * v44), b),
                    Estimate.of(full[1], Math.sqrt(f * v66), b)});
            cov[i] = f * v46;
            chi2[i] = full[2];
            dof[i] = design.size4() + design.size6() - 2;
            // exact finite-width values: the same estimators on the exact functions
            FiniteWidth fw = new FiniteWidth(net, spec.points());
            double[] ex = new double[all.length];
            for (int s = 0; s < ex.length; s++) {
                ex[s] = fw.value(layout.multiset(s), width);
            }
            // weights for the noise-free fit: relative residuals (sigma = the kernel integral of each datum), so that the
            // exact couplings do not inherit the sampling noise of the bag errors
            double[] exFit = design.fit(ex, design.i4.clone(), absolute(design.i6));
            exact[i] = new double[] {design.u4Average(ex), exFit[0], exFit[1]};
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
        int dIn = spec.network().dIn();
        FlowResult flow4 = WetterichFlow.run(new FlowSpec(dIn, sigmas.get(a4), u4[a4], fits.get(a4)[1].mean(), sigmas), ctx);
        FlowResult flow6 = WetterichFlow.run(new FlowSpec(dIn, sigmas.get(a6), fits.get(a6)[0].mean(), fits.get(a6)[1].mean(), sigmas), ctx);
        WetterichFlow flow = new WetterichFlow(dIn);
        List<CouplingResult.ScanPoint> scan = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double fu4 = flow4.points().get(i).u4();
            double fu6 = flow6.points().get(i).u6();
            scan.add(new CouplingResult.ScanPoint(sigmas.get(i), Estimate.of(u4[i], u4Err[i], spec.bags()),
                    fits.get(i)[0], fits.get(i)[1], cov[i], chi2[i], dof[i], exact[i][0], exact[i][1], exact[i][2], fu4, fu6));
        }
        double[] sig = sigmas.stream().mapToDouble(Double::doubleValue).toArray();
        CouplingResult.Slope s4 = slope(sig, scan.stream().map(CouplingResult.ScanPoint::u4).toList(),
                scan.stream().mapToDouble(CouplingResult.ScanPoint::exactU4).toArray(), flow.dimensionU4());
        CouplingResult.Slope s6 = slope(sig, scan.stream().map(CouplingResult.ScanPoint::u6Fit).toList(),
                scan.stream().mapToDouble(CouplingResult.ScanPoint::exactU6Fit).toArray(), flow.dimensionU6());
        return new CouplingResult(CONVENTION, width, spec.network().dIn(), spec.network().sigmaB(), spec.points(), spec.nets(),
                spec.bags(), scan, s4, s6);
    }

    private static double relErr(Estimate e) {
        return e.mean() == 0 ? Double.POSITIVE_INFINITY : e.stderr() / Math.abs(e.mean());
    }

    /** Weighted slope of log|u| vs log sigma over the points with |u| > 2 stderr. */
    static CouplingResult.Slope slope(double[] sigma, List<Estimate> u, double[] exact, double paper) {
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < sigma.length; i++) {
            Estimate e = u.get(i);
            if (e.stderr() > 0 && Math.abs(e.mean()) > 2 * e.stderr()) {
                rows.add(new double[] {Math.log(sigma[i]), Math.log(Math.abs(e.mean())), e.stderr() / Math.abs(e.mean())});
            }
        }
        Estimate measured = null;
        double chi2 = Double.NaN;
        if (rows.size() >= 3) {
            LinearFit fit = LinearFit.weighted(rows.stream().mapToDouble(r -> r[0]).toArray(),
                    rows.stream().mapToDouble(r -> r[1]).toArray(), rows.stream().mapToDouble(r -> r[2]).toArray());
            measured = fit.slopeEstimate();
            chi2 = fit.chiSquare();
        }
        double exactSlope = Double.NaN;
        List<double[]> ex = new ArrayList<>();
        for (int i = 0; i < sigma.length; i++) {
            if (exact[i] != 0 && Double.isFinite(exact[i])) {
                ex.add(new double[] {Math.log(sigma[i]), Math.log(Math.abs(exact[i]))});
            }
        }
        if (ex.size() >= 3) {
            exactSlope = LinearFit.ordinary(ex.stream().mapToDouble(r -> r[0]).toArray(), ex.stream().mapToDouble(r -> r[1]).toArray()).slope();
        } else if (ex.size() == 2) {
            exactSlope = (ex.get(1)[1] - ex.get(0)[1]) / (ex.get(1)[0] - ex.get(0)[0]);
        }
        return new CouplingResult.Slope(measured, rows.size(), chi2, exactSlope, paper);
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
