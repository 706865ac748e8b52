package org.deeprg.studies.critical;

import org.deeprg.train.Adam;
import org.deeprg.net.Activation;
import org.deeprg.train.DataSource;
import org.deeprg.train.TrainingSpec;
import org.deeprg.train.EpochStats;
import org.deeprg.numerics.Blas;
import org.deeprg.train.DiagnosticFit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeprg.result.Claim;
import org.deeprg.result.Result;
import org.deeprg.result.Table;
import org.deeprg.result.Paper;
import org.deeprg.study.Scale;
import org.deeprg.study.Study;
import org.deeprg.study.StudyContext;
import org.deeprg.run.RunContext;

/**
 * The experiment of Sec. 3 of arXiv:1705.11023 (Figs. 3-8) as a {@code reproduce} study: the paper's network
 * (hidden 600, 400, 200, 100, ReLU, Adam) trained without and with the critical regulariser, the three diagnostics
 * judged by CSN power-law analyses, and a verdict on the claim that the regulariser induces power-law behaviour.
 *
 * <p>QUICK (about a minute on 2 cores): Fashion-MNIST if installed (first 6000 training and 2000 test images), else
 * synthetic clusters with the reason in the report; 2 epochs; regulariser every 10 steps; 50 bootstrap resamples.
 * FULL: CIFAR-10 (the paper's data) if the environment variable {@code DEEPRG_CIFAR10} names its binary folder, else
 * all of Fashion-MNIST; 20 epochs; regulariser every step; 500 resamples.
 */
public final class CriticalExperimentStudy implements Study {
    /** Regulariser strength of the study (see docs/critical-experiment.md for how it was chosen). */
    public static final double LAMBDA = 10.0;
    /** beta of Eq. 33. */
    public static final double BETA = 1.0;

    @Override
    public String id() {
        return "criticality2017-experiment";
    }

    @Override
    public Paper paper() {
        return Paper.CRITICALITY_2017;
    }

    @Override
    public String title() {
        return "Sec. 3, Figs. 3-8: does critical regularisation induce power laws? (trained with and without, CSN fits)";
    }

    /**
     * The experiment's settings.
     *
     * @param data       data source
     * @param dataReason why this data set (e.g. "Fashion-MNIST not installed")
     * @param training   the training spec of the critical run (the plain run is the same with lambda = 0)
     * @param bootstrap  goodness-of-fit resamples per fit
     */
    public record Settings(DataSource data, String dataReason, TrainingSpec training, int bootstrap) {
    }

    /** The JSON of the study. */
    public record Data(Settings settings, String blas, CriticalExperiment.Run plain, CriticalExperiment.Run critical,
                       List<DiagnosticFit> fits, List<Verdict> verdicts) {
    }

    /** One per quantity: in how many layers each network shows power-law behaviour. */
    public record Verdict(String quantity, int layers, int plainPowerLawLayers, int criticalPowerLawLayers, boolean claimHolds) {
    }

    /** Settings for a scale. */
    public static Settings settings(Scale scale) {
        boolean full = scale == Scale.FULL;
        String cifar = System.getenv("DEEPRG_CIFAR10");
        DataSource data;
        String reason;
        if (full && cifar != null && Files.isDirectory(Path.of(cifar))) {
            data = new DataSource("cifar10", Path.of(cifar), 50_000, 10_000);
            reason = "CIFAR-10 from DEEPRG_CIFAR10 (the paper's data set)";
        } else if (DataSource.fashionMnistInstalled()) {
            data = new DataSource("fashion-mnist", null, full ? 60_000 : 6_000, full ? 10_000 : 2_000);
            reason = full ? "Fashion-MNIST (CIFAR-10, the paper's data, not given: set DEEPRG_CIFAR10)"
                    : "Fashion-MNIST subset (quick scale)";
        } else {
            data = new DataSource("synthetic", null, full ? 60_000 : 6_000, full ? 10_000 : 2_000);
            reason = "synthetic Gaussian clusters: Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist)";
        }
        TrainingSpec spec = new TrainingSpec(TrainingSpec.PAPER_HIDDEN, Activation.RELU, full ? 20 : 2, 128, 1e-3,
                LAMBDA, BETA, full ? 1 : 10);
        return new Settings(data, reason, spec, full ? 500 : 50);
    }

