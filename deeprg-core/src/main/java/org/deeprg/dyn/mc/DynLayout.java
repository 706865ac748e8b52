package org.deeprg.dyn.mc;

import java.util.List;
import org.deeprg.dyn.DynNetwork;
import org.deeprg.dyn.DynParameters;
import org.deeprg.dyn.Example;

/**
 * How the degrees of freedom (W, b, h) of a dynamic-neuron ensemble are laid out in one flat {@code double[]}
 * for the samplers (hot loops work on primitive arrays):
 * <pre>
 *   W^(m)_ij      at  m N^2 + i N + j                       m = 0..M
 *   b^(m)_i       at  B + m N + i,        B = (M+1) N^2
 *   h^(m)[l]_i    at  H + (l M + m - 1) N + i,  H = B + (M+1) N,   m = 1..M, l = 0..L-1
 * </pre>
 * The input layer h^(0)[l] = x^[l] and the targets y^[l] are not variables.
 *
 * @param width    N
 * @param depth    M
 * @param examples L
 */
public record DynLayout(int width, int depth, int examples) {

    /** Layout of {@code net} with {@code examples} examples. */
    public static DynLayout of(DynNetwork net, int examples) {
        return new DynLayout(net.width(), net.depth(), examples);
    }

    /** Number of weight entries (M+1) N^2. */
    public int weightCount() {
        return (depth + 1) * width * width;
    }

    /** Number of bias entries (M+1) N. */
    public int biasCount() {
        return (depth + 1) * width;
    }

    /** Number of dynamic neurons L M N. */
    public int neuronCount() {
        return examples * depth * width;
    }

    /** Offset of the biases. */
    public int biasBase() {
        return weightCount();
    }

    /** Offset of the neurons. */
    public int neuronBase() {
        return weightCount() + biasCount();
    }

    /** Total number of variables. */
    public int dimension() {
        return neuronBase() + neuronCount();
    }

    public int weight(int m, int i, int j) {
        return (m * width + i) * width + j;
    }

    public int bias(int m, int i) {
        return biasBase() + m * width + i;
    }

    /** Index of h^(m)[l]_i, m = 1..M. */
    public int neuron(int l, int m, int i) {
        return neuronBase() + ((l * depth) + m - 1) * width + i;
    }

    /** Copies parameters into {@code x} (modified). */
    public void put(DynParameters p, double[] x) {
        for (int m = 0; m <= depth; m++) {
            for (int i = 0; i < width; i++) {
                for (int j = 0; j < width; j++) {
                    x[weight(m, i, j)] = p.weights(m)[i][j];
                }
                x[bias(m, i)] = p.biases(m)[i];
            }
        }
    }

    /** Copies the neurons {@code neurons[l][m][i]} (m = 1..M as in {@link org.deeprg.dyn.Hamiltonians}) into {@code x}. */
    public void putNeurons(double[][][] neurons, double[] x) {
        for (int l = 0; l < examples; l++) {
            for (int m = 1; m <= depth; m++) {
                for (int i = 0; i < width; i++) {
                    x[neuron(l, m, i)] = neurons[l][m][i];
                }
            }
        }
    }

    /** The parameters held in {@code x} (new object). */
    public DynParameters parameters(double[] x) {
        double[][][] w = new double[depth + 1][width][width];
        double[][] b = new double[depth + 1][width];
        for (int m = 0; m <= depth; m++) {
            for (int i = 0; i < width; i++) {
                for (int j = 0; j < width; j++) {
                    w[m][i][j] = x[weight(m, i, j)];
                }
                b[m][i] = x[bias(m, i)];
            }
        }
        return new DynParameters(w, b);
    }

    /** The neurons held in {@code x}, shaped {@code [L][M+1][N]} with layer 0 the inputs (as Hamiltonians expects). */
    public double[][][] neurons(double[] x, List<Example> ex) {
        double[][][] h = new double[examples][depth + 1][width];
        for (int l = 0; l < examples; l++) {
            h[l][0] = ex.get(l).x().clone();
            for (int m = 1; m <= depth; m++) {
                for (int i = 0; i < width; i++) {
                    h[l][m][i] = x[neuron(l, m, i)];
                }
            }
        }
        return h;
    }
}
