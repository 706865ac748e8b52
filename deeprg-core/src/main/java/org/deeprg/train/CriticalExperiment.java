package org.deeprg.train;

import java.util.ArrayList;
import java.util.List;
import org.deeprg.numerics.Blas;
import org.deeprg.random.RandomStreams;
import org.deeprg.run.Progress;
import org.deeprg.run.RunContext;
import org.deeprg.stats.DipTest;
import org.deeprg.stats.Estimate;

/**
 * The experiment of Sec. 3 of arXiv:1705.11023 (Figs. 3-8): for each seed, the same network trained twice on the same
 * data, without and with the critical regulariser; the Sec. 3.1 diagnostics of every trained network on the test set
 * ({@link LayerDiagnostics}), each reading judged by its test ({@link DiagnosticFit} for Figs. 3-6,
 * {@link BimodalityTest} for Figs. 7-8).
 *
 * <h2>Tasks and streams</h2>
 * The {@code seeds x settings} trainings (settings: the plain run and one critical run per regulariser strength) are
 * the tasks of {@link RunContext#map}: task {@code t} is seed {@code t / settings}, setting {@code t % settings}. Seed
 * {@code s} takes its initial weights and batch order from {@code root.split("seed").split(s).split("training")} (the
 * same for all its settings, so the regulariser is the only difference), the fit of (setting, layer, reading) from
 * {@code ...split(s).split("fits").split(settingName).split(layer).split(reading)} and its dip test from
 * {@code ...split("dip")...}; synthetic data from
 * {@code root.split("data")}. A task computes sequentially and depends only on its index, the spec and the root seed:
 * results are identical for any thread count and on any backend. Real data are read by each task from the paths of
 * the spec (once per JVM, {@link DataSource#load}).
 *
 * <h2>Cost</h2>
 * One training step of the paper's 784-600-400-200-100-10 network at batch 128 is about 15 ms on one core; one
 * application of the regulariser to all hidden layers about 50 ms ({@link CriticalPenalty}); each power-law analysis
 * with B resamples costs B x-min scans of up to {@code testCount} values.
 */
public final class CriticalExperiment {
    /** Examples per forward batch of the diagnostics. */
    static final int DIAGNOSTIC_BATCH = 256;

    private CriticalExperiment() {
    }

    /**
     * Runs the experiment.
     *
     * @throws org.deeprg.InvalidInputException for data that cannot be read or a network that does not fit (before any
     *                                          training)
     */
    public static ExperimentResult run(ExperimentSpec spec, RunContext context) {
        RandomStreams root = context.streams();
        DataSource.Split data = spec.data().load(root.split("data"));
        Trainer.validate(spec.training(), data.train(), data.test());
        int settings = spec.settings();
        int tasks = settings * spec.seeds();
        Progress progress = context.progress();
        progress.start("training " + tasks + " networks (" + spec.seeds() + " seeds x " + settings + " settings)", tasks);
        List<NetworkRun> runs = context.map(tasks, t -> runOne(spec, root, t));
        progress.advance(tasks);
        progress.finish();
        List<ExperimentResult.SeedComparison> seeds = new ArrayList<>();
        int[] widths = runs.get(0).weights().widths();
        double floor = 0;
        for (int l = 1; l < widths.length - 1; l++) {
            floor += widths[l];
        }
        List<ExperimentResult.Summary> summaries = new ArrayList<>();
        for (int k = 1; k < settings; k++) {
            List<ExperimentResult.SeedComparison> forLambda = new ArrayList<>();
            List<NetworkRun> plain = new ArrayList<>();
            List<NetworkRun> critical = new ArrayList<>();
            for (int s = 0; s < spec.seeds(); s++) {
                NetworkRun p = runs.get(s * settings);
                NetworkRun c = runs.get(s * settings + k);
                double np = p.weights().hiddenWeightNorm();
                forLambda.add(new ExperimentResult.SeedComparison(s, c.lambda(), p.finalTestAccuracy(), c.finalTestAccuracy(),
                        p.finalPenalty(), c.finalPenalty(), floor, np, c.weights().hiddenWeightNorm(),
                        c.weights().hiddenWeightDistance(p.weights()) / np));
                plain.add(p);
                critical.add(c);
            }
            seeds.addAll(forLambda);
            summaries.add(summary(spec.lambdas().get(k - 1), plain, critical, forLambda));
        }
        return new ExperimentResult(spec, Blas.describe(), data.train().name(), data.train().size(), data.test().name(),
                data.test().size(), widths, runs, seeds, summaries);
    }

    /** Task {@code t}: seed {@code t / settings}, setting {@code t % settings}. */
    static NetworkRun runOne(ExperimentSpec spec, RandomStreams root, int t) {
        long t0 = System.nanoTime();
        int seed = t / spec.settings();
        int setting = t % spec.settings();
        String name = spec.settingName(setting);
        DataSource.Split data = spec.data().load(root.split("data"));
        TrainingSpec training = spec.training(setting);
        RandomStreams seedStreams = root.split("seed").split(seed);
        Trainer trainer = new Trainer(training, data.train(), data.test(), seedStreams.split("training"));
        List<EpochStats> history = trainer.run(Progress.NONE, null);
        return measure(name, seed, trainer, history, data.test(), spec.bootstrap(), spec.dipResamples(), seedStreams, t0);
    }

