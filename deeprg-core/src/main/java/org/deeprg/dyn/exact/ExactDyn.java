package org.deeprg.dyn.exact;

import java.util.List;
import org.deeprg.InvalidInputException;
import org.deeprg.dyn.Example;
import org.deeprg.run.RunContext;

/**
 * Exact partition function and expectation values of the dynamic-neuron Hamiltonian H_new (Lee, Lee, Yi 2024,
 * Eqs. 12-14, 17) of a {@link DiscreteDynModel}, by transfer matrices along depth (Sec. III: translation
 * symmetry), entirely in log space.
 *
 * <h2>Conventions</h2>
 * Boltzmann weight {@code exp(-beta cost - betaV constraint)} with (see {@link org.deeprg.dyn.Hamiltonians})
 * <pre>
 *   cost       = sum_l |y_l - sigma(W^(M) h^(M)_l + b^(M))|^2
 *   constraint = sum_l sum_{m=0}^{M-1} |h^(m+1)_l - sigma(W^(m) h^(m)_l + b^(m))|^2,   h^(0)_l = x_l,
 * </pre>
 * summed over all W^(m), b^(m) (m = 0..M) in the weight alphabet and all h^(m)_l (m = 1..M) in the neuron
 * alphabet: {@code Z = sum exp(-beta cost - betaV constraint)}; k_B = 1, no 1/L.
 *
 * <h2>Transfer matrices</h2>
 * The state of layer m is the joint configuration s_m of its N L neurons (S = q^{N L} states). Summing the
 * weights of layer m gives (see {@link LayerKernel})
 * <pre>
 *   Z = sum_{s_1..s_M} F(x -&gt; s_1) T(s_1, s_2) ... T(s_{M-1}, s_M) V(s_M),
 *   T(s, s') = prod_i f_betaV(h(s), h'_{.,i}),  F(x -&gt; s') = prod_i f_betaV(x, h'_{.,i}),  V(s) = prod_i f_beta(h(s), y_{.,i}),
 * </pre>
 * with the same bulk T in every layer 1 &lt;= m &lt; M. {@link #logPartitionFunction()} evaluates this as
 * {@link LogSpace#logRowPowerColumn}: exact log-semiring iteration for small depth, repeated squaring for large
 * depth (depth 10^6 in milliseconds for small S).
 *
 * <h2>Expectations</h2>
 * Forward messages a_m(s) = ln sum over layers below m ending in s, backward messages b_m(s) likewise above m;
 * P(s_m = s) = exp(a_m(s) + b_m(s) - ln Z). &lt;cost&gt; and &lt;constraint&gt; are -d ln Z/d beta and -d ln Z/d betaV,
 * computed exactly as sums of the per-layer conditional mean penalties over the one- and two-layer marginals.
 * Connected correlations (Eq. 34) propagate a_m(s) h(s) through T^{n-m}.
 *
 * <p>Instances are immutable after construction; lazily computed messages are cached (not thread-safe for
 * the first call; call {@link #logPartitionFunction()} once before sharing).
 */
public final class ExactDyn {
    /** Largest M S (forward + backward messages) for expectation values. */
    public static final long MAX_MESSAGE_ENTRIES = 20_000_000L;
    /** Largest M S for which {@link #run} computes expectation values (messages). */
    public static final long EXPECTATION_LIMIT = 2_000_000L;
    /** Largest depth for which {@link #run} lists the neuron means. */
    public static final int MAX_LISTED_LAYERS = 100;
    /** {@link #run} skips the betaV -&gt; infinity table above this estimated work per ln Z (multiply-adds). */
    public static final double CONVERGENCE_WORK = 2e9;
    /** The betaV grid of the betaV -&gt; infinity table of {@link #run} (Eqs. 11-12). */
    private static final double[] CONVERGENCE_GRID = {0, 0.5, 1, 2, 4, 8, 16, 32, 64};

    private final DiscreteDynModel model;
    private final double beta;
    private final double betaV;
    private final NeuronStates states;
    private final int depth;
    private final double[][] logT;
    private final double[][] meanBulkConstraint;
    private final double[] logFirst;
    private final double[] meanFirstConstraint;
    private final double[] logLast;
    private final double[] meanLastCost;
    private double logZ = Double.NaN;
    private double[][] forward;
    private double[][] backward;

