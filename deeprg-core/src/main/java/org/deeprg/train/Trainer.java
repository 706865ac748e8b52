package org.deeprg.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.deeprg.InvalidInputException;
import org.deeprg.net.Batch;
import org.deeprg.net.Dataset;
import org.deeprg.net.DenseNetwork;
import org.deeprg.net.Loss;
import org.deeprg.net.NetworkParameters;
import org.deeprg.run.Progress;
import org.deeprg.random.RandomStreams;

/**
 * Mini-batch training of a {@link DenseNetwork} (hidden layers with the spec's activation, linear logits) with
 * {@link Loss#SOFTMAX_CROSS_ENTROPY} and {@link Adam}, optionally with the critical regulariser
 * ({@link CriticalPenalty}) on every hidden layer's incoming weights.
 *
 * <h2>One step</h2>
 * Forward pass (logits \( z \)), \( p = \mathrm{softmax}(z) \), loss \( -\frac1B \sum_n \ln p_{n,y_n} \);
 * backward pass \( \delta_L = (p - \mathrm{onehot}(y))/B \), \( \nabla W_l = A_{l-1}^T \delta_l \),
 * \( \nabla b_l = \sum_n \delta_{l,n} \), \( \delta_{l-1} = \delta_l W_l^T \odot f'(z_{l-1}) \)
 * ({@link DenseNetwork#lossAndGradient}); on steps \( t \equiv 0 \pmod{every} \) (t counted from 0) the regulariser
 * adds \( \lambda \nabla_W P \) to each hidden layer's weight gradient; then one Adam update of every parameter array.
 *
 * <h2>Determinism</h2>
 * The initial weights come from {@code streams.split("init")} ({@link NetworkParameters#heNormal}); the examples of
 * epoch {@code e} (0-based) are shuffled by a Fisher-Yates permutation from {@code streams.split("shuffle").split(e)}.
 * There are no other random numbers and no Java-side parallel reductions, so a run is a function of (spec, data,
 * seed, BLAS implementation); {@code --threads} does not enter. A checkpoint after epoch {@code e} plus a resumed run
 * reproduce the uninterrupted run exactly.
 */
public final class Trainer {
    /** Largest number of parameters (8 bytes each, four copies with Adam: 3.2 GB). */
    public static final long MAX_PARAMETERS = DenseNetwork.MAX_PARAMETERS;

    private final TrainingSpec spec;
    private final Dataset train;
    private final Dataset test;
    private final RandomStreams streams;
    private final DenseNetwork network;
    private final NetworkParameters parameters;
    private final NetworkParameters firstMoment;
    private final NetworkParameters secondMoment;
    private final List<EpochStats> history = new ArrayList<>();
    private int epochsDone;
    private long step;
    private long stepNanos;
    private long regulariserNanos;
    private long regulariserApplications;
    private final CriticalPenalty penalty = new CriticalPenalty();

    /** A fresh run. */
    public Trainer(TrainingSpec spec, Dataset train, Dataset test, RandomStreams streams) {
        this(spec, train, test, streams, true);
    }

    private Trainer(TrainingSpec spec, Dataset train, Dataset test, RandomStreams streams, boolean initialise) {
        validate(spec, train, test);
        this.spec = spec;
        this.train = train;
        this.test = test;
        this.streams = streams;
        this.network = spec.network(train.inputDimension(), train.classes());
        this.parameters = initialise ? NetworkParameters.heNormal(network, streams.split("init")) : NetworkParameters.zeros(network);
        this.firstMoment = NetworkParameters.zeros(network);
        this.secondMoment = NetworkParameters.zeros(network);
    }

    /**
     * Checks, without allocating anything large, that {@code spec} can train on these data sets: classification data
     * with the same features and classes in both, a network within {@link #MAX_PARAMETERS} parameters and work arrays
     * within their limits.
     *
     * @throws InvalidInputException naming the option
     */
    public static void validate(TrainingSpec spec, Dataset train, Dataset test) {
        if (!train.isClassification() || !test.isClassification()) {
            throw new InvalidInputException("data", train.isClassification() ? test.name() : train.name(),
                    "a classification data set (class labels) for softmax cross-entropy training");
        }
        if (test.inputDimension() != train.inputDimension() || test.classes() != train.classes()) {
            throw new InvalidInputException("data", test.name(), "test set must have the training set's "
                    + train.inputDimension() + " features and " + train.classes() + " classes");
        }
        if (train.size() == 0) {
            throw new InvalidInputException("trainCount", 0, "at least one training example");
        }
        int[] sizes = spec.sizes(train.inputDimension(), train.classes());
        checkSizes(sizes);
        checkMemory(spec, sizes);
    }

    /** Refuses layer widths out of [1, 1e6] and networks of more than {@link #MAX_PARAMETERS} parameters (option {@code --hidden}). */
    static void checkSizes(int[] sizes) {
        if (sizes.length < 2) {
            throw new InvalidInputException("hidden", Arrays.toString(sizes), "a network needs an input and an output layer");
        }
        long params = 0;
        for (int l = 0; l < sizes.length; l++) {
            InvalidInputException.requireInRange("hidden", sizes[l], 1, 1_000_000);
            if (l > 0) {
                params += (long) sizes[l - 1] * sizes[l] + sizes[l];
            }
        }
        if (params > MAX_PARAMETERS) {
            throw new InvalidInputException("hidden", Arrays.toString(sizes), "the network would have " + params
                    + " parameters, at most " + MAX_PARAMETERS + " are allowed");
        }
    }

    /** Largest number of doubles in the batch work arrays (activations and deltas: 800 MB). */
    public static final long MAX_BATCH_VALUES = Batch.MAX_VALUES;
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

