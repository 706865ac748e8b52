package org.deeprg.fit;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.rng.UniformRandomProvider;
import org.deeprg.InvalidInputException;
import org.deeprg.random.RandomStreams;
import org.deeprg.run.Progress;
import org.deeprg.run.RunContext;
import org.deeprg.run.Task;
import org.deeprg.stats.Estimate;

/**
 * Clauset-Shalizi-Newman power-law analysis (A. Clauset, C. R. Shalizi, M. E. J. Newman, "Power-law distributions in
 * empirical data", SIAM Review 51, 661 (2009), "CSN"): the one implementation in deeprg, used by
 * {@code critical powerlaw} and by the criticality studies.
 *
 * <h2>What it does</h2>
 * <ol>
 * <li>\( x_{min} \): the exact minimiser of the two-sided KS distance over every distinct value (or a range of them),
 *     or a fixed value ({@link XminScan}, {@link KsScan}); \( \alpha \) the maximum-likelihood exponent at each
 *     candidate (continuous CSN Eq. 3.1, discrete exact Eq. 3.5 or closed form Eq. 3.7; bounded above by
 *     \( x_{max} \) if asked).</li>
 * <li>Alternatives fitted by maximum likelihood on the same tail, normalised on it ({@link Fitter}), each compared
 *     with the power law by Vuong's test, nested pairs by Wilks' \( \chi^2_1 \) ({@link ModelComparison}); any other
 *     pair on request.</li>
 * <li>Goodness of fit (CSN Sec. 4.1): B semi-parametric synthetic samples (each point from the fitted law with
 *     probability \( n_{tail}/n \), else drawn uniformly from the observed values outside the tail), each refitted
 *     with the same \( x_{min} \) procedure; p = fraction whose KS distance is at least the data's. A refit that has
 *     no candidate counts as at least as far (conservative).</li>
 * <li>Uncertainties (CSN Sec. 3.3): the whole fit repeated on U resamples of the data with replacement; the standard
 *     deviations over them are the standard errors of \( x_{min} \), \( \alpha \), KS and \( n_{tail} \).</li>
 * </ol>
 *
 * <h2>Reproducibility</h2>
 * Both bootstraps are distributable jobs ({@link RunContext#map}): resample b draws from
 * {@code context.streams().split("goodnessOfFit").split(b)} (resp. {@code "uncertainty"}) and refits on one thread;
 * results are combined in index order. The scan and the fits are deterministic and combine parallel sums in fixed
 * blocks. Hence the result is bit-identical for any thread count and backend (tested with
 * {@code Reproducibility.assertSameForAnyThreads}). The tasks carry the observed values they resample (the values
 * outside the tail, or the whole sample): a distributed backend ships them with the job.
 *
 * <h2>Conventions where deeprg differs from the {@code powerlaw} Python package</h2>
 * Two-sided KS distance (the package compares the CDFs only at the data values from one side); no default range on
 * \( \alpha \) (the package's [0, 3] can silently reject the true \( x_{min} \)); every distinct value is a candidate
 * (the package samples a log grid unless told otherwise); exact discrete normalisations (the package rounds a
 * continuous density by default); the lognormal's power-law limit is reported as such; nested pairs are fixed
 * (truncated power law over power law and exponential, stretched exponential over exponential, lognormal over
 * positive lognormal) rather than guessed from the names. See docs/powerlaw.md.
 */
public final class PowerLaw {
    /** Smallest sample accepted (CSN recommend at least 50 values to estimate x_min). */
    public static final int MIN_POINTS = 50;
    /** Smallest tail (points in [x_min, x_max]) of a fit. */
    public static final int MIN_TAIL = XminScan.MIN_TAIL;
    /** Resamples per batch of a bootstrap job (progress is reported between batches). */
    static final int BATCH = 64;

    /** Continuous or discrete power law (AUTO: discrete when every value is an integer). */
    public enum Kind {
        CONTINUOUS, DISCRETE, AUTO;

        /** DISCRETE if every value is an integer, else CONTINUOUS. */
        public static Kind detect(double[] data) {
            for (double x : data) {
                if (x != Math.rint(x)) {
                    return CONTINUOUS;
                }
            }
            return DISCRETE;
        }

