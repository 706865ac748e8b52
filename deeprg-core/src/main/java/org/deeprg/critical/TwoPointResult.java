package org.deeprg.critical;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.deeprg.stats.LinearFit;

/**
 * The two-point function of {@link TwoPointFunction#run} along the first lattice axis and its fit. JSON (the
 * {@code --json} output of {@code critical correlation}): {@code correlationLength} (r &gt; 0) or {@code decayExponent}
 * (r = 0) is the headline number; the fields of the other case are null and omitted.
 *
 * @param dimension                d
 * @param r                        r
 * @param g                        g
 * @param sites                    L
 * @param spacing                  a
 * @param distance                 x = n a for n = 0 .. L/2 (not in the JSON)
 * @param correlation              C(x) (at r = 0: with the zero-mode curvature term subtracted); not in the JSON (the
 *                                 presenter writes it to a CSV table)
 * @param fitFrom                  smallest distance in the fit
 * @param fitTo                    largest distance in the fit
 * @param fit                      the straight-line fit (axes: see {@link TwoPointFunction})
 * @param correlationLength        fitted xi (r &gt; 0)
 * @param correlationLengthStderr  its standard error from the residual scatter of the fit (r &gt; 0)
 * @param correlationLengthTheory  sqrt(g/r) (r &gt; 0)
 * @param latticeCorrelationLength a / arccosh(1 + r a^2/(2g)), the exact lattice decay length (r &gt; 0)
 * @param decayExponent            fitted exponent p of C ~ |x|^-p (r = 0)
 * @param decayExponentStderr      its standard error (r = 0)
 * @param decayExponentTheory      d - 2 (r = 0)
 * @param amplitude                fitted K of -dC/dx = K x^-(d-1) (r = 0)
 * @param amplitudeTheory          Gamma(d/2)/(2 pi^(d/2) g) (r = 0)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TwoPointResult(int dimension, double r, double g, int sites, double spacing,
                             @JsonIgnore double[] distance, @JsonIgnore double[] correlation, double fitFrom,
                             double fitTo, LinearFit fit, Double correlationLength, Double correlationLengthStderr,
                             Double correlationLengthTheory, Double latticeCorrelationLength, Double decayExponent,
                             Double decayExponentStderr, Double decayExponentTheory, Double amplitude,
                             Double amplitudeTheory) {
    /** Whether this is the critical case r = 0 (exponent and amplitude) rather than r &gt; 0 (correlation length). */
    @JsonIgnore
    public boolean critical() {
        return r == 0;
    }
}
