package org.deeprg.sft;

import org.apache.commons.rng.UniformRandomProvider;
import org.deeprg.InvalidInputException;
import org.deeprg.net.DenseNetwork;
import org.deeprg.net.NetworkCost;
import org.deeprg.run.RunContext;

/**
 * Momentum training of the Example-1 perceptron and the measurement of its normal-mode frequencies and damping from
 * the trajectory alone.
 *
 * <p>The network (masked {@link DenseNetwork}, gradients by back-propagation) is trained by heavy ball with
 * {@code (eta, mu)} from {@link MomentumMapping#fromContinuum(double, double)} starting at {@code W* + u0}. The
 * displacement is projected on each eigenvector of the Hessian; each projection is a sampled solution of a scalar
 * linear recurrence, so its two characteristic roots {@code z} are recovered by Prony's method (least-squares fit of
 * {@code x_{T+1} = c1 x_T + c2 x_{T-1}} over the whole run). The measured continuous-time rates {@code ln(z)/h} give the
 * damping {@code -Re} and the frequency {@code |Im|}, compared with Eq. 5's prediction {@code gamma/2} and
 * {@code sqrt(omega^2 - gamma^2/4)}.
 */
public final class ModeSimulation {
    /** Per-mode comparison. */
    public record Mode(double omega2, double predictedFrequency, double measuredFrequency, double predictedDamping,
                       double measuredDamping, double frequencyRelativeError, double dampingRelativeError, boolean underdamped) { }

    /** Result: modes ascending in omega^2, the optimiser settings and the largest relative errors (underdamped modes). */
    public record Result(Mode[] modes, double gamma, double timeStep, double learningRate, double momentum, int steps,
                         double maxFrequencyError, double maxDampingError) { }

    private ModeSimulation() {
    }

    /**
     * @param example   the perceptron
     * @param gamma     damping of Eq. 5 ({@code >= 0})
     * @param omegaStep {@code h * omega_max}, controls the O(h^2) frequency error (e.g. 0.02)
     * @param decays    run length in units of the damping time {@code 2/gamma} (e.g. 6)
     * @param rng       initial displacement
     */
    public static Result run(PerceptronExample example, double gamma, double omegaStep, double decays, UniformRandomProvider rng) {
        InvalidInputException.requirePositive("gamma", gamma);
        PerceptronExample.Modes modes = example.modes();
        int n = example.dimension();
        double omegaMax = Math.sqrt(Math.max(modes.omega2()[n - 1], gamma * gamma / 4));
        double h = omegaStep / omegaMax;
        long steps = Math.round(decays * 2 / gamma / h);
        if (steps > 2_000_000 || steps * n > 400_000_000L) {
            throw new InvalidInputException("momentum", gamma, "a damping with at most 2e6 simulation steps (here " + steps
                    + "); the spectrum spans omega_max = " + omegaMax + ", use a larger gamma");
        }
        steps = Math.max(steps, 50);
        MomentumMapping map = MomentumMapping.fromContinuum(h, gamma);
        DenseNetwork net = example.network();
        NetworkCost cost = NetworkCost.of(net, example.data(), RunContext.of(0));
        int[] paper = new int[n];
        for (int k = 0; k < n; k++) {
            paper[k] = example.paperIndex(net, k);
        }
        double[] star = example.shift();
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = star[paper[k]] + (rng.nextDouble() - 0.5);
        }
        double[] v = new double[n];
        double[] g = new double[n];
        double[] look = new double[n];
        // projections x_T per mode; only sums for Prony are kept (memory independent of the run length)
        int modesN = n;
        double[][] sums = new double[modesN][5]; // S00 = sum x_{T-1}^2, S01, S11 = sum x_T^2, R0 = sum x_{T+1} x_{T-1}, R1 = sum x_{T+1} x_T
        double[] prev2 = project(w, star, paper, modes);
        Optimizer.HEAVY_BALL.step(cost, w, v, g, look, map.learningRate(), map.momentum());
        double[] prev1 = project(w, star, paper, modes);
        for (long t = 2; t <= steps; t++) {
            Optimizer.HEAVY_BALL.step(cost, w, v, g, look, map.learningRate(), map.momentum());
            double[] cur = project(w, star, paper, modes);
            for (int m = 0; m < modesN; m++) {
                double a = prev2[m];
                double b = prev1[m];
                double c = cur[m];
                sums[m][0] += a * a;
                sums[m][1] += a * b;
                sums[m][2] += b * b;
                sums[m][3] += c * a;
                sums[m][4] += c * b;
            }
            prev2 = prev1;
            prev1 = cur;
        }
        Mode[] out = new Mode[modesN];
        double maxF = 0;
        double maxD = 0;
        for (int m = 0; m < modesN; m++) {
            // normal equations for x_{T+1} = c1 x_T + c2 x_{T-1}
            double s00 = sums[m][0];
            double s01 = sums[m][1];
            double s11 = sums[m][2];
            double det = s11 * s00 - s01 * s01;
            double c1 = (sums[m][4] * s00 - sums[m][3] * s01) / det;
            double c2 = (s11 * sums[m][3] - s01 * sums[m][4]) / det;
            double disc = c1 * c1 + 4 * c2;
            double omega2 = modes.omega2()[m];
            double[] pred = MomentumMapping.continuumRates(omega2, gamma);
            boolean under = pred[1] != 0;
            double measFreq;
            double measDamp;
            if (disc < 0) {
                double mod = Math.sqrt(-c2);
                measDamp = -Math.log(mod) / h;
                measFreq = Math.atan2(Math.sqrt(-disc) / 2, c1 / 2) / h;
            } else {
                double z1 = (c1 + Math.sqrt(disc)) / 2;
                double z2 = (c1 - Math.sqrt(disc)) / 2;
                // slowest decay rate for overdamped modes
                measDamp = -Math.log(Math.max(Math.abs(z1), Math.abs(z2))) / h;
                measFreq = 0;
            }
            double predFreq = under ? Math.abs(pred[1]) : 0;
            double predDamp = under ? gamma / 2 : -pred[0];
            double fe = predFreq > 0 ? Math.abs(measFreq - predFreq) / predFreq : Math.abs(measFreq);
            double de = Math.abs(measDamp - predDamp) / Math.max(predDamp, 1e-300);
            if (under) {
                maxF = Math.max(maxF, fe);
                maxD = Math.max(maxD, de);
            }
            out[m] = new Mode(omega2, predFreq, measFreq, predDamp, measDamp, fe, de, under);
        }
        return new Result(out, gamma, h, map.learningRate(), map.momentum(), (int) steps, maxF, maxD);
    }

    private static double[] project(double[] w, double[] star, int[] paper, PerceptronExample.Modes modes) {
        int n = w.length;
        double[] u = new double[n];
        for (int k = 0; k < n; k++) {
            u[paper[k]] = w[k] - star[paper[k]];
        }
        double[] x = new double[n];
        for (int m = 0; m < n; m++) {
            double s = 0;
            double[] e = modes.vectors()[m];
            for (int a = 0; a < n; a++) {
                s += e[a] * u[a];
            }
            x[m] = s;
        }
        return x;
    }
}
