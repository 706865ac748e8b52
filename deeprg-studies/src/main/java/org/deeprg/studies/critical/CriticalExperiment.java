package org.deeprg.studies.critical;

import org.deeprg.train.LayerDiagnostics;
import org.deeprg.train.DataSource;
import org.deeprg.train.Trainer;
import org.deeprg.train.TrainingSpec;
import org.deeprg.train.EpochStats;
import org.deeprg.train.DiagnosticFit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.deeprg.InvalidInputException;
import org.deeprg.fit.PowerLaw;
import org.deeprg.fit.PowerLawFit;
import org.deeprg.run.Progress;
import org.deeprg.random.RandomStreams;
import org.deeprg.result.Figure;
import org.deeprg.result.Series;

/**
 * The experiment of Sec. 3 of arXiv:1705.11023: one network, data set and seed trained twice, without and with the
 * critical regulariser, then the diagnostics of Figs. 3-8 ({@link LayerDiagnostics}) on the test set, each judged
 * by a Clauset-Shalizi-Newman power-law analysis.
 *
 * <p>Both runs use the same streams ({@code streams.split("training")}): identical initial weights and identical
 * mini-batch order, so the regulariser is the only difference. The fit of (run r, layer l, quantity q) uses
 * {@code streams.split("fits").split(r).split(l).split(q)}.
 */
public final class CriticalExperiment {
    /** Quantities in figure order. */
    public static final List<String> QUANTITIES = List.of("activationPatternCounts", "meanActivations", "weightedDegrees");
    /** Most points drawn per series of the rank plots (thinned evenly in log rank). */
    static final int PLOT_POINTS = 400;

    private CriticalExperiment() {
    }

