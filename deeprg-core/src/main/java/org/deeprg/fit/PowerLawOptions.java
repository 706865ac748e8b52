package org.deeprg.fit;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.deeprg.InvalidInputException;

/**
 * Everything about a power-law analysis except the data: a validated record (bad values throw
 * {@link InvalidInputException} naming the parameter as the command line knows it: {@code xmin} is {@code --xmin},
 * {@code xminRange} is {@code --xmin-range}).
 *
 * @param type                 continuous, discrete, or AUTO (discrete when every value is an integer)
 * @param xmin                 a fixed \( x_{min} \) (no scan), or null
 * @param xminLower            the smallest \( x_{min} \) the scan considers, or null (with {@code xminUpper}: the
 *                             {@code --xmin-range A:B})
 * @param xminUpper            the largest \( x_{min} \) the scan considers, or null
 * @param xmax                 the upper bound of a bounded fit (values above it are left out and every distribution
 *                             is normalised on \( [x_{min}, x_{max}] \)), or null for an unbounded tail
 * @param discreteEstimate     the discrete exponent: exact MLE or CSN Eq. 3.7
 * @param alternatives         the alternatives fitted and compared with the power law (no duplicates, no power law)
 * @param pairs                further likelihood-ratio tests between any two models (the power law included)
 * @param bootstrap            semi-parametric resamples of the goodness-of-fit p-value (CSN Sec. 4.1; 0: none)
 * @param uncertaintyResamples non-parametric resamples for the standard errors of \( x_{min} \), \( \alpha \), the KS
 *                             distance and \( n_{tail} \) (CSN Sec. 3.3; 0: none)
 */
