package org.deeprg.dyn.mc;

import java.util.List;
import org.deeprg.InvalidInputException;
import org.deeprg.net.Activation;
import org.deeprg.dyn.DynNetwork;
import org.deeprg.dyn.Example;

/**
 * The dynamic-neuron Gibbs ensemble of Lee, Lee, Yi (2024), Eqs. (12)-(14), with the Gaussian regularisers of
 * Eq. (A2), on the flat layout {@link DynLayout}. Immutable settings; configurations are {@code double[]}.
 *
 * <p>The weight of a configuration (W, b, h) is {@code exp(-S)} with the <em>action</em>
 * <pre>
 *   S = beta * cost + betaV * constraint + beta * (c_W sum W^2 + c_b sum b^2),
 *   cost       = sum_l sum_i (y^[l]_i - sigma(a^(M)[l]_i))^2,
 *   constraint = sum_l sum_{m=0}^{M-1} sum_i (h^(m+1)[l]_i - sigma(a^(m)[l]_i))^2,
 *   a^(m)[l]_i = sum_j W^(m)_ij h^(m)[l]_j + b^(m)_i,   h^(0)[l] = x^[l],
 * </pre>
 * the same conventions as {@link org.deeprg.dyn.Hamiltonians} (no 1/L, k_B = 1), so that
 * {@code <cost> = -d ln Z/d beta} (at c_W = c_b = 0) and {@code <constraint> = -d ln Z/d betaV}. In Eq. (13)
 * terms, {@code S = beta H_new} with {@code lambda_m = betaV/beta} for m &lt; M and {@code lambda_M = 1}.
 *
 * <p>Each term couples only the layers m and m+1 (Fig. 2): {@link #localAction} sums the few terms that contain
 * one variable, which is what makes single-variable Metropolis updates O(N L) for a weight and O(N^2) for a
 * neuron, independent of the depth.
 */
public final class DynEnsemble {
    private final DynNetwork network;
    private final List<Example> examples;
    private final double beta;
    private final double betaV;
    private final double weightRegulariser;
    private final double biasRegulariser;
    private final DynLayout layout;
    private final Activation activation;
    /** The activation as a small code for the hot kernel ({@link #sigma(double)}), {@link #OTHER} for the rest. */
    private final int kind;
    private final int n;
    private final int depth;
    private final double[][] xs;
    private final double[][] ys;
    private final int biasBase;
    private final int neuronBase;
    /** Per-variable decode tables (layer, first and second index) that spare the hot kernel integer divisions; null for huge models. */
    private final int[] decodeLayer;
    private final int[] decodeFirst;
    private final int[] decodeSecond;
    /** Largest model with decode tables (12 bytes per variable). */
    static final int MAX_DECODED = 1 << 24;

    /**
     * @param network           architecture
     * @param examples          L >= 1 examples of the network's width
     * @param beta              finite, >= 0
     * @param betaV             finite, >= 0
     * @param weightRegulariser c_W, finite, >= 0
     * @param biasRegulariser   c_b, finite, >= 0
     */
    public DynEnsemble(DynNetwork network, List<Example> examples, double beta, double betaV,
                       double weightRegulariser, double biasRegulariser) {
        InvalidInputException.requireNonNegative("beta", beta);
        InvalidInputException.requireFinite("beta", beta);
        InvalidInputException.requireNonNegative("betaV", betaV);
        InvalidInputException.requireFinite("betaV", betaV);
        InvalidInputException.requireNonNegative("weightRegulariser", weightRegulariser);
        InvalidInputException.requireFinite("weightRegulariser", weightRegulariser);
        InvalidInputException.requireNonNegative("biasRegulariser", biasRegulariser);
        InvalidInputException.requireFinite("biasRegulariser", biasRegulariser);
        if (examples.isEmpty()) {
            throw new InvalidInputException("example", "none", "give at least one example X:Y");
        }
        for (Example e : examples) {
            if (e.x().length != network.width() || e.y().length != network.width()) {
                throw new InvalidInputException("example", e, "x and y must both have width " + network.width() + " components");
            }
        }
        this.network = network;
        this.examples = List.copyOf(examples);
        this.beta = beta;
        this.betaV = betaV;
        this.weightRegulariser = weightRegulariser;
        this.biasRegulariser = biasRegulariser;
        this.layout = DynLayout.of(network, examples.size());
        this.activation = network.activation();
        this.kind = kindOf(activation);
        this.n = network.width();
        this.depth = network.depth();
        this.xs = new double[examples.size()][];
        this.ys = new double[examples.size()][];
        this.biasBase = layout.biasBase();
        this.neuronBase = layout.neuronBase();
        int dim = layout.dimension();
        if (dim <= MAX_DECODED) {
            decodeLayer = new int[dim];
            decodeFirst = new int[dim];
            decodeSecond = new int[dim];
            for (int v = 0; v < dim; v++) {
                int[] d = decode(v);
                decodeLayer[v] = d[0];
                decodeFirst[v] = d[1];
                decodeSecond[v] = d[2];
            }
        } else {
            decodeLayer = null;
            decodeFirst = null;
            decodeSecond = null;
        }
        for (int l = 0; l < xs.length; l++) {
            xs[l] = examples.get(l).x();
            ys[l] = examples.get(l).y();
        }
    }