    /**
     * One trained network with its diagnostics.
     *
     * @param name        "plain" or "critical"
     * @param lambda      regulariser strength used
     * @param epochs      per-epoch numbers
     * @param millisPerStep          mean wall time of a training step
     * @param millisPerRegulariser   mean wall time of one regulariser application (all hidden layers)
     * @param regulariserApplications number of steps that applied it
     * @param regulariserFraction    share of the training time spent in the regulariser
     * @param diagnostics the per-layer measurements (not serialised: large; their fits are)
     */
    public record Run(String name, double lambda, List<EpochStats> epochs, double millisPerStep, double millisPerRegulariser,
                      long regulariserApplications, double regulariserFraction,
                      @com.fasterxml.jackson.annotation.JsonIgnore List<LayerDiagnostics> diagnostics) {
        /** Test accuracy after the last epoch. */
        @com.fasterxml.jackson.annotation.JsonProperty("finalTestAccuracy")
        public double finalTestAccuracy() {
            return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).testAccuracy();
        }
    }

    /** Trains one run and measures its diagnostics. */
    public static Run train(String name, TrainingSpec spec, DataSource.Split data, RandomStreams streams, Progress progress) {
        Trainer t = new Trainer(spec, data.train(), data.test(), streams.split("training"));
        List<EpochStats> h = t.run(progress, null);
        List<LayerDiagnostics> d = LayerDiagnostics.measure(t.parameters(), data.test(), 256);
        return new Run(name, spec.lambda(), h, t.millisPerStep(), t.millisPerRegulariser(), t.regulariserApplications(),
                t.regulariserFraction(), d);
    }

    /** The CSN analyses of every diagnostic of a run ({@code bootstrap} goodness-of-fit resamples each). */
    public static List<DiagnosticFit> fit(Run run, int bootstrap, RandomStreams streams, int threads) {
        List<DiagnosticFit> out = new ArrayList<>();
        for (LayerDiagnostics d : run.diagnostics()) {
            for (int q = 0; q < QUANTITIES.size(); q++) {
                String quantity = QUANTITIES.get(q);
                double[] values = values(d, quantity);
                RandomStreams s = streams.split("fits").split(run.name()).split(d.layer()).split(quantity);
                PowerLaw.Kind kind = q == 0 ? PowerLaw.Kind.DISCRETE : PowerLaw.Kind.CONTINUOUS;
                PowerLawFit fit = null;
                String reason = "";
                if (q == 0 && Arrays.stream(values).allMatch(v -> v == values[0])) {
                    reason = values.length + " distinct patterns in " + d.examples() + " examples, every one seen "
                            + (int) values[0] + " time(s): no distribution to fit";
                } else {
                    try {
                        fit = PowerLaw.analyse(values, kind, bootstrap, s, threads);
                    } catch (InvalidInputException e) {
                        reason = e.allowed() + " (" + values.length + " values)";
                    }
                }
                out.add(DiagnosticFit.of(run.name(), d.layer(), quantity, values.length, fit, reason,
                        Arrays.stream(values).max().orElse(Double.NaN)));
            }
        }
        return out;
    }

    /** The values analysed for a quantity: pattern counts, positive mean activations, weighted degrees. */
    static double[] values(LayerDiagnostics d, String quantity) {
        return switch (quantity) {
            case "activationPatternCounts" -> Arrays.stream(d.patternCounts()).asDoubleStream().toArray();
            case "meanActivations" -> Arrays.stream(d.meanActivations()).filter(v -> v > 0).toArray();
            default -> d.weightedDegrees().clone();
        };
    }

    // ---------------------------------------------------------------- figures

    /** Figs. 3-4 (q = 0) or 5-6 (q = 1): value against rank per layer, log-log, with the fitted tails. */
    public static Figure rankFigure(String figureName, String title, Run run, List<DiagnosticFit> fits, int q) {
        String quantity = QUANTITIES.get(q);
        List<Series> series = new ArrayList<>();
        for (LayerDiagnostics d : run.diagnostics()) {
            double[] v = values(d, quantity);
            series.add(thinnedRank("layer " + d.layer(), v));
            DiagnosticFit f = find(fits, run.name(), d.layer(), quantity);
            if (f != null && f.fit() != null) {
                series.add(rankFitLine("layer " + d.layer() + " fit", f.fit()));
            }
        }
        String what = q == 0 ? "count of each distinct binary activation pattern (units > 0) over the test set, "
                + "ranked in decreasing order, one rank per pattern (ties not collapsed)"
                : "mean activation of the layer for each test example, ranked in decreasing order";
        return new Figure(figureName, title, "rank", q == 0 ? "pattern count" : "mean layer activation", true, true,
                series, "Markers: " + what + "; " + run.name() + " network (lambda = " + run.lambda() + "). Lines: the CSN "
                        + "maximum-likelihood power law of the values above x_min drawn in rank space, "
                        + "x(r) = x_min (r/n_tail)^(-1/(alpha-1)); their exponents, errors and p-values are in the fits table.");
    }

    /** Figs. 7-8: histogram of the weighted node degrees per layer on log-spaced bins, with the fitted tail. */
    public static Figure degreeFigure(String figureName, String title, Run run, List<DiagnosticFit> fits) {
        List<Series> series = new ArrayList<>();
        for (LayerDiagnostics d : run.diagnostics()) {
            double[] v = d.weightedDegrees();
            double min = Arrays.stream(v).min().orElse(1);
            double max = Arrays.stream(v).max().orElse(1);
            int bins = 20;
            double ratio = Math.pow(max / min * (1 + 1e-9), 1.0 / bins);
            double[] edges = new double[bins + 1];
            for (int k = 0; k <= bins; k++) {
                edges[k] = min * Math.pow(ratio, k);
            }
            double[] counts = new double[bins];
            for (double x : v) {
                int k = (int) Math.min(bins - 1, Math.floor(Math.log(x / min) / Math.log(ratio)));
                counts[Math.max(k, 0)]++;
            }
            List<double[]> xy = new ArrayList<>();
            for (int k = 0; k < bins; k++) {
                if (counts[k] > 0) {
                    xy.add(new double[] {Math.sqrt(edges[k] * edges[k + 1]), counts[k]});
                }
            }
            series.add(Series.markers("layer " + d.layer(), xy.stream().mapToDouble(p -> p[0]).toArray(),
                    xy.stream().mapToDouble(p -> p[1]).toArray()));
            DiagnosticFit f = find(fits, run.name(), d.layer(), "weightedDegrees");
            if (f != null && f.fit() != null) {
                PowerLawFit p = f.fit();
                List<double[]> line = new ArrayList<>();
                for (int k = 0; k < bins; k++) {
                    if (edges[k + 1] > p.xmin()) {
                        double from = Math.max(edges[k], p.xmin()); // the bin holding x_min counts only its part above it
                        double expected = p.nTail() * (Math.pow(from / p.xmin(), 1 - p.alpha())
                                - Math.pow(edges[k + 1] / p.xmin(), 1 - p.alpha()));
                        line.add(new double[] {Math.sqrt(edges[k] * edges[k + 1]), expected});
                    }
                }
                if (!line.isEmpty()) {
                    series.add(Series.line("layer " + d.layer() + " fit", line.stream().mapToDouble(x -> x[0]).toArray(),
                            line.stream().mapToDouble(x -> x[1]).toArray()));
                }
            }
        }
        return new Figure(figureName, title, "weighted degree sum_j |W_ij|", "count per log-spaced bin", true, true, series,
                "Markers: histogram (20 log-spaced bins per layer) of the weighted out-degree of each unit, " + run.name()
                        + " network (lambda = " + run.lambda() + "). Lines: counts expected in each bin above x_min from the "
                        + "CSN power-law fit.");
    }

    /** Test and training accuracy per epoch of both runs. */
    public static Figure accuracyFigure(Run plain, Run critical) {
        List<Series> s = new ArrayList<>();
        for (Run r : List.of(plain, critical)) {
            double[] e = r.epochs().stream().mapToDouble(EpochStats::epoch).toArray();
            s.add(new Series(r.name() + " test", e, r.epochs().stream().mapToDouble(EpochStats::testAccuracy).toArray(),
                    null, Series.Style.LINE_AND_MARKERS));
            s.add(new Series(r.name() + " train", e, r.epochs().stream().mapToDouble(EpochStats::trainAccuracy).toArray(),
                    null, Series.Style.LINE_AND_MARKERS));
        }
        return new Figure("accuracy", "Accuracy per epoch", "epoch", "accuracy", false, false, s,
                "Training accuracy (measured during each epoch) and test accuracy (after each epoch) without (plain) and "
                        + "with (critical) the critical regulariser; same initial weights and batch order.");
    }

    /** The fit of (run, layer, quantity), or null. */
    static DiagnosticFit find(List<DiagnosticFit> fits, String run, int layer, String quantity) {
        for (DiagnosticFit f : fits) {
            if (f.run().equals(run) && f.layer() == layer && f.quantity().equals(quantity)) {
                return f;
            }
        }
        return null;
    }

    private static Series thinnedRank(String name, double[] decreasing) {
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

    private static Series rankFitLine(String name, PowerLawFit fit) {
        int points = 30;
        double[] r = new double[points];
        double[] x = new double[points];
        for (int k = 0; k < points; k++) {
            r[k] = Math.pow(fit.nTail(), k / (double) (points - 1));
            x[k] = fit.xmin() * Math.pow(r[k] / fit.nTail(), -1 / (fit.alpha() - 1));
        }
        return Series.line(name, r, x);
    }

    /** One line per fit for summaries. */
    public static String describe(DiagnosticFit f) {
        if (f.fit() == null) {
            return String.format(Locale.ROOT, "%s layer %d %s: no fit (%s)", f.run(), f.layer(), f.quantity(), f.reason());
        }
        PowerLawFit p = f.fit();
        return String.format(Locale.ROOT, "%s layer %d %s: alpha = %.3f +- %.3f, x_min = %.4g, n_tail = %d/%d, %.2f decades, p = %.2f -> %s",
                f.run(), f.layer(), f.quantity(), p.alpha(), p.alphaStderr(), p.xmin(), p.nTail(), p.n(), f.tailDecades(), p.pValue(),
                f.powerLawBehaviour() ? "power law" : "not a power law");
    }
}
