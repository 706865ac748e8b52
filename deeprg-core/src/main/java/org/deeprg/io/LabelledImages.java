package org.deeprg.io;

import java.util.Arrays;
import org.deeprg.InvalidInputException;

/**
 * A labelled image data set in memory: {@code count} images of {@code channels x height x width} pixels scaled to
 * [0, 1], stored row-major as {@code pixels[(n * channels + c) * height * width + y * width + x]}, with integer
 * labels in {@code [0, classes)}.
 *
 * @param name     data set name and split, e.g. "fashion-mnist/train"
 * @param pixels   {@code count * channels * height * width} values in [0, 1] (not copied)
 * @param labels   {@code count} labels (not copied)
 */
public record LabelledImages(String name, int count, int channels, int height, int width, int classes,
                             float[] pixels, int[] labels) {
    public LabelledImages {
        if (count < 0 || channels <= 0 || height <= 0 || width <= 0 || classes <= 0) {
            throw new IllegalArgumentException("bad data set geometry " + count + "x" + channels + "x" + height
                    + "x" + width + ", " + classes + " classes");
        }
        if (pixels.length != (long) count * channels * height * width || labels.length != count) {
            throw new IllegalArgumentException("pixels/labels length does not match " + count + " images");
        }
    }

    /** Pixels per image ({@code channels * height * width}). */
    public int features() {
        return channels * height * width;
    }

    /** The first {@code n} images (copies). */
    public LabelledImages head(int n) {
        if (n < 0 || n > count) {
            throw new InvalidInputException("count", n, "an integer in [0, " + count + "]");
        }
        return new LabelledImages(name, n, channels, height, width, classes,
                Arrays.copyOf(pixels, n * features()), Arrays.copyOf(labels, n));
    }

    /** Which part of a data set to load. */
    public enum Split {
        TRAIN, TEST
    }
}
