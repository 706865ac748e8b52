package org.deeprg.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.deeprg.InvalidInputException;
import org.deeprg.run.Progress;
import org.deeprg.random.RandomStreams;

/**
 * Mini-batch training of a {@link FeedForwardNetwork} with softmax cross-entropy and {@link Adam}, optionally
 * with the critical regulariser ({@link CriticalPenalty}) on every hidden layer's incoming weights.
 *
 * <h2>One step</h2>
 * Forward pass (logits \( z \)), \( p = \mathrm{softmax}(z) \), loss \( -\frac1B \sum_n \ln p_{n,y_n} \);
 * backward pass \( \delta_L = (p - \mathrm{onehot}(y))/B \), \( \nabla W_l = A_{l-1}^T \delta_l \),
 * \( \nabla b_l = \sum_n \delta_{l,n} \), \( \delta_{l-1} = \delta_l W_l^T \odot f'(z_{l-1}) \); on steps
 * \( t \equiv 0 \pmod{every} \) (t counted from 0) the regulariser adds \( \lambda \nabla_W P \) to each hidden
 * layer's weight gradient; then one Adam update of every parameter array.
 *
 * <h2>Determinism</h2>
 * The initial weights come from {@code streams.split("init")}; the examples of epoch {@code e} (0-based) are
 * shuffled by a Fisher-Yates permutation from {@code streams.split("shuffle").split(e)}. There are no other random
 * numbers and no Java-side parallel reductions, so a run is a function of (spec, data, seed, BLAS backend);
 * {@code --threads} does not enter. A checkpoint after epoch {@code e} plus a resumed run reproduce the
 * uninterrupted run exactly.
 */
public final class Trainer {
    private final TrainingSpec spec;
    private final Dataset train;
    private final Dataset test;
    private final RandomStreams streams;
    private final FeedForwardNetwork network;
    private final double[][] mW;
    private final double[][] vW;
    private final double[][] mB;
    private final double[][] vB;
    private final List<EpochStats> history = new ArrayList<>();
    private int epochsDone;
    private long step;
    private long stepNanos;
    private long regulariserNanos;
    private long regulariserApplications;
    private final CriticalPenalty penalty = new CriticalPenalty();

    /** A fresh run. */
    public Trainer(TrainingSpec spec, Dataset train, Dataset test, RandomStreams streams) {
        this(spec, train, test, streams, FeedForwardNetwork.initialise(spec.sizes(train.features(), train.classes()),
                spec.activation(), streams.split("init")));
    }

    private Trainer(TrainingSpec spec, Dataset train, Dataset test, RandomStreams streams, FeedForwardNetwork network) {
        if (test.features() != train.features() || test.classes() != train.classes()) {
            throw new InvalidInputException("data", test.name(), "test set must have the training set's "
                    + train.features() + " features and " + train.classes() + " classes");
        }
        if (train.count() == 0) {
            throw new InvalidInputException("trainCount", 0, "at least one training example");
        }
        checkMemory(spec, network.sizes());
        this.spec = spec;
        this.train = train;
        this.test = test;
        this.streams = streams;
        this.network = network;
        int layers = network.layers();
        mW = new double[layers][];
        vW = new double[layers][];
        mB = new double[layers][];
        vB = new double[layers][];
        for (int l = 0; l < layers; l++) {
            mW[l] = new double[network.weights[l].length];
            vW[l] = new double[network.weights[l].length];
            mB[l] = new double[network.biases[l].length];
            vB[l] = new double[network.biases[l].length];
        }
    }

    /** Largest number of doubles in the batch work arrays (activations and deltas: 800 MB). */
    public static final long MAX_BATCH_VALUES = 100_000_000L;
    /** Largest number of doubles in the regulariser's three N x N work arrays (800 MB). */
    public static final long MAX_REGULARISER_VALUES = 100_000_000L;

