package org.deeprg.studies.critical;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.deeprg.result.Figure;
import org.deeprg.result.Result;
import org.deeprg.result.Series;
import org.deeprg.result.Table;
import org.deeprg.stats.Estimate;
import org.deeprg.train.BimodalityTest;
import org.deeprg.train.Diagnostic;
import org.deeprg.train.DiagnosticFit;
import org.deeprg.train.EpochStats;
import org.deeprg.train.ExperimentResult;
import org.deeprg.train.LayerDiagnostics;
import org.deeprg.train.NetworkRun;
import org.deeprg.train.TrainedWeights;

/**
 * Presents the Sec. 3 experiment ({@link ExperimentResult}) as a report {@link Result}: the figures on the paper's axes
 * with both networks (log counts against log rank for Figs. 3-6, log counts against log weighted degree for Figs.
 * 7-8), tables of every fit and test, and the trained weights as files. Claims are added by the study
 * ({@link CriticalExperimentStudy}).
 */
public final class CriticalExperimentReport {
    /** Most points drawn per series of a rank plot (thinned evenly in log rank). */
    static final int PLOT_POINTS = 300;
    /** Bins of the weighted-degree histograms (equal width in log10). */
    static final int DEGREE_BINS = 24;

    private CriticalExperimentReport() {
    }

    /** Which trained weights become files. */
    public enum WeightFiles {
        /** None. */
        NONE,
        /** Seed 0's two networks, {@code .safetensors} only (the reproduce report). */
        FIRST_SEED_SAFETENSORS,
        /** Every network, {@code .safetensors} and {@code .npz}. */
        ALL
    }

    /** The report builder with figures, tables and weight files (no claims, no summary lines). */
    public static Result.Builder builder(String title, ExperimentResult r, WeightFiles weights) {
        Result.Builder b = Result.builder(title).data(r);
        NetworkRun plain = r.run(0, 0);
        List<NetworkRun> seed0 = new ArrayList<>();
        for (int k = 0; k < r.spec().settings(); k++) {
            seed0.add(r.run(0, k));
        }
        b.figure(rankFigure("fig3-fig4-pattern-ranks", "Figs. 3-4: activation-pattern ranks (seed 0)", Diagnostic.PATTERN_COUNTS,
                seed0, "count of each distinct binary activation pattern of the layer (units > 0) over the inference set, "
                        + "sorted by rank (the figures' reading)"));
        b.figure(rankFigure("fig3-fig4-unit-activity-ranks", "Figs. 3-4, per-unit reading: activation counts of the units (seed 0)",
                Diagnostic.UNIT_ACTIVE_COUNTS, seed0, "number of inference examples on which each unit is active, sorted "
                        + "by rank (dead units left out)"));
        b.figure(rankFigure("fig5-fig6-mean-activation-ranks", "Figs. 5-6: ranked mean layer activations (seed 0)",
                Diagnostic.EXAMPLE_MEANS, seed0, "mean activation of the layer for each inference example, sorted by rank "
                        + "(the figures' reading; positive values)"));
        b.figure(rankFigure("fig5-fig6-unit-mean-ranks", "Figs. 5-6, per-unit reading: ranked mean unit activations (seed 0)",
                Diagnostic.UNIT_MEANS, seed0, "mean activation of each unit over the inference set, sorted by rank "
                        + "(positive values)"));
        b.figure(degreeFigure("fig7-degree-plain", "Fig. 7: weighted node degree, no regularisation (seed 0)", plain));
        for (int k = 1; k < r.spec().settings(); k++) {
            NetworkRun c = r.run(0, k);
            b.figure(degreeFigure("fig8-degree-" + c.name().replace('.', '-'), "Fig. 8: weighted node degree, critical "
                    + "regularisation, lambda = " + c.lambda() + " (seed 0)", c));
        }
        for (int layer = 1; layer <= plain.diagnostics().size(); layer++) {
            b.figure(degreeComparisonFigure(layer, seed0));
        }
        b.figure(layerCountFigure(r));
        b.figure(trainingFigure(r));
        tables(b, r);
        if (weights != WeightFiles.NONE) {
            for (NetworkRun run : r.runs()) {
                if (weights == WeightFiles.FIRST_SEED_SAFETENSORS && run.seed() > 0) {
                    continue;
                }
                TrainedWeights w = run.weights();
                String stem = weightFileStem(run);
                String description = String.format(Locale.ROOT, "%s network of seed %d (lambda = %s), test accuracy %.4f", run.name(),
                        run.seed(), run.lambda(), run.finalTestAccuracy());
                b.attachment(stem + ".safetensors", out -> w.writeSafetensors(out, description));
                if (weights == WeightFiles.ALL) {
                    b.attachment(stem + ".npz", w::writeNpz);
                }
            }
        }
        return b;
    }

