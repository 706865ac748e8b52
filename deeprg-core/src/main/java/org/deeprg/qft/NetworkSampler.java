package org.deeprg.qft;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.deeprg.random.RandomStreams;

/**
 * Samples networks of Eq. 1 and streams their n-point products into an {@link NPointAccumulator}.
 *
 * <p>Hot loop (one hidden layer): networks are processed in batches of {@link #BATCH} with the network index in the
 * vector lanes; for each hidden neuron j the batch's {@code W_0j, b_0j, W_1j} come from one bulk draw of a
 * {@link NormalStream}, and each point's output accumulates {@code f_a += W_1j g(W_0j . x_a + b_0j)} lane-wise. No
 * object is created per network; each network is evaluated once on the distinct points. Deeper networks take a
 * plain (scalar) path with the same random-number layout per layer.
 *
 * <p>Random numbers: a chunk's numbers depend only on its stream, in a fixed order (per batch: the output biases,
 * then per block of neurons the weights and biases), so chunk sums are reproducible bit for bit.
 */
public final class NetworkSampler {
    /** Networks per batch (vector lanes times 16). */
    public static final int BATCH = 64;
    /** Target size of one bulk Gaussian draw (doubles). */
    static final int DRAW_BLOCK = 4096;

    private static final VectorSpecies<Double> S = VectorMath.SPECIES;
    private static final int L = VectorMath.LANES;

    private NetworkSampler() {
    }

    /**
     * Samples {@code nets} networks and returns the sums (not means) of all products per slot of {@code layout}.
     *
     * @param spec   architecture
     * @param points input points (rows of length d_in); not modified
     * @param layout slots (its point count equals points.length)
     * @param nets   number of networks
     * @param stream the chunk's random stream
     */
    public static double[] sampleChunk(NetworkSpec spec, double[][] points, NPointLayout layout, int nets, RandomStreams stream) {
        NormalStream gauss = new NormalStream(stream);
        NPointAccumulator acc = new NPointAccumulator(layout, BATCH);
        int m = points.length;
        double[][] f = new double[m][BATCH];
        if (spec.depth() == 1) {
            OneLayer kernel = new OneLayer(spec, points);
            for (int done = 0; done < nets; done += BATCH) {
                int count = Math.min(BATCH, nets - done);
                kernel.evaluate(gauss, f, count);
                acc.add(f);
            }
        } else {
            Deep deep = new Deep(spec, points);
            for (int done = 0; done < nets; done += BATCH) {
                int count = Math.min(BATCH, nets - done);
                deep.evaluate(gauss, f, count);
                acc.add(f);
            }
        }
        return acc.sums().clone();
    }

    /** The vectorised one-hidden-layer evaluator. */
    static final class OneLayer {
        private final NetworkSpec spec;
        private final int m;
        private final int d;
        private final double[][] xs;
        private final double[] offset;
        private final double w0Scale;
        private final double w1Scale;
        private final int neuronsPerDraw;
        private final double[] draws;
        private final double[] bias = new double[BATCH];
        private final double[] tmpA;
        private final double[] tmpB;
        /** Arithmetic-progression fast path (Gauss-net, d_in = 1): order of points, step, per-step constant factors. */
        private final int[] apOrder;
        private final double apStep;
        private final double[] apFactor;

