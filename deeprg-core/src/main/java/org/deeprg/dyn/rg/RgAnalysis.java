package org.deeprg.dyn.rg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.deeprg.random.RandomStreams;
import org.deeprg.run.RunContext;
import org.deeprg.stats.LinearFit;

/**
 * The computation of {@code dyn rg}: fixed points, fixed manifolds, linearisation, exponents and critical scaling of
 * the decimation RG along depth (Lee, Lee, Yi 2024, Secs. IV-V, generalised by {@link DecimationMap}).
 *
 * <p>Fixed points: deflated Newton from {@code spec.starts()} random starts, real couplings (stream
 * {@code "physical"}) and, with {@code spec.fictitious()}, sign-extended couplings (stream {@code "fictitious"}); roots
 * with a marginal direction (|lambda| = 1 within {@link #MARGINAL_TOLERANCE}) are grouped into manifolds by their
 * eigenvalue signature. The factorised manifold (every sigma-h mixed coupling zero, Eq. 28) is verified at 20 random
 * points (stream {@code "manifold"}). Critical scaling: nu = 1/y of the leading eigenvalue (Eq. 38), the Eq. 39
 * exponent -2d + 2 y_B, and xi(delta) of the exact transfer matrix at K* + delta along the all-variables entry.
 */
public final class RgAnalysis {
    /** Eigenvalue moduli within this of 1 count as marginal (tangent to a fixed manifold). */
    public static final double MARGINAL_TOLERANCE = 1e-6;

    private RgAnalysis() {
    }

    /** Runs the analysis; random Newton starts come from {@code context.streams()}. */
    public static RgResult run(RgSpec spec, RunContext context) {
        RandomStreams streams = context.streams();
        boolean paper = "lee2024".equals(spec.preset());
        DecimationMap map = new DecimationMap(spec.width(), spec.examples(), spec.weightAlphabet(), spec.rescaling());
        List<String> labels = paper ? List.of("e^A (h sigma)", "e^B (h)", "e^C (sigma)") : map.labels();
        FixedPointFinder.Chart chart = paper ? FixedPointFinder.Chart.EXPONENTIAL : FixedPointFinder.Chart.KERNEL;
        List<double[]> roots = new ArrayList<>(FixedPointFinder.find(map, chart, spec.starts(), false, streams.split("physical")));
        if (spec.fictitious()) {
            for (double[] r : FixedPointFinder.find(map, chart, spec.starts(), true, streams.split("fictitious"))) {
                boolean dup = false;
                for (double[] q : roots) {
                    double d = 0;
                    for (int i = 0; i < r.length; i++) {
                        d = Math.max(d, Math.abs(r[i] - q[i]));
                    }
                    dup |= d < 1e-6;
                }
                if (!dup) {
                    roots.add(r);
                }
            }
        }
        List<RgResult.Point> isolated = new ArrayList<>();
        Map<String, List<RgResult.Point>> manifoldClasses = new LinkedHashMap<>();
        for (double[] r : roots) {
            RgResult.Point j = point(FixedPoint.at(map, chart, r), paper);
            if (j.marginal() == 0) {
                isolated.add(j);
            } else {
                manifoldClasses.computeIfAbsent(signature(j), k -> new ArrayList<>()).add(j);
            }
        }
        List<RgResult.Manifold> manifolds = new ArrayList<>();
        manifolds.add(factorisedManifold(map, paper, streams.split("manifold")));
        for (Map.Entry<String, List<RgResult.Point>> e : manifoldClasses.entrySet()) {
            RgResult.Point s = e.getValue().get(0);
            double res = e.getValue().stream().mapToDouble(RgResult.Point::residual).max().orElse(0);
            String kind = s.critical() ? "; T = K P has |lambda_2| = |lambda_1| (critical, xi infinite)" : "";
            manifolds.add(new RgResult.Manifold("found by Newton: " + e.getKey() + kind,
                    s.marginal(), e.getValue().size(), res, s.moduli(), s.correlationLength(), s.physical()));
        }
        double[] full = map.inverseCountingFixedPoint();
        RgResult.Point fullRank = full == null ? null : point(FixedPoint.at(map, FixedPointFinder.Chart.KERNEL, full), false);
        if (fullRank != null && paper) {
            fullRank = point(FixedPoint.at(map, FixedPointFinder.Chart.KERNEL, full), true);
        }
        RgResult.CriticalScaling critical = null;
        for (RgResult.Point p : isolated) {
            if (p.relevant() > 0) {
                critical = criticalScaling(map, p);
                break;
            }
        }
        if (critical == null && fullRank != null) {
            critical = criticalScaling(map, fullRank);
        }
        int rank = matrixRank(map.countingMatrix());
        return new RgResult(spec.preset(), spec.width(), spec.examples(), spec.weightAlphabet().values(), spec.rescaling(), labels,
                isolated, manifolds, fullRank, critical, rank);
    }

