package org.deeprg.train;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.deeprg.InvalidInputException;
import org.deeprg.net.Activation;
import org.deeprg.net.DenseNetwork;

/**
 * Everything that defines a training run besides the data and the seed.
 *
 * @param hidden       hidden layer widths (Sec. 3: 600, 400, 200, 100)
 * @param activation   hidden nonlinearity (differentiable; the command line offers relu and elu). In JSON (result
 *                     files, checkpoint fingerprints) it is written as the upper-case name ({@code "RELU"}), as
 *                     before the activation types were unified, so that earlier checkpoints still resume.
 * @param epochs       passes over the training set
 * @param batchSize    mini-batch size
 * @param learningRate Adam step size
 * @param lambda       strength of the critical regulariser (0: off); the loss is
 *                     {@code crossEntropy + lambda * sum over hidden layers of P}
 * @param beta         \( \beta \) of Eq. 33
 * @param every        apply the regulariser's gradient every {@code every} steps (1: every step); on those steps it
 *                     enters with weight {@code lambda}, unscaled
 */
public record TrainingSpec(List<Integer> hidden,
                           @JsonSerialize(using = TrainingSpec.ActivationName.class) Activation activation,
                           int epochs, int batchSize, double learningRate, double lambda, double beta, int every)
        implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** Largest regulariser strength (beyond it the penalty's gradient overflows Adam's moments long before training ends). */
    public static final double MAX_LAMBDA = 1e12;
    /** Largest |beta|. */
    public static final double MAX_BETA = 1e6;
    /** Largest Adam step size. */
    public static final double MAX_LEARNING_RATE = 10;

    public TrainingSpec {
        hidden = List.copyOf(hidden);
        if (hidden.isEmpty()) {
            throw new InvalidInputException("hidden", "[]", "at least one hidden layer");
        }
        for (int h : hidden) {
            InvalidInputException.requireInRange("hidden", h, 1, 100_000);
        }
        if (activation == null || !activation.isDifferentiable()) {
            throw new InvalidInputException("activation", activation == null ? "none" : activation.name(),
                    "a differentiable activation (relu, elu, tanh, sigmoid, ...)");
        }
        InvalidInputException.requireInRange("epochs", epochs, 1, 1_000_000);
        InvalidInputException.requireInRange("batchSize", batchSize, 1, 1_000_000);
        if (!(learningRate > 0 && learningRate <= MAX_LEARNING_RATE)) {
            throw new InvalidInputException("learningRate", learningRate, "a number in (0, " + MAX_LEARNING_RATE + "]");
        }
        if (!(lambda >= 0 && lambda <= MAX_LAMBDA)) {
            throw new InvalidInputException("lambda", lambda, "a number in [0, " + MAX_LAMBDA + "] (0: no regulariser)");
        }
        if (!(Math.abs(beta) <= MAX_BETA)) {
            throw new InvalidInputException("beta", beta, "a finite number in [-" + MAX_BETA + ", " + MAX_BETA + "]");
        }
        InvalidInputException.requireInRange("every", every, 1, 1_000_000_000);
    }

    /** The paper's architecture (Sec. 3): hidden layers 600, 400, 200, 100. */
    public static final List<Integer> PAPER_HIDDEN = List.of(600, 400, 200, 100);

    /** Layer widths input..output. */
    public int[] sizes(int features, int classes) {
        int[] s = new int[hidden.size() + 2];
        s[0] = features;
        for (int i = 0; i < hidden.size(); i++) {
            s[i + 1] = hidden.get(i);
        }
        s[s.length - 1] = classes;
        return s;
    }

    /** The network this spec trains: {@code features -> hidden... -> classes} with {@link #activation()} on the hidden layers, linear logits. */
    public DenseNetwork network(int features, int classes) {
        return DenseNetwork.mlp(sizes(features, classes), activation);
    }

    /** The same spec with another number of epochs. */
    public TrainingSpec withEpochs(int e) {
        return new TrainingSpec(hidden, activation, e, batchSize, learningRate, lambda, beta, every);
    }

    /** The same spec with another regulariser strength. */
    public TrainingSpec withLambda(double l) {
        return new TrainingSpec(hidden, activation, epochs, batchSize, learningRate, l, beta, every);
    }

    /** Writes an activation as its upper-case name ({@code RELU}, {@code ELU}). */
    static final class ActivationName extends JsonSerializer<Activation> {
        @Override
        public void serialize(Activation a, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeString(a.name().toUpperCase(Locale.ROOT));
        }
    }
}
