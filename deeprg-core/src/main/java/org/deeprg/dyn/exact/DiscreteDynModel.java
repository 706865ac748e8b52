package org.deeprg.dyn.exact;

import java.util.Arrays;
import java.util.List;
import org.deeprg.InvalidInputException;
import org.deeprg.dyn.Alphabet;
import org.deeprg.dyn.DynNetwork;
import org.deeprg.dyn.Example;

/**
 * A discrete dynamic-neuron model (Lee, Lee, Yi 2024, Sec. IV (iii)): every weight W^(m)_{ij} and bias b^(m)_i
 * takes values in {@code weightAlphabet}, every dynamic neuron h^(m)_{l,i} (m = 1..M) in {@code neuronAlphabet},
 * and the L training examples (x_l, y_l) have components in the neuron alphabet. The sums over all
 * configurations replace the integrals of Eqs. 9 and 14 (Eq. 17).
 *
 * @param network        width N, depth M, activation sigma
 * @param weightAlphabet values of W and b (paper: {-1, 1})
 * @param neuronAlphabet values of h (paper: {0, 1})
 * @param examples       the L &gt;= 1 examples, each of width N with components in the neuron alphabet
 */
public record DiscreteDynModel(DynNetwork network, Alphabet weightAlphabet, Alphabet neuronAlphabet, List<Example> examples) {
    public DiscreteDynModel {
        if (network == null || weightAlphabet == null || neuronAlphabet == null) {
            throw new IllegalArgumentException("network and alphabets are required");
        }
        if (examples == null || examples.isEmpty()) {
            throw new InvalidInputException("example", "none", "give at least one example X:Y");
        }
        examples = List.copyOf(examples);
        for (Example e : examples) {
            if (e.x().length != network.width() || e.y().length != network.width()) {
                throw new InvalidInputException("example", e, "X and Y must each have width = " + network.width() + " components");
            }
            for (double v : e.x()) {
                requireInAlphabet(e, v, neuronAlphabet);
            }
            for (double v : e.y()) {
                requireInAlphabet(e, v, neuronAlphabet);
            }
        }
    }

    private static void requireInAlphabet(Example e, double v, Alphabet a) {
        if (!a.contains(v)) {
            throw new InvalidInputException("example", e, "components must lie in the neuron alphabet " + a + " (got " + v + ")");
        }
    }

    /** The paper's Sec. IV model: Heaviside, W and b in {-1, 1}, h in {0, 1}. */
    public static DiscreteDynModel paper(DynNetwork network, List<Example> examples) {
        return new DiscreteDynModel(network, Alphabet.BINARY_WEIGHTS, Alphabet.BINARY_NEURONS, examples);
    }

    /** Number of examples L. */
    public int exampleCount() {
        return examples.size();
    }

    /** Number of neuron variables per layer, N L. */
    public int neuronsPerLayer() {
        return network.width() * examples.size();
    }

    /** Number of joint neuron states of one layer, q_h^{N L} (may overflow to Long.MAX_VALUE). */
    public long statesPerLayer() {
        return saturatingPower(neuronAlphabet.size(), neuronsPerLayer());
    }

    /** Number of (w, b) rows of one unit, q_W^{N + 1}. */
    public long weightRowsPerUnit() {
        return saturatingPower(weightAlphabet.size(), network.width() + 1);
    }

    static long saturatingPower(long base, long exponent) {
        long r = 1;
        for (long k = 0; k < exponent; k++) {
            if (r > Long.MAX_VALUE / Math.max(base, 1)) {
                return Long.MAX_VALUE;
            }
            r *= base;
        }
        return r;
    }

    @Override
    public String toString() {
        return network + " W,b in " + weightAlphabet + " h in " + neuronAlphabet + " examples " + Arrays.toString(examples.toArray());
    }
}
