package org.deeprg.studies.critical;

import org.deeprg.critical.CouplingConvention;
import org.deeprg.critical.CouplingFlow;
import org.deeprg.critical.CriticalityAnalysis;
import org.deeprg.critical.FlowResult;
import org.deeprg.critical.FlowSpec;
import org.deeprg.critical.LayerCouplings;
import org.deeprg.critical.RegulariserDescent;
import org.deeprg.critical.RegulariserDescentResult;
import org.deeprg.critical.RegulariserDescentSpec;
import org.deeprg.critical.TwoPointFunction;
import org.deeprg.critical.TwoPointResult;
import org.deeprg.critical.TwoPointSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.deeprg.result.Claim;
import org.deeprg.result.Figure;
import org.deeprg.result.Result;
import org.deeprg.result.Series;
import org.deeprg.result.Table;
import org.deeprg.result.Paper;
import org.deeprg.study.Scale;
import org.deeprg.study.Study;
import org.deeprg.study.StudyContext;

/**
 * The theory of "Criticality &amp; Deep Learning II" checked by computation: the flow of the couplings of a layer
 * against the closed form of Eq. 21, the fixed points of Sec. 2.5, whether the criticality conditions Eq. 30 and
 * Eq. 33 can be met at all (by minimising the critical-regulariser penalty), and the two-point function of App. C
 * (correlation length and critical exponent d - 2) in d = 1, 2, 3.
 */
public final class Criticality2017TheoryStudy implements Study {

    @Override
    public String id() {
        return "criticality2017-theory";
    }

    @Override
    public Paper paper() {
        return Paper.CRITICALITY_2017;
    }

    @Override
    public String title() {
        return "Gaussian field theory of a layer: coupling flow, fixed points, criticality conditions, two-point function";
    }

    /**
     * Data of the study (result.json).
     *
     * @param flowMaxDeviation        largest |w_numeric - w_closed form| over the flow checkpoints
     * @param massRecursionDeviation  largest relative deviation of r(w(tau)) from e^{2 tau} r(w(0)) (Eq. 21)
     * @param linearRecursionDeviation largest relative deviation of u(tau) from e^{(d+2) tau/2} u(0) (Eq. 21)
     * @param singularTau             scale where the flow of the study's layer ends (1 - 2 a w singular)
     * @param minimisedComponentResidualPositiveBeta  smallest RMS Eq. 33 residual found for beta > 0 (bound 1 for v v^T)
     * @param minimisedComponentResidualNegativeBeta  smallest RMS Eq. 33 residual found for beta < 0 (bound 7/8)
     * @param correlations            the fitted two-point functions (r > 0 and r = 0 for d = 1, 2, 3)
     */
    public record Data(double flowMaxDeviation, double massRecursionDeviation, double linearRecursionDeviation,
                       double singularTau, double minimisedComponentResidualPositiveBeta,
                       double minimisedComponentResidualNegativeBeta, List<TwoPointResult> correlations) {
    }

