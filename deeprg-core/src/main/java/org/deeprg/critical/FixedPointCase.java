package org.deeprg.critical;

/**
 * The solutions of \( w_\tau = 0 \) (Eq. 27 with Eq. 26) classified in Sec. 2.5. In the eigenbasis of {@code w}
 * each eigenvalue {@code x} of {@code a w} flows as \( x_\tau = 2x(1-x)/(1-2x) \), whose only fixed points are
 * {@code x = 0} and {@code x = 1}; so {@code w} is a fixed point exactly when the spectrum of {@code a w} lies in
 * {0, 1}, and {@code h = 0} is then required.
 */
public enum FixedPointCase {
    /** {@code w = 0}: trivial, \( T \to \infty \), total disorder (first bullet). */
    TRIVIAL_HIGH_TEMPERATURE,
    /**
     * {@code w (1 - a w) = 0} with both eigenvalues 0 and 1 of {@code a w} (an orthogonal projector times
     * {@code 1/a}): the second bullet, read by the paper as the trivial \( T \to 0 \) solution. It contains the
     * Curie-Weiss couplings {@code w_ik = J} at their mean-field critical temperature {@code T = J}
     * ({@code a w = 1 1^T / N}), so it is not only trivial (docs/audit-criticality2017.md).
     */
    TRIVIAL_LOW_TEMPERATURE,
    /**
     * {@code 1 - a w = 0}, i.e. {@code w = (N/beta) I} for Eq. 13 (Eq. 28), which the paper calls the critical
     * constant-coupling (Curie-Weiss) system; the matrix is diagonal, so it couples no two units (the name is kept
     * for the JSON; see docs/audit-criticality2017.md).
     */
    CRITICAL_CONSTANT_COUPLING,
    /** Not a fixed point: the couplings run. */
    NOT_A_FIXED_POINT
}