    private ExactDyn(DiscreteDynModel model, double beta, double betaV) {
        InvalidInputException.requireNonNegative("beta", beta);
        InvalidInputException.requireNonNegative("betaV", betaV);
        this.model = model;
        this.beta = beta;
        this.betaV = betaV;
        this.depth = model.network().depth();
        int n = model.network().width();
        int lCount = model.exampleCount();
        this.states = new NeuronStates(model.neuronAlphabet(), n, lCount, "width");
        LogSpace.checkWork(states.count(), depth - 1L);
        LayerKernel kernel = new LayerKernel(model.network().activation(), model.weightAlphabet(), n);
        long work = (long) states.count() * kernel.rowCount() * (states.columnCount() + 1L) * lCount;
        if (work > 4_000_000_000L) {
            throw new InvalidInputException("width", n, "building the transfer matrix needs about " + work
                    + " kernel evaluations; the limit is 4e9");
        }
        int sCount = states.count();
        int cCount = states.columnCount();
        double[][] columns = new double[cCount][];
        for (int c = 0; c < cCount; c++) {
            columns[c] = states.column(c);
        }
        int[][] colIndex = new int[sCount][n];
        for (int s = 0; s < sCount; s++) {
            for (int i = 0; i < n; i++) {
                colIndex[s][i] = states.columnIndex(s, i);
            }
        }
        double[] tmp = new double[2];
        // bulk: logF[s][c], pen[s][c]
        logT = new double[sCount][sCount];
        meanBulkConstraint = new double[sCount][sCount];
        logLast = new double[sCount];
        meanLastCost = new double[sCount];
        double[][] y = new double[n][lCount];
        double[][] xs = new double[lCount][];
        for (int l = 0; l < lCount; l++) {
            Example e = model.examples().get(l);
            xs[l] = e.x();
            for (int i = 0; i < n; i++) {
                y[i][l] = e.y()[i];
            }
        }
        double[] logF = new double[cCount];
        double[] pen = new double[cCount];
        for (int s = 0; s < sCount; s++) {
            double[][] pat = kernel.patterns(states.values(s));
            unitFactors(pat, columns, betaV, logF, pen, tmp);
            fill(logF, pen, colIndex, logT[s], meanBulkConstraint[s]);
            double lv = 0;
            double cv = 0;
            for (int i = 0; i < n; i++) {
                LayerKernel.evaluate(pat, y[i], beta, tmp);
                lv += tmp[0];
                cv += tmp[1];
            }
            logLast[s] = lv;
            meanLastCost[s] = cv;
        }
        logFirst = new double[sCount];
        meanFirstConstraint = new double[sCount];
        double[][] patX = kernel.patterns(xs);
        unitFactors(patX, columns, betaV, logF, pen, tmp);
        fill(logF, pen, colIndex, logFirst, meanFirstConstraint);
    }

    private static void unitFactors(double[][] pat, double[][] columns, double kappa, double[] logF, double[] pen, double[] tmp) {
        for (int c = 0; c < columns.length; c++) {
            LayerKernel.evaluate(pat, columns[c], kappa, tmp);
            logF[c] = tmp[0];
            pen[c] = tmp[1];
        }
    }

    private static void fill(double[] logF, double[] pen, int[][] colIndex, double[] logRow, double[] penRow) {
        for (int t = 0; t < logRow.length; t++) {
            double lt = 0;
            double pt = 0;
            for (int c : colIndex[t]) {
                lt += logF[c];
                pt += pen[c];
            }
            logRow[t] = lt;
            penRow[t] = pt;
        }
    }

    /**
     * Builds the transfer matrices of {@code model} at inverse temperature {@code beta} and constraint coupling
     * {@code betaV = beta lambda} (both finite and &gt;= 0). Refuses models with more than
     * {@link NeuronStates#MAX_STATES} joint layer states.
     */
    public static ExactDyn solve(DiscreteDynModel model, double beta, double betaV) {
        return new ExactDyn(model, beta, betaV);
    }

    /**
     * The computation of {@code dyn exact}: ln Z of H_new at (beta, betaV), ln Z_original at beta, the exact
     * &lt;cost&gt;, &lt;constraint&gt; and neuron means where affordable, and ln Z_new - ln Z_original on the betaV grid
     * {@code 0, 0.5, 1, ..., 64} (Eqs. 11-12: the Gaussian constraint tends to the delta function). The grid points
     * are independent tasks of {@code context} (same numbers for any thread count or backend).
     *
     * @throws InvalidInputException for models beyond the size limits (see the class documentation)
     */
    public static ExactResult run(ExactSpec spec, RunContext context) {
        DiscreteDynModel model = spec.model();
        ExactDyn exact = solve(model, spec.beta(), spec.betaV());
        double logZ = exact.logPartitionFunction();
        Double original = null;
        String originalNote = null;
        try {
            original = logPartitionFunctionOriginal(model, spec.beta());
        } catch (InvalidInputException e) {
            originalNote = e.allowed();
        }
        Double cost = null;
        Double constraint = null;
        double[][][] means = null;
        if ((long) spec.depth() * exact.states().count() <= EXPECTATION_LIMIT) {
            cost = exact.meanCost();
            constraint = exact.meanConstraint();
            if (spec.depth() <= MAX_LISTED_LAYERS) {
                means = exact.neuronMeans();
            }
        }
        double[] grid = null;
        double[] gap = null;
        double[] lnZ = null;
        if (LogSpace.estimatedWork(exact.states().count(), spec.depth() - 1L) < CONVERGENCE_WORK) {
            grid = CONVERGENCE_GRID.clone();
            List<Double> values = context.map(grid.length, k -> logPartitionFunction(spec.model(), spec.beta(), CONVERGENCE_GRID[k]));
            lnZ = new double[grid.length];
            gap = original == null ? null : new double[grid.length];
            for (int k = 0; k < grid.length; k++) {
                lnZ[k] = values.get(k);
                if (gap != null) {
                    gap[k] = lnZ[k] - original;
                }
            }
        }
        return new ExactResult(logZ, original, cost, constraint, means, exact.states().count(), gap, grid, lnZ, originalNote);
    }

