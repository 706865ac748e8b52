package org.deeprg.studies.dyn;

import org.deeprg.dyn.rg.RgSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.deeprg.random.RandomStreams;
import org.deeprg.result.Figure;
import org.deeprg.result.Result;
import org.deeprg.result.Series;
import org.deeprg.result.Table;
import org.deeprg.dyn.rg.DecimationMap;
import org.deeprg.dyn.rg.FixedPoint;
import org.deeprg.dyn.rg.FixedPointFinder;
import org.deeprg.dyn.rg.Lee2024Recursion;
import org.deeprg.dyn.rg.Spectrum;
import org.deeprg.stats.Format;
import org.deeprg.stats.LinearFit;

/**
 * The computation of {@code dyn rg}: fixed points, fixed manifolds, linearisation, exponents, flows and critical
 * scaling of the decimation RG (Lee, Lee, Yi 2024, Secs. IV-V, generalised by {@link DecimationMap}).
 */
public final class RgRun {
    /** Eigenvalue moduli within this of 1 count as marginal (tangent to a fixed manifold). */
    public static final double MARGINAL_TOLERANCE = 1e-6;

    private RgRun() {
    }

    /**
     * One fixed point in the JSON.
     *
     * @param expCouplings        x* (for lee2024: (e^A, e^B, e^C); otherwise in {@code couplingLabels} order; null if K* has zeros)
     * @param kernel              K*(sigma, h)/K*(0,0), flat index sigma | h << n, from 1
     * @param eigenvalues         real parts of the eigenvalues of the linearised map, by decreasing modulus
     * @param eigenvaluesImaginary imaginary parts
     * @param exponents           y_i = ln|lambda_i| / ln b (null for lambda_i = 0)
     * @param stable              every |lambda_i| &lt; 1
     * @param physical            every kernel entry &gt; 0 (real couplings)
     * @param relevant            number of |lambda_i| &gt; 1
     * @param marginal            number of |lambda_i| = 1 (tangent directions of a fixed manifold; 0 for isolated points)
     * @param residual            max |R(x*) - x*|
     * @param correlationLength   xi of T = K* P (Infinity when |lambda_2| = |lambda_1|)
     * @param critical            xi numerically infinite (> 1e12)
     */
    public record FixedPointJson(double[] expCouplings, double[] kernel, double[] eigenvalues, double[] eigenvaluesImaginary,
                                 Double[] exponents, boolean stable, boolean physical, int relevant, int marginal, double residual,
                                 double correlationLength, boolean critical) {
        static FixedPointJson of(FixedPoint p, boolean paperOrder) {
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
            return new FixedPointJson(x, p.kernel(), p.eigenvalues(), p.eigenvaluesImaginary(), p.exponents(), p.stable(),
                    p.physical(), p.relevant(), marginal, p.residual(), p.correlationLength(), p.correlationLength() > 1e12);
        }
    }

    /**
     * A manifold of fixed points.
     *
     * @param description     what it is
     * @param dimension       its dimension (number of marginal eigenvalues at its points)
     * @param samples         number of points checked (random points for analytic manifolds, Newton roots for found ones)
     * @param maxResidual     max |R(x) - x| over the samples
     * @param eigenvalueModuli the moduli of the linearised map at one sample point, by decreasing size
     * @param correlationLength xi of T = K P at the sample (0: rank one, Infinity: critical)
     * @param physical        whether the sample has real couplings (positive kernel)
     */
    public record ManifoldJson(String description, int dimension, int samples, double maxResidual, double[] eigenvalueModuli,
                               double correlationLength, boolean physical) {
    }