    @Override
    public Result run(StudyContext context) {
        boolean full = context.scale() == Scale.FULL;
        Result.Builder out = Result.builder(title());
        List<Claim> claims = new ArrayList<>();
        context.progress().start("criticality2017-theory", 4);

        // 1. flow of w and h (Eqs. 24-26) vs the closed form and Eq. 21
        int n = 6;
        double beta = 3.0;
        UniformRandomProvider rng = context.streams().split("flow-layer").generator();
        double[] v = new double[n * n];
        for (int i = 0; i < v.length; i++) {
            // positive weights keep the row sums of w(tau) away from zero, where h_k = u_k/(a_u (w1)_k) diverges
            v[i] = 0.6 * rng.nextDouble();
        }
        double[] h = new double[n];
        for (int i = 0; i < n; i++) {
            h[i] = 0.1 + 0.2 * rng.nextDouble();
        }
        double[] w0 = LayerCouplings.fromLayer(v, n, n, beta, 0, CouplingConvention.EQ13).w();
        LayerCouplings layer = new LayerCouplings(w0, n, beta, h, CouplingConvention.EQ13);
        int d = 3;
        double tauStar = CouplingFlow.singularTau(layer);
        double tauMax = Math.min(1.0, 0.95 * tauStar);
        double tauMin = -1.5;
        int points = full ? 61 : 21;
        FlowResult flow = CouplingFlow.run(new FlowSpec(layer, d, tauMin, tauMax, points), context.run());
        double flowDev = flow.maxFlowDeviation();
        double rDev = flow.massRecursionDeviation();
        double uDev = flow.linearRecursionDeviation();
        double[] taus = flow.tau();
        double[][] numEig = new double[n][points];
        double[][] exactEig = new double[n][points];
        for (int p = 0; p < points; p++) {
            for (int q = 0; q < n; q++) {
                numEig[q][p] = flow.integratedSpectrum()[p][q];
                exactEig[q][p] = flow.closedFormSpectrum()[p][q];
            }
        }
        List<Series> flowSeries = new ArrayList<>();
        for (int q = 0; q < n; q++) {
            flowSeries.add(Series.markers("integrated, eigenvalue " + (q + 1), taus, numEig[q]));
            flowSeries.add(Series.line("closed form, eigenvalue " + (q + 1), taus, exactEig[q]));
        }
        out.figure(Figure.of("flow-eigenvalues", "Flow of the couplings w of a layer (Eq. 26)", "RG scale tau = ln b",
                "eigenvalue of a w = (beta/N) w", String.format(Locale.ROOT, "Eigenvalues of a w along the flow of "
                        + "Eq. 26 for w = v v^T of a random 6 x 6 layer (beta = 3): Hipparchus Dormand-Prince "
                        + "integration (markers) vs the closed form x - x^2 = e^{2 tau}(x0 - x0^2) (lines). The flow "
                        + "ends at tau* = %.3f where an eigenvalue reaches 1/2 and 1 - 2 a w is singular.", tauStar),
                flowSeries.toArray(new Series[0])));
        claims.add(Claim.exact("Eq. 26 (flow of w, h with the operator inverse) integrates to the recursion of Eq. 21, "
                + "r' = b^2 r (max relative deviation of r over the flow)", 0, rDev, 1e-6));
        claims.add(Claim.exact("Eq. 24b/26 integrate to u' = b^{(d+2)/2} u of Eq. 21 (max relative deviation, d = 3)",
                0, uDev, 1e-6));
        context.progress().advance(1);

        // 2. fixed points of Sec. 2.5
        double[] cw = new double[n * n];
        for (int i = 0; i < n; i++) {
            cw[i * n + i] = n / beta;
        }
        CriticalityAnalysis cwAnalysis = CriticalityAnalysis.of(new LayerCouplings(cw, n, beta, new double[n],
                CouplingConvention.EQ13));
        claims.add(Claim.exact("Eq. 28: w = (N/beta) I (critical Curie-Weiss) is a fixed point of Eq. 26 "
                + "(RMS of a w_tau)", 0, cwAnalysis.flowResidual(), 1e-12));

        // 3. can Eq. 33 (and Eq. 30) be satisfied? minimise the critical-regulariser penalty
        int restarts = full ? 20 : 4;
        int steps = full ? 20000 : 3000;
        int m = 8;
        RegulariserDescentResult descent = RegulariserDescent.run(new RegulariserDescentSpec(m, m, restarts, steps,
                0.5, 4.5), context.run());
        double bestPos = descent.bestPositiveBeta();
        double bestNeg = descent.bestNegativeBeta();
        claims.add(Claim.check("Eq. 33: weights satisfying delta_ij beta w_ij/N + 2 beta^2/N^2 (ww)_ij = -delta_ij "
                        + "exist (the critical regularisation target)", "solutions exist",
                String.format(Locale.ROOT, "smallest RMS residual found by gradient descent on the penalty: %.4f "
                        + "(beta > 0), %.4f (beta < 0)", bestPos, bestNeg), false,
                "no real solution: the diagonal is >= 2x^2 + x + 1 >= 7/8 with x = a w_ii (discriminant 1 - 8 < 0); "
                        + "for beta > 0 and w = v v^T it is >= 1, minimum at v = 0. The minimisations reach these "
                        + "bounds (1 and 7/8), so the regulariser pulls towards w = 0 (beta > 0) or w = N/(4|beta|) I "
                        + "(beta < 0), not towards a critical point"));
        claims.add(Claim.check("Eq. 30: the truncated Neumann condition 1 + a w + 2 (a w)^2 = 0 has solutions",
                "solutions exist", "per eigenvalue x of a w, 1 + x + 2x^2 >= 7/8", false,
                "the quadratic 2x^2 + x + 1 has discriminant -7: no real symmetric w solves Eq. 30; moreover the "
                        + "exact fourth-bullet condition (1 - a w)(1 - 2 a w)^{-1} = 0 is equivalent to a w = 1, the "
                        + "Curie-Weiss case of Eq. 28"));
        context.progress().advance(1);

        // 4. two-point function of App. C
        List<TwoPointResult> corr = new ArrayList<>();
        Table.Builder table = Table.builder("two-point-fits", "d", "r", "g", "lattice", "fitted", "theory", "quantity");
        List<Series> offSeries = new ArrayList<>();
        List<Series> critSeries = new ArrayList<>();
        double r = 0.25;
        double gCoupling = 1.0;
        for (int dim = 1; dim <= 3; dim++) {
            int sites = full ? (dim == 1 ? 1 << 16 : dim == 2 ? 1024 : 160) : 0;
            TwoPointResult off = TwoPointFunction.run(new TwoPointSpec(dim, r, gCoupling, sites, 0), context.run());
            TwoPointResult crit = TwoPointFunction.run(new TwoPointSpec(dim, 0, gCoupling,
                    full ? (dim == 1 ? 1 << 16 : dim == 2 ? 2048 : 192) : 0, 0), context.run());
            corr.add(off);
            corr.add(crit);
            table.row(dim, r, gCoupling, off.sites() + "^" + dim, off.correlationLength(),
                    off.correlationLengthTheory(), "correlation length");
            table.row(dim, 0, gCoupling, crit.sites() + "^" + dim, crit.decayExponent(), crit.decayExponentTheory(),
                    "decay exponent");
            table.row(dim, 0, gCoupling, crit.sites() + "^" + dim, crit.amplitude(), crit.amplitudeTheory(),
                    "amplitude of -dC/dx");
            double xi = off.correlationLengthTheory();
            claims.add(Claim.exact(String.format(Locale.ROOT, "App. C, d = %d: correlation length xi = sqrt(g/r) "
                    + "(r = %g, g = %g; 5%% tolerance)", dim, r, gCoupling), xi, off.correlationLength(), 0.05 * xi));
            claims.add(Claim.exact(String.format(Locale.ROOT, "Eq. 65, d = %d: C(x) ~ |x|^-(d-2) at r = 0 "
                            + "(decay exponent; tolerance 5%% of max(1, |d-2|))%s", dim,
                            dim == 2 ? ", i.e. ln|x| for d = 2" : ""), dim - 2, crit.decayExponent(),
                    0.05 * Math.max(1, Math.abs(dim - 2))));
            offSeries.add(normalisedOff(off));
            critSeries.add(normalisedCritical(crit));
        }
        TwoPointResult d3 = corr.get(4);
        claims.add(Claim.exact("Eq. 64 as printed: C ~ exp(-x sqrt(g/r)), i.e. decay length sqrt(r/g) (d = 3, r = 0.25, "
                + "g = 1)", Math.sqrt(r / gCoupling), d3.correlationLength(), 0.05 * Math.sqrt(r / gCoupling)));
        out.figure(Figure.of("correlation-off-critical", "Two-point function off criticality (r = 0.25, g = 1)",
                "x / sqrt(g/r)", "C(x) x^((d-1)/2), normalised", "C(x) x^{(d-1)/2} of the Gaussian theory by FFT for "
                        + "d = 1, 2, 3, normalised at the start of the fit window; a straight line of slope -1 in "
                        + "x / sqrt(g/r) on this semi-log plot is decay over xi = sqrt(g/r).",
                offSeries.toArray(new Series[0])).withLogAxes(false, true));
        out.figure(Figure.of("correlation-critical", "Two-point function at criticality (r = 0)", "x",
                "-dC/dx, normalised", "-dC/dx (finite difference) at r = 0 for d = 1, 2, 3: slopes -(d-1) on log-log "
                        + "axes, i.e. C ~ |x|^-(d-2) with ln|x| for d = 2 (Eq. 65).",
                critSeries.toArray(new Series[0])).withLogAxes(true, true));
        out.table(table.build());
        context.progress().advance(2);

        out.data(new Data(flowDev, rDev, uDev, tauStar, bestPos, bestNeg, corr));
        out.claims(claims);
        out.summary(String.format(Locale.ROOT, "flow of w vs closed form: max deviation %.2e; r(w(tau)) vs Eq. 21: %.2e",
                flowDev, rDev));
        out.summary(String.format(Locale.ROOT, "the flow of this layer ends at tau* = %.3f (an eigenvalue of a w reaches "
                + "1/2, 1 - 2 a w singular)", tauStar));
        out.summary(String.format(Locale.ROOT, "Eq. 33 minimised RMS residual: %.4f (beta > 0, bound 1), %.4f "
                + "(beta < 0, bound 7/8): no critical solution", bestPos, bestNeg));
        for (int dim = 1; dim <= 3; dim++) {
            TwoPointResult off = corr.get(2 * (dim - 1));
            TwoPointResult crit = corr.get(2 * (dim - 1) + 1);
            out.summary(String.format(Locale.ROOT, "d = %d: xi = %.4f (sqrt(g/r) = %.4f), decay exponent %.4f (d-2 = %d)",
                    dim, off.correlationLength(), off.correlationLengthTheory(), crit.decayExponent(), dim - 2));
        }
        return out.build();
    }