    /** {@code plain-seed0}, {@code critical-seed0}, ...: the stem of a run's weight files. */
    public static String weightFileStem(NetworkRun run) {
        return run.name() + "-seed" + run.seed();
    }

    /** Rank plot of a reading with both networks, every layer, and the fitted power laws dashed in their data's colour. */
    public static Figure rankFigure(String name, String title, Diagnostic reading, List<NetworkRun> runs, String what) {
        List<Series> series = new ArrayList<>();
        StringBuilder networks = new StringBuilder();
        for (NetworkRun run : runs) {
            networks.append(networks.length() == 0 ? "" : " and ").append(run.name()).append(" (lambda = ").append(run.lambda())
                    .append(", seed ").append(run.seed()).append(")");
        }
        for (NetworkRun run : runs) {
            for (LayerDiagnostics d : run.diagnostics()) {
                String label = run.name() + " layer " + d.layer();
                double[] v = reading.analysed(d);
                Series data = thinnedRank(label, v);
                series.add(reading.discrete() ? data.asCounts() : data);
                DiagnosticFit f = find(run.fits(), d.layer(), reading.key());
                if (f != null && f.fitted() && data.x().length > 0) {
                    series.add(rankFitLine(label + " fit", f).fitOf(label));
                }
            }
        }
        return new Figure(name, title, "rank", reading.discrete() ? "count" : "mean activation", true, true, series,
                "Markers: " + what + "; networks: " + networks + ", every hidden layer. Dashed: the "
                        + "Clauset-Shalizi-Newman maximum-likelihood power law of the values above x_min drawn in rank space, "
                        + "x(r) = x_min (r/n_tail)^(-1/(alpha-1)); every fit, its p-value and its likelihood-ratio tests are in "
                        + "power-law-fits.csv. Series whose counts are all 1 carry no distribution and are not drawn.");
    }