    /** Refuses batch sizes and regularised widths whose work arrays would not fit, before allocating them. */
    static void checkMemory(TrainingSpec spec, int[] sizes) {
        long perRow = 0;
        for (int s : sizes) {
            perRow += s;
        }
        if (2L * spec.batchSize() * perRow > MAX_BATCH_VALUES) {
            throw new InvalidInputException("batchSize", spec.batchSize(), "batch work arrays of " + 2L * spec.batchSize() * perRow
                    + " values exceed the limit of " + MAX_BATCH_VALUES + "; use a smaller batch or narrower layers");
        }
        if (spec.lambda() > 0) {
            for (int l = 1; l < sizes.length - 1; l++) {
                if (3L * sizes[l] * sizes[l] > MAX_REGULARISER_VALUES) {
                    throw new InvalidInputException("hidden", sizes[l], "the critical regulariser of a layer of " + sizes[l]
                            + " units needs 3 N^2 = " + 3L * sizes[l] * sizes[l] + " values, more than the limit of "
                            + MAX_REGULARISER_VALUES);
                }
            }
        }
    }

    /** Resumes from a checkpoint written by {@link #writeCheckpoint} for the same spec, data and seed. */
    public static Trainer resume(Path checkpoint, TrainingSpec spec, Dataset train, Dataset test, RandomStreams streams) {
        FeedForwardNetwork net = FeedForwardNetwork.zeros(spec.sizes(train.features(), train.classes()), spec.activation());
        Trainer t = new Trainer(spec, train, test, streams, net);
        Checkpoint.read(checkpoint, t);
        return t;
    }

    /** Trains until {@code spec.epochs()} epochs are done, writing a checkpoint after each epoch if a path is given. */
    public List<EpochStats> run(Progress progress, Path checkpoint) {
        int batches = (train.count() + spec.batchSize() - 1) / spec.batchSize();
        while (epochsDone < spec.epochs()) {
            progress.start("epoch " + (epochsDone + 1) + "/" + spec.epochs(), batches);
            history.add(epoch(progress));
            progress.finish();
            if (checkpoint != null) {
                writeCheckpoint(checkpoint);
            }
        }
        return List.copyOf(history);
    }

    /** One epoch. */
    EpochStats epoch(Progress progress) {
        int n = train.count();
        int features = train.features();
        int[] order = permutation(n, streams.split("shuffle").split(epochsDone).generator());
        int bs = spec.batchSize();
        ensureBuffers();
        double[][] acts = buffers.acts;
        int[] y = buffers.labels;
        double lossSum = 0;
        long correct = 0;
        for (int start = 0; start < n; start += bs) {
            long t0 = System.nanoTime();
            int b = Math.min(bs, n - start);
            for (int r = 0; r < b; r++) {
                int e = order[start + r];
                System.arraycopy(train.x(), e * features, acts[0], r * features, features);
                y[r] = train.labels()[e];
            }
            double[] lossAndCorrect = stepOnBuffers(b);
            lossSum += lossAndCorrect[0];
            correct += (long) lossAndCorrect[1];
            stepNanos += System.nanoTime() - t0;
            progress.advance(1);
        }
        epochsDone++;
        int[] sizes = network.sizes();
        int layers = network.layers();
        double[] testEval = evaluate(network, test, bs);
        List<Double> perLayer = new ArrayList<>();
        double total = 0;
        for (int l = 0; l < layers - 1; l++) {
            double p = penalty.penalty(network.weights[l], sizes[l], sizes[l + 1], spec.beta(), 0, null);
            perLayer.add(p);
            total += p;
        }
        return new EpochStats(epochsDone, lossSum / n, correct / (double) n, testEval[0], testEval[1], total, perLayer);
    }

    /** Work arrays of one step (batch-sized activations, deltas, gradients, labels). */
    private static final class Buffers {
        double[][] acts;
        double[][] deltas;
        double[][] gW;
        double[][] gB;
        int[] labels;
    }