    private static Series normalisedOff(TwoPointResult res) {
        double xi = res.correlationLengthTheory();
        int d = res.dimension();
        List<double[]> pts = new ArrayList<>();
        double norm = Double.NaN;
        for (int i = 1; i < res.distance().length && res.distance()[i] <= 10 * xi; i++) {
            double x = res.distance()[i];
            double y = res.correlation()[i] * Math.pow(x, (d - 1) / 2.0);
            if (Double.isNaN(norm) && x >= res.fitFrom()) {
                norm = y * Math.exp(x / xi);
            }
            pts.add(new double[] {x / xi, y});
        }
        double[] xs = new double[pts.size()];
        double[] ys = new double[pts.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = pts.get(i)[0];
            ys[i] = pts.get(i)[1] / norm;
        }
        return Series.line("d = " + d, xs, ys);
    }

    private static Series normalisedCritical(TwoPointResult res) {
        int d = res.dimension();
        double a = res.spacing();
        int count = Math.min(res.distance().length - 2, 200);
        double[] xs = new double[count];
        double[] ys = new double[count];
        for (int i = 1; i <= count; i++) {
            xs[i - 1] = res.distance()[i] + a / 2;
            ys[i - 1] = (res.correlation()[i] - res.correlation()[i + 1]) / a / res.amplitudeTheory();
        }
        return Series.markers("d = " + d, xs, ys);
    }

}
