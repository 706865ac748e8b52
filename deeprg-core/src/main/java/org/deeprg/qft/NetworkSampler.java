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
    /** Networks per batch (vector lanes times 8). */
    public static final int BATCH = 32;
    /** Target size of one bulk Gaussian draw (doubles). */
    static final int DRAW_BLOCK = 3072;

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
            int stride = (d + 2) * BATCH;
            for (int j0 = 0; j0 < width; j0 += neuronsPerDraw) {
                int nj = Math.min(neuronsPerDraw, width - j0);
                gauss.fill(draws, 0, nj * stride);
                for (int j = 0; j < nj; j++) {
                    neuron(j * stride, f);
                }
            }
            if (count < BATCH) {
                for (int a = 0; a < m; a++) {
                    java.util.Arrays.fill(f[a], count, BATCH, 0.0);
                }
            }
        }

        /** Adds one hidden neuron's contribution for the whole batch; draws layout: [w0_0..w0_{d-1}, b0, w1] x BATCH. */
        private void neuron(int base, double[][] f) {
            Activation act = spec.activation();
            double sb = spec.sigmaB();
            for (int b = 0; b < BATCH; b += L) {
                DoubleVector b0 = DoubleVector.fromArray(S, draws, base + d * BATCH + b).mul(sb);
                DoubleVector w1 = DoubleVector.fromArray(S, draws, base + (d + 1) * BATCH + b).mul(w1Scale);
                if (apOrder != null) {
                    DoubleVector w0 = DoubleVector.fromArray(S, draws, base + b).mul(w0Scale);
                    int first = apOrder[0];
                    DoubleVector e = VectorMath.exp(w0.fma(DoubleVector.broadcast(S, xs[first][0]), b0.add(offset[first])));
                    DoubleVector ratio = VectorMath.exp(w0.mul(apStep));
                    DoubleVector.fromArray(S, f[first], b).add(w1.mul(e)).intoArray(f[first], b);
                    for (int i = 1; i < m; i++) {
                        int a = apOrder[i];
                        e = e.mul(ratio).mul(apFactor[i]);
                        DoubleVector.fromArray(S, f[a], b).add(w1.mul(e)).intoArray(f[a], b);
                    }
                } else if (d == 1) {
                    DoubleVector w0 = DoubleVector.fromArray(S, draws, base + b).mul(w0Scale);
                    for (int a = 0; a < m; a++) {
                        DoubleVector z = w0.fma(DoubleVector.broadcast(S, xs[a][0]), b0);
                        accumulate(act, z, a, w1, f, b);
                    }
                } else {
                    for (int a = 0; a < m; a++) {
                        DoubleVector z = b0;
                        for (int c = 0; c < d; c++) {
                            DoubleVector w0 = DoubleVector.fromArray(S, draws, base + c * BATCH + b).mul(w0Scale);
                            z = w0.fma(DoubleVector.broadcast(S, xs[a][c]), z);
                        }
                        accumulate(act, z, a, w1, f, b);
                    }
                }
            }
        }

        private void accumulate(Activation act, DoubleVector z, int a, DoubleVector w1, double[][] f, int b) {
            DoubleVector g = activate(act, z, offset[a]);
            DoubleVector.fromArray(S, f[a], b).add(w1.mul(g)).intoArray(f[a], b);
        }
    }

    /** {@code g(z)} lane-wise; {@code shift} is the Gauss-net normalisation (0 for the others). */
    static DoubleVector activate(Activation act, DoubleVector z, double shift) {
        switch (act) {
            case GAUSS:
                return VectorMath.exp(z.add(shift));
            case ERF:
                return VectorMath.erf(z);
            case RELU:
                return z.max(0.0);
            case TANH: {
                DoubleVector e = VectorMath.exp(z.mul(2.0));
                return DoubleVector.broadcast(S, 1.0).sub(DoubleVector.broadcast(S, 2.0).div(e.add(1.0)));
            }
            case GELU: {
                DoubleVector half = VectorMath.erfcNonNegative(z.abs().mul(1 / Math.sqrt(2.0))).mul(0.5);
                VectorMask<Double> pos = z.compare(VectorOperators.GE, 0.0);
                DoubleVector phi = half.blend(DoubleVector.broadcast(S, 1.0).sub(half), pos);
                return z.mul(phi);
            }
            default:
                throw new IllegalStateException("unknown activation " + act);
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
