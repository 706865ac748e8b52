package org.deeprg.sft;

import org.deeprg.InvalidInputException;
import org.deeprg.mc.DifferentiableEnergy;

/**
 * Discrete training rules (the paper's Eq. 3 and its momentum variants). All act in place on the weights
 * {@code w} and the velocity {@code v = W_T - W_{T-1}} (per step, not per unit time).
 */
public enum Optimizer {
    /** Eq. 3: {@code W <- W - eta grad C(W)}. */
    GRADIENT_DESCENT,
    /** Heavy ball: {@code v <- mu v - eta grad C(W); W <- W + v}. */
    HEAVY_BALL,
    /** Nesterov: {@code v <- mu v - eta grad C(W + mu v); W <- W + v}. */
    NESTEROV;

    /**
     * Runs {@code steps} steps from {@code w0} (velocity zero) and records the weights every step.
     *
     * @return {@code trajectory[T][k]}, T = 0..steps
     */
    public double[][] run(DifferentiableEnergy cost, double[] w0, double learningRate, double momentum, int steps) {
        InvalidInputException.requirePositive("learningRate", learningRate);
        if (!(momentum >= 0 && momentum < 1)) {
            throw new InvalidInputException("momentum", momentum, "must be in [0, 1)");
        }
        InvalidInputException.requireInRange("steps", steps, 1, 100_000_000);
        int n = cost.dimension();
        if ((long) (steps + 1) * n > 50_000_000L) {
            throw new InvalidInputException("steps", steps, "at most " + (50_000_000L / n - 1) + " recorded steps for " + n + " weights");
        }
        double[][] out = new double[steps + 1][];
        double[] w = w0.clone();
        double[] v = new double[n];
        double[] g = new double[n];
        double[] look = new double[n];
        out[0] = w.clone();
        for (int t = 1; t <= steps; t++) {
            step(cost, w, v, g, look, learningRate, momentum);
            out[t] = w.clone();
        }
        return out;
    }

    /** One step in place ({@code w}, {@code v} modified; {@code g}, {@code look} scratch). */
    public void step(DifferentiableEnergy cost, double[] w, double[] v, double[] g, double[] look, double eta, double mu) {
        int n = w.length;
        switch (this) {
            case GRADIENT_DESCENT -> {
                cost.energyAndGradient(w, g);
                for (int k = 0; k < n; k++) {
                    v[k] = -eta * g[k];
                    w[k] += v[k];
                }
            }
            case HEAVY_BALL -> {
                cost.energyAndGradient(w, g);
                for (int k = 0; k < n; k++) {
                    v[k] = mu * v[k] - eta * g[k];
                    w[k] += v[k];
                }
            }
            case NESTEROV -> {
                for (int k = 0; k < n; k++) {
                    look[k] = w[k] + mu * v[k];
                }
                cost.energyAndGradient(look, g);
                for (int k = 0; k < n; k++) {
                    v[k] = mu * v[k] - eta * g[k];
                    w[k] += v[k];
                }
            }
            default -> throw new IllegalStateException();
        }
    }
}
