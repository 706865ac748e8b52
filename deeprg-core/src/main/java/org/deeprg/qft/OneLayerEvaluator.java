package org.deeprg.qft;

import org.deeprg.net.Activation;

/**
 * Evaluates batches of one-hidden-layer networks of Eq. 1 on the distinct input points, with the network index in
 * the inner (vector-lane) dimension; the arithmetic kernels are supplied by a subclass: {@link VectorOneLayer}
 * ({@code jdk.incubator.vector}) or {@link ScalarOneLayer} (plain doubles, the same operations lane for lane, so the
 * same bits).
 *
 * <p>Per batch of {@link NetworkSampler#BATCH} networks: the output biases, then per block of hidden neurons one bulk
 * Gaussian draw (component-major: the {@code d_in} components of {@code W_0}, then {@code b_0}, then {@code W_1}), and
 * each point's output accumulates {@code f_a += W_1j g(W_0j . x_a + b_0j)} network-wise. No object is created per
 * network; each network is evaluated once on the distinct points.
 *
 * <p>Gauss-net fast path: if the ({@code d_in = 1}) points, sorted, are equally spaced to relative precision 1e-12 (the
 * paper's six points are), then {@code exp(w x_k + b - v_k) = exp(w x_{k-1} + b - v_{k-1}) exp(w step)
 * exp(v_{k-1} - v_k)}: two exponentials per neuron instead of one per point. The exponent differs from the direct one
 * by at most {@code |w| 1e-12 max|x|} (relative error of g below 1e-12 for any realistic w).
 */
abstract class OneLayerEvaluator {
    static final int BATCH = NetworkSampler.BATCH;

    final NetworkSpec spec;
    final Activation activation;
    final int m;
    final int d;
    final double[][] xs;
    /** Per point the Gauss-net shift of Eq. 3 ({@link NetworkSpec#gaussNetShift}); 0 for the other activations. */
    final double[] offset;
    final double w0Scale;
    final double w1Scale;
    final int neuronsPerDraw;
    final double[] draws;
    final double[] bias = new double[BATCH];
    final double[] tmpA;
    final double[] tmpB;
    /** Arithmetic-progression fast path (Gauss-net, d_in = 1): order of points, step, per-step constant factors. */
    final int[] apOrder;
    final double apStep;
    final double[] apFactor;

    OneLayerEvaluator(NetworkSpec spec, double[][] points) {
        this.spec = spec;
        this.activation = spec.activation();
        this.m = points.length;
        this.d = spec.dIn();
        this.xs = points;
        this.offset = new double[m];
        for (int a = 0; a < m; a++) {
            offset[a] = spec.gaussNetShift(points[a]);
        }
        this.w0Scale = spec.sigmaW() / Math.sqrt(d);
        this.w1Scale = spec.sigmaW() / Math.sqrt(spec.width());
        int perNeuron = (d + 2) * BATCH;
        this.neuronsPerDraw = Math.max(1, Math.min(spec.width(), NetworkSampler.DRAW_BLOCK / perNeuron));
        this.draws = new double[neuronsPerDraw * perNeuron];
        this.tmpA = new double[neuronsPerDraw * BATCH];
        this.tmpB = new double[neuronsPerDraw * BATCH];
        this.apOrder = spec.gaussNet() && d == 1 && m >= 3 ? arithmeticProgression(points) : null;
        if (apOrder != null) {
            apStep = points[apOrder[1]][0] - points[apOrder[0]][0];
            apFactor = new double[m];
            for (int i = 1; i < m; i++) {
                apFactor[i] = Math.exp(offset[apOrder[i]] - offset[apOrder[i - 1]]);
            }
        } else {
            apStep = 0;
            apFactor = null;
        }
    }

    /**
     * If the (d_in = 1) points, sorted, are equally spaced to relative precision 1e-12, returns their order; else null
     * (see the class comment).
     */
    static int[] arithmeticProgression(double[][] points) {
        int m = points.length;
        Integer[] order = new Integer[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (p, q) -> Double.compare(points[p][0], points[q][0]));
        double x0 = points[order[0]][0];
        double step = (points[order[m - 1]][0] - x0) / (m - 1);
        double scale = Math.max(Math.abs(x0), Math.abs(points[order[m - 1]][0]));
        if (!(step > 0)) {
            return null;
        }
        for (int i = 0; i < m; i++) {
            if (Math.abs(points[order[i]][0] - (x0 + i * step)) > 1e-12 * scale) {
                return null;
            }
        }
        int[] out = new int[m];
        for (int i = 0; i < m; i++) {
            out[i] = order[i];
        }
        return out;
    }

