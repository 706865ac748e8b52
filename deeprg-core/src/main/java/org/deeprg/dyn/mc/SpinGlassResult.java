package org.deeprg.dyn.mc;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.deeprg.stats.Estimate;

/**
 * Result of {@link SpinGlassAnalysis#run} (JSON contract of {@code deeprg dyn spinglass --json}). Disorder averages
 * [.] are over coupling sets (errors over sets include the thermal noise); thermal averages &lt;.&gt; over measured sweeps.
 * Every estimate is judged by {@link org.deeprg.stats.Reliability} (too few coupling sets, heavy-tailed disorder
 * distribution).
 *
 * @param spins          n = M N
 * @param samples        coupling sets
 * @param sweeps         measured sweeps per replica
 * @param qSquared       [<q^2>]
 * @param qAbs           [<|q|>]
 * @param susceptibility chi_SG = n [<q^2>]
 * @param binder         g = (3 - [<q^4>]/[<q^2>]^2)/2 (jackknife over coupling sets)
 * @param overlap        P(q): q values (bin centres) and the disorder-averaged probability of each bin
 * @param betaVLadder    the tempering ladder (one value without tempering)
 * @param swapAcceptance mean swap acceptance between neighbouring rungs over coupling sets (null without tempering)
 * @param couplings      the Eq. (A2) couplings of the first coupling set (the exported coupling list)
 */
@JsonPropertyOrder({"spins", "samples", "sweeps", "qSquared", "qAbs", "susceptibility", "binder", "overlap", "betaVLadder",
        "swapAcceptance", "couplings"})
public record SpinGlassResult(int spins, int samples, long sweeps, Estimate qSquared, Estimate qAbs, Estimate susceptibility,
                              Estimate binder, Distribution overlap, double[] betaVLadder, Estimate swapAcceptance,
                              SpinGlassCouplings couplings) {

    /** A distribution over bins. */
    @JsonPropertyOrder({"q", "probability"})
    public record Distribution(double[] q, List<Estimate> probability) {
    }
}
