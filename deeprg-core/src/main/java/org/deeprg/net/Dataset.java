package org.deeprg.net;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.deeprg.InvalidInputException;
import org.deeprg.io.LabelledImages;
import org.deeprg.random.RandomStreams;

/**
 * The one data set type of deeprg: {@code N} examples {@code (X^[l], Y^[l])}, {@code l = 0..N-1}, with the inputs
 * stored row-major ({@code x[l * inputDimension + j]}) and either real targets (regression, e.g. the training
 * examples of Eq. 2 of the synaptic-field-theory paper: {@code targets[l * outputDimension + i]}) or class labels in
 * {@code [0, classes)} (classification, e.g. Fashion-MNIST, CIFAR-10).
 *
 * <p>The flat arrays are held as given (no copy: a CIFAR-10 training set is 1.2 GB) and returned live by
 * {@link #x()}, {@link #targets()}, {@link #labels()}; callers must not modify them. The factories from row arrays
 * copy.
 */
public final class Dataset {
    /** Largest number of input values held (8 bytes each: 1.6 GB; CIFAR-10's training set has 1.5e8). */
    public static final long MAX_VALUES = 200_000_000L;

    private final String name;
    private final int inputDimension;
    private final double[] x;
    private final int outputDimension;
    private final double[] targets;
    private final int classes;
    private final int[] labels;
    private final int size;

    private Dataset(String name, int inputDimension, double[] x, int outputDimension, double[] targets, int classes, int[] labels) {
        this.name = name;
        this.inputDimension = inputDimension;
        this.x = x;
        this.outputDimension = outputDimension;
        this.targets = targets;
        this.classes = classes;
        this.labels = labels;
        this.size = inputDimension == 0 ? 0 : x.length / inputDimension;
    }

    /**
     * A regression data set from rows (copied): {@code inputs[l][j]}, {@code targets[l][i]}; at least one example,
     * rows of equal length.
     */
    public static Dataset of(double[][] inputs, double[][] targets) {
        if (inputs.length != targets.length) {
            throw new InvalidInputException("examples", inputs.length + " inputs, " + targets.length + " targets", "as many targets as inputs");
        }
        if (inputs.length == 0) {
            throw new InvalidInputException("examples", 0, "at least one example");
        }
        int in = inputs[0].length;
        int out = targets[0].length;
        double[] x = new double[inputs.length * in];
        double[] y = new double[targets.length * out];
        for (int l = 0; l < inputs.length; l++) {
            if (inputs[l].length != in || targets[l].length != out) {
                throw new InvalidInputException("examples", "row " + l, "rows of equal length");
            }
            System.arraycopy(inputs[l], 0, x, l * in, in);
            System.arraycopy(targets[l], 0, y, l * out, out);
        }
        return regression("examples", in, x, out, y);
    }

    /**
     * A regression data set on flat row-major arrays (not copied).
     *
     * @param x       {@code size x inputDimension} values
     * @param targets {@code size x outputDimension} values
     */
    public static Dataset regression(String name, int inputDimension, double[] x, int outputDimension, double[] targets) {
        if (inputDimension <= 0 || outputDimension <= 0 || x.length % inputDimension != 0
                || (long) x.length / inputDimension * outputDimension != targets.length) {
            throw new IllegalArgumentException("inconsistent data set " + name + ": " + x.length + " input values of dimension "
                    + inputDimension + ", " + targets.length + " target values of dimension " + outputDimension);
        }
        return new Dataset(name, inputDimension, x, outputDimension, targets, 0, null);
    }

