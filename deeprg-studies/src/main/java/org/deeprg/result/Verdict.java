package org.deeprg.result;

/** How deeprg's measured value compares with a paper's claim. */
public enum Verdict {
    /** Within the stated tolerance (a number of standard errors, or a numerical tolerance for exact values). */
    AGREES,
    /** Outside the tolerance: deeprg reports its value beside the paper's, with the evidence. */
    DISAGREES,
    /** The claim cannot be compared (different convention, unrecoverable normalisation, ...); the reason says why. */
    NOT_COMPARABLE;

    /** Lower-case words for reports: "agrees", "disagrees", "not comparable". */
    public String words() {
        return switch (this) {
            case AGREES -> "agrees";
            case DISAGREES -> "disagrees";
            case NOT_COMPARABLE -> "not comparable";
        };
    }
}
