package org.deeprg.cli;

import java.nio.file.Path;
import java.util.List;
import org.deeprg.net.Activation;
import org.deeprg.train.DataSource;
import org.deeprg.train.TrainingSpec;
import picocli.CommandLine.Option;

/** Data and network options shared by {@code critical train} and {@code critical experiment} (a picocli mixin). */
public final class TrainingOptions {
    @Option(names = "--data", paramLabel = "SET", description = "fashion-mnist (Debian's dataset-fashion-mnist), cifar10 (binary version, --data-dir), files (--train-features, --test-features: .npy, .npz or .csv) or synthetic (default: ${DEFAULT-VALUE}).")
    String data = "fashion-mnist";

    @Option(names = "--train-features", paramLabel = "FILE", description = "--data files: training features, one row per example (.npy 2-d; .npz with arrays x/features and y/labels; .csv with the integer label in the last column).")
    Path trainFeatures;

    @Option(names = "--train-labels", paramLabel = "FILE", description = "--data files: training labels (.npy 1-d integers, .npz, .csv one per line), unless the features file holds them.")
    Path trainLabels;

    @Option(names = "--test-features", paramLabel = "FILE", description = "--data files: test features (also the inference set of the diagnostics).")
    Path testFeatures;

    @Option(names = "--test-labels", paramLabel = "FILE", description = "--data files: test labels, unless the features file holds them.")
    Path testLabels;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder of the data files (fashion-mnist default: /usr/share/datasets/fashion-mnist).")
    Path dataDir;

    @Option(names = "--train-count", paramLabel = "N", description = "Training examples used (default: ${DEFAULT-VALUE}; fewer if the set is smaller).")
    int trainCount = 60_000;

    @Option(names = "--test-count", paramLabel = "N", description = "Test examples used, also the inference set of the diagnostics (default: ${DEFAULT-VALUE}).")
    int testCount = 10_000;

    @Option(names = "--hidden", split = ",", paramLabel = "W", description = "Hidden layer widths (default: 600,400,200,100 as in Sec. 3).")
    List<Integer> hidden = TrainingSpec.PAPER_HIDDEN;

    @Option(names = "--activation", paramLabel = "F", description = "relu or elu (default: ${DEFAULT-VALUE}).")
    String activation = "relu";

    @Option(names = "--batch-size", paramLabel = "B", description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
    int batchSize = 128;

    @Option(names = "--learning-rate", paramLabel = "ETA", description = "Adam step size (default: ${DEFAULT-VALUE}).")
    double learningRate = 1e-3;

    @Option(names = "--every", paramLabel = "K", description = "Apply the regulariser every K steps (default: ${DEFAULT-VALUE}).")
    int every = 1;

    /** The data source these options describe. */
    DataSource dataSource() {
        return new DataSource(data, dataDir == null ? null : dataDir.toString(), text(trainFeatures), text(trainLabels),
                text(testFeatures), text(testLabels), trainCount, testCount);
    }

    private static String text(Path p) {
        return p == null ? null : p.toString();
    }

    /** The training spec with the command's own epochs, regulariser strength and beta. */
    TrainingSpec trainingSpec(int epochs, double lambda, double beta) {
        return new TrainingSpec(hidden, Activation.parse("activation", activation, java.util.List.of("relu", "elu")), epochs, batchSize, learningRate, lambda, beta, every);
    }
}
