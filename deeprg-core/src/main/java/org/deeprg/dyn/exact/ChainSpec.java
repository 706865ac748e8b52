package org.deeprg.dyn.exact;

import java.io.Serializable;
import org.deeprg.InvalidInputException;
import org.deeprg.dyn.Alphabet;
import org.deeprg.dyn.DynNetwork;
import org.deeprg.net.Activation;

/**
 * Input of {@code dyn chain} ({@link BulkChain#run(ChainSpec, org.deeprg.run.RunContext)}): the infinite-depth bulk of
 * a discrete dynamic-neuron network. Validated on construction; serialisable.
 *
 * @param width          N &gt;= 1
 * @param examples       L &gt;= 1
 * @param activation     sigma
 * @param weightAlphabet values of W and b
 * @param neuronAlphabet values of h
 * @param betaV          constraint coupling, finite and &gt;= 0
 * @param maxDistance    largest |m - n| of the listed correlation functions, 1..100000
 */
public record ChainSpec(int width, int examples, Activation activation,
                        Alphabet weightAlphabet, Alphabet neuronAlphabet, double betaV, int maxDistance) implements Serializable {
    public ChainSpec {
        InvalidInputException.requireInRange("width", width, 1, Integer.MAX_VALUE);
        InvalidInputException.requireInRange("examples", examples, 1, Integer.MAX_VALUE);
        InvalidInputException.requireNonNegative("betaV", betaV);
        InvalidInputException.requireInRange("maxDistance", maxDistance, 1, 100_000);
        if (activation == null) {
            throw new InvalidInputException("activation", null, "one of " + String.join(", ", DynNetwork.ACTIVATION_NAMES));
        }
    }
}
