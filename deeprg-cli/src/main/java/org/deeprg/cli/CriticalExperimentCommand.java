package org.deeprg.cli;

import java.util.List;
import org.deeprg.InvalidInputException;
import org.deeprg.result.Result;
import org.deeprg.run.RunContext;
import org.deeprg.studies.critical.CriticalExperimentReport;
import org.deeprg.studies.critical.CriticalExperimentStudy;
import org.deeprg.train.ExperimentSpec;
import org.deeprg.train.TrainingSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code deeprg critical experiment}: the Sec. 3 experiment (the same network trained without and with the critical
 * regulariser, several seeds and strengths) at chosen settings.
 */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "The experiment of Sec. 3 (Figs. 3-8): for each seed the same network, data and initial weights trained "
                + "without and with the critical regulariser (one run per --lambda); the readings of the diagnostics on the test "
                + "set judged by Clauset-Shalizi-Newman power-law tests (Figs. 3-6) and Hartigan's dip test (Figs. 7-8); the "
                + "trained weights as .safetensors and .npz. Seeds x settings are independent tasks (--backend spark runs them on "
                + "a cluster). 'reproduce --only criticality2017-experiment' runs it at the study's settings.",
        footer = {"%nExamples:", "  ./deeprg critical experiment --train-count 12000 --epochs 4 --every 2 --seeds 3",
                "  ./deeprg critical experiment --epochs 20 --lambda 1,10,100 --bootstrap 500",
                "  ./deeprg critical experiment --data cifar10 --data-dir ~/cifar-10-batches-bin --epochs 20"})
public final class CriticalExperimentCommand extends ComputeCommand<CriticalExperimentCommand.Settings> {
    @Mixin
    TrainingOptions training;

    @Option(names = "--epochs", paramLabel = "E", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs = 20;

    @Option(names = "--lambda", paramLabel = "L", split = ",", description = "Regulariser strengths of the critical runs, ascending "
            + "(default: " + CriticalExperimentStudy.QUICK_LAMBDA + ").")
    List<Double> lambda = List.of(CriticalExperimentStudy.QUICK_LAMBDA);

    @Option(names = "--beta", paramLabel = "BETA", description = "beta of Eq. 33 (default: ${DEFAULT-VALUE}).")
    double beta = CriticalExperimentStudy.BETA;

    @Option(names = "--seeds", paramLabel = "S", description = "Independent repetitions (initial weights and batch order) (default: ${DEFAULT-VALUE}).")
    int seeds = 1;

    @Option(names = "--bootstrap", paramLabel = "B", description = "Goodness-of-fit resamples per power-law fit (default: ${DEFAULT-VALUE}).")
    int bootstrap = 200;

    @Option(names = "--dip-resamples", paramLabel = "M", description = "Uniform samples per dip-test p-value (default: ${DEFAULT-VALUE}).")
    int dipResamples = 2000;

    @Option(names = "--weights", paramLabel = "WHICH", description = "Trained weight files written: all (every network, .safetensors "
            + "and .npz), first-seed (seed 0, .safetensors) or none (default: ${DEFAULT-VALUE}).")
    String weights = "all";

    /** The command's spec: the experiment and which weight files to write. */
    public record Settings(ExperimentSpec experiment, CriticalExperimentReport.WeightFiles weights) {
    }

    @Override
    protected Settings spec() {
        TrainingSpec t = training.trainingSpec(epochs, 0, beta);
        CriticalExperimentReport.WeightFiles w = switch (weights) {
            case "all" -> CriticalExperimentReport.WeightFiles.ALL;
            case "first-seed" -> CriticalExperimentReport.WeightFiles.FIRST_SEED_SAFETENSORS;
            case "none" -> CriticalExperimentReport.WeightFiles.NONE;
            default -> throw new InvalidInputException("weights", weights, "all, first-seed or none");
        };
        return new Settings(new ExperimentSpec(training.dataSource(), t, lambda, seeds, bootstrap, dipResamples), w);
    }

    @Override
    protected long outputBytes(Settings spec) {
        // weights: two files per network, 8 bytes per parameter; plus tables and figures
        return 64L << 20;
    }

    @Override
    protected Result compute(Settings spec, RunContext context) {
        ExperimentSpec e = spec.experiment();
        String note = e.data().isReal() ? e.data().kind() + " (" + String.join(", ", e.data().files().stream().map(String::valueOf).toList())
                + ")" : "SYNTHETIC DATA (Gaussian clusters): every verdict on the paper is inconclusive; real data: --data fashion-mnist "
                + "(sudo apt-get install dataset-fashion-mnist) or --data cifar10 --data-dir DIR";
        return CriticalExperimentStudy.run(e, note, context, spec.weights());
    }
}
