package org.deeprg.cli;

import java.nio.file.Path;
import org.apache.commons.rng.UniformRandomProvider;
import org.deeprg.InvalidInputException;
import org.deeprg.random.RandomStreams;
import org.deeprg.sft.DataFiles;
import org.deeprg.net.Activation;
import org.deeprg.net.Dataset;
import org.deeprg.net.DenseNetwork;
import picocli.CommandLine.Option;

/** Options describing a general network and its data for the sft commands (a picocli mixin). */
public final class SftNetworkOptions {
    @Option(names = "--widths", paramLabel = "N0,N1,...", description = "Layer widths from inputs to outputs (default: ${DEFAULT-VALUE}).")
    String widths = "3,4,2";

    @Option(names = "--activation", paramLabel = "ACT", description = "Hidden activation: tanh, sigmoid, identity or poly:c0,c1,... (default: ${DEFAULT-VALUE}).")
    String activation = "tanh";

    @Option(names = "--output-activation", paramLabel = "ACT", description = "Activation of the last layer (default: ${DEFAULT-VALUE}).")
    String outputActivation = "identity";

    @Option(names = "--no-bias", description = "Networks without biases (W_i0 = b_i absent).")
    boolean noBias;

    @Option(names = "--data", paramLabel = "FILE", description = "CSV with header x0..x{n-1},y0..y{m-1}; default: random data (--examples).")
    Path data;

    @Option(names = "--examples", paramLabel = "L", description = "Random examples, uniform in [-1,1], when no --data (default: ${DEFAULT-VALUE}).")
    int examples = 20;

    @Option(names = "--reference", paramLabel = "REF", description = "Reference point W0: zero or random (uniform, scale 0.5) (default: ${DEFAULT-VALUE}).")
    String reference = "random";

    /** The validated network description. */
    public record NetworkSpec(int[] widths, String activation, String outputActivation, boolean bias, Path data, int examples, String reference) {
        public NetworkSpec {
            InvalidInputException.requireInRange("examples", examples, 1, 1_000_000);
            if (!reference.equals("zero") && !reference.equals("random")) {
                throw new InvalidInputException("reference", reference, "zero or random");
            }
            Activation.parse("activation", activation);
            Activation.parse("outputActivation", outputActivation);
        }

        public DenseNetwork network() {
            return DenseNetwork.dense(widths, Activation.parse("activation", activation), Activation.parse("outputActivation", outputActivation), bias);
        }

        public Dataset dataset(RandomStreams streams) {
            if (data != null) {
                Dataset d = DataFiles.read(data, 1, 1);
                if (d.inputDimension() != widths[0] || d.outputDimension() != widths[widths.length - 1]) {
                    throw InvalidInputException.file(data, "line 1, column 1: header has " + d.inputDimension() + " inputs and " + d.outputDimension()
                            + " outputs, the network has " + widths[0] + " and " + widths[widths.length - 1]);
                }
                return d;
            }
            return Dataset.uniformRandom(streams.split("data").generator(), examples, widths[0], widths[widths.length - 1]);
        }

        public double[] referencePoint(DenseNetwork net, RandomStreams streams) {
            double[] w = new double[net.parameterCount()];
            if (reference.equals("random")) {
                UniformRandomProvider r = streams.split("reference").generator();
                for (int k = 0; k < w.length; k++) {
                    w[k] = 0.5 * (2 * r.nextDouble() - 1);
                }
            }
            return w;
        }
    }

    /** Builds the spec. */
    public NetworkSpec spec() {
        String[] parts = widths.split(",");
        if (parts.length < 2) {
            throw new InvalidInputException("widths", widths, "at least two comma-separated widths, e.g. 3,4,2");
        }
        int[] w = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                w[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("widths", widths, "comma-separated positive integers");
            }
            if (w[i] < 1 || w[i] > 100_000) {
                throw new InvalidInputException("widths", widths, "every width in [1, 100000]");
            }
        }
        return new NetworkSpec(w, activation, outputActivation, !noBias, data, examples, reference);
    }
}
