package org.deeprg.sft;

import java.util.List;

/**
 * Extreme normal modes of training (the JSON of {@code sft modes}).
 *
 * @param parameters number of parameters
 * @param examples   number of examples
 * @param smallest   the smallest Ritz values, ascending
 * @param largest    the largest Ritz values, ascending
 * @param residuals  residual bounds of the Ritz pairs (smallest, then largest)
 * @param steps      Lanczos steps taken
 * @param converged  whether every requested Ritz value met the tolerance
 * @param modes      every mode with its motion under momentum (frequency and damping null without momentum)
 */
public record ModesResult(int parameters, int examples, double[] smallest, double[] largest, double[] residuals, int steps,
                          boolean converged, List<Mode> modes) {

    /** A mode {@code omega^2} with its frequency and damping under the spec's momentum (null without). */
    public record Mode(double omega2, Double frequency, Double damping) { }

    /** All Ritz values, smallest then largest. */
    public double[] all() {
        double[] a = new double[smallest.length + largest.length];
        System.arraycopy(smallest, 0, a, 0, smallest.length);
        System.arraycopy(largest, 0, a, smallest.length, largest.length);
        return a;
    }
}
