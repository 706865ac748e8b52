package org.deeprg.dyn;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.deeprg.InvalidInputException;

/**
 * A finite set of allowed values for a discrete degree of freedom (weights, biases or neurons), in the order
 * given. Non-empty, finite, no duplicates.
 *
 * @param values the allowed values (copied)
 */
public record Alphabet(double[] values) implements java.io.Serializable {
    /** The paper's binary weights {-1, 1}. */
    public static final Alphabet BINARY_WEIGHTS = new Alphabet(new double[] {-1, 1});
    /** Ternary weights {-1, 0, 1}. */
    public static final Alphabet TERNARY_WEIGHTS = new Alphabet(new double[] {-1, 0, 1});
    /** Heaviside neurons {0, 1}. */
    public static final Alphabet BINARY_NEURONS = new Alphabet(new double[] {0, 1});

    public Alphabet {
        if (values == null || values.length == 0) {
            throw new InvalidInputException("alphabet", "[]", "must list at least one value");
        }
        values = values.clone();
        Set<Double> seen = new HashSet<>();
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new InvalidInputException("alphabet", Arrays.toString(values), "values must be finite numbers");
            }
            if (!seen.add(v == 0.0 ? 0.0 : v)) {
                throw new InvalidInputException("alphabet", Arrays.toString(values), "values must be distinct (" + v + " repeats)");
            }
        }
    }

    /** Parses a comma-separated list such as {@code "-1,1"} or {@code "-1,0,1"}. */
    public static Alphabet parse(String parameter, String text) {
        String[] parts = text.split(",");
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new InvalidInputException(parameter, text, "must be a comma-separated list of distinct finite numbers, e.g. -1,1");
            }
        }
        try {
            return new Alphabet(v);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(parameter, text, e.allowed());
        }
    }

    /** Number of values q. */
    public int size() {
        return values.length;
    }

    /** The k-th value. */
    public double value(int k) {
        return values[k];
    }

    /** Whether {@code x} is one of the values. */
    public boolean contains(double x) {
        for (double v : values) {
            if (v == x) {
                return true;
            }
        }
        return false;
    }

    /** Index of {@code x}, or -1. */
    public int indexOf(double x) {
        for (int k = 0; k < values.length; k++) {
            if (values[k] == x) {
                return k;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Alphabet a && Arrays.equals(values, a.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
