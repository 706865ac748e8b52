package org.deeprg.cli;

import java.nio.file.Path;
import java.util.List;
import org.deeprg.InvalidInputException;
import org.deeprg.result.Result;
import org.deeprg.study.StudyContext;
import org.deeprg.train.ActivationFunction;
import org.deeprg.train.CriticalExperimentStudy;
import org.deeprg.train.DataSource;
import org.deeprg.train.TrainingSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code deeprg critical experiment}: the Sec. 3 experiment (with and without the regulariser) at chosen settings. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "The experiment of Sec. 3 (Figs. 3-8): the same network, data and seed trained without and with the "
                + "critical regulariser, the three diagnostics on the test set with CSN power-law fits, and the verdict. "
                + "'reproduce --only criticality2017-experiment' runs it at the study's settings.",
        footer = {"%nExamples:", "  ./deeprg critical experiment --train-count 6000 --test-count 2000 --epochs 2 --every 10",
                "  ./deeprg critical experiment --epochs 20 --lambda 10 --bootstrap 500"})
public final class CriticalExperimentCommand extends ComputeCommand<CriticalExperimentStudy.Settings> {
    @Option(names = "--data", paramLabel = "SET", description = "fashion-mnist, cifar10 (with --data-dir) or synthetic (default: ${DEFAULT-VALUE}).")
    String data = "fashion-mnist";

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder of the data files.")
    Path dataDir;

    @Option(names = "--train-count", paramLabel = "N", description = "Training examples (default: ${DEFAULT-VALUE}).")
    int trainCount = 60_000;

    @Option(names = "--test-count", paramLabel = "N", description = "Test examples, also the inference set of the diagnostics (default: ${DEFAULT-VALUE}).")
    int testCount = 10_000;

    @Option(names = "--hidden", split = ",", paramLabel = "W", description = "Hidden widths (default: 600,400,200,100).")
    List<Integer> hidden = TrainingSpec.PAPER_HIDDEN;

    @Option(names = "--activation", paramLabel = "F", description = "relu or elu (default: ${DEFAULT-VALUE}).")
    String activation = "relu";

    @Option(names = "--epochs", paramLabel = "E", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs = 20;

    @Option(names = "--batch-size", paramLabel = "B", description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
    int batchSize = 128;

    @Option(names = "--learning-rate", paramLabel = "ETA", description = "Adam step size (default: ${DEFAULT-VALUE}).")
    double learningRate = 1e-3;

    @Option(names = "--lambda", paramLabel = "L", description = "Regulariser strength of the critical run (default: ${DEFAULT-VALUE}).")
    double lambda = CriticalExperimentStudy.LAMBDA;

    @Option(names = "--beta", paramLabel = "BETA", description = "beta of Eq. 33 (default: ${DEFAULT-VALUE}).")
    double beta = CriticalExperimentStudy.BETA;

    @Option(names = "--every", paramLabel = "K", description = "Apply the regulariser every K steps (default: ${DEFAULT-VALUE}).")
    int every = 1;

    @Option(names = "--bootstrap", paramLabel = "B", description = "Goodness-of-fit resamples per fit (default: ${DEFAULT-VALUE}).")
    int bootstrap = 200;

    @Override
    protected CriticalExperimentStudy.Settings spec() {
        if (!(lambda > 0)) {
            throw new InvalidInputException("lambda", lambda, "must be > 0 (the critical run needs the regulariser)");
        }
        InvalidInputException.requireInRange("bootstrap", bootstrap, 0, 100_000);
        TrainingSpec t = new TrainingSpec(hidden, ActivationFunction.parse(activation), epochs, batchSize, learningRate,
                lambda, beta, every);
        return new CriticalExperimentStudy.Settings(new DataSource(data, dataDir, trainCount, testCount), "chosen on the command line",
                t, bootstrap);
    }

    @Override
    protected Result compute(CriticalExperimentStudy.Settings spec, StudyContext context) {
        return CriticalExperimentStudy.run(spec, context);
    }
}
