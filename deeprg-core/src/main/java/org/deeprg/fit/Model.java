package org.deeprg.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import com.fasterxml.jackson.annotation.JsonValue;
import org.deeprg.InvalidInputException;

/**
 * The distributions fitted to a tail \( x \ge x_{min} \) (and \( \le x_{max} \) for a bounded fit), each normalised
 * on that tail (exactly for discrete data). Names are those of the JSON and of {@code --compare}.
 *
 * <ul>
 * <li>{@code powerLaw}: \( p(x) \propto x^{-\alpha} \)</li>
 * <li>{@code exponential}: \( p(x) \propto e^{-\lambda x} \)</li>
 * <li>{@code stretchedExponential} (Weibull tail): \( p(x) \propto x^{\beta-1} e^{-(\lambda x)^\beta} \)</li>
 * <li>{@code lognormal}: \( p(x) \propto x^{-1} e^{-(\ln x - \mu)^2/(2\sigma^2)} \)</li>
 * <li>{@code lognormalPositive}: the lognormal with \( \mu \ge 0 \) (the {@code powerlaw} package's
 *     {@code lognormal_positive})</li>
 * <li>{@code truncatedPowerLaw} (power law with exponential cutoff): \( p(x) \propto x^{-\alpha} e^{-\lambda x} \),
 *     \( \lambda \ge 0 \)</li>
 * </ul>
 */
public enum Model {
    POWER_LAW("powerLaw"),
    EXPONENTIAL("exponential"),
    STRETCHED_EXPONENTIAL("stretchedExponential"),
    LOGNORMAL("lognormal"),
    LOGNORMAL_POSITIVE("lognormalPositive"),
    TRUNCATED_POWER_LAW("truncatedPowerLaw");

    private final String key;

    Model(String key) {
        this.key = key;
    }

    /** The name used in JSON and on the command line. */
    @JsonValue
    public String key() {
        return key;
    }

    @Override
    public String toString() {
        return key;
    }

    /** Every alternative to the power law, in the order of the output. */
    public static List<Model> alternatives() {
        return List.of(EXPONENTIAL, STRETCHED_EXPONENTIAL, LOGNORMAL, LOGNORMAL_POSITIVE, TRUNCATED_POWER_LAW);
    }

    /** The names accepted by {@link #parse}. */
    public static String names() {
        List<String> out = new ArrayList<>();
        for (Model m : values()) {
            out.add(m.key);
        }
        return String.join(", ", out);
    }

    /**
     * The model named {@code text} (case-insensitive, '-' and '_' ignored: {@code truncated_power_law} works).
     *
     * @throws InvalidInputException naming {@code parameter} for an unknown name
     */
    public static Model parse(String parameter, String text) {
        String t = text.strip().replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
        for (Model m : values()) {
            if (m.key.toLowerCase(Locale.ROOT).equals(t)) {
                return m;
            }
        }
        throw new InvalidInputException(parameter, text, "unknown distribution; known: " + names());
    }

    /**
     * Whether {@code inner} is a special case of {@code outer} (a boundary or interior point of its parameter space):
     * power law and exponential in the truncated power law (\( \lambda = 0 \), \( \alpha = 0 \)), exponential in the
     * stretched exponential (\( \beta = 1 \)), positive lognormal in the lognormal. For nested pairs the likelihood
     * ratio is judged by \( \chi^2_1 \) (Wilks) instead of Vuong's normal law (CSN Appendix C).
     */
    public static boolean nested(Model inner, Model outer) {
        return (inner == POWER_LAW && outer == TRUNCATED_POWER_LAW)
                || (inner == EXPONENTIAL && outer == TRUNCATED_POWER_LAW)
                || (inner == EXPONENTIAL && outer == STRETCHED_EXPONENTIAL)
                || (inner == LOGNORMAL_POSITIVE && outer == LOGNORMAL);
    }
}
