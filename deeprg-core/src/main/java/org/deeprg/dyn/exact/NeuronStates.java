package org.deeprg.dyn.exact;

import org.deeprg.InvalidInputException;
import org.deeprg.dyn.Alphabet;

/**
 * The joint states of one neuron layer of L examples: s = sum_{l, i} k(l, i) q^(l N + i), where k(l, i) is the
 * index of h_{l,i} in the neuron alphabet (q values). There are S = q^{N L} states.
 */
public final class NeuronStates {
    /** Largest number of joint layer states handled by dense transfer matrices (S x S doubles = 32 MiB). */
    public static final long MAX_STATES = 2048;

    private final Alphabet alphabet;
    private final int width;
    private final int examples;
    private final int count;
    private final double[][][] values;

    /** Refuses (InvalidInputException naming {@code parameter}) when q^{N L} exceeds {@link #MAX_STATES}. */
    public NeuronStates(Alphabet alphabet, int width, int examples, String parameter) {
        this.alphabet = alphabet;
        this.width = width;
        this.examples = examples;
        long s = DiscreteDynModel.saturatingPower(alphabet.size(), (long) width * examples);
        if (s > MAX_STATES) {
            throw new InvalidInputException(parameter, width + " x " + examples,
                    "the neuron layer has q^(N L) = " + alphabet.size() + "^" + ((long) width * examples) + " = "
                            + (s == Long.MAX_VALUE ? "more than 9e18" : Long.toString(s)) + " joint states; the limit is " + MAX_STATES);
        }
        this.count = (int) s;
        this.values = new double[count][examples][width];
        for (int st = 0; st < count; st++) {
            int rest = st;
            for (int l = 0; l < examples; l++) {
                for (int i = 0; i < width; i++) {
                    values[st][l][i] = alphabet.value(rest % alphabet.size());
                    rest /= alphabet.size();
                }
            }
        }
    }

    /** Number of states S. */
    public int count() {
        return count;
    }

    /** Width N. */
    public int width() {
        return width;
    }

    /** Number of examples L. */
    public int examples() {
        return examples;
    }

    /** The neuron alphabet. */
    public Alphabet alphabet() {
        return alphabet;
    }

    /** h_{l,i} of state s. */
    public double value(int s, int l, int i) {
        return values[s][l][i];
    }

    /** The [L][N] neuron values of state s (live, do not modify). */
    public double[][] values(int s) {
        return values[s];
    }

    /** The state index of the [L][N] values {@code h} (all in the alphabet), or -1. */
    public int indexOf(double[][] h) {
        int s = 0;
        int mult = 1;
        for (int l = 0; l < examples; l++) {
            for (int i = 0; i < width; i++) {
                int k = alphabet.indexOf(h[l][i]);
                if (k < 0) {
                    return -1;
                }
                s += k * mult;
                mult *= alphabet.size();
            }
        }
        return s;
    }

    /**
     * The index, among the q^L column patterns, of unit i's column (h_{1,i}, ..., h_{L,i}) of state s:
     * sum_l k(l, i) q^l.
     */
    public int columnIndex(int s, int i) {
        int c = 0;
        int mult = 1;
        for (int l = 0; l < examples; l++) {
            c += alphabet.indexOf(values[s][l][i]) * mult;
            mult *= alphabet.size();
        }
        return c;
    }

    /** Number of column patterns q^L. */
    public int columnCount() {
        return (int) DiscreteDynModel.saturatingPower(alphabet.size(), examples);
    }

    /** The column pattern c as L values. */
    public double[] column(int c) {
        double[] t = new double[examples];
        for (int l = 0; l < examples; l++) {
            t[l] = alphabet.value(c % alphabet.size());
            c /= alphabet.size();
        }
        return t;
    }
}
