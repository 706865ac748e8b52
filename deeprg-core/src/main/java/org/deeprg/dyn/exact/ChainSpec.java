package org.deeprg.dyn.exact;

import org.deeprg.InvalidInputException;
import org.deeprg.net.Activation;
import org.deeprg.dyn.Alphabet;

/**
 * Input of {@code dyn chain}: the infinite-depth bulk of a discrete dynamic-neuron network.
 *
 * @param width          N &gt;= 1
 * @param examples       L &gt;= 1
 * @param activation     sigma
 * @param weightAlphabet values of W and b
 * @param neuronAlphabet values of h
 * @param betaV          constraint coupling, finite and &gt;= 0
 * @param maxDistance    largest |m - n| of the listed correlation functions, 1..100000
 */
public record ChainSpec(int width, int examples, Activation activation, Alphabet weightAlphabet, Alphabet neuronAlphabet,
                        double betaV, int maxDistance) {
    public ChainSpec {
        InvalidInputException.requireInRange("width", width, 1, Integer.MAX_VALUE);
        InvalidInputException.requireInRange("examples", examples, 1, Integer.MAX_VALUE);
        InvalidInputException.requireNonNegative("betaV", betaV);
        InvalidInputException.requireInRange("maxDistance", maxDistance, 1, 100_000);
    }
}