    /** Convenience: ln Z of H_new (Eq. 14/17). */
    public static double logPartitionFunction(DiscreteDynModel model, double beta, double betaV) {
        return solve(model, beta, betaV).logPartitionFunction();
    }

    /** ln Z_original = ln sum_{W,b} exp(-beta H_original) (Eqs. 4-5, 7-8); see {@link OriginalEnsemble}. */
    public static double logPartitionFunctionOriginal(DiscreteDynModel model, double beta) {
        return OriginalEnsemble.logPartitionFunction(model, beta);
    }

    public DiscreteDynModel model() {
        return model;
    }

    public double beta() {
        return beta;
    }

    public double betaV() {
        return betaV;
    }

    /** The joint layer states. */
    public NeuronStates states() {
        return states;
    }

    /** ln of the bulk transfer matrix T(s, s') (a copy). */
    public double[][] bulkLogTransferMatrix() {
        double[][] c = new double[logT.length][];
        for (int s = 0; s < c.length; s++) {
            c[s] = logT[s].clone();
        }
        return c;
    }

    /** ln Z of H_new. Depth up to 2^63 - 1 by repeated squaring. */
    public double logPartitionFunction() {
        if (Double.isNaN(logZ)) {
            logZ = LogSpace.logRowPowerColumn(logFirst, logT, depth - 1L, logLast);
        }
        return logZ;
    }

    private void messages() {
        if (forward != null) {
            return;
        }
        long entries = (long) depth * states.count() * 2;
        if (entries > MAX_MESSAGE_ENTRIES) {
            throw new InvalidInputException("depth", depth, "expectation values need 2 M S = " + entries
                    + " stored message entries; the limit is " + MAX_MESSAGE_ENTRIES);
        }
        int sCount = states.count();
        forward = new double[depth + 1][];
        backward = new double[depth + 1][];
        forward[1] = logFirst.clone();
        for (int m = 1; m < depth; m++) {
            forward[m + 1] = new double[sCount];
            LogSpace.logVectorTimesMatrix(forward[m], logT, forward[m + 1]);
        }
        backward[depth] = logLast.clone();
        for (int m = depth - 1; m >= 1; m--) {
            backward[m] = new double[sCount];
            LogSpace.logMatrixTimesVector(logT, backward[m + 1], backward[m]);
        }
        double[] sum = new double[sCount];
        for (int s = 0; s < sCount; s++) {
            sum[s] = forward[1][s] + backward[1][s];
        }
        logZ = LogSpace.logSumExp(sum);
    }

    /** P(s_m = s) for m = 1..M (length S). */
    public double[] layerMarginal(int m) {
        checkLayer(m, 1);
        messages();
        double[] p = new double[states.count()];
        for (int s = 0; s < p.length; s++) {
            p[s] = Math.exp(forward[m][s] + backward[m][s] - logZ);
        }
        return p;
    }

    /** &lt;cost&gt; = -d ln Z / d beta (exact). */
    public double meanCost() {
        double[] p = layerMarginal(depth);
        double e = 0;
        for (int s = 0; s < p.length; s++) {
            if (p[s] > 0) {
                e += p[s] * meanLastCost[s];
            }
        }
        return e;
    }