    /**
     * Critical scaling at an isolated fixed point (Sec. V, Eqs. 36-39).
     *
     * @param nu                  1 / y_1 from the leading relevant eigenvalue (Eq. 38)
     * @param decayExponent       -2 d + 2 y_B with d = 1 and y_B = ln|dx'_B/dx_B| / ln b along the field coupling of h_1
     *                            (the paper's B) in exponential coordinates (Eq. 39); in kernel coordinates (entry
     *                            K(0, h_1 = 1)) when the kernel has zeros
     * @param deltas              distances |x_A - x_A*| of the numerical check
     * @param correlationLengths  xi of T = K P at x* + delta e_A (exact transfer matrices)
     * @param fittedSlope         slope of ln xi against ln delta over the five smallest deltas (compare -nu)
     * @param fittedSlopeStderr   its standard error from the fit residuals
     */
    public record CriticalJson(double nu, double decayExponent, double[] deltas, double[] correlationLengths, double fittedSlope,
                               double fittedSlopeStderr) {
    }

    /**
     * JSON contract of {@code dyn rg --json}.
     *
     * @param preset          lee2024 or general
     * @param width           N
     * @param examples        L
     * @param alphabet        weight alphabet
     * @param rescaling       b
     * @param couplingLabels  labels of the exponential couplings (lee2024: e^A (h sigma), e^B (h), e^C (sigma))
     * @param fixedPoints     isolated fixed points (no marginal direction) found by deflated Newton
     * @param fixedManifolds  manifolds of fixed points: the factorised manifold (analytic, verified) and those found
     * @param fullRankFixedPoint K* = P^{-1} (normalised) when P is invertible, linearised (null otherwise)
     * @param critical        critical scaling at the first isolated fixed point with a relevant direction (or the full-rank one)
     * @param countingMatrixRank rank of P(h, sigma)
     */
    public record Data(String preset, int width, int examples, double[] alphabet, int rescaling, List<String> couplingLabels,
                       List<FixedPointJson> fixedPoints, List<ManifoldJson> fixedManifolds, FixedPointJson fullRankFixedPoint,
                       CriticalJson critical, int countingMatrixRank) {
    }

    /** The computed pieces, for studies. */
    public record Output(Data data, Result result) {
    }

    /** Runs the spec with the given random streams (Newton starts). */
    public static Result run(RgSpec spec, RandomStreams streams) {
        return compute(spec, streams).result();
    }