    /**
     * Resumes from a checkpoint written by {@link #writeCheckpoint} for the same spec (its {@code epochs} may be larger),
     * data and seed. The checkpoint is validated completely ({@link Checkpoint}); anything wrong with it is an
     * {@link InvalidInputException} naming the file (or {@code epochs}, when the checkpoint has done more epochs than
     * the spec asks for).
     */
    public static Trainer resume(Path checkpoint, TrainingSpec spec, Dataset train, Dataset test, RandomStreams streams) {
        Trainer t = new Trainer(spec, train, test, streams, false);
        Checkpoint.read(checkpoint, t);
        return t;
    }

    /** Trains until {@code spec.epochs()} epochs are done, writing a checkpoint after each epoch if a path is given. */
    public List<EpochStats> run(Progress progress, Path checkpoint) {
        int batches = (train.size() + spec.batchSize() - 1) / spec.batchSize();
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
        int n = train.size();
        int[] order = permutation(n, streams.split("shuffle").split(epochsDone).generator());
        int bs = spec.batchSize();
        ensureBuffers();
        double lossSum = 0;
        long correct = 0;
        for (int start = 0; start < n; start += bs) {
            long t0 = System.nanoTime();
            int b = Math.min(bs, n - start);
            batch.load(train, order, start, b);
            double[] lossAndCorrect = stepOnBatch();
            lossSum += lossAndCorrect[0];
            correct += (long) lossAndCorrect[1];
            stepNanos += System.nanoTime() - t0;
            progress.advance(1);
        }
        epochsDone++;
        int layers = network.layers();
        double[] testEval = evaluate(parameters, test, bs);
        List<Double> perLayer = new ArrayList<>();
        double total = 0;
        for (int l = 0; l < layers - 1; l++) {
            double p = penalty.penalty(parameters.weights(l), network.width(l), network.width(l + 1), spec.beta(), 0, null);
            perLayer.add(p);
            total += p;
        }
        return new EpochStats(epochsDone, lossSum / n, correct / (double) n, testEval[0], testEval[1], total, perLayer);
    }

    private Batch batch;
    private NetworkParameters gradient;

    private void ensureBuffers() {
        if (batch == null) {
            batch = network.batch(spec.batchSize());
            gradient = NetworkParameters.zeros(network);
        }
    }

    /**
     * One training step (forward, backward, regulariser when due, Adam) on the batch whose {@code b} rows are
     * {@code x} ({@code b x features}, not modified) with labels {@code y}: exactly the step of an epoch. Used by
     * the benchmarks.
     *
     * @return {sum of the batch's cross-entropies, number correct}
     */
    public double[] step(double[] x, int[] y, int b) {
        if (b < 1 || b > spec.batchSize() || x.length < b * train.inputDimension() || y.length < b) {
            throw new InvalidInputException("batch", b, "must be in [1, " + spec.batchSize() + "] with matching x and y");
        }
        ensureBuffers();
        batch.loadClassification(x, y, b);
        return stepOnBatch();
    }

    private double[] stepOnBatch() {
        int layers = network.layers();
        int b = batch.size();
        double lossSum = network.lossAndGradient(parameters, Loss.SOFTMAX_CROSS_ENTROPY, batch, b, gradient);
        int correct = Loss.correctPredictions(batch.outputs(), b, network.outputs(), batch.labels(), 0);
        if (spec.lambda() > 0 && step % spec.every() == 0) {
            long r0 = System.nanoTime();
            for (int l = 0; l < layers - 1; l++) {
                penalty.penalty(parameters.weights(l), network.width(l), network.width(l + 1), spec.beta(), spec.lambda(),
                        gradient.weights(l));
            }
            regulariserNanos += System.nanoTime() - r0;
            regulariserApplications++;
        }
        step++;
        for (int l = 0; l < layers; l++) {
            Adam.update(parameters.weights(l), gradient.weights(l), firstMoment.weights(l), secondMoment.weights(l), step,
                    spec.learningRate());
            Adam.update(parameters.biases(l), gradient.biases(l), firstMoment.biases(l), secondMoment.biases(l), step,
                    spec.learningRate());
        }
        return new double[] {lossSum, correct};
    }

    /** {mean cross-entropy, accuracy} of the network with parameters {@code p} on a data set, in batches of {@code batchSize}. */
    public static double[] evaluate(NetworkParameters p, Dataset data, int batchSize) {
        int n = data.size();
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        DenseNetwork net = p.network();
        Batch b = net.batch(Math.min(batchSize, n));
        double[] rowLoss = new double[b.capacity()];
        double loss = 0;
        long correct = 0;
        for (int start = 0; start < n; start += batchSize) {
            int rows = Math.min(batchSize, n - start);
            b.load(data, start, rows);
            net.forward(p, b);
            Loss.SOFTMAX_CROSS_ENTROPY.rowLosses(b.outputs(), rows, net.outputs(), null, b.labels(), 0, rowLoss);
            for (int r = 0; r < rows; r++) {
                loss += rowLoss[r]; // one running sum in row order
            }
            correct += Loss.correctPredictions(b.outputs(), rows, net.outputs(), b.labels(), 0);
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

    /** The network being trained (architecture). */
    public DenseNetwork network() {
        return network;
    }

    /** Its current parameters: the live object (updated by every step). */
    public NetworkParameters parameters() {
        return parameters;
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

    /** Adam's first (0) or second (1) moments. */
    NetworkParameters moments(int which) {
        return which == 0 ? firstMoment : secondMoment;
    }

    void restore(int epochs, long steps, long applications, List<EpochStats> past) {
        this.epochsDone = epochs;
        this.step = steps;
        this.regulariserApplications = applications;
        history.clear();
        history.addAll(past);
    }
}
