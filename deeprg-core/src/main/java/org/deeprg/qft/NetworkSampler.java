package org.deeprg.qft;

import org.deeprg.random.RandomStreams;

/**
 * Samples networks of Eq. 1 and streams their n-point products into an {@link NPointAccumulator}.
 *
 * <p>One hidden layer: {@link OneLayerEvaluator} (batches of {@link #BATCH} networks, the network index in the inner
 * dimension, vectorised with {@code jdk.incubator.vector} when the JVM has the module, else the scalar twin with the
 * same bits; see {@link SamplerKernels}). Deeper networks: {@link DeepEvaluator} (scalar), with the same
 * random-number layout per layer.
 *
 * <p>Random numbers: a chunk's numbers depend only on its stream, in a fixed order (per batch: the output biases,
 * then per block of neurons the weights and biases), so chunk sums are reproducible bit for bit.
 */
public final class NetworkSampler {
    /** Networks per batch (vector lanes times 16). */
    public static final int BATCH = 64;
    /** Target size of one bulk Gaussian draw (doubles). */
    static final int DRAW_BLOCK = 4096;

    private NetworkSampler() {
    }

    /** Whether this JVM samples with the {@code jdk.incubator.vector} kernels (else the scalar fallback, same numbers). */
    public static boolean vectorised() {
        return SamplerKernels.selected().vectorised();
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
        return sampleChunk(spec, points, layout, nets, stream, SamplerKernels.selected());
    }

    /** {@link #sampleChunk(NetworkSpec, double[][], NPointLayout, int, RandomStreams)} with the given kernels. */
    static double[] sampleChunk(NetworkSpec spec, double[][] points, NPointLayout layout, int nets, RandomStreams stream,
                                SamplerKernels kernels) {
        return sample(spec, points, layout, nets, stream, Estimator.PLAIN, null, kernels).sums();
    }

    /**
     * Samples {@code nets} networks with an estimator and returns the per-slot sums and tail statistics.
     *
     * @param spec      architecture
     * @param points    input points (rows of length d_in); not modified
     * @param layout    slots
     * @param nets      number of networks
     * @param stream    the chunk's random stream
     * @param estimator plain products (Eq. 5) or their conditional expectation given the hidden layers
     * @param shifts    per slot the shift of the tail statistics (the Wick value), or null for zeros
     */
    public static ChunkSums sample(NetworkSpec spec, double[][] points, NPointLayout layout, int nets, RandomStreams stream,
                                   Estimator estimator, double[] shifts) {
        return sample(spec, points, layout, nets, stream, estimator, shifts, SamplerKernels.selected());
    }

    /** {@link #sample(NetworkSpec, double[][], NPointLayout, int, RandomStreams, Estimator, double[])} with the given kernels. */
    static ChunkSums sample(NetworkSpec spec, double[][] points, NPointLayout layout, int nets, RandomStreams stream,
                            Estimator estimator, double[] shifts, SamplerKernels kernels) {
        NormalStream gauss = new NormalStream(stream);
        NPointAccumulator acc = kernels.accumulator(layout, BATCH);
        if (shifts != null) {
            acc.shifts(shifts);
        }
        int m = points.length;
        if (estimator == Estimator.PLAIN) {
            double[][] f = new double[m][BATCH];
            if (spec.depth() == 1) {
                OneLayerEvaluator kernel = kernels.oneLayer(spec, points);
                for (int done = 0; done < nets; done += BATCH) {
                    int count = Math.min(BATCH, nets - done);
                    kernel.evaluate(gauss, f, count);
                    acc.add(f, count);
                }
            } else {
                DeepEvaluator deep = new DeepEvaluator(spec, points);
                for (int done = 0; done < nets; done += BATCH) {
                    int count = Math.min(BATCH, nets - done);
                    deep.evaluate(gauss, f, count);
                    acc.add(f, count);
                }
            }
        } else {
            double[][] cov = new double[OneLayerEvaluator.pairs(m)][BATCH];
            double sb2 = spec.sigmaB() * spec.sigmaB();
            double scale = spec.sigmaW() * spec.sigmaW() / spec.width();
            OneLayerEvaluator kernel = spec.depth() == 1 ? kernels.oneLayer(spec, points) : null;
            DeepEvaluator deep = spec.depth() == 1 ? null : new DeepEvaluator(spec, points);
            for (int done = 0; done < nets; done += BATCH) {
                int count = Math.min(BATCH, nets - done);
                if (kernel != null) {
                    kernel.evaluateHidden(gauss, cov);
                } else {
                    deep.evaluateHidden(gauss, cov, count);
                }
                acc.addConditional(cov, count, sb2, scale);
            }
        }
        return new ChunkSums(acc.sums().clone(), acc.powerSums().clone(), acc.fullBatches());
    }
}
