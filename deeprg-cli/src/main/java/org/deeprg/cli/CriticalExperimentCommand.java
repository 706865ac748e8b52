package org.deeprg.cli;

import org.deeprg.InvalidInputException;
import org.deeprg.result.Result;
import org.deeprg.run.RunContext;
import org.deeprg.studies.critical.CriticalExperimentStudy;
import org.deeprg.train.TrainingSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code deeprg critical experiment}: the Sec. 3 experiment (with and without the regulariser) at chosen settings. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "The experiment of Sec. 3 (Figs. 3-8): the same network, data and seed trained without and with the "
                + "critical regulariser, the three diagnostics on the test set with CSN power-law fits, and the verdict. "
                + "'reproduce --only criticality2017-experiment' runs it at the study's settings.",
        footer = {"%nExamples:", "  ./deeprg critical experiment --train-count 6000 --test-count 2000 --epochs 2 --every 10",
                "  ./deeprg critical experiment --epochs 20 --lambda 10 --bootstrap 500"})
public final class CriticalExperimentCommand extends ComputeCommand<CriticalExperimentStudy.Settings> {
    @Mixin
    TrainingOptions training;

    @Option(names = "--epochs", paramLabel = "E", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs = 20;

    @Option(names = "--lambda", paramLabel = "L", description = "Regulariser strength of the critical run (default: ${DEFAULT-VALUE}).")
    double lambda = CriticalExperimentStudy.LAMBDA;

    @Option(names = "--beta", paramLabel = "BETA", description = "beta of Eq. 33 (default: ${DEFAULT-VALUE}).")
    double beta = CriticalExperimentStudy.BETA;

    @Option(names = "--bootstrap", paramLabel = "B", description = "Goodness-of-fit resamples per fit (default: ${DEFAULT-VALUE}).")
    int bootstrap = 200;

    @Override
    protected CriticalExperimentStudy.Settings spec() {
        if (!(lambda > 0)) {
            throw new InvalidInputException("lambda", lambda, "must be > 0 (the critical run needs the regulariser)");
        }
        InvalidInputException.requireInRange("bootstrap", bootstrap, 0, 100_000);
        TrainingSpec t = training.trainingSpec(epochs, lambda, beta);
        return new CriticalExperimentStudy.Settings(training.dataSource(), "chosen on the command line",
                t, bootstrap);
    }

    @Override
    protected Result compute(CriticalExperimentStudy.Settings spec, RunContext context) {
        return CriticalExperimentStudy.run(spec, context);
    }
}