    /** Runs the spec and returns data and result. */
    public static Output compute(RgSpec spec, RandomStreams streams) {
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
        List<FixedPointJson> isolated = new ArrayList<>();
        Map<String, List<FixedPointJson>> manifoldClasses = new LinkedHashMap<>();
        for (double[] r : roots) {
            FixedPointJson j = FixedPointJson.of(FixedPoint.at(map, chart, r), paper);
            if (j.marginal() == 0) {
                isolated.add(j);
            } else {
                manifoldClasses.computeIfAbsent(signature(j), k -> new ArrayList<>()).add(j);
            }
        }
        List<ManifoldJson> manifolds = new ArrayList<>();
        manifolds.add(factorisedManifold(map, paper, streams.split("manifold")));
        for (Map.Entry<String, List<FixedPointJson>> e : manifoldClasses.entrySet()) {
            FixedPointJson s = e.getValue().get(0);
            double res = e.getValue().stream().mapToDouble(FixedPointJson::residual).max().orElse(0);
            String kind = s.critical() ? "; T = K P has |lambda_2| = |lambda_1| (critical, xi infinite)" : "";
            manifolds.add(new ManifoldJson("found by Newton: " + e.getKey() + kind,
                    s.marginal(), e.getValue().size(), res, moduli(s), s.correlationLength(), s.physical()));
        }
        double[] full = map.inverseCountingFixedPoint();
        FixedPointJson fullRank = full == null ? null : FixedPointJson.of(FixedPoint.at(map, FixedPointFinder.Chart.KERNEL, full), false);
        if (fullRank != null && paper) {
            fullRank = FixedPointJson.of(FixedPoint.at(map, FixedPointFinder.Chart.KERNEL, full), true);
        }
        CriticalJson critical = null;
        double[] base = null;
        for (FixedPointJson p : isolated) {
            if (p.relevant() > 0) {
                base = p.kernel();
                critical = criticalScaling(map, p);
                break;
            }
        }
        if (critical == null && fullRank != null) {
            base = fullRank.kernel();
            critical = criticalScaling(map, fullRank);
        }
        int rank = matrixRank(map.countingMatrix());
        Data data = new Data(spec.preset(), spec.width(), spec.examples(), spec.weightAlphabet().values(), spec.rescaling(), labels,
                isolated, manifolds, fullRank, critical, rank);

        Result.Builder b = Result.builder(paper ? "Decimation RG of Lee, Lee, Yi (2024), N = L = 1 (Eqs. 20-39)"
                : "Decimation RG, N = " + spec.width() + ", L = " + spec.examples() + ", alphabet " + spec.weightAlphabet() + ", b = " + spec.rescaling())
                .data(data);
        Table.Builder tb = Table.builder("fixed-points", "kind", "expCouplings", "eigenvalues", "exponents", "stable", "physical", "xi");
        for (FixedPointJson p : isolated) {
            tb.row("isolated", fmt(p.expCouplings()), fmtEig(p), fmtExp(p.exponents()), p.stable(), p.physical(), RgRun.fmtXi(p.correlationLength()));
        }
        if (fullRank != null) {
            tb.row("K* = P^-1", fmt(fullRank.expCouplings()), fmtEig(fullRank), fmtExp(fullRank.exponents()), fullRank.stable(),
                    fullRank.physical(), RgRun.fmtXi(fullRank.correlationLength()));
        }
        for (ManifoldJson m : manifolds) {
            tb.row("manifold dim " + m.dimension(), m.description(), fmt(m.eigenvalueModuli()), "", "", m.physical(), RgRun.fmtXi(m.correlationLength()));
        }
        b.table(tb.build());
        b.summary("counting matrix P: " + map.countingMatrix().length + " x " + map.countingMatrix().length + ", rank " + rank);
        for (ManifoldJson m : manifolds) {
            b.summary("fixed manifold (dim " + m.dimension() + "): " + m.description() + "; max residual " + Format.plain(m.maxResidual()));
        }
        for (FixedPointJson p : isolated) {
            b.summary("fixed point " + fmt(p.expCouplings()) + ": eigenvalues " + fmtEig(p) + ", exponents " + fmtExp(p.exponents())
                    + (p.physical() ? " (physical)" : " (fictitious)") + (p.stable() ? ", stable" : ", unstable"));
        }
        if (isolated.isEmpty()) {
            b.summary("no isolated fixed point found from " + spec.starts() + " starts" + (spec.fictitious() ? " (real and fictitious)" : ""));
        }
        if (fullRank != null) {
            b.summary("full-rank fixed point K* = P^-1: eigenvalues " + fmtEig(fullRank));
        }
        if (critical != null) {
            b.summary("critical scaling: nu = 1/y = " + Format.plain(critical.nu()) + ", Eq. 39 exponent -2d+2y_B = "
                    + Format.plain(critical.decayExponent()) + ", numerical d ln xi / d ln delta = " + Format.plain(critical.fittedSlope()));
            b.figure(Figure.of("xi-scaling", "Correlation length near the fixed point", "|delta e^A|", "xi (layers)",
                    "Exact correlation length xi = 1/ln(|lambda_1|/|lambda_2|) of the chain transfer matrix T = K P at the fixed point "
                            + "shifted by delta along the first coupling (markers) and the prediction xi ~ delta^(-nu), nu = 1/y (line), Eq. 38.",
                    Series.markers("xi exact", critical.deltas(), critical.correlationLengths()),
                    Series.line("delta^-nu", critical.deltas(), scaleLine(critical))).withLogAxes(true, true));
        }
        if (paper) {
            b.figure(flowNearPlane());
            b.figure(flowNearFictitious());
            b.figure(flowFromBareBond());
        }
        return new Output(data, b.build());
    }

    private static double[] scaleLine(CriticalJson c) {
        double[] y = new double[c.deltas().length];
        double a = c.correlationLengths()[0] * Math.pow(c.deltas()[0], c.nu());
        for (int i = 0; i < y.length; i++) {
            y[i] = a * Math.pow(c.deltas()[i], -c.nu());
        }
        return y;
    }

