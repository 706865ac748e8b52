package org.deeprg.critical;

/**
 * Which normalisation of the Gaussian couplings of a layer is used.
 *
 * <ul>
 *   <li>{@link #EQ13}: Eq. 13, \( r = \frac{\beta}{N}(w - \frac{\beta}{N} w w) \), \( g = \frac{\beta}{N} I \),
 *       \( u_k = \frac{\beta^2}{N} h_k \sum_l w_{kl} \) (the main text; the flow Eqs. 24-26 are written in it).</li>
 *   <li>{@link #EQ55}: Eq. 55 (Appendix B), \( r = w - w w \), \( g = I \), \( u_k = h_k \sum_l w_{kl} \): Eq. 13
 *       with \( \beta/N \to 1 \) and the overall factors dropped.</li>
 * </ul>
 * In both, {@link #scale(double, int)} is the factor \( a \) that multiplies {@code w} inside the brackets
 * ({@code beta/N} or 1); every criticality condition of Sec. 2.5 depends on {@code w} only through {@code a w}.
 */
public enum CouplingConvention {
    EQ13, EQ55;

    /** The factor a: {@code beta/N} for Eq. 13, 1 for Eq. 55. */
    public double scale(double beta, int n) {
        return this == EQ13 ? beta / n : 1.0;
    }
}
