package org.deeprg.dyn.exact;

import java.io.Serializable;
import java.util.List;
import org.deeprg.InvalidInputException;
import org.deeprg.dyn.Alphabet;
import org.deeprg.dyn.DynNetwork;
import org.deeprg.dyn.Example;
import org.deeprg.net.Activation;

/**
 * Input of {@code dyn exact} ({@link ExactDyn#run(ExactSpec, org.deeprg.run.RunContext)}): a discrete dynamic-neuron
 * model and the couplings (beta, betaV). Validated on construction; serialisable (tasks of a distributed backend
 * carry it).
 *
 * @param width          N &gt;= 1
 * @param depth          M &gt;= 1
 * @param activation     sigma
 * @param weightAlphabet values of W and b
 * @param neuronAlphabet values of h
 * @param examples       the training examples (x, y), components in the neuron alphabet
 * @param beta           inverse temperature, finite and &gt;= 0
 * @param betaV          constraint coupling beta lambda, finite and &gt;= 0
 */
public record ExactSpec(int width, int depth, Activation activation,
                        Alphabet weightAlphabet, Alphabet neuronAlphabet, List<Example> examples, double beta, double betaV)
        implements Serializable {
    public ExactSpec {
        InvalidInputException.requireInRange("width", width, 1, Integer.MAX_VALUE);
        InvalidInputException.requireInRange("depth", depth, 1, Integer.MAX_VALUE);
        InvalidInputException.requireNonNegative("beta", beta);
        InvalidInputException.requireNonNegative("betaV", betaV);
        examples = List.copyOf(examples);
        model(width, depth, activation, weightAlphabet, neuronAlphabet, examples);
    }

    private static DiscreteDynModel model(int width, int depth, Activation a, Alphabet w, Alphabet h, List<Example> ex) {
        return new DiscreteDynModel(new DynNetwork(width, depth, a), w, h, ex);
    }

    /** The model. */
    public DiscreteDynModel model() {
        return model(width, depth, activation, weightAlphabet, neuronAlphabet, examples);
    }
}
