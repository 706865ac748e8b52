package org.deeprg.result;

import org.deeprg.stats.Estimate;
import org.deeprg.stats.Format;

/**
 * One checkable claim of a paper, the paper's value, deeprg's value and the verdict.
 *
 * @param statement  what the paper claims, with its equation/figure number ("Eq. 33: Jacobian at the fictitious fixed point is diag(2,2,2)")
 * @param paperValue the paper's value as text
 * @param measured   deeprg's value as text, with its uncertainty
 * @param verdict    agrees / disagrees / not comparable
 * @param reason     how the verdict was reached (tolerance, number of standard errors) or why not comparable
 */
public record Claim(String statement, String paperValue, String measured, Verdict verdict, String reason) {

    /** Compares a sampled value with the paper's number at {@code k} standard errors. */
    public static Claim sampled(String statement, double paperValue, Estimate measured, double k) {
        double z = measured.sigmasFrom(paperValue);
        Verdict v = z <= k ? Verdict.AGREES : Verdict.DISAGREES;
        return new Claim(statement, Format.plain(paperValue), measured.format(), v,
                String.format(java.util.Locale.ROOT, "|difference| = %.2f standard errors (tolerance %.1f)", z, k));
    }

    /** Compares an exactly computed value with the paper's number at absolute tolerance {@code tol}. */
    public static Claim exact(String statement, double paperValue, double measured, double tol) {
        double d = Math.abs(paperValue - measured);
        Verdict v = d <= tol ? Verdict.AGREES : Verdict.DISAGREES;
        return new Claim(statement, Format.plain(paperValue), Format.plain(measured), v,
                String.format(java.util.Locale.ROOT, "|difference| = %.3g (tolerance %.1g, exact computation)", d, tol));
    }

    /** A qualitative or structural claim checked by deeprg (true = agrees). */
    public static Claim check(String statement, String paperValue, String measured, boolean holds, String reason) {
        return new Claim(statement, paperValue, measured, holds ? Verdict.AGREES : Verdict.DISAGREES, reason);
    }

    /** A claim that cannot be compared, with the reason. */
    public static Claim notComparable(String statement, String paperValue, String measured, String reason) {
        return new Claim(statement, paperValue, measured, Verdict.NOT_COMPARABLE, reason);
    }
}
