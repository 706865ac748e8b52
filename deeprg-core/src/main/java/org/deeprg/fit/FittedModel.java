package org.deeprg.fit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;

/**
 * A distribution fitted by maximum likelihood to a tail, with its uncertainties.
 *
 * @param model          the family
 * @param parameters     the fitted parameters by name (null entries: infinite at the optimum, see {@code note})
 * @param standardErrors their standard errors from the observed information (null entries: the parameter sits on a
 *                       constraint, where the information does not give a standard error)
 * @param logLikelihood  \( \sum_i \ln p(x_i) \) over the tail (null when the fit failed)
 * @param note           what is special about the fit (a constraint that binds, a degenerate limit), or null
 * @param distribution   the fitted distribution (not in the JSON): densities, CDFs, random draws
 */
public record FittedModel(Model model, Map<String, Double> parameters, Map<String, Double> standardErrors,
                          Double logLikelihood, String note, @JsonIgnore TailDistribution distribution) {
    /** A fit that could not be made, with the reason. */
    static FittedModel failed(Model model, String reason) {
        return new FittedModel(model, null, null, null, reason, null);
    }

    /** Whether the fit exists. */
    @JsonIgnore
    public boolean ok() {
        return distribution != null;
    }
}