    private Buffers buffers;

    private void ensureBuffers() {
        if (buffers != null) {
            return;
        }
        Buffers bf = new Buffers();
        int layers = network.layers();
        bf.acts = network.activationBuffers(spec.batchSize());
        bf.deltas = network.activationBuffers(spec.batchSize());
        bf.gW = new double[layers][];
        bf.gB = new double[layers][];
        for (int l = 0; l < layers; l++) {
            bf.gW[l] = new double[network.weights[l].length];
            bf.gB[l] = new double[network.biases[l].length];
        }
        bf.labels = new int[spec.batchSize()];
        buffers = bf;
    }

    /**
     * One training step (forward, backward, regulariser when due, Adam) on the batch whose {@code b} rows are
     * {@code x} ({@code b x features}, not modified) with labels {@code y}: exactly the step of an epoch. Used by
     * the benchmarks.
     *
     * @return {sum of the batch's cross-entropies, number correct}
     */
    public double[] step(double[] x, int[] y, int b) {
        if (b < 1 || b > spec.batchSize() || x.length < b * train.features() || y.length < b) {
            throw new InvalidInputException("batch", b, "must be in [1, " + spec.batchSize() + "] with matching x and y");
        }
        ensureBuffers();
        System.arraycopy(x, 0, buffers.acts[0], 0, b * train.features());
        System.arraycopy(y, 0, buffers.labels, 0, b);
        return stepOnBuffers(b);
    }

    private double[] stepOnBuffers(int b) {
        int[] sizes = network.sizes();
        int layers = network.layers();
        double[][] gW = buffers.gW;
        double[][] gB = buffers.gB;
        double[] lossAndCorrect = lossAndGradient(network, buffers.acts, buffers.deltas, buffers.labels, b, gW, gB);
        if (spec.lambda() > 0 && step % spec.every() == 0) {
            long r0 = System.nanoTime();
            for (int l = 0; l < layers - 1; l++) {
                penalty.penalty(network.weights[l], sizes[l], sizes[l + 1], spec.beta(), spec.lambda(), gW[l]);
            }
            regulariserNanos += System.nanoTime() - r0;
            regulariserApplications++;
        }
        step++;
        for (int l = 0; l < layers; l++) {
            Adam.update(network.weights[l], gW[l], mW[l], vW[l], step, spec.learningRate());
            Adam.update(network.biases[l], gB[l], mB[l], vB[l], step, spec.learningRate());
        }
        return lossAndCorrect;
    }

    /**
     * Forward and backward pass of a batch whose inputs are in {@code acts[0]} (rows {@code 0..b)}): fills the
     * activations, overwrites {@code gW}, {@code gB} with the gradient of the mean cross-entropy over the batch.
     *
     * @return {sum of cross-entropies over the batch, number of correct predictions}
     */
    static double[] lossAndGradient(FeedForwardNetwork network, double[][] acts, double[][] deltas, int[] y, int b,
                                    double[][] gW, double[][] gB) {
        int[] sizes = network.sizes();
        int layers = network.layers();
        double lossSum = 0;
        long correct = 0;
        network.forward(acts, b);
        int classes = sizes[layers];
        double[] logits = acts[layers];
        double[] delta = deltas[layers];
        for (int r = 0; r < b; r++) {
            double max = Double.NEGATIVE_INFINITY;
            int arg = 0;
            for (int c = 0; c < classes; c++) {
                double z = logits[r * classes + c];
                if (z > max) {
                    max = z;
                    arg = c;
                }
            }
            if (arg == y[r]) {
                correct++;
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                double e = Math.exp(logits[r * classes + c] - max);
                delta[r * classes + c] = e;
                sum += e;
            }
            lossSum += Math.log(sum) - (logits[r * classes + y[r]] - max);
            for (int c = 0; c < classes; c++) {
                delta[r * classes + c] = (delta[r * classes + c] / sum - (c == y[r] ? 1 : 0)) / b;
            }
        }
        for (int l = layers - 1; l >= 0; l--) {
            int in = sizes[l];
            int out = sizes[l + 1];
            double[] d = deltas[l + 1];
            Blas.gemm(true, false, in, out, b, 1.0, acts[l], d, 0.0, gW[l]);
            double[] gb = gB[l];
            java.util.Arrays.fill(gb, 0);
            for (int r = 0; r < b; r++) {
                for (int j = 0; j < out; j++) {
                    gb[j] += d[r * out + j];
                }
            }
            if (l > 0) {
                Blas.gemm(false, true, b, in, out, 1.0, d, network.weights[l], 0.0, deltas[l]);
                network.activation().backward(acts[l], deltas[l], b * in);
            }
        }
        return new double[] {lossSum, correct};
    }