    /**
     * Figs. 7-8 on the paper's axes: counts of log10 of the weighted degree (sum of absolute outgoing weights) in equal
     * bins, drawn as bars per layer, log counts.
     */
    public static Figure degreeFigure(String name, String title, NetworkRun run) {
        List<Series> series = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (LayerDiagnostics d : run.diagnostics()) {
            for (double v : Diagnostic.DEGREE_ABSOLUTE.analysed(d)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double width = Math.max(hi - lo, 1e-9) / DEGREE_BINS;
        StringBuilder dips = new StringBuilder();
        for (LayerDiagnostics d : run.diagnostics()) {
            double[] counts = new double[DEGREE_BINS];
            for (double v : Diagnostic.DEGREE_ABSOLUTE.analysed(d)) {
                counts[(int) Math.min(DEGREE_BINS - 1, Math.floor((v - lo) / width))]++;
            }
            double[] centres = new double[DEGREE_BINS];
            for (int k = 0; k < DEGREE_BINS; k++) {
                centres[k] = lo + (k + 0.5) * width;
            }
            series.add(Series.histogram("layer " + d.layer(), centres, counts).asCounts());
            BimodalityTest t = run.dips().stream().filter(x -> x.layer() == d.layer()
                    && x.quantity().equals(Diagnostic.DEGREE_ABSOLUTE.key())).findFirst().orElse(null);
            if (t != null) {
                dips.append(String.format(Locale.ROOT, "%slayer %d: dip %.4f, p = %.3f", dips.length() == 0 ? "" : "; ", d.layer(),
                        t.dip(), t.pValue()));
            }
        }
        return new Figure(name, title, "log10 weighted degree  (sum_j |W_ij| over outgoing weights)", "count", false, true, series,
                "Bars: the number of units per bin of log10 of the weighted degree (" + DEGREE_BINS + " equal bins), the "
                        + run.name() + " network of seed 0 (lambda = " + run.lambda() + "), per hidden layer. Hartigan's dip test "
                        + "of unimodality on the same log10 values: " + dips + " (p below " + BimodalityTest.SIGNIFICANCE
                        + " rejects unimodality; all seeds in dip-tests.csv).");
    }

    /**
     * Figs. 7-8 with both networks on common bins for one hidden layer: counts of log10 of the weighted degree (sum of
     * absolute outgoing weights), log counts; the dip test of each network in the caption.
     */
    public static Figure degreeComparisonFigure(int layer, List<NetworkRun> runs) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (NetworkRun run : runs) {
            for (double v : Diagnostic.DEGREE_ABSOLUTE.analysed(run.diagnostics().get(layer - 1))) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double width = Math.max(hi - lo, 1e-9) / DEGREE_BINS;
        List<Series> series = new ArrayList<>();
        StringBuilder dips = new StringBuilder();
        for (NetworkRun run : runs) {
            double[] counts = new double[DEGREE_BINS];
            for (double v : Diagnostic.DEGREE_ABSOLUTE.analysed(run.diagnostics().get(layer - 1))) {
                counts[(int) Math.min(DEGREE_BINS - 1, Math.floor((v - lo) / width))]++;
            }
            double[] centres = new double[DEGREE_BINS];
            for (int k = 0; k < DEGREE_BINS; k++) {
                centres[k] = lo + (k + 0.5) * width;
            }
            String label = run.lambda() > 0 ? run.name() + " (lambda = " + run.lambda() + ")" : run.name();
            series.add(Series.histogram(label, centres, counts).asCounts());
            BimodalityTest t = run.dips().stream().filter(x -> x.layer() == layer
                    && x.quantity().equals(Diagnostic.DEGREE_ABSOLUTE.key())).findFirst().orElse(null);
            if (t != null) {
                dips.append(String.format(Locale.ROOT, "%s%s: dip %.4f, p = %.3f%s", dips.length() == 0 ? "" : "; ", label, t.dip(),
                        t.pValue(), t.bimodal() ? " (unimodality rejected)" : ""));
            }
        }
        return new Figure("fig7-fig8-degree-layer" + layer, "Figs. 7-8, hidden layer " + layer + ": weighted node degree with and "
                + "without the regulariser (seed 0)", "log10 weighted degree  (sum_j |W_ij| over outgoing weights)", "count", false, true,
                series, "Bars: units per bin of log10 of the weighted degree (" + DEGREE_BINS + " common bins) of hidden layer " + layer
                        + ", both networks of seed 0. Hartigan's dip test on the same log10 values: " + dips + " (p below "
                        + BimodalityTest.SIGNIFICANCE + " rejects unimodality).");
    }

    /** Layers passing each reading's test, plain against critical, mean and standard error over seeds. */
    static Figure layerCountFigure(ExperimentResult r) {
        List<ExperimentResult.ReadingSummary> first = r.summaries().get(0).readings();
        int settings = r.spec().settings();
        List<Series> series = new ArrayList<>();
        StringBuilder legend = new StringBuilder();
        for (int i = 0; i < first.size(); i++) {
            legend.append(i + 1).append(" = ").append(first.get(i).quantity()).append(" (").append(first.get(i).test()).append(")")
                    .append(i + 1 < first.size() ? ", " : "");
        }
        for (int k = 0; k < settings; k++) {
            ExperimentResult.Summary summary = r.summaries().get(Math.max(0, k - 1));
            double[] x = new double[first.size()];
            List<Estimate> values = new ArrayList<>();
            for (int i = 0; i < first.size(); i++) {
                x[i] = i + 1 + 0.12 * (k - (settings - 1) / 2.0);
                ExperimentResult.ReadingSummary rs = summary.readings().get(i);
                values.add(k == 0 ? rs.plainLayers() : rs.criticalLayers());
            }
            series.add(Series.estimates(k == 0 ? "plain" : "critical, lambda = " + summary.lambda(), x, values));
        }
        return Figure.of("layers-passing", "Hidden layers passing each reading's test, over " + r.spec().seeds() + " seed(s)",
                "reading", "layers (of " + first.get(0).layers() + ")",
                "Mean over seeds and its standard error of the number of hidden layers whose reading passes its test: power-law "
                        + "behaviour (CSN fit with p >= 0.1, no alternative favoured, tail over at least a decade) for readings 1-4, "
                        + "bimodality (dip test p < " + BimodalityTest.SIGNIFICANCE + ") for readings 5-6. Readings: " + legend
                        + ". Hollow markers: one seed, no error bar.",
                series.toArray(new Series[0]));
    }

    /** Test accuracy and the Eq. 33 penalty per epoch, both networks, seed 0. */
    static Figure trainingFigure(ExperimentResult r) {
        List<Series> s = new ArrayList<>();
        for (int k = 0; k < r.spec().settings(); k++) {
            NetworkRun run = r.run(0, k);
            double[] e = run.epochs().stream().mapToDouble(EpochStats::epoch).toArray();
            double floor = r.seeds().get(0).penaltyFloor();
            s.add(new Series(run.name() + ": test accuracy", e, run.epochs().stream().mapToDouble(EpochStats::testAccuracy).toArray(),
                    null, Series.Style.LINE_AND_MARKERS));
            s.add(new Series(run.name() + ": penalty above its floor / 100", e,
                    run.epochs().stream().mapToDouble(x -> (x.criticalPenalty() - floor) / 100).toArray(), null,
                    Series.Style.LINE_AND_MARKERS));
        }
        return Figure.of("training", "Test accuracy and critical penalty per epoch (seed 0)", "epoch", "value", "Test accuracy after "
                        + "each epoch and the Eq. 33 penalty summed over the hidden layers minus its floor (the sum of the hidden "
                        + "widths, reached only at w = 0), divided by 100, for the plain and the critical network (same initial "
                        + "weights and batches).",
                s.toArray(new Series[0]));
    }

    private static void tables(Result.Builder b, ExperimentResult r) {
        Table.Builder fits = Table.builder("power-law-fits", "seed", "run", "layer", "quantity", "values", "alpha", "alpha stderr",
                "x_min", "x_max", "n_tail", "value decades", "rank decades", "KS", "p-value", "vs lognormal", "vs exponential",
                "vs truncated power law", "power law?", "why");
        Table.Builder dips = Table.builder("dip-tests", "seed", "run", "layer", "quantity", "scale", "values", "dip", "p-value",
                "p-value stderr", "modal interval low", "modal interval high", "bimodal?");
        Table.Builder layers = Table.builder("layers", "seed", "run", "layer", "width", "distinct patterns", "examples", "dead units");
        Table.Builder epochs = Table.builder("epochs", "seed", "run", "epoch", "train loss", "train accuracy", "test loss",
                "test accuracy", "penalty (sum over hidden layers)", "penalty per layer");
        Table.Builder timing = Table.builder("timing", "seed", "run", "ms per step", "ms per regulariser application",
                "regulariser share of training time", "task seconds");
        for (NetworkRun run : r.runs()) {
            for (DiagnosticFit f : run.fits()) {
                if (!f.fitted()) {
                    fits.row(f.seed(), f.run(), f.layer(), f.quantity(), f.values(), "", "", "", "", "", "", "", "", "", "", "", "",
                            "no fit", f.why());
                } else {
                    fits.row(f.seed(), f.run(), f.layer(), f.quantity(), f.values(), f.alpha(), f.alphaStderr(), f.xmin(), f.xmax(),
                            f.nTail(), f.valueDecades(), f.rankDecades(), f.ks(), f.pValue() == null ? "" : f.pValue(),
                            favoured(f, "lognormal"), favoured(f, "exponential"), favoured(f, "truncatedPowerLaw"),
                            f.powerLawBehaviour() ? "yes" : "no", f.why());
                }
            }
            for (BimodalityTest t : run.dips()) {
                dips.row(t.seed(), t.run(), t.layer(), t.quantity(), t.scale(), t.values(), t.dip(), t.pValue(), t.pValueStderr(),
                        t.modalLow(), t.modalHigh(), t.bimodal() ? "yes" : "no");
            }
            for (NetworkRun.LayerSummary l : run.layers()) {
                layers.row(run.seed(), run.name(), l.layer(), l.width(), l.distinctPatterns(), l.examples(), l.deadUnits());
            }
            for (EpochStats e : run.epochs()) {
                epochs.row(run.seed(), run.name(), e.epoch(), e.trainLoss(), e.trainAccuracy(), e.testLoss(), e.testAccuracy(),
                        e.criticalPenalty(), e.penaltyPerLayer().toString());
            }
            NetworkRun.Timing t = run.timing();
            timing.row(run.seed(), run.name(), t.millisPerStep(), Double.isNaN(t.millisPerRegulariser()) ? "" : t.millisPerRegulariser(),
                    t.regulariserFraction(), t.seconds());
        }
        Table.Builder seeds = Table.builder("seeds", "seed", "lambda", "test accuracy plain", "test accuracy critical", "penalty plain",
                "penalty critical", "penalty floor", "|W| plain", "|W| critical", "|W_critical - W_plain| / |W_plain|");
        for (ExperimentResult.SeedComparison c : r.seeds()) {
            seeds.row(c.seed(), c.lambda(), c.testAccuracyPlain(), c.testAccuracyCritical(), c.penaltyPlain(), c.penaltyCritical(), c.penaltyFloor(),
                    c.weightNormPlain(), c.weightNormCritical(), c.relativeWeightDistance());
        }
        Table.Builder readings = Table.builder("readings", "lambda", "quantity", "figures", "test", "layers",
                "plain: layers passing (mean)", "stderr", "critical: layers passing (mean)", "stderr", "plain: judgeable (all seeds)",
                "critical: judgeable (all seeds)");
        for (ExperimentResult.Summary sum : r.summaries()) {
            for (ExperimentResult.ReadingSummary s : sum.readings()) {
                readings.row(sum.lambda(), s.quantity(), s.figures(), s.test(), s.layers(), s.plainLayers().mean(),
                        s.plainLayers().stderr(), s.criticalLayers().mean(), s.criticalLayers().stderr(), s.plainJudgeable(),
                        s.criticalJudgeable());
            }
        }
        b.table(readings.build());
        b.table(seeds.build());
        b.table(fits.build());
        b.table(dips.build());
        b.table(layers.build());
        b.table(epochs.build());
        b.table(timing.build());
    }

    private static String favoured(DiagnosticFit f, String alternative) {
        var t = f.alternative(alternative);
        return t == null ? "" : String.format(Locale.ROOT, "%s (p = %.2g)", t.favoured(), t.pValue());
    }

    static DiagnosticFit find(List<DiagnosticFit> fits, int layer, String quantity) {
        for (DiagnosticFit f : fits) {
            if (f.layer() == layer && f.quantity().equals(quantity)) {
                return f;
            }
        }
        return null;
    }

    /** Up to {@link #PLOT_POINTS} points of a decreasing sample against its rank, evenly spaced in log rank. */
    static Series thinnedRank(String name, double[] decreasing) {
        int n = decreasing.length;
        List<double[]> pts = new ArrayList<>();
        int last = -1;
        for (int k = 0; k < PLOT_POINTS && n > 0; k++) {
            int idx = (int) Math.round(Math.pow(n, k / (double) (PLOT_POINTS - 1))) - 1;
            idx = Math.max(0, Math.min(n - 1, idx));
            if (idx != last && decreasing[idx] > 0) {
                pts.add(new double[] {idx + 1, decreasing[idx]});
                last = idx;
            }
        }
        return Series.markers(name, pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray());
    }

    /** The fitted power law in rank space over the tail's ranks 1..n_tail. */
    static Series rankFitLine(String name, DiagnosticFit f) {
        int points = 30;
        double[] r = new double[points];
        double[] x = new double[points];
        for (int k = 0; k < points; k++) {
            r[k] = Math.pow(f.nTail(), k / (double) (points - 1));
            x[k] = f.xmin() * Math.pow(r[k] / f.nTail(), -1 / (f.alpha() - 1));
        }
        return Series.line(name, r, x);
    }

    /** One line about a fit, for summaries. */
    public static String describe(DiagnosticFit f) {
        if (!f.fitted()) {
            return String.format(Locale.ROOT, "%s layer %d %s: %s", f.run(), f.layer(), f.quantity(), f.why());
        }
        return String.format(Locale.ROOT, "%s layer %d %s: alpha = %.3f +- %.3f, x_min = %.4g, n_tail = %d/%d -> %s", f.run(),
                f.layer(), f.quantity(), f.alpha(), f.alphaStderr(), f.xmin(), f.nTail(), f.values(), f.why());
    }

    /** Formats a vector of numbers for summaries. */
    static String list(double[] v) {
        return Arrays.toString(Arrays.stream(v).mapToObj(x -> String.format(Locale.ROOT, "%.3g", x)).toArray());
    }
}
