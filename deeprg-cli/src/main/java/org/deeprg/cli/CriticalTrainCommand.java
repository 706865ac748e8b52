package org.deeprg.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.deeprg.InvalidInputException;
import org.deeprg.result.Figure;
import org.deeprg.result.Result;
import org.deeprg.result.Series;
import org.deeprg.result.Table;
import org.deeprg.run.RunContext;
import org.deeprg.numerics.Blas;
import org.deeprg.studies.critical.CriticalExperimentReport;
import org.deeprg.train.BimodalityTest;
import org.deeprg.train.CriticalExperiment;
import org.deeprg.train.DataSource;
import org.deeprg.train.Diagnostic;
import org.deeprg.train.DiagnosticFit;
import org.deeprg.train.EpochStats;
import org.deeprg.train.NetworkRun;
import org.deeprg.train.TrainedWeights;
import org.deeprg.train.Trainer;
import org.deeprg.train.TrainingSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code deeprg critical train}: trains a feed-forward network, optionally with the critical regulariser. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a feed-forward network (softmax cross-entropy, Adam without clipping, mini-batches) with or "
                + "without the critical regulariser of Eq. 33; per-epoch train/test accuracy, checkpoints, --resume, and "
                + "optionally the power-law diagnostics of Sec. 3.1 on the test set.",
        footer = {"%nExamples:",
                "  ./deeprg critical train --data synthetic --hidden 64,32 --epochs 3",
                "  ./deeprg critical train --train-count 6000 --epochs 2 --lambda 1 --every 10 --diagnostics",
                "  ./deeprg critical train --epochs 20 --lambda 1 --checkpoint run.ckpt",
                "  ./deeprg critical train --epochs 30 --lambda 1 --resume run.ckpt",
                "  ./deeprg critical train --data cifar10 --data-dir ~/cifar-10-batches-bin --lambda 1"})
public final class CriticalTrainCommand extends ComputeCommand<CriticalTrainCommand.TrainSpec> {
    @Mixin
    TrainingOptions training;

    @Option(names = "--epochs", paramLabel = "E", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs = 10;

    @Option(names = "--lambda", paramLabel = "L", description = "Critical regulariser strength; 0 = off (default: ${DEFAULT-VALUE}).")
    double lambda = 0;

    @Option(names = "--beta", paramLabel = "BETA", description = "beta of Eq. 33 (default: ${DEFAULT-VALUE}).")
    double beta = 1;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "Write the training state here after every epoch.")
    Path checkpoint;

    @Option(names = "--resume", paramLabel = "FILE", description = "Continue from this checkpoint (same options and seed; --epochs may be larger).")
    Path resume;

    @Option(names = "--diagnostics", description = "After training, measure the Sec. 3.1 diagnostics on the test set and fit power laws.")
    boolean diagnostics;

    @Option(names = "--bootstrap", paramLabel = "B", description = "Goodness-of-fit resamples per power-law fit with --diagnostics (default: ${DEFAULT-VALUE}).")
    int bootstrap = 100;

    @Option(names = "--dip-resamples", paramLabel = "M", description = "Uniform samples per dip-test p-value with --diagnostics (default: ${DEFAULT-VALUE}).")
    int dipResamples = 1000;

    /** The spec of a training run. */
    public record TrainSpec(DataSource data, TrainingSpec training, Path checkpoint, Path resume, boolean diagnostics, int bootstrap,
                            int dipResamples) {
        public TrainSpec {
            InvalidInputException.requireInRange("bootstrap", bootstrap, 0, 100_000);
            InvalidInputException.requireInRange("dipResamples", dipResamples, 1, 1_000_000);
        }
    }

    /**
     * The JSON of {@code critical train}.
     *
     * @param weightFiles the trained weights written into the result directory ({@code weights.safetensors},
     *                    {@code weights.npz}; {@code critical couplings --weights} reads them)
     */
    public record TrainData(String data, int trainCount, int testCount, String blas, TrainingSpec spec, List<EpochStats> epochs,
                            double finalTestAccuracy, long steps, long regulariserApplications, List<DiagnosticFit> fits,
                            List<BimodalityTest> dips, List<String> weightFiles) {
    }

    @Override
    protected TrainSpec spec() {
        TrainingSpec t = training.trainingSpec(epochs, lambda, beta);
        return new TrainSpec(training.dataSource(), t, checkpoint, resume, diagnostics, bootstrap, dipResamples);
    }

