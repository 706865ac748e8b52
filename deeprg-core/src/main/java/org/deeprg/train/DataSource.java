package org.deeprg.train;

import java.nio.file.Path;
import java.util.Locale;
import org.deeprg.InvalidInputException;
import org.deeprg.io.Cifar10;
import org.deeprg.io.FashionMnist;
import org.deeprg.io.LabelledImages;
import org.deeprg.net.Dataset;
import org.deeprg.random.RandomStreams;

/**
 * Where training data come from.
 *
 * @param kind       "synthetic", "fashion-mnist" or "cifar10"
 * @param directory  folder of the files (fashion-mnist: default {@link FashionMnist#DEFAULT_DIRECTORY}; cifar10:
 *                   required); null for synthetic
 * @param trainCount training examples used (the first ones of the split; synthetic: generated)
 * @param testCount  test examples used
 */
public record DataSource(String kind, Path directory, int trainCount, int testCount) {
    /** Synthetic data: input dimension. */
    public static final int SYNTHETIC_FEATURES = 64;
    /** Synthetic data: classes. */
    public static final int SYNTHETIC_CLASSES = 10;
    /** Synthetic data: noise standard deviation around the class templates. */
    public static final double SYNTHETIC_NOISE = 2.0;

    public DataSource {
        kind = kind.toLowerCase(Locale.ROOT);
        if (!kind.equals("synthetic") && !kind.equals("fashion-mnist") && !kind.equals("cifar10")) {
            throw new InvalidInputException("data", kind, "must be synthetic, fashion-mnist or cifar10");
        }
        if (kind.equals("cifar10") && directory == null) {
            throw new InvalidInputException("dataDir", "(none)", "CIFAR-10 needs --data-dir, the folder of the binary "
                    + "archive (cifar-10-batches-bin)");
        }
        if (kind.equals("fashion-mnist") && directory == null) {
            directory = FashionMnist.DEFAULT_DIRECTORY;
        }
        InvalidInputException.requireInRange("trainCount", trainCount, 1, 10_000_000);
        InvalidInputException.requireInRange("testCount", testCount, 1, 10_000_000);
    }

    /** Train and test sets. */
    public record Split(Dataset train, Dataset test) {
    }

    /** Loads (or generates, from {@code streams.split("synthetic-data")}) the two sets. */
    public Split load(RandomStreams streams) {
        return switch (kind) {
            case "synthetic" -> {
                RandomStreams s = streams.split("synthetic-data");
                yield new Split(Dataset.synthetic(trainCount, SYNTHETIC_FEATURES, SYNTHETIC_CLASSES, SYNTHETIC_NOISE, s, "train"),
                        Dataset.synthetic(testCount, SYNTHETIC_FEATURES, SYNTHETIC_CLASSES, SYNTHETIC_NOISE, s, "test"));
            }
            case "fashion-mnist" -> new Split(images(FashionMnist.load(directory, LabelledImages.Split.TRAIN), trainCount),
                    images(FashionMnist.load(directory, LabelledImages.Split.TEST), testCount));
            default -> new Split(images(Cifar10.load(directory, LabelledImages.Split.TRAIN), trainCount),
                    images(Cifar10.load(directory, LabelledImages.Split.TEST), testCount));
        };
    }

    private static Dataset images(LabelledImages all, int count) {
        return Dataset.of(all.head(Math.min(count, all.count())));
    }

    /** True when Fashion-MNIST is installed in its default place. */
    public static boolean fashionMnistInstalled() {
        return FashionMnist.isInstalled(FashionMnist.DEFAULT_DIRECTORY);
    }
}