    // Activation codes. The Metropolis kernel evaluates sigma a few times per update; a switch on a final int field
    // keeps that a predictable branch for any mix of activations in one JVM, where a call through the sealed
    // interface would turn megamorphic (JMH in docs/PERFORMANCE.md). The closed forms are those of
    // org.deeprg.net.Activation, bit for bit.
    private static final int HEAVISIDE = 0;
    private static final int SIGMOID = 1;
    private static final int TANH = 2;
    private static final int RELU = 3;
    private static final int LINEAR = 4;
    private static final int OTHER = 5;

    private static int kindOf(Activation a) {
        if (a instanceof Activation.Heaviside) {
            return HEAVISIDE;
        }
        if (a instanceof Activation.Sigmoid) {
            return SIGMOID;
        }
        if (a instanceof Activation.Tanh) {
            return TANH;
        }
        if (a instanceof Activation.Relu) {
            return RELU;
        }
        return Activation.LINEAR.equals(a) ? LINEAR : OTHER;
    }

    /** {@code sigma(z)}, the same value as {@code activation.value(z)}. */
    private double sigma(double z) {
        return switch (kind) {
            case HEAVISIDE -> z >= 0 ? 1.0 : 0.0;
            case SIGMOID -> 1.0 / (1.0 + Math.exp(-z));
            case TANH -> Math.tanh(z);
            case RELU -> z > 0 ? z : 0.0;
            case LINEAR -> z;
            default -> activation.value(z);
        };
    }

    /** {@code sigma'(z)}, the same value as {@code activation.derivative(z)} (Heaviside: the activation's refusal). */
    private double sigmaDerivative(double z) {
        switch (kind) {
            case SIGMOID:
                double s = 1.0 / (1.0 + Math.exp(-z));
                return s * (1 - s);
            case TANH:
                double t = Math.tanh(z);
                return 1 - t * t;
            case RELU:
                return z > 0 ? 1.0 : 0.0;
            case LINEAR:
                return 1.0;
            default:
                return activation.derivative(z);
        }
    }

    /** The same ensemble at another betaV. */
    public DynEnsemble withBetaV(double newBetaV) {
        return new DynEnsemble(network, examples, beta, newBetaV, weightRegulariser, biasRegulariser);
    }

    public DynNetwork network() {
        return network;
    }

    public List<Example> examples() {
        return examples;
    }

    public double beta() {
        return beta;
    }

    public double betaV() {
        return betaV;
    }

    public double weightRegulariser() {
        return weightRegulariser;
    }

    public double biasRegulariser() {
        return biasRegulariser;
    }

    public DynLayout layout() {
        return layout;
    }

    /** a^(m)[l]_i for the configuration x. */
    public double preactivation(double[] x, int l, int m, int i) {
        int w0 = (m * n + i) * n;
        double s = x[biasBase + m * n + i];
        if (m == 0) {
            double[] in = xs[l];
            for (int j = 0; j < n; j++) {
                s += x[w0 + j] * in[j];
            }
        } else {
            int h0 = neuronBase + (l * depth + m - 1) * n;
            for (int j = 0; j < n; j++) {
                s += x[w0 + j] * x[h0 + j];
            }
        }
        return s;
    }

    /** The target of term (l, m, i): h^(m+1)[l]_i for m &lt; M, y^[l]_i for m = M. */
    private double target(double[] x, int l, int m, int i) {
        return m == depth ? ys[l][i] : x[neuronBase + (l * depth + m) * n + i];
    }