    /** A fixed point in the result's form; {@code paperOrder} lists lee2024 couplings as (e^A, e^B, e^C). */
    static RgResult.Point point(FixedPoint p, boolean paperOrder) {
        double[] x = p.expCouplings();
        if (paperOrder && x != null) {
            x = new double[] {x[2], x[1], x[0]};
        }
        int marginal = 0;
        for (int i = 0; i < p.eigenvalues().length; i++) {
            if (Math.abs(Math.hypot(p.eigenvalues()[i], p.eigenvaluesImaginary()[i]) - 1) < MARGINAL_TOLERANCE) {
                marginal++;
            }
        }
        return new RgResult.Point(x, p.kernel(), p.eigenvalues(), p.eigenvaluesImaginary(), p.exponents(), p.stable(),
                p.physical(), p.relevant(), marginal, p.residual(), p.correlationLength(), p.correlationLength() > 1e12);
    }

    /** The eigenvalue signature that groups Newton roots into manifolds. */
    static String signature(RgResult.Point j) {
        int rel = 0;
        int marg = 0;
        int zero = 0;
        int other = 0;
        for (double m : j.moduli()) {
            if (Math.abs(m - 1) < MARGINAL_TOLERANCE) {
                marg++;
            } else if (m < 1e-6) {
                zero++;
            } else if (m > 1) {
                rel++;
            } else {
                other++;
            }
        }
        return rel + " relevant, " + marg + " marginal, " + zero + " zero" + (other > 0 ? ", " + other + " other irrelevant" : "") + " eigenvalues";
    }

    /** Verifies the factorised manifold (all mixed couplings 1) at random points. */
    static RgResult.Manifold factorisedManifold(DecimationMap map, boolean paper, RandomStreams streams) {
        UniformRandomProvider rng = streams.generator();
        int d = map.dimension();
        double maxRes = 0;
        double[] sample = null;
        for (int k = 0; k < 20; k++) {
            double[] x = new double[d];
            for (int i = 0; i < d; i++) {
                x[i] = map.isMixed(i + 1) ? 1 : Math.exp(4 * rng.nextDouble() - 2);
            }
            double[] r = map.apply(x);
            for (int i = 0; i < d; i++) {
                maxRes = Math.max(maxRes, Math.abs(r[i] - x[i]) / (1 + Math.abs(x[i])));
            }
            if (sample == null) {
                sample = x;
            }
        }
        RgResult.Point s = point(FixedPoint.at(map, sample), paper);
        int dim = 2 * ((1 << map.bits()) - 1);
        String desc = paper ? "e^A = 1 for any e^B, e^C (Eq. 28): factorised bond K = f(sigma) g(h)"
                : "all sigma-h mixed couplings vanish: factorised bond K = f(sigma) g(h)";
        return new RgResult.Manifold(desc, dim, 20, maxRes, s.moduli(), s.correlationLength(), true);
    }

    /** nu, the Eq. 39 exponent and the numerical xi(delta) at fixed point p (kernel coordinates). */
    static RgResult.CriticalScaling criticalScaling(DecimationMap map, RgResult.Point p) {
        double lead = p.moduli()[0];
        double y = Math.log(lead) / Math.log(map.rescaling());
        double nu = 1 / y;
        // y_B: growth of the field coupling of h_1 (the paper's B), the diagonal Jacobian element in exponential
        // coordinates; exact eigenvalue when that direction is an eigenvector (at K* = P^-1 the Jacobian is b I).
        double[] xs = map.expFromKernel(p.kernel());
        boolean finite = true;
        for (double v : xs) {
            finite &= Double.isFinite(v) && v != 0;
        }
        int idx = (1 << map.bits()) - 1;
        double jBB = finite ? map.jacobian(xs)[idx][idx] : map.jacobianKernel(p.kernel())[idx][idx];
        double yB = Math.log(Math.abs(jBB)) / Math.log(map.rescaling());
        double[] deltas = {1e-2, 3e-3, 1e-3, 3e-4, 1e-4, 3e-5, 1e-5, 3e-6, 1e-6};
        double[] xis = new double[deltas.length];
        double[] lx = new double[deltas.length];
        double[] ly = new double[deltas.length];
        int dir = p.kernel().length - 1; // the all-variables entry K(1..1, 1..1): for N = L = 1 it moves e^A only
        for (int i = 0; i < deltas.length; i++) {
            double[] k = p.kernel().clone();
            k[dir] += deltas[i];
            xis[i] = Spectrum.correlationLength(map.chainTransferMatrixKernel(k));
            lx[i] = Math.log(deltas[i]);
            ly[i] = Math.log(xis[i]);
        }
        // fit the smallest five deltas: xi = 1/ln(1 + c delta) = 1/(c delta) + 1/2 + ..., corrections to scaling O(delta)
        int from = deltas.length - 5;
        LinearFit fit = LinearFit.ordinary(Arrays.copyOfRange(lx, from, lx.length), Arrays.copyOfRange(ly, from, ly.length));
        return new RgResult.CriticalScaling(nu, -2 + 2 * yB, deltas, xis, fit.slope(), fit.slopeStderr());
    }

    /** Numerical rank of a matrix (singular values above 1e-9). */
    public static int matrixRank(double[][] m) {
        org.ejml.data.DMatrixRMaj a = new org.ejml.data.DMatrixRMaj(m);
        return org.ejml.dense.row.SingularOps_DDRM.rank(a, 1e-9);
    }
}
