package org.deeprg.sft;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.deeprg.InvalidInputException;
import org.deeprg.net.Activation;
import org.deeprg.net.Dataset;
import org.deeprg.net.DenseNetwork;
import org.deeprg.net.Weights;
import org.deeprg.random.RandomStreams;

/**
 * A general network, its data and its reference point for the synaptic-field-theory computations (sources, locality,
 * normal modes): a dense network {@code widths} with {@code activation} on the hidden layers and
 * {@code outputActivation} on the last, the examples (a CSV file, or {@code examples} random ones uniform in
 * [-1, 1)) and the expansion point {@code W0} (zero, or uniform in [-0.5, 0.5)).
 *
 * @param widths           {@code n_0, ..., n_M}, at least two, each in [1, 100000]
 * @param activation       hidden activation: {@code tanh}, {@code sigmoid}, {@code identity}/{@code linear} or
 *                         {@code poly:c0,c1,...}
 * @param outputActivation activation of the last layer (same choices)
 * @param bias             whether the layers have biases ({@code W_i0 = b_i} of Eq. 1)
 * @param data             CSV file ({@link DataFiles}), or null for random examples
 * @param examples         number of random examples when {@code data} is null, in [1, 1e6]
 * @param reference        {@code zero} or {@code random}
 */
public record SftNetworkSpec(int[] widths, String activation, String outputActivation, boolean bias, Path data,
                             int examples, String reference) {
    /** The activations the sft computations accept (command-line names; {@code poly} admits every polynomial). */
    public static final List<String> ACTIVATIONS = List.of("tanh", "sigmoid", "linear", "poly");

    public SftNetworkSpec {
        if (widths == null || widths.length < 2) {
            throw new InvalidInputException("widths", widths == null ? "none" : Arrays.toString(widths),
                    "at least two comma-separated widths, e.g. 3,4,2");
        }
        for (int w : widths) {
            if (w < 1 || w > 100_000) {
                throw new InvalidInputException("widths", Arrays.toString(widths), "every width in [1, 100000]");
            }
        }
        widths = widths.clone();
        // the parameter vector, its gradient and the Hessian-vector and Lanczos vectors of the commands: refuse widths
        // whose parameters cannot be held before anything is allocated (issue 15, hostile sizes)
        long parameters = 0;
        for (int i = 0; i + 1 < widths.length; i++) {
            parameters = org.deeprg.io.Budget.plus(parameters, org.deeprg.io.Budget.bytes(widths[i] + (bias ? 1L : 0L), widths[i + 1]));
        }
        String text = Arrays.toString(widths).replaceAll("[\\[\\] ]", "");
        if (parameters > org.deeprg.io.Budget.MAX_ARRAY_LENGTH) {
            throw new InvalidInputException("widths", text, "the network has " + parameters
                    + " parameters, more than one array can hold (" + org.deeprg.io.Budget.MAX_ARRAY_LENGTH + ")");
        }
        org.deeprg.io.Budget.requireOption("widths", text, org.deeprg.io.Budget.bytes(parameters, 8L * 16),
                "the " + parameters + " parameters (16 vectors of them: weights, gradients, Hessian-vector and Lanczos vectors)");
        InvalidInputException.requireInRange("examples", examples, 1, 1_000_000);
        if (!"zero".equals(reference) && !"random".equals(reference)) {
            throw new InvalidInputException("reference", reference, "zero or random");
        }
        Activation.parse("activation", activation, ACTIVATIONS);
        Activation.parse("outputActivation", outputActivation, ACTIVATIONS);
    }

    /** The dense network. */
    public DenseNetwork network() {
        return DenseNetwork.dense(widths, Activation.parse("activation", activation, ACTIVATIONS),
                Activation.parse("outputActivation", outputActivation, ACTIVATIONS), bias);
    }

    /** The data: the file (its header must match the network's widths), or random examples from {@code streams.split("data")}. */
    public Dataset dataset(RandomStreams streams) {
        if (data != null) {
            Dataset d = DataFiles.read(data, 1, 1);
            if (d.inputDimension() != widths[0] || d.outputDimension() != widths[widths.length - 1]) {
                throw InvalidInputException.file(data, "line 1, column 1: header has " + d.inputDimension() + " inputs and "
                        + d.outputDimension() + " outputs, the network has " + widths[0] + " and " + widths[widths.length - 1]);
            }
            return d;
        }
        return Dataset.uniformRandom(streams.split("data").generator(), examples, widths[0], widths[widths.length - 1]);
    }

    /** The reference point W0: zeros, or uniform in [-0.5, 0.5) from {@code streams.split("reference")}. */
    public double[] referencePoint(DenseNetwork net, RandomStreams streams) {
        if (reference.equals("random")) {
            UniformRandomProvider r = streams.split("reference").generator();
            return Weights.uniform(r, net.parameterCount(), 0.5);
        }
        return new double[net.parameterCount()];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SftNetworkSpec s && Arrays.equals(widths, s.widths) && activation.equals(s.activation)
                && outputActivation.equals(s.outputActivation) && bias == s.bias && java.util.Objects.equals(data, s.data)
                && examples == s.examples && reference.equals(s.reference);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(Arrays.hashCode(widths), activation, outputActivation, bias, data, examples, reference);
    }

    @Override
    public String toString() {
        return "SftNetworkSpec" + Arrays.toString(widths) + " " + activation + "/" + outputActivation + (bias ? "" : " no-bias")
                + (data != null ? " data " + data : " " + examples + " random examples") + " reference " + reference;
    }
}
