package org.deeprg.train;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeprg.InvalidInputException;
import org.deeprg.fit.Comparison;
import org.deeprg.fit.PowerLaw;
import org.deeprg.fit.PowerLawFit;
import org.deeprg.random.RandomStreams;

/**
 * The Clauset-Shalizi-Newman power-law analysis of one reading (Figs. 3-6) of one hidden layer of one trained network,
 * and whether it shows power-law behaviour.
 *
 * <p>Power-law behaviour (the test of "strong linear behaviour on the log-log scale"): a fit exists, its bootstrap
 * goodness-of-fit p-value is at least 0.1, neither the lognormal nor the exponential is significantly (p below 0.1)
 * favoured by the likelihood-ratio test, and the fitted tail spans at least {@value #MIN_DECADES} decade of the values
 * (scale invariance needs a range of scales: a steep law fitted to the top few percent of the values over a factor of
 * 1.5 says nothing about it). A sample whose values are all equal (every activation pattern seen once) is no
 * distribution: it gets no fit and does not count as evidence either way.
 *
 * @param run          {@code plain} or {@code critical}
 * @param seed         0-based seed index
 * @param layer        1-based hidden layer
 * @param quantity     the reading ({@link Diagnostic#key()})
 * @param values       values analysed (positive ones)
 * @param fitted       whether a fit exists
 * @param reason       why there is none (null when fitted)
 * @param alpha        fitted exponent of the density (null without fit)
 * @param alphaStderr  its standard error
 * @param xmin         lower end of the tail
 * @param xmax         largest value
 * @param nTail        values in the tail
 * @param ks           Kolmogorov-Smirnov distance of the fit
 * @param pValue       bootstrap goodness-of-fit p-value (null with no resamples)
 * @param pValueStderr its binomial standard error
 * @param bootstrap    resamples behind the p-value
 * @param discrete     discrete (counts) or continuous fit
 * @param alternatives likelihood-ratio tests against the alternatives
 * @param valueDecades \( \log_{10}(x_{max}/x_{min}) \): the decades of values the tail spans
 * @param rankDecades  \( \log_{10} n_{tail} \): the decades of ranks the fitted straight line covers on a rank plot
 * @param powerLawBehaviour the verdict for this layer and reading (see above); false without a fit
 * @param why          one line: why it is or is not power-law behaviour
 */
public record DiagnosticFit(String run, int seed, int layer, String quantity, int values, boolean fitted, String reason,
                            Double alpha, Double alphaStderr, Double xmin, Double xmax, Integer nTail, Double ks,
                            Double pValue, Double pValueStderr, int bootstrap, boolean discrete, List<TailTest> alternatives,
                            Double valueDecades, Double rankDecades, boolean powerLawBehaviour, String why)
        implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Smallest span of the tail, in decades of the values, for power-law behaviour. */
    public static final double MIN_DECADES = 1.0;
    /** Smallest goodness-of-fit p-value for a plausible power law (CSN). */
    public static final double MIN_P_VALUE = 0.1;

    public DiagnosticFit {
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }

    /** No fit, with the reason. */
    public static DiagnosticFit none(String run, int seed, int layer, String quantity, int values, String reason) {
        return new DiagnosticFit(run, seed, layer, quantity, values, false, reason, null, null, null, null, null, null, null,
                null, 0, false, List.of(), null, null, false, "no fit: " + reason);
    }

    /**
     * Analyses the values of one reading ({@code values} positive, decreasing or not) with {@code bootstrap}
     * goodness-of-fit resamples from {@code streams} (sequentially: this runs inside a task).
     */
    public static DiagnosticFit analyse(String run, int seed, int layer, Diagnostic reading, double[] values, int bootstrap,
                                        RandomStreams streams) {
        String q = reading.key();
        if (values.length > 0) {
            boolean allEqual = true;
            for (double v : values) {
                allEqual &= v == values[0];
            }
            if (allEqual) {
                String what = reading == Diagnostic.PATTERN_COUNTS
                        ? "every one of the " + values.length + " distinct patterns occurs " + (long) values[0] + " time(s)"
                        : "all " + values.length + " values equal " + values[0];
                return none(run, seed, layer, q, values.length, what + ": no distribution to fit");
            }
        }
        PowerLawFit f;
        try {
            f = PowerLaw.analyse(values, reading.discrete() ? PowerLaw.Kind.DISCRETE : PowerLaw.Kind.CONTINUOUS, bootstrap,
                    streams, 1);
        } catch (InvalidInputException e) {
            return none(run, seed, layer, q, values.length, e.allowed());
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, v);
        }
        double valueDecades = Math.log10(max / f.xmin());
        double rankDecades = Math.log10(f.nTail());
        List<TailTest> tests = new ArrayList<>();
        String against = null;
        for (Comparison c : f.comparisons()) {
            tests.add(new TailTest(c.alternative(), c.logLikelihoodRatio(), c.pValue(), c.favoured()));
            if ((c.alternative().equals("lognormal") || c.alternative().equals("exponential")) && c.favoured().equals(c.alternative())
                    && against == null) {
                against = String.format(Locale.ROOT, "the %s is favoured (R = %.3g, p = %.2g)", c.alternative(),
                        c.logLikelihoodRatio(), c.pValue());
            }
        }
        Double p = bootstrap > 0 ? f.pValue() : null;
        String why;
        boolean ok;
        if (p == null) {
            ok = false;
            why = "no goodness-of-fit resamples: the power law is not tested";
        } else if (p < MIN_P_VALUE) {
            ok = false;
            why = String.format(Locale.ROOT, "rejected by the goodness-of-fit test (p = %.2f < %.1f)", p, MIN_P_VALUE);
        } else if (against != null) {
            ok = false;
            why = against;
        } else if (valueDecades < MIN_DECADES) {
            ok = false;
            why = String.format(Locale.ROOT, "the tail spans %.2f decades of values (< %.0f): no range of scales", valueDecades,
                    MIN_DECADES);
        } else {
            ok = true;
            why = String.format(Locale.ROOT, "plausible power law (p = %.2f) over %.2f decades of values, %.2f of ranks", p,
                    valueDecades, rankDecades);
        }
        return new DiagnosticFit(run, seed, layer, q, values.length, true, null, f.alpha(), f.alphaStderr(), f.xmin(), max,
                f.nTail(), f.ks(), p, bootstrap > 0 ? f.pValueStderr() : null, bootstrap, f.discrete(), tests, valueDecades,
                rankDecades, ok, why);
    }

    /** The test against the named alternative, or null. */
    public TailTest alternative(String name) {
        for (TailTest t : alternatives) {
            if (t.alternative().equals(name)) {
                return t;
            }
        }
        return null;
    }
}
