package org.deeprg.result;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The fixed vocabulary of verdicts on a claim.
 *
 * <ul>
 *   <li>{@link #AGREES}: deeprg's independent computation gives the paper's value or statement within the stated
 *       tolerance (standard errors for sampled values, a numerical tolerance for exact ones).</li>
 *   <li>{@link #AGREES_UNDER_CONVENTION}: it agrees once a convention is fixed that the paper leaves implicit or
 *       states differently (a normalisation, a lattice spacing, the sign of a field, omitted on-site terms); the
 *       claim names the convention ({@link Claim#convention()}).</li>
 *   <li>{@link #DISAGREES}: the paper's statement is wrong at the setting it states; the claim gives the corrected
 *       statement or value and the evidence. Never on substituted data, a scale the study calls too small, or an
 *       error bar that cannot be trusted.</li>
 *   <li>{@link #INCONCLUSIVE}: this run cannot decide (data substituted, scale too small, signal below noise,
 *       untrustworthy error bars); {@link Claim#resolve()} says what would decide it, with the command.</li>
 *   <li>{@link #NOT_COMPARABLE}: the paper gives nothing checkable (no formula, sign or number).</li>
 * </ul>
 */
public enum Verdict {
    AGREES("agrees"),
    AGREES_UNDER_CONVENTION("agrees-under-convention"),
    DISAGREES("disagrees"),
    INCONCLUSIVE("inconclusive"),
    NOT_COMPARABLE("not-comparable");

    private final String key;

    Verdict(String key) {
        this.key = key;
    }

    /** The JSON / CSS key: "agrees", "agrees-under-convention", "disagrees", "inconclusive", "not-comparable". */
    @JsonValue
    public String key() {
        return key;
    }

    /** Words for reports: the key with spaces ("agrees under convention"). */
    public String words() {
        return key.replace('-', ' ');
    }

    /** Whether the verdict is agreement (plain or under a named convention). */
    public boolean isAgreement() {
        return this == AGREES || this == AGREES_UNDER_CONVENTION;
    }
}
