package org.deeprg.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.deeprg.stats.Estimate;
import org.deeprg.stats.Format;

/**
 * A value in a claim: a number with its standard error where the claim is numeric, and the text shown in the report.
 * In {@code claims.json} {@code value} and {@code stderr} are JSON numbers (or absent), never text: a non-finite number
 * is left out and shown only in {@code text}.
 *
 * @param value          the number, or null for a non-numeric statement
 * @param stderr         its standard error (0 for exact values), or null
 * @param stderrReliable false when the error bar cannot be trusted (heavy tails, too few samples), else null/true
 * @param text           how the report shows it ({@code 0.123(4)}, {@code "no real solution"})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Value(Double value, Double stderr, Boolean stderrReliable, String text) {

    /** A non-finite number is not a JSON number: it is left out ({@code null}) and only the text keeps it. */
    public Value {
        if (value != null && !Double.isFinite(value)) {
            value = null;
        }
        if (stderr != null && !Double.isFinite(stderr)) {
            stderr = null;
        }
    }

    /** An exact number. */
    public static Value of(double v) {
        return new Value(v, 0.0, null, Format.plain(v));
    }

    /** An exact number shown with its own text. */
    public static Value of(double v, String text) {
        return new Value(v, 0.0, null, text);
    }

    /** A sampled number with its uncertainty (flagged when its error bar is unreliable). */
    public static Value of(Estimate e) {
        return new Value(e.mean(), e.stderr(), e.stderrReliable() ? null : Boolean.FALSE, e.format());
    }

    /** A non-numeric value (a sign, a statement, "none"). */
    public static Value text(String text) {
        return new Value(null, null, null, text);
    }

    @Override
    public String toString() {
        return text;
    }
}
