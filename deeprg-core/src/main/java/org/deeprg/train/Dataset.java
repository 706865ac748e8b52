package org.deeprg.train;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.deeprg.InvalidInputException;
import org.deeprg.io.LabelledImages;
import org.deeprg.random.RandomStreams;

/**
 * A classification data set in memory: {@code count} feature rows (row-major {@code count x features}) and labels
 * in {@code [0, classes)}.
 *
 * @param name     e.g. "fashion-mnist/train" or "synthetic/test"
 * @param features input dimension
 * @param classes  number of classes
 * @param x        {@code count * features} values (not copied)
 * @param labels   {@code count} labels (not copied)
 */
public record Dataset(String name, int features, int classes, double[] x, int[] labels) {
    /** Largest number of feature values held (8 bytes each: 1.6 GB; CIFAR-10's training set has 1.5e8). */
    public static final long MAX_VALUES = 200_000_000L;

    public Dataset {
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
    }

    /** Number of examples. */
    public int count() {
        return labels.length;
    }

    /** The first {@code n} examples (copies), or all if {@code n >= count()}. */
    public Dataset head(int n) {
        if (n >= count()) {
            return this;
        }
        return new Dataset(name, features, classes, java.util.Arrays.copyOf(x, n * features), java.util.Arrays.copyOf(labels, n));
    }

    /** An image data set as features in [0, 1] (pixels flattened in the reader's order). */
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
        return new Dataset(images.name(), f, images.classes(), x, images.labels().clone());
    }

    /**
     * Synthetic Gaussian clusters: class {@code c} has a template \( \mu_c \sim N(0, 1)^{features} \) drawn from
     * {@code streams.split("templates")} (shared by train and test), and an example is
     * \( (\mu_c + \sigma \varepsilon)/\sqrt{1 + \sigma^2} \), \( \varepsilon \sim N(0, 1) \) (unit variance per
     * feature), with labels cycling through the classes.
     * Train and test sets use the same templates and different {@code split} streams.
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
        return new Dataset("synthetic/" + split, features, classes, x, labels);
    }
}
