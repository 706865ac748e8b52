package org.deeprg.studies.critical;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeprg.net.Activation;
import org.deeprg.result.Claim;
import org.deeprg.result.ClaimKind;
import org.deeprg.result.Paper;
import org.deeprg.result.Result;
import org.deeprg.result.Value;
import org.deeprg.result.Verdict;
import org.deeprg.run.RunContext;
import org.deeprg.stats.Estimate;
import org.deeprg.study.Scale;
import org.deeprg.study.Study;
import org.deeprg.study.StudyContext;
import org.deeprg.train.BimodalityTest;
import org.deeprg.train.CriticalExperiment;
import org.deeprg.train.DataSource;
import org.deeprg.train.Diagnostic;
import org.deeprg.train.DiagnosticFit;
import org.deeprg.train.ExperimentResult;
import org.deeprg.train.ExperimentSpec;
import org.deeprg.train.NetworkRun;
import org.deeprg.train.TrainingSpec;

/**
 * The experiment of Sec. 3 of arXiv:1705.11023 (Figs. 3-8) as a {@code reproduce} study: the paper's network (hidden
 * 600, 400, 200, 100, ReLU, Adam without clipping) trained without and with the critical regulariser on real data for
 * several seeds ({@link CriticalExperiment}), every reading of the diagnostics judged by its test (CSN power-law
 * analyses for Figs. 3-6, Hartigan's dip test for Figs. 7-8), and one claim per figure.
 *
 * <h2>Scales</h2>
 * QUICK: Fashion-MNIST (Debian's {@code dataset-fashion-mnist}) when installed: {@value #QUICK_TRAIN} training images,
 * the whole test set of 10^4 as the inference set, {@value #QUICK_EPOCHS} epochs, lambda = 1 and 10
 * (every {@value #QUICK_EVERY} steps), {@value #QUICK_SEEDS} seeds, {@value #QUICK_BOOTSTRAP} goodness-of-fit resamples.
 * FULL: CIFAR-10, the paper's data, when the environment variable {@code DEEPRG_CIFAR10} names its binary folder, else
 * all of Fashion-MNIST; 20 epochs, lambda = 1, 10, 100 every step, 3 seeds, 500 resamples. Without real data the
 * study runs on synthetic clusters and every paper claim is inconclusive, with the command that would decide it.
 */
public final class CriticalExperimentStudy implements Study {
    /** beta of Eq. 33 (the paper gives none). */
    public static final double BETA = 1.0;
    /** Quick scale: training examples. */
    public static final int QUICK_TRAIN = 12_000;
    /** Quick scale: epochs. */
    public static final int QUICK_EPOCHS = 4;
    /** The default regulariser strength of {@code critical experiment}. */
    public static final double QUICK_LAMBDA = 10.0;
    /** Quick scale: regulariser strengths (the paper gives none). */
    public static final List<Double> QUICK_LAMBDAS = List.of(1.0, 10.0);
    /** Quick scale: the regulariser's gradient every this many steps. */
    public static final int QUICK_EVERY = 2;
    /** Quick scale: seeds. */
    public static final int QUICK_SEEDS = 3;
    /** Quick scale: goodness-of-fit resamples per power-law fit. */
    public static final int QUICK_BOOTSTRAP = 40;
    /** The command that installs the real data. */
    static final String INSTALL = "sudo apt-get install dataset-fashion-mnist";
    /** The command that runs this study. */
    static final String COMMAND = "./deeprg reproduce --only criticality2017-experiment";

    @Override
    public String id() {
        return "criticality2017-experiment";
    }

    @Override
    public Paper paper() {
        return Paper.CRITICALITY_2017;
    }

    /**
     * The title; without real data it says so (it is the line {@code reproduce} prints when the study starts, and the
     * heading of its section of the report).
     */
    @Override
    public String title() {
        String base = "Sec. 3, Figs. 3-8: does critical regularisation induce power laws and a bimodal degree distribution? "
                + "(networks trained with and without it)";
        return DataSource.fashionMnistInstalled() ? base : base + " [SYNTHETIC DATA: Fashion-MNIST not installed, every verdict "
                + "inconclusive; real data: " + INSTALL + "]";
    }

    /**
     * The study's settings.
     *
     * @param experiment what is run
     * @param dataNote   one line on the data (and, for synthetic data, why and how to get real data)
     * @param scale      quick or full
     */
    public record Settings(ExperimentSpec experiment, String dataNote, Scale scale) {
    }

