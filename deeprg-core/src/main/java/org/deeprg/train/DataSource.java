package org.deeprg.train;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeprg.InvalidInputException;
import org.deeprg.io.Cifar10;
import org.deeprg.io.FashionMnist;
import org.deeprg.io.FeatureFiles;
import org.deeprg.io.LabelledImages;
import org.deeprg.net.Dataset;
import org.deeprg.random.RandomStreams;

/**
 * Where training data come from: a validated, serialisable description (paths are kept as text, so that a task
 * holding it can be shipped to another machine, where the same paths must exist).
 *
 * <ul>
 *   <li>{@code fashion-mnist}: the gzipped IDX files in {@code directory} (default {@link FashionMnist#DEFAULT_DIRECTORY},
 *       Debian's {@code dataset-fashion-mnist}); 784 features in [0, 1], 10 classes;</li>
 *   <li>{@code cifar10}: the binary version in {@code directory} ({@code cifar-10-batches-bin}); 3072 features, 10
 *       classes (the paper's data set, Sec. 3);</li>
 *   <li>{@code files}: features and integer labels from {@code .npy}, {@code .npz} or CSV files
 *       ({@link FeatureFiles}); the number of classes is the largest label of both sets plus one;</li>
 *   <li>{@code synthetic}: Gaussian clusters ({@link Dataset#synthetic}), {@value #SYNTHETIC_FEATURES} features and
 *       {@value #SYNTHETIC_CLASSES} classes, generated from {@code streams.split("synthetic-data")}: for tests and for
 *       machines without real data.</li>
 * </ul>
 * {@code trainCount}/{@code testCount} examples are used: the first ones of each split (all of them when the split is
 * smaller); synthetic data are generated in these numbers.
 *
 * @param kind          {@code fashion-mnist}, {@code cifar10}, {@code files} or {@code synthetic}
 * @param directory     folder of the fashion-mnist or cifar10 files; null otherwise
 * @param trainFeatures {@code files}: the training features; null otherwise
 * @param trainLabels   {@code files}: the training labels, or null when the features file holds them
 * @param testFeatures  {@code files}: the test features (also the inference set of the diagnostics); null otherwise
 * @param testLabels    {@code files}: the test labels, or null
 * @param trainCount    training examples used (1 to 10^7)
 * @param testCount     test examples used (1 to 10^7)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataSource(String kind, String directory, String trainFeatures, String trainLabels, String testFeatures,
                         String testLabels, int trainCount, int testCount) implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Synthetic data: input dimension. */
    public static final int SYNTHETIC_FEATURES = 64;
    /** Synthetic data: classes. */
    public static final int SYNTHETIC_CLASSES = 10;
    /** Synthetic data: noise standard deviation around the class templates. */
    public static final double SYNTHETIC_NOISE = 2.0;
    /** The kinds, as the option {@code --data} takes them. */
    public static final List<String> KINDS = List.of("fashion-mnist", "cifar10", "files", "synthetic");

    public DataSource {
        kind = kind == null ? "" : kind.toLowerCase(Locale.ROOT);
        if (!KINDS.contains(kind)) {
            throw new InvalidInputException("data", kind, "one of " + String.join(", ", KINDS));
        }
        if (kind.equals("cifar10") && directory == null) {
            throw new InvalidInputException("dataDir", "(none)", "CIFAR-10 needs --data-dir, the folder of the binary "
                    + "version (cifar-10-batches-bin with data_batch_1..5.bin and test_batch.bin)");
        }
        if (kind.equals("fashion-mnist") && directory == null) {
            directory = FashionMnist.DEFAULT_DIRECTORY.toString();
        }
        if (kind.equals("files")) {
            if (trainFeatures == null) {
                throw new InvalidInputException("trainFeatures", "(none)", "--data files needs --train-features FILE "
                        + "(.npy, .npz or .csv) and --test-features FILE");
            }
            if (testFeatures == null) {
                throw new InvalidInputException("testFeatures", "(none)", "--data files needs --test-features FILE "
                        + "(.npy, .npz or .csv); it is also the inference set of the diagnostics");
            }
        } else if (trainFeatures != null || trainLabels != null || testFeatures != null || testLabels != null) {
            throw new InvalidInputException("trainFeatures", trainFeatures != null ? trainFeatures : trainLabels != null
                    ? trainLabels : testFeatures != null ? testFeatures : testLabels, "feature and label files need --data files");
        }
        if (!kind.equals("fashion-mnist") && !kind.equals("cifar10") && directory != null) {
            throw new InvalidInputException("dataDir", directory, "--data-dir is for fashion-mnist and cifar10 only");
        }
        InvalidInputException.requireInRange("trainCount", trainCount, 1, 10_000_000);
        InvalidInputException.requireInRange("testCount", testCount, 1, 10_000_000);
    }

    /** Fashion-MNIST from {@code directory} (null: the Debian location). */
    public static DataSource fashionMnist(Path directory, int trainCount, int testCount) {
        return new DataSource("fashion-mnist", directory == null ? null : directory.toString(), null, null, null, null,
                trainCount, testCount);
    }

    /** CIFAR-10 (binary version) from {@code directory}. */
    public static DataSource cifar10(Path directory, int trainCount, int testCount) {
        return new DataSource("cifar10", directory == null ? null : directory.toString(), null, null, null, null,
                trainCount, testCount);
    }

    /** Synthetic Gaussian clusters. */
    public static DataSource synthetic(int trainCount, int testCount) {
        return new DataSource("synthetic", null, null, null, null, null, trainCount, testCount);
    }

    /** Features and labels from files (a labels path may be null: see {@link FeatureFiles}). */
    public static DataSource files(Path trainFeatures, Path trainLabels, Path testFeatures, Path testLabels, int trainCount,
                                   int testCount) {
        return new DataSource("files", null, text(trainFeatures), text(trainLabels), text(testFeatures), text(testLabels),
                trainCount, testCount);
    }

    private static String text(Path p) {
        return p == null ? null : p.toString();
    }

    /** Whether these are real data (not the synthetic clusters). */
    @JsonIgnore
    public boolean isReal() {
        return !kind.equals("synthetic");
    }

    /** Train and test sets. */
    public record Split(Dataset train, Dataset test) {
    }

    /**
     * The files this source reads (for provenance: their SHA-256), in a fixed order; empty for synthetic data.
     * Files that do not exist are listed too (loading then refuses them with a clear message).
     */
    public List<Path> files() {
        List<Path> out = new ArrayList<>();
        switch (kind) {
            case "fashion-mnist" -> {
                Path d = Path.of(directory);
                for (String base : new String[] {"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                    "t10k-labels-idx1-ubyte"}) {
                    Path gz = d.resolve(base + ".gz");
                    out.add(Files.isRegularFile(gz) || !Files.isRegularFile(d.resolve(base)) ? gz : d.resolve(base));
                }
            }
            case "cifar10" -> {
                Path d = Path.of(directory);
                if (!Files.isRegularFile(d.resolve("test_batch.bin")) && Files.isDirectory(d.resolve("cifar-10-batches-bin"))) {
                    d = d.resolve("cifar-10-batches-bin");
                }
                for (int i = 1; i <= 5; i++) {
                    out.add(d.resolve("data_batch_" + i + ".bin"));
                }
                out.add(d.resolve("test_batch.bin"));
            }
            case "files" -> {
                for (String f : new String[] {trainFeatures, trainLabels, testFeatures, testLabels}) {
                    if (f != null) {
                        out.add(Path.of(f));
                    }
                }
            }
            default -> {
            }
        }
        return out;
    }

    /**
     * Loads (or generates, from {@code streams.split("synthetic-data")}) the two sets. Real data are read once per JVM
     * and shared by every task that asks for the same source with unchanged files ({@link #CACHE}: the tasks of an
     * experiment run on local threads read the files once); a Spark executor reads them from the same paths.
     *
     * @throws InvalidInputException naming the file for anything missing, malformed or inconsistent
     */
    public Split load(RandomStreams streams) {
        if (kind.equals("synthetic")) {
            RandomStreams s = streams.split("synthetic-data");
            return new Split(Dataset.synthetic(trainCount, SYNTHETIC_FEATURES, SYNTHETIC_CLASSES, SYNTHETIC_NOISE, s, "train"),
                    Dataset.synthetic(testCount, SYNTHETIC_FEATURES, SYNTHETIC_CLASSES, SYNTHETIC_NOISE, s, "test"));
        }
        String stamp = stamp();
        synchronized (CACHE) {
            if (CACHE[0] != null && CACHE[0].source.equals(this) && CACHE[0].stamp.equals(stamp)) {
                return CACHE[0].split;
            }
            CACHE[0] = null; // release the previous data set before reading the next
            Split s = read();
            CACHE[0] = new Cached(this, stamp, s);
            return s;
        }
    }

    /** The one cached data set of this JVM. */
    private static final Cached[] CACHE = new Cached[1];

    private record Cached(DataSource source, String stamp, Split split) {
    }

    /** Sizes and modification times of the files: a changed file is read again. */
    private String stamp() {
        StringBuilder b = new StringBuilder();
        for (Path p : files()) {
            try {
                b.append(p).append(':').append(Files.size(p)).append(':').append(Files.getLastModifiedTime(p).toMillis()).append(';');
            } catch (IOException e) {
                b.append(p).append(":missing;");
            }
        }
        return b.toString();
    }

    private Split read() {
        return switch (kind) {
            case "fashion-mnist" -> new Split(images(FashionMnist.load(Path.of(directory), LabelledImages.Split.TRAIN), trainCount),
                    images(FashionMnist.load(Path.of(directory), LabelledImages.Split.TEST), testCount));
            case "cifar10" -> new Split(images(Cifar10.load(Path.of(directory), LabelledImages.Split.TRAIN), trainCount),
                    images(Cifar10.load(Path.of(directory), LabelledImages.Split.TEST), testCount));
            default -> readFiles();
        };
    }

    private Split readFiles() {
        Path trainF = Path.of(trainFeatures);
        Path testF = Path.of(testFeatures);
        FeatureFiles.Labelled train = FeatureFiles.read(trainF, trainLabels == null ? null : Path.of(trainLabels));
        FeatureFiles.Labelled test = FeatureFiles.read(testF, testLabels == null ? null : Path.of(testLabels));
        if (test.features() != train.features()) {
            throw InvalidInputException.file(testF, test.features() + " features per example, the training features in "
                    + trainF + " have " + train.features());
        }
        int classes = Math.max(train.classesSeen(), test.classesSeen());
        if (classes < 2) {
            throw InvalidInputException.file(trainLabels != null ? Path.of(trainLabels) : trainF,
                    "every label is 0: a classifier needs at least two classes");
        }
        return new Split(table("train", train, classes, trainCount), table("test", test, classes, testCount));
    }

    private static Dataset table(String split, FeatureFiles.Labelled t, int classes, int count) {
        int n = Math.min(count, t.count());
        if ((long) n * t.features() > Dataset.MAX_VALUES) {
            throw new InvalidInputException(split + "Count", n, n + " examples of " + t.features() + " values exceed the limit of "
                    + Dataset.MAX_VALUES + " values; use fewer examples");
        }
        double[] x = n == t.count() ? t.x() : java.util.Arrays.copyOf(t.x(), n * t.features());
        int[] y = n == t.count() ? t.labels() : java.util.Arrays.copyOf(t.labels(), n);
        return Dataset.classification("files/" + split + ":" + t.name(), t.features(), classes, x, y);
    }

    private static Dataset images(LabelledImages all, int count) {
        return Dataset.of(all.head(Math.min(count, all.count())));
    }

    /** True when Fashion-MNIST is installed in its default place. */
    public static boolean fashionMnistInstalled() {
        return FashionMnist.isInstalled(FashionMnist.DEFAULT_DIRECTORY);
    }
}