    static String signature(FixedPointJson j) {
        int rel = 0;
        int marg = 0;
        int zero = 0;
        int other = 0;
        for (double m : moduli(j)) {
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

    public static double[] moduli(FixedPointJson j) {
        double[] m = new double[j.eigenvalues().length];
        for (int i = 0; i < m.length; i++) {
            m[i] = Math.hypot(j.eigenvalues()[i], j.eigenvaluesImaginary()[i]);
        }
        return m;
    }

    /** Verifies the factorised manifold (all mixed couplings 1) at random points. */
    static ManifoldJson factorisedManifold(DecimationMap map, boolean paper, RandomStreams streams) {
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
        FixedPointJson s = FixedPointJson.of(FixedPoint.at(map, sample), paper);
        int dim = 2 * ((1 << map.bits()) - 1);
        String desc = paper ? "e^A = 1 for any e^B, e^C (Eq. 28): factorised bond K = f(sigma) g(h)"
                : "all sigma-h mixed couplings vanish: factorised bond K = f(sigma) g(h)";
        return new ManifoldJson(desc, dim, 20, maxRes, moduli(s), s.correlationLength(), true);
    }

    /** nu, the Eq. 39 exponent and the numerical xi(delta) at fixed point p (kernel coordinates). */
    static CriticalJson criticalScaling(DecimationMap map, FixedPointJson p) {
        double lead = moduli(p)[0];
        double y = Math.log(lead) / Math.log(map.rescaling());
        double nu = 1 / y;
        // y_B: growth of the field coupling of h_1 (the paper's B), the diagonal Jacobian element in exponential
        // coordinates; exact eigenvalue when that direction is an eigenvector (at K* = P^-1 the Jacobian is b I).
        double yB = Double.NaN;
        double[] xs = map.expFromKernel(p.kernel());
        boolean finite = true;
        for (double v : xs) {
            finite &= Double.isFinite(v) && v != 0;
        }
        int idx = (1 << map.bits()) - 1;
        double jBB = finite ? map.jacobian(xs)[idx][idx] : map.jacobianKernel(p.kernel())[idx][idx];
        yB = Math.log(Math.abs(jBB)) / Math.log(map.rescaling());
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
        LinearFit fit = LinearFit.ordinary(java.util.Arrays.copyOfRange(lx, from, lx.length), java.util.Arrays.copyOfRange(ly, from, ly.length));
        return new CriticalJson(nu, -2 + 2 * yB, deltas, xis, fit.slope(), fit.slopeStderr());
    }

    static int matrixRank(double[][] m) {
        org.ejml.data.DMatrixRMaj a = new org.ejml.data.DMatrixRMaj(m);
        return org.ejml.dense.row.SingularOps_DDRM.rank(a, 1e-9);
    }

    /** Fig. 4 analogue: trajectories of the full map near the plane e^A = 1, projected on (e^B, e^A). */
    static Figure flowNearPlane() {
        List<Series> series = new ArrayList<>();
        double[][] starts = {{2.5, 0.5, 0.5}, {0.3, 1.5, 1.0}, {1.8, 2.0, 0.3}, {0.5, 0.4, 2.0}, {3.0, 1.0, 1.0}, {0.2, 3.0, 0.5}};
        for (double[] s : starts) {
            double[] xs = new double[8];
            double[] ys = new double[8];
            double[] v = s.clone();
            for (int k = 0; k < 8; k++) {
                xs[k] = v[1];
                ys[k] = v[0];
                v = Lee2024Recursion.mapExp(v);
            }
            series.add(Series.line("start " + fmt(s), xs, ys));
        }
        return Figure.of("flow-plane", "RG flow into the fixed plane e^A = 1 (cf. Fig. 4)", "e^B", "e^A",
                "Eq. 26 iterated 7 times from six real starting points (e^A, e^B, e^C), projected on (e^B, e^A): every flow reaches "
                        + "the plane e^A = 1 of fixed points (Eq. 28) within a few steps (A' = O(A^2)).",
                series.toArray(Series[]::new));
    }

    /** Fig. 5 analogue: flows leaving the fictitious fixed point, starting at e^C = -1/3. */
    static Figure flowNearFictitious() {
        List<Series> series = new ArrayList<>();
        double[] fp = Lee2024Recursion.FICTITIOUS_FIXED_POINT;
        for (int k = 0; k < 8; k++) {
            double ang = 2 * Math.PI * k / 8;
            double[] v = {fp[0] + 0.01 * Math.cos(ang), fp[1] + 0.01 * Math.sin(ang), fp[2]};
            double[] xs = new double[6];
            double[] ys = new double[6];
            for (int s = 0; s < 6; s++) {
                xs[s] = v[0];
                ys[s] = v[1];
                v = Lee2024Recursion.mapExp(v);
            }
            series.add(Series.line("angle " + (45 * k), xs, ys));
        }
        series.add(Series.markers("fixed point (3, -2/3)", new double[] {fp[0]}, new double[] {fp[1]}));
        return Figure.of("flow-fictitious", "RG flow away from the fictitious fixed point (cf. Fig. 5)", "e^A", "e^B",
                "Eq. 26 iterated 5 times from 8 points at distance 0.01 around (e^A, e^B) = (3, -2/3) with e^C = -1/3, projected on "
                        + "(e^A, e^B): the distance doubles each step (Jacobian diag(2, 2, 2), Eq. 33), the flows diverge.",
                series.toArray(Series[]::new));
    }

    /** The physical flow of the bare bond (2 betaV, -betaV, -betaV). */
    static Figure flowFromBareBond() {
        List<Series> series = new ArrayList<>();
        for (double betaV : new double[] {0.5, 1, 2, 5, 20}) {
            double[] k = Lee2024Recursion.initialCouplings(betaV);
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int s = 0; s < 7 && Math.abs(k[0]) > 1e-15; s++) {
                xs.add((double) s);
                ys.add(Math.abs(k[0]));
                k = Lee2024Recursion.map(k);
            }
            series.add(Series.line("betaV = " + Format.plain(betaV), ChainRun.toArray(xs), ChainRun.toArray(ys)));
        }
        return Figure.of("flow-bare", "Coupling A along the RG flow of the bare dynamic-neuron bond", "RG step", "|A|",
                "|A| after each decimation (Eq. 26, points down to |A| = 1e-15) starting from the bare bond (A, B, C) = (2 betaV, -betaV, -betaV): A -> 0 "
                        + "super-exponentially (the transverse eigenvalue of the plane is 0), i.e. no phase transition for real couplings.",
                series.toArray(Series[]::new)).withLogAxes(false, true);
    }

    /** xi as text: "infinite" above 1e12 layers (round-off of |lambda_2| = |lambda_1|). */
    public static String fmtXi(double xi) {
        return xi > 1e12 ? "infinite" : Format.plain(xi);
    }

    public static String fmt(double[] v) {
        if (v == null) {
            return "n/a";
        }
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            s.append(i > 0 ? ", " : "").append(Format.plain(v[i]));
        }
        return s.append(")").toString();
    }

    static String fmtEig(FixedPointJson p) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < p.eigenvalues().length; i++) {
            s.append(i > 0 ? ", " : "").append(Format.plain(p.eigenvalues()[i]));
            if (Math.abs(p.eigenvaluesImaginary()[i]) > 1e-12) {
                s.append(p.eigenvaluesImaginary()[i] > 0 ? "+" : "-").append(Format.plain(Math.abs(p.eigenvaluesImaginary()[i]))).append("i");
            }
        }
        return s.append(")").toString();
    }

    static String fmtExp(Double[] y) {
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < y.length; i++) {
            s.append(i > 0 ? ", " : "").append(y[i] == null ? "-inf" : Format.plain(y[i]));
        }
        return s.append(")").toString();
    }
}
