package org.deeprg.cli;

import java.nio.file.Path;
import org.deeprg.InvalidInputException;
import org.deeprg.sft.SftNetworkSpec;
import picocli.CommandLine.Option;

/** Options describing a general network and its data for the sft commands (a picocli mixin); builds a {@link SftNetworkSpec}. */
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

    /** Builds the spec (the widths' syntax is checked here, everything else by the spec). */
    public SftNetworkSpec spec() {
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
        }
        return new SftNetworkSpec(w, activation, outputActivation, !noBias, data, examples, reference);
    }
}
