package org.deeprg.fit;

import java.util.Locale;
import org.deeprg.InvalidInputException;

/** How the exponent of a discrete power law is estimated. */
public enum DiscreteEstimate {
    /** The exact maximum-likelihood estimate with the Hurwitz-zeta normaliser (CSN Eq. 3.5). */
    EXACT,
    /** CSN's closed form \( 1 + n/\sum\ln(x_i/(x_{min} - 1/2)) \) (Eq. 3.7; good to about 1% for \( x_{min} \gtrsim 6 \)). */
    APPROXIMATE;

    /** "exact" or "approx" (also "approximate"). */
    public static DiscreteEstimate parse(String parameter, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("exact")) {
            return EXACT;
        }
        if (t.equals("approx") || t.equals("approximate")) {
            return APPROXIMATE;
        }
        throw new InvalidInputException(parameter, text, "must be exact or approx");
    }
}