    /** {mean cross-entropy, accuracy} of the network on a data set, in batches of {@code batch}. */
    public static double[] evaluate(FeedForwardNetwork network, Dataset data, int batch) {
        int n = data.count();
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        int features = data.features();
        int layers = network.layers();
        int classes = network.sizes()[layers];
        double[][] acts = network.activationBuffers(Math.min(batch, n));
        double loss = 0;
        long correct = 0;
        for (int start = 0; start < n; start += batch) {
            int b = Math.min(batch, n - start);
            System.arraycopy(data.x(), start * features, acts[0], 0, b * features);
            network.forward(acts, b);
            double[] z = acts[layers];
            for (int r = 0; r < b; r++) {
                double max = Double.NEGATIVE_INFINITY;
                int arg = 0;
                for (int c = 0; c < classes; c++) {
                    if (z[r * classes + c] > max) {
                        max = z[r * classes + c];
                        arg = c;
                    }
                }
                double sum = 0;
                for (int c = 0; c < classes; c++) {
                    sum += Math.exp(z[r * classes + c] - max);
                }
                int label = data.labels()[start + r];
                loss += Math.log(sum) - (z[r * classes + label] - max);
                if (arg == label) {
                    correct++;
                }
            }
        }
        return new double[] {loss / n, correct / (double) n};
    }

    static int[] permutation(int n, UniformRandomProvider rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** Writes the complete training state (atomically: temporary file, then rename). */
    public void writeCheckpoint(Path file) {
        Checkpoint.write(file, this);
    }

    public FeedForwardNetwork network() {
        return network;
    }

    public List<EpochStats> history() {
        return List.copyOf(history);
    }

    public int epochsDone() {
        return epochsDone;
    }

    public long steps() {
        return step;
    }

    /** Mean wall time of a training step in milliseconds (including regulariser steps). */
    public double millisPerStep() {
        return step == 0 ? Double.NaN : stepNanos / 1e6 / step;
    }

    /** Mean wall time of one application of the regulariser (all hidden layers) in milliseconds. */
    public double millisPerRegulariser() {
        return regulariserApplications == 0 ? Double.NaN : regulariserNanos / 1e6 / regulariserApplications;
    }

    public long regulariserApplications() {
        return regulariserApplications;
    }

    /** Fraction of the training wall time spent in the regulariser. */
    public double regulariserFraction() {
        return stepNanos == 0 ? 0 : regulariserNanos / (double) stepNanos;
    }

    // ---- package access for Checkpoint ----
    TrainingSpec spec() {
        return spec;
    }

    Dataset trainSet() {
        return train;
    }

    Dataset testSet() {
        return test;
    }

    RandomStreams streams() {
        return streams;
    }

    double[][] state(int which) {
        return switch (which) {
            case 0 -> mW;
            case 1 -> vW;
            case 2 -> mB;
            default -> vB;
        };
    }

    void restore(int epochs, long steps, List<EpochStats> past) {
        this.epochsDone = epochs;
        this.step = steps;
        history.clear();
        history.addAll(past);
    }
}