    @Override
    protected Result compute(TrainSpec spec, RunContext context) {
        long t0 = System.nanoTime();
        DataSource.Split split = spec.data().load(context.streams().split("data"));
        var streams = context.streams().split("training");
        Trainer trainer = spec.resume() != null
                ? Trainer.resume(spec.resume(), spec.training(), split.train(), split.test(), streams)
                : new Trainer(spec.training(), split.train(), split.test(), streams);
        Path ck = spec.checkpoint() != null ? spec.checkpoint() : spec.resume();
        List<EpochStats> history = trainer.run(context.progress(), ck);
        String name = spec.training().lambda() > 0 ? "critical" : "plain";
        Result.Builder b = Result.builder("Training of " + java.util.Arrays.toString(trainer.network().widths()) + " on "
                + split.train().name());
        for (Path p : spec.data().files()) {
            b.inputFile(p);
        }
        List<DiagnosticFit> fits = List.of();
        List<BimodalityTest> dips = List.of();
        if (spec.diagnostics()) {
            NetworkRun run = CriticalExperiment.measure(name, 0, trainer, history, split.test(), spec.bootstrap(), spec.dipResamples(),
                    context.streams().split("diagnostics"), t0);
            fits = run.fits();
            dips = run.dips();
            List<NetworkRun> one = List.of(run);
            b.figure(CriticalExperimentReport.rankFigure("activation-pattern-ranks", "Activation-pattern ranks (Figs. 3-4 reading)",
                    Diagnostic.PATTERN_COUNTS, one, "count of each distinct binary activation pattern of the layer over the test set"));
            b.figure(CriticalExperimentReport.rankFigure("mean-activation-ranks", "Ranked mean layer activations (Figs. 5-6 reading)",
                    Diagnostic.EXAMPLE_MEANS, one, "mean activation of the layer for each test example"));
            b.figure(CriticalExperimentReport.degreeFigure("weighted-degrees", "Weighted node degree (Figs. 7-8 reading)", run));
            for (DiagnosticFit f : fits) {
                b.summary(CriticalExperimentReport.describe(f));
            }
            for (BimodalityTest t : dips) {
                b.summary(String.format(Locale.ROOT, "layer %d %s (%s): dip %.4f, p = %.3f -> %s", t.layer(), t.quantity(), t.scale(),
                        t.dip(), t.pValue(), t.bimodal() ? "unimodality rejected" : "unimodal at 5%"));
            }
        }
        TrainedWeights weights = TrainedWeights.of(trainer.parameters());
        String description = String.format(Locale.ROOT, "%s network trained by deeprg critical train (lambda = %s, %d epochs)", name,
                spec.training().lambda(), trainer.epochsDone());
        b.attachment(WEIGHTS + ".safetensors", out -> weights.writeSafetensors(out, description));
        b.attachment(WEIGHTS + ".npz", weights::writeNpz);
        double finalAccuracy = history.isEmpty() ? Double.NaN : history.get(history.size() - 1).testAccuracy();
        b.data(new TrainData(split.train().name(), split.train().size(), split.test().size(), Blas.describe(), spec.training(),
                history, finalAccuracy, trainer.steps(), trainer.regulariserApplications(), fits, dips,
                List.of(WEIGHTS + ".safetensors", WEIGHTS + ".npz")));
        Table.Builder t = Table.builder("epochs", "epoch", "train loss", "train accuracy", "test loss", "test accuracy", "critical penalty");
        for (EpochStats e : history) {
            t.row(e.epoch(), e.trainLoss(), e.trainAccuracy(), e.testLoss(), e.testAccuracy(), e.criticalPenalty());
        }
        b.table(t.build());
        double[] ep = history.stream().mapToDouble(EpochStats::epoch).toArray();
        b.figure(Figure.of("accuracy", "Accuracy per epoch", "epoch", "accuracy",
                "Training accuracy (during each epoch) and test accuracy (after it).",
                new Series("train", ep, history.stream().mapToDouble(EpochStats::trainAccuracy).toArray(), null, Series.Style.LINE_AND_MARKERS),
                new Series("test", ep, history.stream().mapToDouble(EpochStats::testAccuracy).toArray(), null, Series.Style.LINE_AND_MARKERS)));
        for (EpochStats e : history) {
            b.summary(String.format(Locale.ROOT, "epoch %d: train loss %.4f, train accuracy %.4f, test accuracy %.4f, penalty %.4g",
                    e.epoch(), e.trainLoss(), e.trainAccuracy(), e.testAccuracy(), e.criticalPenalty()));
        }
        b.summary(String.format(Locale.ROOT, "%d steps, %.2f ms per step (BLAS %s)%s", trainer.steps(), trainer.millisPerStep(),
                Blas.backend(), trainer.regulariserApplications() > 0 ? String.format(Locale.ROOT,
                        "; regulariser %.1f ms per application, %d applications, %.0f%% of training time", trainer.millisPerRegulariser(),
                        trainer.regulariserApplications(), 100 * trainer.regulariserFraction()) : ""));
        b.summary("trained weights: " + WEIGHTS + ".safetensors and " + WEIGHTS + ".npz (torch.nn.Linear layout; "
                + "'deeprg critical couplings --weights RESULT/" + WEIGHTS + ".safetensors' reads them)");
        return b.build();
    }

    /** Stem of the weight files in the result directory. */
    public static final String WEIGHTS = "weights";
}