    @Override
    public Result run(StudyContext context) {
        return run(settings(context.scale()), context.run());
    }

    /** Runs the experiment with explicit settings. */
    public static Result run(Settings s, RunContext context) {
        DataSource.Split data = s.data().load(context.streams());
        CriticalExperiment.Run plain = CriticalExperiment.train("plain", s.training().withLambda(0), data,
                context.streams(), context.progress());
        CriticalExperiment.Run critical = CriticalExperiment.train("critical", s.training(), data, context.streams(),
                context.progress());
        context.progress().start("power-law fits", 2);
        List<DiagnosticFit> fits = new ArrayList<>(CriticalExperiment.fit(plain, s.bootstrap(), context.streams(), context.threads()));
        context.progress().advance(1);
        fits.addAll(CriticalExperiment.fit(critical, s.bootstrap(), context.streams(), context.threads()));
        context.progress().advance(1);
        context.progress().finish();

        int layers = plain.diagnostics().size();
        List<Verdict> verdicts = new ArrayList<>();
        for (String q : CriticalExperiment.QUANTITIES) {
            int p = 0;
            int c = 0;
            for (DiagnosticFit f : fits) {
                if (f.quantity().equals(q) && f.powerLawBehaviour()) {
                    if (f.run().equals("plain")) {
                        p++;
                    } else {
                        c++;
                    }
                }
            }
            verdicts.add(new Verdict(q, layers, p, c, c > p && 2 * c >= layers));
        }

        Result.Builder b = Result.builder(new CriticalExperimentStudy().title())
                .data(new Data(s, Blas.backend(), plain, critical, fits, verdicts));
        b.figure(CriticalExperiment.rankFigure("fig3-patterns-plain", "Fig. 3 analogue: activation-pattern ranks, no regularisation", plain, fits, 0));
        b.figure(CriticalExperiment.rankFigure("fig4-patterns-critical", "Fig. 4 analogue: activation-pattern ranks, critical regularisation", critical, fits, 0));
        b.figure(CriticalExperiment.rankFigure("fig5-mean-activation-plain", "Fig. 5 analogue: ranked mean layer activations, no regularisation", plain, fits, 1));
        b.figure(CriticalExperiment.rankFigure("fig6-mean-activation-critical", "Fig. 6 analogue: ranked mean layer activations, critical regularisation", critical, fits, 1));
        b.figure(CriticalExperiment.degreeFigure("fig7-degree-plain", "Fig. 7 analogue: weighted node degrees, no regularisation", plain, fits));
        b.figure(CriticalExperiment.degreeFigure("fig8-degree-critical", "Fig. 8 analogue: weighted node degrees, critical regularisation", critical, fits));
        b.figure(CriticalExperiment.accuracyFigure(plain, critical));

        Table.Builder t = Table.builder("power-law-fits", "run", "layer", "quantity", "values", "alpha", "alpha stderr", "x_min",
                "n_tail", "tail decades", "KS", "p-value", "vs lognormal", "vs exponential", "vs truncated PL", "power law?", "note");
        for (DiagnosticFit f : fits) {
            if (f.fit() == null) {
                t.row(f.run(), f.layer(), f.quantity(), f.values(), "", "", "", "", "", "", "", "", "", "", "no", f.reason());
            } else {
                var p = f.fit();
                t.row(f.run(), f.layer(), f.quantity(), f.values(), p.alpha(), p.alphaStderr(), p.xmin(), p.nTail(), f.tailDecades(), p.ks(),
                        p.pValue(), p.comparison("lognormal").favoured(), p.comparison("exponential").favoured(),
                        p.comparison("truncatedPowerLaw").favoured(), f.powerLawBehaviour() ? "yes" : "no", "");
            }
        }
        b.table(t.build());
        Table.Builder acc = Table.builder("accuracy", "run", "epoch", "train loss", "train accuracy", "test loss",
                "test accuracy", "critical penalty (sum over hidden layers)");
        for (CriticalExperiment.Run r : List.of(plain, critical)) {
            for (EpochStats e : r.epochs()) {
                acc.row(r.name(), e.epoch(), e.trainLoss(), e.trainAccuracy(), e.testLoss(), e.testAccuracy(), e.criticalPenalty());
            }
        }
        b.table(acc.build());

        String[] statements = {
            "Figs. 3-4: with critical regularisation the rank-frequency of layer activation patterns follows a power law, without it it does not",
            "Figs. 5-6: with critical regularisation the ranked mean layer activations follow a power law",
            "Figs. 7-8: the weighted node degree distribution changes with critical regularisation (judged here: power-law behaviour)"};
        String[] paperValues = {"power law (straight line on log-log) with, fall-off without",
            "power law over four decades with, not without", "bimodal with (Fig. 8), power law not claimed explicitly"};
        int holding = 0;
        for (int i = 0; i < 3; i++) {
            Verdict v = verdicts.get(i);
            if (v.claimHolds()) {
                holding++;
            }
            b.claim(Claim.check(statements[i], paperValues[i],
                    String.format(Locale.ROOT, "power-law behaviour in %d/%d layers with, %d/%d without", v.criticalPowerLawLayers(),
                            v.layers(), v.plainPowerLawLayers(), v.layers()),
                    v.claimHolds(), "per layer: CSN fit, bootstrap p >= 0.1 (" + s.bootstrap() + " resamples), neither lognormal "
                            + "nor exponential significantly preferred (Vuong p < 0.1), tail spanning >= 1 decade; claim holds if more layers with than "
                            + "without and at least half of the layers with"));
        }
        b.claim(Claim.check("Sec. 3.1 overall: critical regularisation induces power-law (scale-invariant) behaviour",
                "induced", holding + " of 3 diagnostics support it", holding >= 2, "majority of the three diagnostics above"));
        b.claim(Claim.notComparable("Sec. 3: test accuracy with and without critical regularisation", "not reported",
                String.format(Locale.ROOT, "%.4f without, %.4f with", plain.finalTestAccuracy(), critical.finalTestAccuracy()),
                "the paper gives no accuracies; measured on " + s.data().kind() + " (" + s.dataReason() + ")"));

        b.summary("data: " + s.data().kind() + ", " + data.train().size() + " train / " + data.test().size()
                + " test examples (" + s.dataReason() + "); BLAS " + Blas.backend());
        b.summary(String.format(Locale.ROOT, "test accuracy: %.4f without, %.4f with the critical regulariser (lambda = %g, beta = %g, every %d steps)",
                plain.finalTestAccuracy(), critical.finalTestAccuracy(), s.training().lambda(), s.training().beta(), s.training().every()));
        b.summary(String.format(Locale.ROOT, "regulariser cost: %.1f ms per application (%d applications, %.0f%% of training time); plain step %.1f ms",
                critical.millisPerRegulariser(), critical.regulariserApplications(), 100 * critical.regulariserFraction(), plain.millisPerStep()));
        for (Verdict v : verdicts) {
            b.summary(String.format(Locale.ROOT, "%s: power law in %d/%d layers with, %d/%d without -> %s", v.quantity(),
                    v.criticalPowerLawLayers(), v.layers(), v.plainPowerLawLayers(), v.layers(), v.claimHolds() ? "supports the paper" : "does not support the paper"));
        }
        return b.build();
    }
}
