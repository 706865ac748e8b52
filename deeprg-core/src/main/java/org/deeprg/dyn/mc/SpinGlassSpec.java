package org.deeprg.dyn.mc;

import org.deeprg.Domain;
import org.deeprg.InvalidInputException;
import org.deeprg.dyn.DynNetwork;
import org.deeprg.dyn.Example;

/**
 * Input of {@code dyn spinglass} ({@link SpinGlassAnalysis#run}): the Edwards-Anderson experiment of Appendix A.
 * Validated on construction; serialisable (its coupling sets run as distributed tasks).
 *
 * @param network           width N, depth M (spins: M N); the activation is recorded (Eq. A2 assumes sigmoid)
 * @param example           the input x and target y (boundary fields)
 * @param beta              inverse temperature (> 0)
 * @param betaV             constraint strength (couplings lambda_m = betaV/beta)
 * @param weightRegulariser c_W > 0
 * @param biasRegulariser   c_b > 0
 * @param samples           coupling sets (disorder samples), >= 2
 * @param sweeps            measured sweeps per replica
 * @param thermalization    discarded sweeps
 * @param rungs             1: plain Metropolis; K &gt; 1: parallel tempering over the geometric betaV ladder
 *                          {@code betaV 8^{-(K-1-k)/(K-1)}}, k = 0..K-1 (the target betaV on top, measured there)
 */
public record SpinGlassSpec(DynNetwork network, Example example, double beta, double betaV, double weightRegulariser,
                            double biasRegulariser, int samples, long sweeps, long thermalization, int rungs)
        implements java.io.Serializable {
    public SpinGlassSpec {
        InvalidInputException.requireInRange("rungs", rungs, 1, 32);
        if (rungs > 1 && !(betaV > 0)) {
            throw new InvalidInputException("betaV", betaV, "parallel tempering over betaV needs betaV > 0");
        }
        InvalidInputException.requirePositive("beta", beta);
        InvalidInputException.requireFinite("beta", beta);
        InvalidInputException.requireNonNegative("betaV", betaV);
        InvalidInputException.requireFinite("betaV", betaV);
        InvalidInputException.requirePositive("weightRegulariser", weightRegulariser);
        InvalidInputException.requirePositive("biasRegulariser", biasRegulariser);
        InvalidInputException.requireInRange("samples", samples, 2, 1_000_000);
        Domain.check("sweeps", sweeps, DynMcSpec.SWEEPS_RANGE, DynMcSpec.SWEEPS_WHY);
        Domain.check("thermalization", thermalization, DynMcSpec.THERMALIZATION_RANGE, DynMcSpec.SWEEPS_WHY);
        if (example.x().length != network.width() || example.y().length != network.width()) {
            throw new InvalidInputException("example", example, "x and y must both have width " + network.width() + " components");
        }
        long spins = (long) network.depth() * network.width();
        long bonds = (long) (network.depth() - 1) * network.width() * network.width();
        if (spins > 10_000_000 || bonds > 20_000_000) {
            throw new InvalidInputException("size", spins + " spins, " + bonds + " couplings", "at most 10^7 spins and 2 10^7 couplings");
        }
        // two real replicas per coupling set (the overlap), each with its rungs
        DynMcSpec.requireWork((double) (sweeps + thermalization) * spins * 2 * rungs * samples,
                (thermalization + " + " + sweeps + " sweeps x " + spins + " spins x 2 replicas x " + rungs + " rungs x " + samples
                        + " coupling sets"));
    }
}