        OneLayer(NetworkSpec spec, double[][] points) {
            this.spec = spec;
            this.m = points.length;
            this.d = spec.dIn();
            this.xs = points;
            this.offset = new double[m];
            double sb2 = spec.sigmaB() * spec.sigmaB();
            double sw2 = spec.sigmaW() * spec.sigmaW();
            for (int a = 0; a < m; a++) {
                double n2 = 0;
                for (double c : points[a]) {
                    n2 += c * c;
                }
                // Gauss-net normalisation of Eq. 3: g = exp(z - (sigmaB^2 + sigmaW^2 |x|^2 / d_in))
                offset[a] = spec.activation() == Activation.GAUSS ? -(sb2 + sw2 * n2 / d) : 0.0;
            }
            this.w0Scale = spec.sigmaW() / Math.sqrt(d);
            this.w1Scale = spec.sigmaW() / Math.sqrt(spec.width());
            int perNeuron = (d + 2) * BATCH;
            this.neuronsPerDraw = Math.max(1, Math.min(spec.width(), DRAW_BLOCK / perNeuron));
            this.draws = new double[neuronsPerDraw * perNeuron];
            this.tmpA = new double[neuronsPerDraw * BATCH];
            this.tmpB = new double[neuronsPerDraw * BATCH];
            this.apOrder = spec.activation() == Activation.GAUSS && d == 1 && m >= 3 ? arithmeticProgression(points) : null;
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
         * If the (d_in = 1) points, sorted, are equally spaced to relative precision 1e-12 (the paper's six points are),
         * returns their order; else null. Then {@code exp(w x_{k} + b - v_k) = exp(w x_{k-1} + b - v_{k-1}) exp(w step)
         * exp(v_{k-1} - v_k)}: two exponentials per neuron instead of one per point. The exponent differs from the direct
         * one by at most {@code |w| 1e-12 max|x|} (relative error of g below 1e-12 for any realistic w).
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
        void evaluate(NormalStream gauss, double[][] f, int count) {
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
                // block layout, component-major: W0 components (d blocks of n), then b0 (n), then W1 (n)
                gauss.fill(draws, 0, (d + 2) * n);
                if (apOrder != null) {
                    progressionArguments(n);
                    VectorMath.expInPlace(tmpA, n);
                    VectorMath.expInPlace(tmpB, n);
                    if (m == 6) {
                        progressionAccumulateSix(nj, n, f);
                    } else {
                        progressionAccumulate(nj, n, f);
                    }
                } else {
                    for (int a = 0; a < m; a++) {
                        preActivation(a, n);
                        VectorMath.activateInPlace(spec.activation(), tmpA, n, offset[a]);
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

        /** tmpA = W0 x_first + b0 + offset_first, tmpB = W0 step (the two exponents of the progression path). */
        private void progressionArguments(int n) {
            int first = apOrder[0];
            double x0 = xs[first][0] * w0Scale;
            double st = apStep * w0Scale;
            double off = offset[first];
            double sb = spec.sigmaB();
            for (int i = 0; i < n; i += L) {
                DoubleVector w0 = DoubleVector.fromArray(S, draws, i);
                DoubleVector b0 = DoubleVector.fromArray(S, draws, n + i).fma(DoubleVector.broadcast(S, sb), DoubleVector.broadcast(S, off));
                w0.fma(DoubleVector.broadcast(S, x0), b0).intoArray(tmpA, i);
                w0.mul(st).intoArray(tmpB, i);
            }
        }

        /** f_a += W1 e_a with e_{a_k} = e_{a_{k-1}} * ratio * factor_k along the progression. */
        private void progressionAccumulate(int nj, int n, double[][] f) {
            int w1Base = 2 * n;
            for (int b = 0; b < BATCH; b += L) {
                for (int i = 0; i < m; i++) {
                    double[] fa = f[apOrder[i]];
                    DoubleVector acc = DoubleVector.fromArray(S, fa, b);
                    double factor = i == 0 ? 1.0 : apFactor[i];
                    for (int j = 0; j < nj; j++) {
                        int k = j * BATCH + b;
                        DoubleVector e = DoubleVector.fromArray(S, tmpA, k);
                        if (i > 0) {
                            e = e.mul(DoubleVector.fromArray(S, tmpB, k)).mul(factor);
                            e.intoArray(tmpA, k);
                        }
                        acc = DoubleVector.fromArray(S, draws, w1Base + k).mul(w1Scale).fma(e, acc);
                    }
                    acc.intoArray(fa, b);
                }
            }
        }

        /**
         * The six-point case of {@link #progressionAccumulate} with the six outputs and the running exponential in
         * registers: per neuron and 4 networks, 3 loads and 6 x (2 multiplies + 1 fused multiply-add).
         */
        private void progressionAccumulateSix(int nj, int n, double[][] f) {
            int w1Base = 2 * n;
            double[] f0 = f[apOrder[0]];
            double[] f1 = f[apOrder[1]];
            double[] f2 = f[apOrder[2]];
            double[] f3 = f[apOrder[3]];
            double[] f4 = f[apOrder[4]];
            double[] f5 = f[apOrder[5]];
            DoubleVector c1 = DoubleVector.broadcast(S, apFactor[1]);
            DoubleVector c2 = DoubleVector.broadcast(S, apFactor[2]);
            DoubleVector c3 = DoubleVector.broadcast(S, apFactor[3]);
            DoubleVector c4 = DoubleVector.broadcast(S, apFactor[4]);
            DoubleVector c5 = DoubleVector.broadcast(S, apFactor[5]);
            for (int b = 0; b < BATCH; b += L) {
                DoubleVector a0 = DoubleVector.fromArray(S, f0, b);
                DoubleVector a1 = DoubleVector.fromArray(S, f1, b);
                DoubleVector a2 = DoubleVector.fromArray(S, f2, b);
                DoubleVector a3 = DoubleVector.fromArray(S, f3, b);
                DoubleVector a4 = DoubleVector.fromArray(S, f4, b);
                DoubleVector a5 = DoubleVector.fromArray(S, f5, b);
                for (int j = 0; j < nj; j++) {
                    int k = j * BATCH + b;
                    DoubleVector w = DoubleVector.fromArray(S, draws, w1Base + k);
                    DoubleVector r = DoubleVector.fromArray(S, tmpB, k);
                    // the output-weight scale is folded into the first exponential
                    DoubleVector e = DoubleVector.fromArray(S, tmpA, k).mul(w1Scale);
                    a0 = w.fma(e, a0);
                    e = e.mul(r).mul(c1);
                    a1 = w.fma(e, a1);
                    e = e.mul(r).mul(c2);
                    a2 = w.fma(e, a2);
                    e = e.mul(r).mul(c3);
                    a3 = w.fma(e, a3);
                    e = e.mul(r).mul(c4);
                    a4 = w.fma(e, a4);
                    e = e.mul(r).mul(c5);
                    a5 = w.fma(e, a5);
                }
                a0.intoArray(f0, b);
                a1.intoArray(f1, b);
                a2.intoArray(f2, b);
                a3.intoArray(f3, b);
                a4.intoArray(f4, b);
                a5.intoArray(f5, b);
            }
        }

        /** tmpA = W0 . x_a + b0 (without the Gauss-net offset). */
        private void preActivation(int a, int n) {
            double sb = spec.sigmaB();
            for (int i = 0; i < n; i += L) {
                DoubleVector z = DoubleVector.fromArray(S, draws, d * n + i).mul(sb);
                for (int c = 0; c < d; c++) {
                    z = DoubleVector.fromArray(S, draws, c * n + i).fma(DoubleVector.broadcast(S, xs[a][c] * w0Scale), z);
                }
                z.intoArray(tmpA, i);
            }
        }

        /** fa += sum_j W1_j g_j (g in tmpA). */
        private void accumulatePoint(int nj, int n, double[] fa) {
            int w1Base = (d + 1) * n;
            for (int b = 0; b < BATCH; b += L) {
                DoubleVector acc = DoubleVector.fromArray(S, fa, b);
                for (int j = 0; j < nj; j++) {
                    int k = j * BATCH + b;
                    acc = DoubleVector.fromArray(S, draws, w1Base + k).mul(w1Scale).fma(DoubleVector.fromArray(S, tmpA, k), acc);
                }
                acc.intoArray(fa, b);
            }
        }
    }

    /** Scalar evaluator for several hidden layers. */
    static final class Deep {
        private final NetworkSpec spec;
        private final double[][] xs;
        private final double[] draws;
        private final double[][] h;
        private final double[][] z;

        Deep(NetworkSpec spec, double[][] points) {
            this.spec = spec;
            this.xs = points;
            int n = spec.width();
            this.draws = new double[Math.max(n * n, n * spec.dIn()) + n];
            this.h = new double[points.length][n];
            this.z = new double[points.length][n];
        }

        void evaluate(NormalStream gauss, double[][] f, int count) {
            int n = spec.width();
            int d = spec.dIn();
            int m = xs.length;
            Activation act = spec.activation();
            double sw = spec.sigmaW();
            double sb = spec.sigmaB();
            for (int net = 0; net < BATCH; net++) {
                if (net >= count) {
                    for (int a = 0; a < m; a++) {
                        f[a][net] = 0;
                    }
                    continue;
                }
                // first layer: rows of W_0 (n x d), then b_0 (n)
                gauss.fill(draws, 0, n * d + n);
                double s0 = sw / Math.sqrt(d);
                for (int a = 0; a < m; a++) {
                    for (int j = 0; j < n; j++) {
                        double s = sb * draws[n * d + j];
                        for (int c = 0; c < d; c++) {
                            s += s0 * draws[j * d + c] * xs[a][c];
                        }
                        h[a][j] = act.value(s, 0);
                    }
                }
                double sl = sw / Math.sqrt(n);
                for (int layer = 1; layer < spec.depth(); layer++) {
                    gauss.fill(draws, 0, n * n + n);
                    for (int a = 0; a < m; a++) {
                        for (int i = 0; i < n; i++) {
                            double s = sb * draws[n * n + i];
                            for (int j = 0; j < n; j++) {
                                s += sl * draws[i * n + j] * h[a][j];
                            }
                            z[a][i] = s;
                        }
                        for (int i = 0; i < n; i++) {
                            h[a][i] = act.value(z[a][i], 0);
                        }
                    }
                }
                gauss.fill(draws, 0, n + 1);
                for (int a = 0; a < m; a++) {
                    double s = sb * draws[n];
                    for (int j = 0; j < n; j++) {
                        s += sl * draws[j] * h[a][j];
                    }
                    f[a][net] = s;
                }
            }
        }
    }
}
