package org.deeprg.io;

import java.nio.file.Files;
import java.nio.file.Path;
import org.deeprg.InvalidInputException;

/**
 * Fashion-MNIST (Xiao, Rasul, Vollgraf 2017) from its gzipped IDX files, as installed by Debian's
 * {@code dataset-fashion-mnist} package in {@link #DEFAULT_DIRECTORY}: 60000 training and 10000 test images of
 * 28 x 28 grey pixels (scaled to [0, 1]) with labels 0-9. Uncompressed files (without {@code .gz}) are accepted too.
 */
public final class FashionMnist {
    /** Where Debian's dataset-fashion-mnist installs the files. */
    public static final Path DEFAULT_DIRECTORY = Path.of("/usr/share/datasets/fashion-mnist");

    /** Number of classes. */
    public static final int CLASSES = 10;

    private FashionMnist() {
    }

    /** True when the files of both splits are present in {@code directory}. */
    public static boolean isInstalled(Path directory) {
        return find(directory, "train-images-idx3-ubyte") != null && find(directory, "train-labels-idx1-ubyte") != null
                && find(directory, "t10k-images-idx3-ubyte") != null && find(directory, "t10k-labels-idx1-ubyte") != null;
    }

    /**
     * Loads one split.
     *
     * @param directory folder with {@code train-images-idx3-ubyte.gz} etc. (usually {@link #DEFAULT_DIRECTORY})
     * @throws InvalidInputException if files are missing (with the install hint), malformed, or inconsistent
     */
    public static LabelledImages load(Path directory, LabelledImages.Split split) {
        String prefix = split == LabelledImages.Split.TRAIN ? "train" : "t10k";
        Path images = require(directory, prefix + "-images-idx3-ubyte");
        Path labels = require(directory, prefix + "-labels-idx1-ubyte");
        return fromIdx("fashion-mnist/" + split.name().toLowerCase(java.util.Locale.ROOT),
                IdxReader.read(images), images, IdxReader.read(labels), labels, CLASSES);
    }

    /**
     * Builds a data set from an IDX image array (n x height x width, unsigned bytes) and label array (n, unsigned
     * bytes, each below {@code classes}).
     */
    public static LabelledImages fromIdx(String name, IdxArray images, Path imageFile, IdxArray labels,
                                         Path labelFile, int classes) {
        int[] s = images.shape();
        if (images.type() != IdxArray.IdxType.UNSIGNED_BYTE || s.length != 3 || s[1] <= 0 || s[2] <= 0) {
            throw InvalidInputException.file(imageFile, "expected unsigned-byte images of shape n x height x width, got "
                    + images);
        }
        int[] l = labels.shape();
        if (labels.type() != IdxArray.IdxType.UNSIGNED_BYTE || l.length != 1) {
            throw InvalidInputException.file(labelFile, "expected unsigned-byte labels of shape n, got " + labels);
        }
        if (l[0] != s[0]) {
            throw InvalidInputException.file(labelFile, l[0] + " labels for " + s[0] + " images in " + imageFile);
        }
        int n = s[0];
        int[] y = new int[n];
        byte[] lr = labels.raw();
        for (int i = 0; i < n; i++) {
            y[i] = lr[i] & 0xFF;
            if (y[i] >= classes) {
                throw InvalidInputException.file(labelFile, "label " + y[i] + " of item " + i
                        + " is out of range (allowed 0 to " + (classes - 1) + ")");
            }
        }
        byte[] raw = images.raw();
        Budget.requireFile(imageFile, Budget.bytes(raw.length, 4), "the " + n + " images as floats");
        float[] x = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            x[i] = (raw[i] & 0xFF) / 255f;
        }
        return new LabelledImages(name, n, 1, s[1], s[2], classes, x, y);
    }

    private static Path require(Path directory, String base) {
        Path p = find(directory, base);
        if (p == null) {
            throw InvalidInputException.file(directory.resolve(base + ".gz"), "not found: Fashion-MNIST is not installed"
                    + (directory.equals(DEFAULT_DIRECTORY) ? " (install Debian's package: sudo apt-get install "
                    + "dataset-fashion-mnist)" : " in " + directory + " (expected " + base + ".gz or " + base + ")"));
        }
        return p;
    }

    private static Path find(Path directory, String base) {
        for (String name : new String[] {base + ".gz", base}) {
            Path p = directory.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }
}