    /**
     * The diagnostics of a trained network on {@code inference} with every reading judged by its test, sequentially
     * (fits from {@code seedStreams.split("fits")...}, dip tests from {@code seedStreams.split("dip")...}, as in
     * {@link #run}).
     *
     * @param name         {@code plain}, {@code critical}, ...: also part of the fits' streams
     * @param seed         0-based seed index (a label)
     * @param trainer      the trained network
     * @param history      its epochs
     * @param inference    the inference set
     * @param bootstrap    goodness-of-fit resamples per power-law fit
     * @param dipResamples uniform samples per dip-test p-value
     * @param seedStreams  the seed's streams
     * @param startNanos   {@link System#nanoTime()} at the start of the task (for the timing)
     */
    public static NetworkRun measure(String name, int seed, Trainer trainer, List<EpochStats> history, org.deeprg.net.Dataset inference,
                                     int bootstrap, int dipResamples, RandomStreams seedStreams, long startNanos) {
        List<LayerDiagnostics> diagnostics = LayerDiagnostics.measure(trainer.parameters(), inference, DIAGNOSTIC_BATCH);
        List<NetworkRun.LayerSummary> layers = new ArrayList<>();
        List<DiagnosticFit> fits = new ArrayList<>();
        List<BimodalityTest> dips = new ArrayList<>();
        for (LayerDiagnostics d : diagnostics) {
            layers.add(new NetworkRun.LayerSummary(d.layer(), d.width(), d.distinctPatterns(), d.examples(), d.deadUnits()));
            for (Diagnostic reading : Diagnostic.powerLawReadings()) {
                RandomStreams s = seedStreams.split("fits").split(name).split(d.layer()).split(reading.key());
                fits.add(DiagnosticFit.analyse(name, seed, d.layer(), reading, reading.analysed(d), bootstrap, s));
            }
            for (Diagnostic reading : Diagnostic.bimodalityReadings()) {
                double[] v = reading.analysed(d);
                RandomStreams s = seedStreams.split("dip").split(name).split(d.layer()).split(reading.key());
                if (v.length >= DipTest.MIN_SAMPLES) {
                    DipTest.Result r = DipTest.test(v, dipResamples, s);
                    dips.add(new BimodalityTest(name, seed, d.layer(), reading.key(), reading.logScale() ? "log10" : "linear",
                            r.n(), r.dip(), r.pValue(), r.pValueStderr(), r.resamples(), r.modalLow(), r.modalHigh(),
                            r.pValue() < BimodalityTest.SIGNIFICANCE));
                }
            }
        }
        NetworkRun.Timing timing = new NetworkRun.Timing(trainer.millisPerStep(), trainer.millisPerRegulariser(),
                trainer.regulariserFraction(), (System.nanoTime() - startNanos) / 1e9);
        return new NetworkRun(name, seed, trainer.spec().lambda(), history, trainer.steps(), trainer.regulariserApplications(), layers,
                fits, dips, TrainedWeights.of(trainer.parameters()), diagnostics, timing);
    }

    private static Estimate overSeeds(double[] v) {
        if (v.length >= 2) {
            return Estimate.ofIndependent(v);
        }
        return Estimate.of(v[0], 0, 1).unreliable("one seed: no error bar (run more seeds)");
    }

    /**
     * The summary over seeds of one regulariser strength: the plain and critical runs of each seed and their
     * comparisons, in seed order.
     */
    public static ExperimentResult.Summary summary(double lambda, List<NetworkRun> plainRuns, List<NetworkRun> criticalRuns,
                                            List<ExperimentResult.SeedComparison> seeds) {
        int n = seeds.size();
        double[] ap = new double[n];
        double[] ac = new double[n];
        double[] ad = new double[n];
        double[] pp = new double[n];
        double[] pc = new double[n];
        double[] pr = new double[n];
        double[] rd = new double[n];
        double[] nr = new double[n];
        for (int s = 0; s < n; s++) {
            ExperimentResult.SeedComparison c = seeds.get(s);
            ap[s] = c.testAccuracyPlain();
            ac[s] = c.testAccuracyCritical();
            ad[s] = c.testAccuracyCritical() - c.testAccuracyPlain();
            pp[s] = c.penaltyPlain();
            pc[s] = c.penaltyCritical();
            pr[s] = (c.penaltyCritical() - c.penaltyFloor()) / (c.penaltyPlain() - c.penaltyFloor());
            rd[s] = c.relativeWeightDistance();
            nr[s] = c.weightNormCritical() / c.weightNormPlain();
        }
        List<ExperimentResult.ReadingSummary> readings = new ArrayList<>();
        int layers = plainRuns.get(0).layers().size();
        for (Diagnostic d : Diagnostic.values()) {
            double[] pl = new double[n];
            double[] cl = new double[n];
            int pj = 0;
            int cj = 0;
            int pPass = 0;
            int cPass = 0;
            boolean power = d.test() == Diagnostic.Test.POWER_LAW;
            for (int s = 0; s < n; s++) {
                NetworkRun p = plainRuns.get(s);
                NetworkRun c = criticalRuns.get(s);
                pl[s] = power ? p.powerLawLayers(d) : p.bimodalLayers(d);
                cl[s] = power ? c.powerLawLayers(d) : c.bimodalLayers(d);
                pj += power ? p.fittedLayers(d) : (int) p.dips().stream().filter(t -> t.quantity().equals(d.key())).count();
                cj += power ? c.fittedLayers(d) : (int) c.dips().stream().filter(t -> t.quantity().equals(d.key())).count();
                pPass += (int) pl[s];
                cPass += (int) cl[s];
            }
            readings.add(new ExperimentResult.ReadingSummary(d.key(), d.figures(), power ? "powerLaw" : "bimodality", layers,
                    overSeeds(pl), overSeeds(cl), pj, cj, pPass, cPass));
        }
        return new ExperimentResult.Summary(lambda, overSeeds(ap), overSeeds(ac), overSeeds(ad), overSeeds(pp), overSeeds(pc),
                overSeeds(pr), overSeeds(rd), overSeeds(nr), readings);
    }
}