    /** &lt;constraint&gt; = -d ln Z / d betaV (exact): sum over the M constraint layers m = 0..M-1. */
    public double meanConstraint() {
        messages();
        int sCount = states.count();
        double e = 0;
        for (int s = 0; s < sCount; s++) {
            double p = Math.exp(logFirst[s] + backward[1][s] - logZ);
            if (p > 0) {
                e += p * meanFirstConstraint[s];
            }
        }
        for (int m = 1; m < depth; m++) {
            for (int s = 0; s < sCount; s++) {
                double a = forward[m][s] - logZ;
                if (a == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                for (int t = 0; t < sCount; t++) {
                    double p = Math.exp(a + logT[s][t] + backward[m + 1][t]);
                    if (p > 0) {
                        e += p * meanBulkConstraint[s][t];
                    }
                }
            }
        }
        return e;
    }

    /** &lt;H_new&gt; = &lt;cost&gt; + lambda &lt;constraint&gt; with lambda = betaV / beta (Eq. 13; beta &gt; 0). */
    public double meanHamiltonian() {
        if (beta == 0) {
            throw new IllegalStateException("H_new needs lambda = betaV / beta, undefined at beta = 0");
        }
        return meanCost() + betaV / beta * meanConstraint();
    }

    /** &lt;h^(m)_{l,i}&gt; for m = 0..M (m = 0 is the input x_l). */
    public double neuronMean(int m, int l, int i) {
        checkLayer(m, 0);
        if (m == 0) {
            return model.examples().get(l).x()[i];
        }
        double[] p = layerMarginal(m);
        double e = 0;
        for (int s = 0; s < p.length; s++) {
            e += p[s] * states.value(s, l, i);
        }
        return e;
    }

    /** All neuron means [M+1][L][N]. */
    public double[][][] neuronMeans() {
        int lCount = model.exampleCount();
        int n = model.network().width();
        double[][][] r = new double[depth + 1][lCount][n];
        for (int m = 0; m <= depth; m++) {
            double[] p = m == 0 ? null : layerMarginal(m);
            for (int l = 0; l < lCount; l++) {
                for (int i = 0; i < n; i++) {
                    if (m == 0) {
                        r[m][l][i] = model.examples().get(l).x()[i];
                    } else {
                        double e = 0;
                        for (int s = 0; s < p.length; s++) {
                            e += p[s] * states.value(s, l, i);
                        }
                        r[m][l][i] = e;
                    }
                }
            }
        }
        return r;
    }

    /**
     * Connected correlation &lt;h^(m)_{l,i} h^(n)_{l',j}&gt; - &lt;h^(m)_{l,i}&gt;&lt;h^(n)_{l',j}&gt; (Eq. 34), for layers
     * 0 &lt;= m, n &lt;= M (the input layer m = 0 is fixed, so its correlations vanish).
     */
    public double neuronCovariance(int m, int l, int i, int n, int lp, int j) {
        checkLayer(m, 0);
        checkLayer(n, 0);
        if (m == 0 || n == 0) {
            return 0;
        }
        if (m > n) {
            return neuronCovariance(n, lp, j, m, l, i);
        }
        messages();
        int sCount = states.count();
        double shift = Double.POSITIVE_INFINITY;
        for (int k = 0; k < states.alphabet().size(); k++) {
            shift = Math.min(shift, states.alphabet().value(k));
        }
        // shifted observables are >= 0; covariance is shift invariant
        double[] logO1 = new double[sCount];
        double[] logO2 = new double[sCount];
        for (int s = 0; s < sCount; s++) {
            logO1[s] = Math.log(states.value(s, l, i) - shift);
            logO2[s] = Math.log(states.value(s, lp, j) - shift);
        }
        double[] g = new double[sCount];
        for (int s = 0; s < sCount; s++) {
            g[s] = forward[m][s] + logO1[s];
        }
        double[] w = new double[sCount];
        for (int k = m; k < n; k++) {
            LogSpace.logVectorTimesMatrix(g, logT, w);
            double[] t = g;
            g = w;
            w = t;
        }
        double[] sum = new double[sCount];
        for (int s = 0; s < sCount; s++) {
            sum[s] = g[s] + logO2[s] + backward[n][s];
        }
        double joint = Math.exp(LogSpace.logSumExp(sum) - logZ);
        double mean1 = neuronMean(m, l, i) - shift;
        double mean2 = neuronMean(n, lp, j) - shift;
        return joint - mean1 * mean2;
    }

    /**
     * G_h(r) = &lt;h^(m0)_{l,i} h^(m0+r)_{l,i}&gt; - &lt;h^(m0)_{l,i}&gt;&lt;h^(m0+r)_{l,i}&gt; for r = 0..M-m0 (Eq. 34), exact.
     */
    public double[] correlationFunction(int m0, int l, int i) {
        checkLayer(m0, 1);
        double[] g = new double[depth - m0 + 1];
        for (int r = 0; r < g.length; r++) {
            g[r] = neuronCovariance(m0, l, i, m0 + r, l, i);
        }
        return g;
    }

    private void checkLayer(int m, int min) {
        if (m < min || m > depth) {
            throw new IllegalArgumentException("layer " + m + " outside " + min + ".." + depth);
        }
    }

    /** The examples of the model (convenience). */
    public List<Example> examples() {
        return model.examples();
    }
}