    /**
     * A classification data set on flat arrays (not copied): {@code count} feature rows (row-major {@code count x
     * features}) and labels in {@code [0, classes)}.
     *
     * @throws InvalidInputException for a label out of range
     */
    public static Dataset classification(String name, int features, int classes, double[] x, int[] labels) {
        if (features <= 0 || classes < 2 || x.length != (long) labels.length * features) {
            throw new IllegalArgumentException("inconsistent data set " + name + ": " + labels.length + " rows, "
                    + features + " features, " + x.length + " values, " + classes + " classes");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new InvalidInputException("labels", labels[i], "label " + (i + 1) + " of " + name
                        + " must be in [0, " + (classes - 1) + "]");
            }
        }
        return new Dataset(name, features, x, classes, null, classes, labels);
    }

    /** An image data set as features in [0, 1] (pixels flattened in the reader's order), labelled by class. */
    public static Dataset of(LabelledImages images) {
        int f = images.features();
        if ((long) images.count() * f > MAX_VALUES) {
            throw new InvalidInputException("trainCount", images.count(), images.count() + " images of " + f
                    + " values exceed the limit of " + MAX_VALUES + " values; use fewer examples");
        }
        double[] x = new double[images.count() * f];
        float[] p = images.pixels();
        for (int i = 0; i < x.length; i++) {
            x[i] = p[i];
        }
        return classification(images.name(), f, images.classes(), x, images.labels().clone());
    }

    /**
     * Examples with every input and target component uniform in [-1, 1), drawn from {@code r} example by example
     * (inputs, then targets): the synthetic regression data of studies, benchmarks and tests.
     */
    public static Dataset uniformRandom(UniformRandomProvider r, int examples, int in, int out) {
        InvalidInputException.requireInRange("examples", examples, 1, Integer.MAX_VALUE);
        if ((long) examples * Math.max(in, out) > MAX_VALUES) {
            throw new InvalidInputException("examples", examples, "examples x width must be at most " + MAX_VALUES);
        }
        double[] x = new double[examples * in];
        double[] y = new double[examples * out];
        for (int l = 0; l < examples; l++) {
            for (int j = 0; j < in; j++) {
                x[l * in + j] = 2 * r.nextDouble() - 1;
            }
            for (int i = 0; i < out; i++) {
                y[l * out + i] = 2 * r.nextDouble() - 1;
            }
        }
        return regression("uniform-random", in, x, out, y);
    }

    /**
     * Synthetic Gaussian clusters (classification): class {@code c} has a template \( \mu_c \sim N(0, 1)^{features} \)
     * drawn from {@code streams.split("templates")} (shared by train and test), and an example is
     * \( (\mu_c + \sigma \varepsilon)/\sqrt{1 + \sigma^2} \), \( \varepsilon \sim N(0, 1) \) (unit variance per
     * feature), with labels cycling through the classes. Train and test sets use the same templates and different
     * {@code split} streams.
     *
     * @param count    examples
     * @param features input dimension
     * @param classes  number of classes
     * @param noise    \( \sigma \)
     * @param streams  the data set's streams (templates from {@code split("templates")})
     * @param split    "train" or "test": the stream of the noise
     */
    public static Dataset synthetic(int count, int features, int classes, double noise, RandomStreams streams, String split) {
        InvalidInputException.requireInRange("count", count, 1, Integer.MAX_VALUE);
        InvalidInputException.requireInRange("features", features, 1, 1_000_000);
        InvalidInputException.requireInRange("classes", classes, 2, 100_000);
        InvalidInputException.requireNonNegative("noise", noise);
        if ((long) count * features > MAX_VALUES) {
            throw new InvalidInputException("count", count, "count x features must be at most " + MAX_VALUES);
        }
        ZigguratSampler.NormalizedGaussian t = streams.split("templates").gaussian();
        double[] templates = new double[classes * features];
        for (int i = 0; i < templates.length; i++) {
            templates[i] = t.sample();
        }
        ZigguratSampler.NormalizedGaussian g = streams.split(split).gaussian();
        double[] x = new double[count * features];
        double scale = 1 / Math.sqrt(1 + noise * noise);
        int[] labels = new int[count];
        for (int n = 0; n < count; n++) {
            int c = n % classes;
            labels[n] = c;
            for (int j = 0; j < features; j++) {
                x[n * features + j] = scale * (templates[c * features + j] + noise * g.sample());
            }
        }
        return classification("synthetic/" + split, features, classes, x, labels);
    }

    /** The first {@code n} examples (copies), or this data set if {@code n >= size()}. */
    public Dataset head(int n) {
        if (n >= size) {
            return this;
        }
        double[] hx = Arrays.copyOf(x, n * inputDimension);
        return labels != null ? new Dataset(name, inputDimension, hx, classes, null, classes, Arrays.copyOf(labels, n))
                : new Dataset(name, inputDimension, hx, outputDimension, Arrays.copyOf(targets, n * outputDimension), 0, null);
    }

    /** e.g. "fashion-mnist/train", "synthetic/test", "examples". */
    public String name() {
        return name;
    }

    /** Number of examples N. */
    public int size() {
        return size;
    }

    /** Input dimension (features). */
    public int inputDimension() {
        return inputDimension;
    }

    /** Output dimension: the target width, or the number of classes. */
    public int outputDimension() {
        return outputDimension;
    }

    /** Number of classes (0 for a regression data set). */
    public int classes() {
        return classes;
    }

    /** Whether the targets are class labels. */
    public boolean isClassification() {
        return labels != null;
    }

    /** Inputs, row-major {@code size x inputDimension}: the live array (do not modify). */
    public double[] x() {
        return x;
    }

    /** Real targets, row-major {@code size x outputDimension}, or null for classification: the live array. */
    public double[] targets() {
        return targets;
    }

    /** Class labels, or null for regression: the live array. */
    public int[] labels() {
        return labels;
    }

    /** Input j of example l. */
    public double input(int l, int j) {
        return x[l * inputDimension + j];
    }

    /** Target i of example l (regression). */
    public double target(int l, int i) {
        return targets[l * outputDimension + i];
    }

    /** A copy of the inputs of example l. */
    public double[] inputRow(int l) {
        return Arrays.copyOfRange(x, l * inputDimension, (l + 1) * inputDimension);
    }

    /** A copy of the targets of example l (regression). */
    public double[] targetRow(int l) {
        return Arrays.copyOfRange(targets, l * outputDimension, (l + 1) * outputDimension);
    }

    @Override
    public String toString() {
        return name + ": " + size + " x " + inputDimension + (labels != null ? " -> " + classes + " classes" : " -> " + outputDimension);
    }
}
