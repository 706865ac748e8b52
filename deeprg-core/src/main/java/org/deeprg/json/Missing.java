package org.deeprg.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Why a number of a result record can be missing. deeprg's result JSON never holds {@code "NaN"} or
 * {@code "Infinity"}: a non-finite number is written as {@code null} and a sibling field {@code <name>Reason} says
 * why (see {@link Json}). This annotation on a record component (or field, or getter) gives that reason:
 *
 * <pre>{@code
 * public record PowerLawFit(...,
 *         @Missing("not computed: --bootstrap 0") double pValue, ...) { }
 * }</pre>
 *
 * <p>writes {@code "pValue": null, "pValueReason": "not computed: --bootstrap 0"} when {@code pValue} is NaN. A
 * record whose reason depends on the run implements {@link MissingReasons} instead (it wins over the annotation).
 * Without either, the reason is generic ("not computed (the computation gave no number)").
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD})
public @interface Missing {
    /** The reason, in words a user understands (what was not computed and why, or what would compute it). */
    String value();
}