        /** "continuous", "discrete" or "auto". */
        public static Kind parse(String parameter, String text) {
            switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "continuous":
                    return CONTINUOUS;
                case "discrete":
                    return DISCRETE;
                case "auto":
                    return AUTO;
                default:
                    throw new InvalidInputException(parameter, text, "must be auto, continuous or discrete");
            }
        }
    }

    private PowerLaw() {
    }

    // ================================================================================================ entry points

    /** The analysis of a sample file ({@code deeprg critical powerlaw}); errors about the data name the file. */
    public static PowerLawResult run(PowerLawSpec spec, RunContext context) {
        double[] data = PowerLawData.read(spec.input());
        try {
            return analyse(data, spec.options(), context);
        } catch (InvalidInputException e) {
            if ("data".equals(e.parameter())) {
                throw InvalidInputException.file(spec.input(), e.allowed());
            }
            throw e;
        }
    }

    /**
     * The full analysis of in-memory data (not modified): the entry point for library callers and studies.
     *
     * @throws InvalidInputException (parameter {@code data}) for fewer than {@value #MIN_POINTS} values, a value that
     *                               is not positive and finite, a non-integer in a discrete analysis, all values equal,
     *                               or no x_min candidate; ({@code xmin}) for a fixed x_min above the largest value or
     *                               leaving fewer than {@value #MIN_TAIL} points, or not an integer for discrete data;
     *                               ({@code xmax}) for an x_max below every value
     */
    public static PowerLawResult analyse(double[] data, PowerLawOptions options, RunContext context) {
        Prepared p = prepare(data, options, context.threads());
        Progress progress = context.progress();
        TailFit fit = p.fit;
        SortedSample sample = p.sample;
        TailSample tail = new TailSample(sample, fit, context.threads());
        PowerLawDistribution law = fit.distribution();
        double[] lawLogs = tail.logDensities(law);
        FittedModel powerLaw = new FittedModel(Model.POWER_LAW, law.parameters(), Fitter.powerLawErrors(fit.alphaStderr()),
                tail.logLikelihood(lawLogs), null, law);

        // alternatives: the requested ones and every model named in a pair
        Set<Model> wanted = new LinkedHashSet<>(options.alternatives());
        for (ModelPair pair : options.pairs()) {
            for (Model m : List.of(pair.first(), pair.second())) {
                if (m != Model.POWER_LAW) {
                    wanted.add(m);
                }
            }
        }
        progress.start("alternatives", wanted.size());
        Map<Model, FittedModel> fitted = new EnumMap<>(Model.class);
        Map<Model, double[]> logs = new EnumMap<>(Model.class);
        fitted.put(Model.POWER_LAW, powerLaw);
        logs.put(Model.POWER_LAW, lawLogs);
        FittedModel exponential = null;
        if (wanted.contains(Model.EXPONENTIAL) || wanted.contains(Model.STRETCHED_EXPONENTIAL)
                || wanted.contains(Model.TRUNCATED_POWER_LAW)) {
            exponential = fitAlternative(Model.EXPONENTIAL, tail, fit, null);
        }
        for (Model m : wanted) {
            FittedModel f = m == Model.EXPONENTIAL ? exponential : fitAlternative(m, tail, fit, exponential);
            fitted.put(m, f);
            if (f.ok()) {
                logs.put(m, tail.logDensities(f.distribution()));
            }
            progress.advance(1);
        }
        List<PowerLawResult.Alternative> alternatives = new ArrayList<>();
        List<FittedModel> fits = new ArrayList<>();
        for (Model m : wanted) {
            FittedModel f = fitted.get(m);
            ModelComparison vs = f.ok() ? ModelComparison.of(Model.POWER_LAW, lawLogs, m, logs.get(m), tail.counts) : null;
            alternatives.add(new PowerLawResult.Alternative(m, f.parameters(), f.standardErrors(), f.logLikelihood(), f.note(), vs));
            fits.add(f);
        }
        List<ModelComparison> comparisons = new ArrayList<>();
        for (ModelPair pair : options.pairs()) {
            double[] a = logs.get(pair.first());
            double[] b = logs.get(pair.second());
            if (a != null && b != null) {
                comparisons.add(ModelComparison.of(pair.first(), a, pair.second(), b, tail.counts));
            }
        }

        PowerLawResult.GoodnessOfFit goodness = goodnessOfFit(p, options, law, context);
        PowerLawResult.Uncertainty uncertainty = uncertainty(p, options, context);

        Double alphaClosedForm = null;
        if (sample.discrete && !sample.isBounded()) {
            alphaClosedForm = DiscreteMle.closedForm(fit.nTail(), sample.sumLogRatio(fit.start(), Math.log(fit.xmin() - 0.5)));
        }
        String estimator = sample.discrete && options.discreteEstimate() == DiscreteEstimate.APPROXIMATE
                ? "closedForm" : "maximumLikelihood";
        return new PowerLawResult(sample.total, sample.total - sample.n, sample.discrete, selection(options), fit.candidates(),
                options.xmax(), fit.alpha(), fit.alphaStderr(), estimator, alphaClosedForm, fit.xmin(), fit.nTail(), fit.ks(),
                powerLaw.logLikelihood(), uncertainty, goodness, alternatives, comparisons, powerLaw, fits, sample.x);
    }

    /** The power-law fit alone (x_min by the exact scan or as given, exponent, KS distance). */
    public static TailFit fit(double[] data, PowerLawOptions options, RunContext context) {
        return prepare(data, options, context.threads()).fit;
    }

    /**
     * A CSN semi-parametric synthetic sample of the size of {@code data} (sorted): each value drawn from the fitted power
     * law with probability \( n_{tail}/n \), otherwise uniformly from the observed values outside the tail.
     */
    public static double[] syntheticSample(double[] data, PowerLawResult result, UniformRandomProvider rng) {
        double[] sorted = data.clone();
        Arrays.sort(sorted);
        double upper = result.xmax() == null ? Double.POSITIVE_INFINITY : result.xmax();
        List<Double> outside = new ArrayList<>();
        for (double x : sorted) {
            if (x < result.xmin() || x > upper) {
                outside.add(x);
            }
        }
        double[] out = outside.stream().mapToDouble(Double::doubleValue).toArray();
        return synthetic(out, result.powerLaw().distribution(), sorted.length, result.nTail(), rng);
    }

    // ================================================================================================ preparation

    /** The sorted sample and the power-law fit. */
    record Prepared(SortedSample sample, TailFit fit, ScanSettings settings) {
    }

    /**
     * What a refit needs to repeat the x_min procedure (serialisable: bootstrap tasks carry it).
     *
     * @param discrete      discrete analysis
     * @param xmax          upper bound (+infinity when unbounded)
     * @param choice        fixed x_min or scan range
     * @param exactDiscrete exact discrete MLE (false: CSN Eq. 3.7)
     */
    record ScanSettings(boolean discrete, double xmax, XminScan.Choice choice, boolean exactDiscrete) implements Serializable {
        /** The fit of sorted data, or null when no candidate exists. */
        TailFit fit(double[] sorted, int threads) {
            return XminScan.fit(new SortedSample(sorted, discrete, xmax, threads), choice, exactDiscrete, threads, false);
        }
    }

    static Prepared prepare(double[] data, PowerLawOptions options, int threads) {
        if (data.length < MIN_POINTS) {
            throw new InvalidInputException("data", data.length + " values",
                    data.length + " values: a power-law fit needs at least " + MIN_POINTS + " positive values");
        }
        PowerLaw.Kind kind = options.type() == Kind.AUTO ? Kind.detect(data) : options.type();
        boolean discrete = kind == Kind.DISCRETE;
        for (int i = 0; i < data.length; i++) {
            double x = data[i];
            if (!(x > 0) || !Double.isFinite(x)) {
                throw new InvalidInputException("data", x, "value " + (i + 1) + " (" + x + ") is not a positive finite number: "
                        + "a power law lives on x > 0");
            }
            if (discrete && x != Math.rint(x)) {
                throw new InvalidInputException("data", x, "value " + (i + 1) + " (" + x + ") is not an integer: a discrete "
                        + "fit needs integers (use type continuous)");
            }
        }
        if (discrete && options.xmin() != null && options.xmin() != Math.rint(options.xmin())) {
            throw new InvalidInputException("xmin", options.xmin(), "must be an integer for discrete data");
        }
        if (discrete && options.xmax() != null && options.xmax() != Math.rint(options.xmax())) {
            throw new InvalidInputException("xmax", options.xmax(), "must be an integer for discrete data");
        }
        double[] sorted = data.clone();
        if (threads > 1 && sorted.length > 1 << 16) {
            Arrays.parallelSort(sorted);
        } else {
            Arrays.sort(sorted);
        }
        double max = sorted[sorted.length - 1];
        double min = sorted[0];
        if (options.xmin() != null && options.xmin() > max) {
            throw new InvalidInputException("xmin", options.xmin(), "is above the largest value " + max + " of the data");
        }
        if (options.xminLower() != null && options.xminLower() > max) {
            throw new InvalidInputException("xminRange", options.xminLower() + ":" + options.xminUpper(),
                    "starts above the largest value " + max + " of the data");
        }
        if (options.xmax() != null && options.xmax() < min) {
            throw new InvalidInputException("xmax", options.xmax(), "is below every value (the smallest is " + min + ")");
        }
        double xmax = options.xmax() == null ? Double.POSITIVE_INFINITY : options.xmax();
        ScanSettings settings = new ScanSettings(discrete, xmax, options.choice(),
                options.discreteEstimate() == DiscreteEstimate.EXACT);
        SortedSample sample = new SortedSample(sorted, discrete, xmax, threads);
        if (min == max) {
            throw new InvalidInputException("data", "all " + data.length + " values = " + min, "all values equal: no tail to fit");
        }
        if (options.xmin() != null) {
            int tailSize = sample.n - sample.lowerBound(options.xmin());
            if (tailSize < MIN_TAIL) {
                throw new InvalidInputException("xmin", options.xmin(), "leaves " + tailSize + " values in the tail"
                        + (options.xmax() != null ? " [x_min, x_max]" : "") + "; a fit needs at least " + MIN_TAIL);
            }
        }
        TailFit fit = XminScan.fit(sample, settings.choice(), settings.exactDiscrete(), threads, false);
        if (fit == null) {
            String reason = XminScan.noCandidateReason(sample, settings.choice());
            if (options.xmin() != null) {
                throw new InvalidInputException("xmin", options.xmin(), "no power law can be fitted above it: the tail has"
                        + " a single distinct value or no finite exponent");
            }
            if (options.xminLower() != null || options.xminUpper() != null) {
                throw new InvalidInputException("xminRange", options.xminLower() + ":" + options.xminUpper(), reason);
            }
            throw new InvalidInputException("data", data.length + " values", reason);
        }
        return new Prepared(sample, fit, settings);
    }

    private static String selection(PowerLawOptions options) {
        if (options.xmin() != null) {
            return "fixed";
        }
        if (options.xminLower() != null || options.xminUpper() != null) {
            return "scan in [" + (options.xminLower() == null ? "-" : options.xminLower()) + ", "
                    + (options.xminUpper() == null ? "-" : options.xminUpper()) + "]";
        }
        return "scan";
    }

    private static FittedModel fitAlternative(Model model, TailSample tail, TailFit fit, FittedModel exponential) {
        try {
            Fitter.Raw raw = switch (model) {
                case EXPONENTIAL -> Fitter.exponential(tail);
                case STRETCHED_EXPONENTIAL -> Fitter.stretchedExponential(tail, exponential);
                case LOGNORMAL -> Fitter.lognormal(tail, false);
                case LOGNORMAL_POSITIVE -> Fitter.lognormal(tail, true);
                case TRUNCATED_POWER_LAW -> Fitter.truncatedPowerLaw(tail, fit.alpha(), exponential);
                case POWER_LAW -> throw new IllegalArgumentException("the power law is not an alternative");
            };
            double ll = tail.logLikelihood(tail.logDensities(raw.distribution()));
            return new FittedModel(model, raw.distribution().parameters(), raw.standardErrors(), ll, raw.note(), raw.distribution());
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException e) {
            return FittedModel.failed(model, "no maximum-likelihood fit on this tail: " + e.getMessage());
        }
    }

    // ================================================================================================ bootstraps

    static double[] synthetic(double[] outside, TailDistribution law, int n, int nTail, UniformRandomProvider rng) {
        double pTail = nTail / (double) n;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            if (outside.length == 0 || rng.nextDouble() < pTail) {
                out[i] = law.sample(rng);
            } else {
                out[i] = outside[rng.nextInt(outside.length)];
            }
        }
        Arrays.sort(out);
        return out;
    }

    /**
     * Goodness-of-fit resample b: a synthetic sample from {@code streams.split(b)}, refitted; its KS distance
     * (+infinity when the refit has no candidate).
     *
     * @param streams  the job's streams
     * @param outside  observed values outside the tail (below x_min, above x_max)
     * @param law      the fitted power law
     * @param n        sample size
     * @param nTail    tail size
     * @param settings the x_min procedure
     */
    record GoodnessOfFitTask(RandomStreams streams, double[] outside, PowerLawDistribution law, int n, int nTail,
                             ScanSettings settings) implements Task<Double> {
        @Override
        public Double run(int b) {
            double[] x = synthetic(outside, law, n, nTail, streams.split(b).generator());
            TailFit f = settings.fit(x, 1);
            return f == null ? Double.POSITIVE_INFINITY : f.ks();
        }
    }

    /**
     * Uncertainty resample b: the data resampled with replacement from {@code streams.split(b)}, refitted;
     * {x_min, alpha, KS, n_tail} (NaNs when the refit has no candidate).
     */
    record UncertaintyTask(RandomStreams streams, double[] sorted, ScanSettings settings) implements Task<double[]> {
        @Override
        public double[] run(int b) {
            UniformRandomProvider rng = streams.split(b).generator();
            double[] x = new double[sorted.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = sorted[rng.nextInt(sorted.length)];
            }
            Arrays.sort(x);
            TailFit f = settings.fit(x, 1);
            return f == null ? new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN}
                    : new double[] {f.xmin(), f.alpha(), f.ks(), f.nTail()};
        }
    }

    /** Runs a job in batches (progress between batches); results in index order. */
    private static <R extends Serializable> List<R> batches(RunContext context, String label, int count, Task<R> task) {
        Progress progress = context.progress();
        progress.start(label, count);
        List<R> out = new ArrayList<>(count);
        for (int start = 0; start < count; start += BATCH) {
            int from = start;
            int size = Math.min(BATCH, count - start);
            out.addAll(context.map(size, i -> task.run(from + i)));
            progress.advance(size);
        }
        return out;
    }

    private static PowerLawResult.GoodnessOfFit goodnessOfFit(Prepared p, PowerLawOptions options, PowerLawDistribution law,
                                                              RunContext context) {
        int resamples = options.bootstrap();
        if (resamples == 0) {
            return new PowerLawResult.GoodnessOfFit(0, null, null, "not computed: no bootstrap resamples asked for");
        }
        GoodnessOfFitTask task = new GoodnessOfFitTask(context.streams().split("goodnessOfFit"),
                p.sample.outsideTail(p.fit.start()), law, p.sample.total, p.fit.nTail(), p.settings);
        List<Double> ks = batches(context, "goodness-of-fit bootstrap", resamples, task);
        int atLeast = 0;
        for (double d : ks) {
            if (d >= p.fit.ks()) {
                atLeast++;
            }
        }
        double pValue = atLeast / (double) resamples;
        Estimate e = Estimate.of(pValue, Math.sqrt(pValue * (1 - pValue) / resamples), resamples);
        String note = null;
        if (atLeast == 0 || atLeast == resamples) {
            String bound = atLeast == 0 ? "below 1/B = " : "above 1 - 1/B = 1 - ";
            e = e.unreliable("the binomial error vanishes when no resample (or every one) is as far as the data: p is "
                    + bound + String.format(Locale.ROOT, "%.3g", 1.0 / resamples));
            note = "p-value at the end of its range: more resamples would resolve it";
        }
        return new PowerLawResult.GoodnessOfFit(resamples, e, pValue >= 0.1, note);
    }

    private static PowerLawResult.Uncertainty uncertainty(Prepared p, PowerLawOptions options, RunContext context) {
        int resamples = options.uncertaintyResamples();
        if (resamples == 0) {
            return new PowerLawResult.Uncertainty(0, null, null, null, null, "not computed: no uncertainty resamples asked for");
        }
        double[] sorted = Arrays.copyOf(p.sample.x, p.sample.total);
        UncertaintyTask task = new UncertaintyTask(context.streams().split("uncertainty"), sorted, p.settings);
        List<double[]> rows = batches(context, "uncertainty bootstrap", resamples, task);
        double[][] columns = new double[4][];
        int good = 0;
        for (double[] r : rows) {
            if (!Double.isNaN(r[0])) {
                good++;
            }
        }
        for (int c = 0; c < 4; c++) {
            columns[c] = new double[good];
        }
        int i = 0;
        for (double[] r : rows) {
            if (!Double.isNaN(r[0])) {
                for (int c = 0; c < 4; c++) {
                    columns[c][i] = r[c];
                }
                i++;
            }
        }
        TailFit f = p.fit;
        double[] point = {f.xmin(), f.alpha(), f.ks(), f.nTail()};
        Estimate[] e = new Estimate[4];
        String note = good < resamples ? (resamples - good) + " resamples had no x_min candidate and were left out" : null;
        for (int c = 0; c < 4; c++) {
            double sd = good >= 2 ? standardDeviation(columns[c]) : Double.NaN;
            e[c] = Estimate.of(point[c], Double.isNaN(sd) ? 0 : sd, good);
            if (good < 50) {
                e[c] = e[c].unreliable("fewer than 50 bootstrap resamples (" + good + ")");
            }
        }
        if (options.xmin() != null) {
            e[0] = Estimate.exact(f.xmin());
        }
        return new PowerLawResult.Uncertainty(resamples, e[0], e[1], e[2], e[3], note);
    }

    private static double standardDeviation(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x;
        }
        mean /= v.length;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (v.length - 1));
    }

    // ================================================================================================ legacy API

    /**
     * The analysis in the form the criticality experiment reads ({@link PowerLawFit}): exact scan, the lognormal,
     * exponential and truncated-power-law comparisons, {@code bootstrap} goodness-of-fit resamples drawn from
     * {@code streams.split("goodnessOfFit")}. Same code as {@link #analyse(double[], PowerLawOptions, RunContext)}.
     */
    public static PowerLawFit analyse(double[] data, Kind kind, int bootstrap, RandomStreams streams, int threads) {
        InvalidInputException.requireInRange("bootstrap", bootstrap, 0, PowerLawOptions.MAX_RESAMPLES);
        PowerLawOptions options = PowerLawOptions.defaults().withType(kind).withBootstrap(bootstrap)
                .withAlternatives(List.of(Model.LOGNORMAL, Model.EXPONENTIAL, Model.TRUNCATED_POWER_LAW));
        PowerLawResult r = analyse(data, options, new RunContext(streams, Math.max(1, threads), org.deeprg.run.LocalBackend.INSTANCE,
                Progress.NONE));
        return legacy(r);
    }

    /** The {@link PowerLawFit} view of a result. */
    public static PowerLawFit legacy(PowerLawResult r) {
        List<Comparison> comparisons = new ArrayList<>();
        for (PowerLawResult.Alternative a : r.alternatives()) {
            ModelComparison c = a.vsPowerLaw();
            Map<String, Double> parameters = a.parameters() == null ? Map.of() : new LinkedHashMap<>(a.parameters());
            if (c == null) {
                comparisons.add(new Comparison(a.name().key(), Double.NaN, Double.NaN, Double.NaN, "neither", parameters));
            } else {
                comparisons.add(new Comparison(a.name().key(), c.logLikelihoodRatio(), c.normalizedRatio(), c.pValue(),
                        c.favoured(), parameters));
            }
        }
        PowerLawResult.GoodnessOfFit g = r.goodnessOfFit();
        double p = g.pValue() == null ? Double.NaN : g.pValue().mean();
        double pErr = g.pValue() == null ? Double.NaN : g.pValue().stderr();
        return new PowerLawFit(r.alpha(), r.alphaStderr(), r.xmin(), r.ks(), p, pErr, g.resamples(), r.nTail(), r.n(),
                r.discrete(), true, comparisons);
    }

    /** The tail fit of {@code data} (not modified) with x_min scanned exactly. */
    public static TailFit fit(double[] data, Kind kind, int threads) {
        return prepare(data, PowerLawOptions.defaults().withType(kind), Math.max(1, threads)).fit;
    }

    /** The power law with a fixed x_min (no scan). */
    public static TailFit fitFixedXmin(double[] data, Kind kind, double xmin) {
        return prepare(data, PowerLawOptions.defaults().withType(kind).withXmin(xmin), 1).fit;
    }
}