    /** The squared residual (target - sigma(a))^2 of term (l, m, i). */
    public double squaredResidual(double[] x, int l, int m, int i) {
        double r = target(x, l, m, i) - sigma(preactivation(x, l, m, i));
        return r * r;
    }

    private double termAction(double[] x, int l, int m, int i) {
        double c = m == depth ? beta : betaV;
        if (c == 0) {
            return 0;
        }
        return c * squaredResidual(x, l, m, i);
    }

    /** The cost term {@code sum_l |y^[l] - sigma(a^(M)[l])|^2}. */
    public double cost(double[] x) {
        double s = 0;
        for (int l = 0; l < xs.length; l++) {
            for (int i = 0; i < n; i++) {
                s += squaredResidual(x, l, depth, i);
            }
        }
        return s;
    }

    /** The constraint term {@code sum_l sum_{m<M} |h^(m+1)[l] - sigma(a^(m)[l])|^2}. */
    public double constraint(double[] x) {
        double s = 0;
        for (int l = 0; l < xs.length; l++) {
            for (int m = 0; m < depth; m++) {
                for (int i = 0; i < n; i++) {
                    s += squaredResidual(x, l, m, i);
                }
            }
        }
        return s;
    }

    /** {@code c_W sum W^2 + c_b sum b^2}. */
    public double regulariser(double[] x) {
        double s = 0;
        if (weightRegulariser != 0) {
            double w = 0;
            for (int v = 0; v < layout.weightCount(); v++) {
                w += x[v] * x[v];
            }
            s += weightRegulariser * w;
        }
        if (biasRegulariser != 0) {
            double b = 0;
            for (int v = layout.biasBase(); v < layout.neuronBase(); v++) {
                b += x[v] * x[v];
            }
            s += biasRegulariser * b;
        }
        return s;
    }

    /** The action {@code S = -ln w = beta cost + betaV constraint + beta regulariser}. */
    public double action(double[] x) {
        double s = beta * cost(x) + beta * regulariser(x);
        if (betaV != 0) {
            s += betaV * constraint(x);
        }
        return s;
    }

    /** The part of the action that contains variable v (all terms with v, its regulariser included). */
    public double localAction(double[] x, int v) {
        double s = 0;
        if (v < layout.biasBase()) {
            int m = v / (n * n);
            int i = (v / n) % n;
            for (int l = 0; l < xs.length; l++) {
                s += termAction(x, l, m, i);
            }
            if (weightRegulariser != 0) {
                s += beta * weightRegulariser * x[v] * x[v];
            }
        } else if (v < layout.neuronBase()) {
            int r = v - layout.biasBase();
            int m = r / n;
            int i = r % n;
            for (int l = 0; l < xs.length; l++) {
                s += termAction(x, l, m, i);
            }
            if (biasRegulariser != 0) {
                s += beta * biasRegulariser * x[v] * x[v];
            }
        } else {
            int r = v - layout.neuronBase();
            int i = r % n;
            int q = r / n;
            int l = q / depth;
            int m = q % depth + 1;
            s += termAction(x, l, m - 1, i);
            for (int k = 0; k < n; k++) {
                s += termAction(x, l, m, k);
            }
        }
        return s;
    }

    /** (layer m, i, j) of W^(m)_ij, (m, i, 0) of b^(m)_i, (m, l, i) of h^(m)[l]_i. */
    private int[] decode(int v) {
        if (v < biasBase) {
            int m = v / (n * n);
            int r = v - m * n * n;
            return new int[] {m, r / n, r % n};
        }
        if (v < neuronBase) {
            int r = v - biasBase;
            return new int[] {r / n, r % n, 0};
        }
        int r = v - neuronBase;
        int q = r / n;
        return new int[] {q % depth + 1, q / depth, r % n};
    }