    /** Fills f[a][0..BATCH) with the outputs of {@code count} fresh networks (zeros beyond count). */
    final void evaluate(NormalStream gauss, double[][] f, int count) {
        gauss.fill(bias, 0, BATCH);
        double sb = spec.sigmaB();
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < BATCH; b++) {
                f[a][b] = sb * bias[b];
            }
        }
        int width = spec.width();
        for (int j0 = 0; j0 < width; j0 += neuronsPerDraw) {
            int nj = Math.min(neuronsPerDraw, width - j0);
            int n = nj * BATCH;
            gauss.fill(draws, 0, (d + 2) * n);
            if (apOrder != null) {
                progressionArguments(n);
                expInPlace(tmpA, n);
                expInPlace(tmpB, n);
                if (m == 6) {
                    progressionAccumulateSix(nj, f);
                } else {
                    progressionAccumulate(nj, f);
                }
            } else {
                for (int a = 0; a < m; a++) {
                    preActivation(a, n);
                    activateInPlace(tmpA, n, offset[a]);
                    accumulatePoint(nj, n, f[a]);
                }
            }
        }
        if (count < BATCH) {
            for (int a = 0; a < m; a++) {
                java.util.Arrays.fill(f[a], count, BATCH, 0.0);
            }
        }
    }

    /** The hidden activations of the current neuron block, per point: {@code g[a][j * BATCH + b]}. */
    private double[][] hidden;

    /**
     * For the conditional estimator: draws the hidden layers of a batch of networks (per neuron block the
     * {@code d_in} components of {@code W_0}, then {@code b_0}; no readout weights) and sets
     * {@code cov[p][b] = sum_j g_j(x_a) g_j(x_b)} for every pair {@code p = (a <= b)} (row-major over the upper
     * triangle) and network b. Every lane is a real network; the caller masks those beyond its count.
     */
    final void evaluateHidden(NormalStream gauss, double[][] cov) {
        if (hidden == null) {
            hidden = new double[m][neuronsPerDraw * BATCH];
        }
        for (double[] row : cov) {
            java.util.Arrays.fill(row, 0.0);
        }
        int width = spec.width();
        for (int j0 = 0; j0 < width; j0 += neuronsPerDraw) {
            int nj = Math.min(neuronsPerDraw, width - j0);
            int n = nj * BATCH;
            gauss.fill(draws, 0, (d + 1) * n);
            if (apOrder != null) {
                progressionArguments(n);
                expInPlace(tmpA, n);
                expInPlace(tmpB, n);
                progressionValues(nj, hidden);
            } else {
                for (int a = 0; a < m; a++) {
                    preActivation(a, n);
                    activateInPlace(tmpA, n, offset[a]);
                    System.arraycopy(tmpA, 0, hidden[a], 0, n);
                }
            }
            accumulatePairs(nj, hidden, cov);
        }
    }

    /** Number of point pairs {@code a <= b}. */
    static int pairs(int points) {
        return points * (points + 1) / 2;
    }

    /** Index of the pair {@code (a, b)}, {@code a <= b}, row-major over the upper triangle of {@code points} points. */
    static int pairIndex(int a, int b, int points) {
        return a * points - a * (a - 1) / 2 + (b - a);
    }

    /** g[apOrder[i]][k] = e_i along the progression: e_0 = tmpA (already exponentiated), e_i = e_{i-1} ratio factor_i. */
    abstract void progressionValues(int nj, double[][] g);

    /** cov[p][b] += sum_j g[a][j BATCH + b] g[c][j BATCH + b] for every pair p = (a, c). */
    abstract void accumulatePairs(int nj, double[][] g, double[][] cov);

    /** {@code x[i] = e^{x[i]}}, {@code i < n}. */
    abstract void expInPlace(double[] x, int n);

    /** {@code x[i] = g(x[i] + shift)}, {@code i < n}. */
    abstract void activateInPlace(double[] x, int n, double shift);

    /** tmpA = W0 x_first + b0 + offset_first, tmpB = W0 step (the two exponents of the progression path). */
    abstract void progressionArguments(int n);

    /** f_a += W1 e_a with e_{a_k} = e_{a_{k-1}} * ratio * factor_k along the progression. */
    abstract void progressionAccumulate(int nj, double[][] f);

    /** The six-point case of {@link #progressionAccumulate} (the output-weight scale folded into the first exponential). */
    abstract void progressionAccumulateSix(int nj, double[][] f);

    /** tmpA = W0 . x_a + b0 (without the Gauss-net offset). */
    abstract void preActivation(int a, int n);

    /** fa += sum_j W1_j g_j (g in tmpA). */
    abstract void accumulatePoint(int nj, int n, double[] fa);
}
