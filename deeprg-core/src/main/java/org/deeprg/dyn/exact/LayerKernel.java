package org.deeprg.dyn.exact;

import org.deeprg.InvalidInputException;
import org.deeprg.net.Activation;
import org.deeprg.dyn.Alphabet;

/**
 * One weight layer summed over its weights: for an input layer h (L examples x N units) and the output column
 * t = (t_1..t_L) of one unit i,
 * <pre>
 *   f(h, t) = sum_{w in A^N, b in A} exp(-kappa sum_l (t_l - sigma(w . h_l + b))^2)
 * </pre>
 * The rows (W_{i.}, b_i) of different units are summed independently and every unit has the same alphabet,
 * so f does not depend on i and the layer's transfer matrix factorises over units:
 * T(h, h') = prod_i f(h, h'_{.,i}). kappa = betaV for a constraint layer (m &lt; M), kappa = beta for the cost
 * layer (m = M, t = y), kappa = +Infinity for the counting kernel of the forward pass (weight 1 when the
 * penalty vanishes, else 0).
 *
 * <p>{@link #evaluate} also gives the mean penalty sum_l (t_l - sigma)^2 under the weights exp(-kappa penalty):
 * the conditional expectation used for &lt;cost&gt; and &lt;constraint&gt;.
 */
public final class LayerKernel {
    /** Largest number of weight rows q^{N+1} of one unit. */
    public static final long MAX_ROWS = 1L << 20;

    private final Activation activation;
    private final double[][] rows; // [R][N + 1]: w_1..w_N, b
    private final int width;

    public LayerKernel(Activation activation, Alphabet weights, int width) {
        this.activation = activation;
        this.width = width;
        long r = DiscreteDynModel.saturatingPower(weights.size(), width + 1L);
        if (r > MAX_ROWS) {
            throw new InvalidInputException("width", width, "one unit has q^(N+1) = " + weights.size() + "^" + (width + 1)
                    + " weight rows; the limit is " + MAX_ROWS);
        }
        rows = new double[(int) r][width + 1];
        for (int k = 0; k < r; k++) {
            int rest = k;
            for (int j = 0; j <= width; j++) {
                rows[k][j] = weights.value(rest % weights.size());
                rest /= weights.size();
            }
        }
    }

    /** Number of weight rows R = q^{N+1}. */
    public int rowCount() {
        return rows.length;
    }

    /** sigma(w_r . h_l + b_r) for every row r and example l: [R][L]. */
    public double[][] patterns(double[][] h) {
        double[][] p = new double[rows.length][h.length];
        for (int r = 0; r < rows.length; r++) {
            double[] w = rows[r];
            for (int l = 0; l < h.length; l++) {
                double z = w[width];
                for (int j = 0; j < width; j++) {
                    z += w[j] * h[l][j];
                }
                p[r][l] = activation.value(z);
            }
        }
        return p;
    }

    /**
     * ln f(h, t) and the mean penalty for the given patterns; {@code out[0] = ln f}, {@code out[1] = mean penalty}
     * (NaN when f = 0). {@code out} is modified.
     */
    public static void evaluate(double[][] patterns, double[] t, double kappa, double[] out) {
        int rCount = patterns.length;
        double maxLog = Double.NEGATIVE_INFINITY;
        double[] logw = new double[rCount];
        double[] pen = new double[rCount];
        for (int r = 0; r < rCount; r++) {
            double c = 0;
            for (int l = 0; l < t.length; l++) {
                double d = t[l] - patterns[r][l];
                c += d * d;
            }
            pen[r] = c;
            double lw = c == 0 ? 0 : (kappa == Double.POSITIVE_INFINITY ? Double.NEGATIVE_INFINITY : -kappa * c);
            logw[r] = lw;
            maxLog = Math.max(maxLog, lw);
        }
        if (maxLog == Double.NEGATIVE_INFINITY) {
            out[0] = Double.NEGATIVE_INFINITY;
            out[1] = Double.NaN;
            return;
        }
        double sum = 0;
        double sumPen = 0;
        for (int r = 0; r < rCount; r++) {
            double w = Math.exp(logw[r] - maxLog);
            sum += w;
            sumPen += w * pen[r];
        }
        out[0] = maxLog + Math.log(sum);
        out[1] = sumPen / sum;
    }
}