    /** Settings for a scale, from what is installed. */
    public static Settings settings(Scale scale) {
        boolean full = scale == Scale.FULL;
        String cifar = System.getenv("DEEPRG_CIFAR10");
        DataSource data;
        String note;
        int train = full ? 60_000 : QUICK_TRAIN;
        if (full && cifar != null && Files.isDirectory(Path.of(cifar))) {
            data = DataSource.cifar10(Path.of(cifar), 50_000, 10_000);
            note = "CIFAR-10 (binary version) from DEEPRG_CIFAR10 = " + cifar + ": the paper's data set";
        } else if (DataSource.fashionMnistInstalled()) {
            data = DataSource.fashionMnist(null, train, 10_000);
            note = "Fashion-MNIST from " + org.deeprg.io.FashionMnist.DEFAULT_DIRECTORY + " (real images; the paper used CIFAR-10"
                    + (full ? ": set DEEPRG_CIFAR10 to its binary folder to run on it)" : ")");
        } else {
            data = DataSource.synthetic(train, 10_000);
            note = "SYNTHETIC DATA (Gaussian clusters): Fashion-MNIST is not installed, so no verdict can be given; for the "
                    + "real-data run: " + INSTALL + " && " + COMMAND;
        }
        TrainingSpec training = new TrainingSpec(TrainingSpec.PAPER_HIDDEN, Activation.RELU, full ? 20 : QUICK_EPOCHS, 128, 1e-3,
                0, BETA, full ? 1 : QUICK_EVERY);
        List<Double> lambdas = full ? List.of(1.0, 10.0, 100.0) : QUICK_LAMBDAS;
        ExperimentSpec spec = new ExperimentSpec(data, training, lambdas, full ? 3 : QUICK_SEEDS, full ? 500 : QUICK_BOOTSTRAP,
                full ? 5000 : 1000);
        return new Settings(spec, note, scale);
    }

    @Override
    public Result run(StudyContext context) {
        Settings s = settings(context.scale());
        ExperimentResult r = CriticalExperiment.run(s.experiment(), context.run());
        return present(title(), r, s.dataNote(), s.scale() == Scale.FULL ? "--full " : "",
                CriticalExperimentReport.WeightFiles.FIRST_SEED_SAFETENSORS);
    }

    /** Runs the experiment with explicit settings and presents it with its claims (the {@code critical experiment} command). */
    public static Result run(ExperimentSpec spec, String dataNote, RunContext context, CriticalExperimentReport.WeightFiles weights) {
        return present("Sec. 3 experiment: critical regularisation (Figs. 3-8)", CriticalExperiment.run(spec, context), dataNote, "",
                weights);
    }

    /** The report of a finished experiment: figures, tables, weights, summary lines and one claim per figure. */
    static Result present(String title, ExperimentResult r, String dataNote, String scaleFlag,
                          CriticalExperimentReport.WeightFiles weights) {
        Result.Builder b = CriticalExperimentReport.builder(title, r, weights);
        for (java.nio.file.Path p : r.spec().data().files()) {
            b.inputFile(p);
        }
        b.summary("data: " + dataNote);
        b.summary(String.format(Locale.ROOT, "network %s, %s; %d training / %d inference (test) examples; %d epochs, batch %d, "
                        + "Adam lr %g; regulariser beta = %g every %d step(s); %d seed(s); BLAS %s",
                java.util.Arrays.toString(r.widths()), r.spec().training().activation().name(), r.trainSize(), r.testSize(),
                r.spec().training().epochs(), r.spec().training().batchSize(), r.spec().training().learningRate(),
                r.spec().training().beta(), r.spec().training().every(), r.spec().seeds(), r.blas()));
        for (ExperimentResult.Summary s : r.summaries()) {
            b.summary(String.format(Locale.ROOT, "lambda = %s: test accuracy %s without, %s with (difference %s); penalty %s -> %s "
                            + "(floor %.0f); ||W_critical - W_plain|| / ||W_plain|| = %s",
                    s.lambda(), s.testAccuracyPlain().format(), s.testAccuracyCritical().format(),
                    s.testAccuracyDifference().format(), s.penaltyPlain().format(), s.penaltyCritical().format(),
                    r.seeds().get(0).penaltyFloor(), s.relativeWeightDistance().format()));
            for (ExperimentResult.ReadingSummary q : s.readings()) {
                b.summary(String.format(Locale.ROOT, "  %s (%s, %s): layers passing %s plain, %s critical", q.quantity(), q.figures(),
                        q.test().equals("powerLaw") ? "power-law behaviour" : "bimodal", q.plainLayers().format(),
                        q.criticalLayers().format()));
            }
        }
        List<String> files = new ArrayList<>();
        for (var a : b.build().attachments()) {
            files.add(a.fileName());
        }
        if (!files.isEmpty()) {
            b.summary("trained weights (safetensors/npz, torch.nn.Linear layout; 'deeprg critical couplings --weights FILE' reads "
                    + "them): " + String.join(", ", files));
        }
        b.claims(ExperimentClaims.claims(r, dataNote, scaleFlag));
        return b.build();
    }
}