public record PowerLawOptions(PowerLaw.Kind type, Double xmin, Double xminLower, Double xminUpper, Double xmax,
                              DiscreteEstimate discreteEstimate, List<Model> alternatives, List<ModelPair> pairs,
                              int bootstrap, int uncertaintyResamples) implements Serializable {
    /** Most resamples accepted. */
    public static final int MAX_RESAMPLES = 100_000;

    public PowerLawOptions {
        if (type == null) {
            type = PowerLaw.Kind.AUTO;
        }
        if (discreteEstimate == null) {
            discreteEstimate = DiscreteEstimate.EXACT;
        }
        alternatives = List.copyOf(alternatives == null ? List.of() : alternatives);
        pairs = List.copyOf(pairs == null ? List.of() : pairs);
        if (xmin != null) {
            positiveFinite("xmin", xmin);
            if (xminLower != null || xminUpper != null) {
                throw new InvalidInputException("xmin", xmin, "give either a fixed --xmin or an --xmin-range, not both");
            }
        }
        String range = (xminLower == null ? "" : xminLower) + ":" + (xminUpper == null ? "" : xminUpper);
        if (xminLower != null && !(xminLower > 0 && Double.isFinite(xminLower))) {
            throw new InvalidInputException("xminRange", range, "bounds must be finite numbers > 0 (A:B with 0 < A < B)");
        }
        if (xminUpper != null && !(xminUpper > 0 && Double.isFinite(xminUpper))) {
            throw new InvalidInputException("xminRange", range, "bounds must be finite numbers > 0 (A:B with 0 < A < B)");
        }
        if (xminLower != null && xminUpper != null && !(xminLower < xminUpper)) {
            throw new InvalidInputException("xminRange", range, "must be A:B with A < B");
        }
        if (xmax != null) {
            positiveFinite("xmax", xmax);
            if (xmin != null && !(xmax > xmin)) {
                throw new InvalidInputException("xmax", xmax, "must be above --xmin = " + xmin);
            }
            if (xminLower != null && !(xmax > xminLower)) {
                throw new InvalidInputException("xmax", xmax, "must be above the lower end of --xmin-range (" + xminLower + ")");
            }
        }
        if (discreteEstimate == DiscreteEstimate.APPROXIMATE && xmax != null) {
            throw new InvalidInputException("discreteEstimate", "approx",
                    "the closed form (CSN Eq. 3.7) is for an unbounded tail: use exact with --xmax");
        }
        Set<Model> seen = new LinkedHashSet<>();
        for (Model m : alternatives) {
            if (m == Model.POWER_LAW) {
                throw new InvalidInputException("compare", "powerLaw", "the power law is compared with the alternatives; "
                        + "name alternatives (" + String.join(", ", keys(Model.alternatives())) + ") or pairs a:b");
            }
            if (!seen.add(m)) {
                throw new InvalidInputException("compare", m.key(), "is named twice");
            }
        }
        InvalidInputException.requireInRange("bootstrap", bootstrap, 0, MAX_RESAMPLES);
        InvalidInputException.requireInRange("uncertaintyResamples", uncertaintyResamples, 0, MAX_RESAMPLES);
    }

    private static void positiveFinite(String parameter, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new InvalidInputException(parameter, v, "must be a finite number > 0");
        }
    }

    private static List<String> keys(List<Model> models) {
        List<String> out = new ArrayList<>();
        for (Model m : models) {
            out.add(m.key());
        }
        return out;
    }

    /** Defaults: type detected, x_min scanned over all values, unbounded, exact discrete MLE, every alternative, no resamples. */
    public static PowerLawOptions defaults() {
        return new PowerLawOptions(PowerLaw.Kind.AUTO, null, null, null, null, DiscreteEstimate.EXACT,
                Model.alternatives(), List.of(), 0, 0);
    }

    public PowerLawOptions withType(PowerLaw.Kind t) {
        return new PowerLawOptions(t, xmin, xminLower, xminUpper, xmax, discreteEstimate, alternatives, pairs, bootstrap, uncertaintyResamples);
    }

    public PowerLawOptions withXmin(Double fixed) {
        return new PowerLawOptions(type, fixed, xminLower, xminUpper, xmax, discreteEstimate, alternatives, pairs, bootstrap, uncertaintyResamples);
    }

    public PowerLawOptions withXminRange(Double lower, Double upper) {
        return new PowerLawOptions(type, xmin, lower, upper, xmax, discreteEstimate, alternatives, pairs, bootstrap, uncertaintyResamples);
    }

    public PowerLawOptions withXmax(Double bound) {
        return new PowerLawOptions(type, xmin, xminLower, xminUpper, bound, discreteEstimate, alternatives, pairs, bootstrap, uncertaintyResamples);
    }

    public PowerLawOptions withDiscreteEstimate(DiscreteEstimate e) {
        return new PowerLawOptions(type, xmin, xminLower, xminUpper, xmax, e, alternatives, pairs, bootstrap, uncertaintyResamples);
    }

    public PowerLawOptions withAlternatives(List<Model> models) {
        return new PowerLawOptions(type, xmin, xminLower, xminUpper, xmax, discreteEstimate, models, pairs, bootstrap, uncertaintyResamples);
    }

    public PowerLawOptions withPairs(List<ModelPair> p) {
        return new PowerLawOptions(type, xmin, xminLower, xminUpper, xmax, discreteEstimate, alternatives, p, bootstrap, uncertaintyResamples);
    }

    /** The alternatives and pairs of a {@code --compare} text (see {@link #parseCompare}). */
    public PowerLawOptions withCompare(String text) {
        Compare c = parseCompare(text);
        return withAlternatives(c.alternatives()).withPairs(c.pairs());
    }

    public PowerLawOptions withBootstrap(int resamples) {
        return new PowerLawOptions(type, xmin, xminLower, xminUpper, xmax, discreteEstimate, alternatives, pairs, resamples, uncertaintyResamples);
    }

    public PowerLawOptions withUncertaintyResamples(int resamples) {
        return new PowerLawOptions(type, xmin, xminLower, xminUpper, xmax, discreteEstimate, alternatives, pairs, bootstrap, resamples);
    }

    /**
     * What to compare.
     *
     * @param alternatives models compared with the power law
     * @param pairs        other pairs
     */
    public record Compare(List<Model> alternatives, List<ModelPair> pairs) {
    }

    /**
     * Parses {@code --compare}: "all" (every alternative against the power law), "none", or a comma-separated list of
     * model names (each compared with the power law) and pairs "a:b" (a against b; the power law may be one of them),
     * e.g. {@code lognormal,truncatedPowerLaw,lognormal:truncatedPowerLaw}.
     *
     * @throws InvalidInputException (parameter {@code compare}) for an unknown name, a pair of one model with itself,
     *                               an empty item or a duplicate
     */
    public static Compare parseCompare(String text) {
        String t = text.strip();
        if (t.equalsIgnoreCase("all")) {
            return new Compare(Model.alternatives(), List.of());
        }
        if (t.equalsIgnoreCase("none") || t.isEmpty()) {
            return new Compare(List.of(), List.of());
        }
        List<Model> alternatives = new ArrayList<>();
        List<ModelPair> pairs = new ArrayList<>();
        for (String item : t.split(",", -1)) {
            String it = item.strip();
            if (it.isEmpty()) {
                throw new InvalidInputException("compare", text, "has an empty item; give names separated by commas, "
                        + "e.g. lognormal,exponential or lognormal:truncatedPowerLaw");
            }
            if (it.contains(":")) {
                String[] ab = it.split(":", -1);
                if (ab.length != 2) {
                    throw new InvalidInputException("compare", it, "a pair is two names a:b");
                }
                Model a = Model.parse("compare", ab[0]);
                Model b = Model.parse("compare", ab[1]);
                if (a == b) {
                    throw new InvalidInputException("compare", it, "compares a model with itself");
                }
                ModelPair pair = new ModelPair(a, b);
                if (pairs.contains(pair)) {
                    throw new InvalidInputException("compare", it, "is named twice");
                }
                pairs.add(pair);
            } else {
                Model m = Model.parse("compare", it);
                if (m == Model.POWER_LAW) {
                    throw new InvalidInputException("compare", it, "the power law is compared with each alternative; "
                            + "name alternatives (" + String.join(", ", keys(Model.alternatives())) + ") or pairs a:b");
                }
                if (alternatives.contains(m)) {
                    throw new InvalidInputException("compare", it, "is named twice");
                }
                alternatives.add(m);
            }
        }
        return new Compare(alternatives, pairs);
    }

    /** The {@code --compare} text of these options. */
    public String compareText() {
        List<String> items = new ArrayList<>(keys(alternatives));
        for (ModelPair p : pairs) {
            items.add(p.toString());
        }
        return items.isEmpty() ? "none" : String.join(",", items);
    }

    /** How x_min is chosen, for the scan. */
    XminScan.Choice choice() {
        if (xmin != null) {
            return new XminScan.Choice(xmin, 0, Double.POSITIVE_INFINITY);
        }
        return new XminScan.Choice(Double.NaN, xminLower == null ? 0 : xminLower,
                xminUpper == null ? Double.POSITIVE_INFINITY : xminUpper);
    }
}
