package org.deeprg.result;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a claim is about; the report counts each kind separately and its headline is about paper claims only. */
public enum ClaimKind {
    /** A statement the paper makes (with its reference: Eq., Fig., Table, Sec., App.). */
    PAPER_CLAIM("paper-claim"),
    /** deeprg checking itself (sampled against exact, two algorithms against each other): not about the paper. */
    SELF_CHECK("self-check"),
    /** deeprg's own result beyond the paper (a generalisation, a larger system, another activation). */
    GENERALISATION("generalisation");

    private final String key;

    ClaimKind(String key) {
        this.key = key;
    }

    /** The JSON key. */
    @JsonValue
    public String key() {
        return key;
    }
}
