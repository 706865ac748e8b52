package org.deeprg.sft.net;

import org.deeprg.InvalidInputException;

/**
 * Training examples {@code (X^[l], Y^[l])}, {@code l = 0..L-1} (the paper's Eq. 2). Rows are copied.
 *
 * @param inputs  {@code inputs[l][j]}
 * @param targets {@code targets[l][i]}
 */
public record Dataset(double[][] inputs, double[][] targets) {
    public Dataset {
        if (inputs.length != targets.length) {
            throw new InvalidInputException("examples", inputs.length + " inputs, " + targets.length + " targets", "as many targets as inputs");
        }
        if (inputs.length == 0) {
            throw new InvalidInputException("examples", 0, "at least one example");
        }
        double[][] x = new double[inputs.length][];
        double[][] y = new double[targets.length][];
        for (int l = 0; l < inputs.length; l++) {
            x[l] = inputs[l].clone();
            y[l] = targets[l].clone();
            if (x[l].length != inputs[0].length || y[l].length != targets[0].length) {
                throw new InvalidInputException("examples", "row " + l, "rows of equal length");
            }
        }
        inputs = x;
        targets = y;
    }

    /**
     * Examples with every input and target component uniform in [-1, 1), drawn from {@code r} example by example
     * (inputs, then targets): the synthetic data of studies, benchmarks and tests.
     */
    public static Dataset uniformRandom(org.apache.commons.rng.UniformRandomProvider r, int examples, int in, int out) {
        double[][] x = new double[examples][in];
        double[][] y = new double[examples][out];
        for (int l = 0; l < examples; l++) {
            for (int j = 0; j < in; j++) {
                x[l][j] = 2 * r.nextDouble() - 1;
            }
            for (int i = 0; i < out; i++) {
                y[l][i] = 2 * r.nextDouble() - 1;
            }
        }
        return new Dataset(x, y);
    }

    public int size() {
        return inputs.length;
    }

    public int inputDimension() {
        return inputs[0].length;
    }

    public int outputDimension() {
        return targets[0].length;
    }
}
