package org.deeprg.qft;

import java.util.Locale;
import org.deeprg.InvalidInputException;

/**
 * How an n-point function is estimated from an ensemble of networks.
 *
 * <ul>
 * <li>{@link #PLAIN}: the paper's method (Eq. 5): the average over networks of {@code f(x_1) ... f(x_n)}.</li>
 * <li>{@link #CONDITIONAL}: Rao-Blackwellised over the readout layer. Given the last hidden layer {@code h_j(x)} of a
 *     network, the output {@code f(x) = b_L + sum_j W_Lj h_j(x)} is a centred Gaussian field with covariance
 *     {@code C(x, y) = sigmaB^2 + (sigmaW^2/N) sum_j h_j(x) h_j(y)}, so
 *     {@code E[f(x_1) ... f(x_n) | hidden] = sum over perfect matchings of prod C} (Wick's theorem, a hafnian). Its
 *     average over networks is unbiased for {@code G^(n)} (the tower property {@code E[E[p | h]] = E[p]}) with a
 *     variance never larger than the plain one (Rao-Blackwell: {@code Var E[p|h] = Var p - E Var(p|h)}); at large
 *     width, where C fluctuates by O(1/sqrt N), the gain is O(N). Any activation, any depth.</li>
 * </ul>
 */
public enum Estimator {
    /** The paper's plain average of products (Eq. 5). */
    PLAIN("plain"),
    /** The conditional-Gaussian (Rao-Blackwell) estimator: the readout layer integrated analytically. */
    CONDITIONAL("conditional");

    private final String key;

    Estimator(String key) {
        this.key = key;
    }

    /** The command-line name. */
    public String key() {
        return key;
    }

    /** Parses a command-line name; unknown names are bad input naming the parameter. */
    public static Estimator parse(String parameter, String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Estimator e : values()) {
            if (e.key.equals(t)) {
                return e;
            }
        }
        throw new InvalidInputException(parameter, text, "must be plain (the paper's average of products, Eq. 5) or conditional "
                + "(the readout layer integrated analytically: a Wick sum over the hidden-layer covariance)");
    }

    @Override
    public String toString() {
        return key;
    }
}