    /**
     * {@code S(x') - S(x)} where x' is x with variable v set to {@code newValue}: the hot kernel of Metropolis.
     * Only the terms containing v are evaluated, and each pre-activation once: changing W^(m)_ij or b^(m)_i
     * shifts a^(m)[l]_i by {@code dW h^(m)[l]_j} or {@code db}; changing h^(m)[l]_j changes the target of term
     * (l, m-1, j) and shifts a^(m)[l]_k by {@code W^(m)_kj dh}. {@code x} is not modified.
     */
    public double actionChange(double[] x, int v, double newValue) {
        double old = x[v];
        double delta = newValue - old;
        int bb = biasBase;
        int hb = neuronBase;
        double change = 0;
        int m;
        int first;
        int second;
        if (decodeLayer != null) {
            m = decodeLayer[v];
            first = decodeFirst[v];
            second = decodeSecond[v];
        } else {
            int[] d = decode(v);
            m = d[0];
            first = d[1];
            second = d[2];
        }
        if (v < hb) {
            boolean isWeight = v < bb;
            int i = first;
            int j = second;
            double c = m == depth ? beta : betaV;
            if (c != 0) {
                for (int l = 0; l < xs.length; l++) {
                    double a = preactivation(x, l, m, i);
                    double shift = isWeight ? delta * (m == 0 ? xs[l][j] : x[hb + (l * depth + m - 1) * n + j]) : delta;
                    double t = target(x, l, m, i);
                    double r0 = t - sigma(a);
                    double r1 = t - sigma(a + shift);
                    change += c * (r1 * r1 - r0 * r0);
                }
            }
            double reg = isWeight ? weightRegulariser : biasRegulariser;
            if (reg != 0) {
                change += beta * reg * (newValue * newValue - old * old);
            }
            return change;
        }
        int l = first;
        int j = second;
        if (betaV != 0) {
            double s = sigma(preactivation(x, l, m - 1, j));
            double r0 = old - s;
            double r1 = newValue - s;
            change += betaV * (r1 * r1 - r0 * r0);
        }
        double c = m == depth ? beta : betaV;
        if (c != 0) {
            for (int k = 0; k < n; k++) {
                double a = preactivation(x, l, m, k);
                double t = target(x, l, m, k);
                double r0 = t - sigma(a);
                double r1 = t - sigma(a + x[(m * n + k) * n + j] * delta);
                change += c * (r1 * r1 - r0 * r0);
            }
        }
        return change;
    }

    /**
     * The action and its gradient {@code dS/dx} (written into {@code gradient}, modified). Requires a
     * differentiable activation. Chain rule per term: {@code dS/da = -2 c r sigma'(a)},
     * {@code dS/dW_ij = dS/da_i h_j}, {@code dS/db_i = dS/da_i}, {@code dS/dh^(m)_j = sum_i dS/da_i W_ij} and
     * {@code dS/dh^(m+1)_i = 2 c r} for the target, with {@code r = target - sigma(a)}, {@code c} = beta or betaV.
     */
    public double actionAndGradient(double[] x, double[] gradient) {
        java.util.Arrays.fill(gradient, 0, layout.dimension(), 0.0);
        double s = 0;
        int hb = layout.neuronBase();
        int bb = layout.biasBase();
        for (int l = 0; l < xs.length; l++) {
            for (int m = 0; m <= depth; m++) {
                double c = m == depth ? beta : betaV;
                if (c == 0) {
                    continue;
                }
                int in0 = hb + (l * depth + m - 1) * n;
                for (int i = 0; i < n; i++) {
                    double a = preactivation(x, l, m, i);
                    double r = target(x, l, m, i) - sigma(a);
                    s += c * r * r;
                    if (m < depth) {
                        gradient[hb + (l * depth + m) * n + i] += 2 * c * r;
                    }
                    double da = -2 * c * r * sigmaDerivative(a);
                    gradient[bb + m * n + i] += da;
                    int w0 = (m * n + i) * n;
                    for (int j = 0; j < n; j++) {
                        double hj = m == 0 ? xs[l][j] : x[in0 + j];
                        gradient[w0 + j] += da * hj;
                        if (m > 0) {
                            gradient[in0 + j] += da * x[w0 + j];
                        }
                    }
                }
            }
        }
        if (weightRegulariser != 0) {
            for (int v = 0; v < layout.weightCount(); v++) {
                s += beta * weightRegulariser * x[v] * x[v];
                gradient[v] += 2 * beta * weightRegulariser * x[v];
            }
        }
        if (biasRegulariser != 0) {
            for (int v = bb; v < hb; v++) {
                s += beta * biasRegulariser * x[v] * x[v];
                gradient[v] += 2 * beta * biasRegulariser * x[v];
            }
        }
        return s;
    }
}
