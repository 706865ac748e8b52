package org.deeprg.dyn.exact;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import org.deeprg.InvalidInputException;
import org.deeprg.dyn.Alphabet;
import org.deeprg.dyn.DynNetwork;
import org.deeprg.net.Activation;

/**
 * Input of {@code dyn chain} ({@link BulkChain#run(ChainSpec, org.deeprg.run.RunContext)}): the infinite-depth bulk of
 * a discrete dynamic-neuron network. Validated on construction; serialisable (the activation by its name).
 *
 * @param width          N &gt;= 1
 * @param examples       L &gt;= 1
 * @param activation     sigma
 * @param weightAlphabet values of W and b
 * @param neuronAlphabet values of h
 * @param betaV          constraint coupling, finite and &gt;= 0
 * @param maxDistance    largest |m - n| of the listed correlation functions, 1..100000
 */
public record ChainSpec(int width, int examples, @JsonSerialize(using = ToStringSerializer.class) Activation activation,
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

    @Serial
    private Object writeReplace() throws ObjectStreamException {
        return new SerialForm(width, examples, activation.name(), weightAlphabet, neuronAlphabet, betaV, maxDistance);
    }

    /** The serialised form: the activation by its command-line name. */
    private record SerialForm(int width, int examples, String activation, Alphabet weightAlphabet, Alphabet neuronAlphabet,
                              double betaV, int maxDistance) implements Serializable {
        @Serial
        private Object readResolve() throws ObjectStreamException {
            return new ChainSpec(width, examples, Activation.parse("activation", activation), weightAlphabet, neuronAlphabet,
                    betaV, maxDistance);
        }
    }
}
