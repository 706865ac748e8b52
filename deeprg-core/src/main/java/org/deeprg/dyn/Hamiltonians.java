package org.deeprg.dyn;

import java.util.List;

/**
 * The Hamiltonians of Lee, Lee, Yi (2024).
 *
 * <p>Conventions (k_B = 1, temperature T = 1/beta, no 1/L normalisation, Eq. 2 footnote):
 * <ul>
 *   <li>Forward pass (Eq. 1): z^(0) = x, z^(m+1) = sigma(W^(m) z^(m) + b^(m)), network output z = z^(M+1).</li>
 *   <li>{@code H_original = sum_l |y_l - z_l|^2} (Eqs. 7-8), a function of (W, b) only.</li>
 *   <li>Dynamic neurons h^(m)_l, m = 1..M, with h^(0)_l = x_l. The new Hamiltonian (Eq. 13) is
 *       {@code H_new = cost + lambda * constraint} with
 *       {@code cost = sum_l |y_l - sigma(W^(M) h^(M)_l + b^(M))|^2} and
 *       {@code constraint = sum_l sum_{m=0}^{M-1} |h^(m+1)_l - sigma(W^(m) h^(m)_l + b^(m))|^2}.</li>
 *   <li>With {@code betaV = beta * lambda} the Boltzmann weight is {@code exp(-beta cost - betaV constraint)}
 *       (Eq. 14), so {@code <cost> = -d ln Z / d beta} and {@code <constraint> = -d ln Z / d betaV}.</li>
 * </ul>
 *
 * <p>Neuron arrays are {@code neurons[l][m][i]} for example l, layer m = 0..M (index 0 is ignored and the
 * example's x is used as h^(0)), unit i. When {@code h} is the forward pass the constraint vanishes and
 * {@code H_new = H_original}.
 */
public final class Hamiltonians {
    private Hamiltonians() {
    }

    /** The forward pass z^(0..M+1) for input x: returns [M+2][N], element 0 is x. */
    public static double[][] forward(DynNetwork net, DynParameters p, double[] x) {
        int n = net.width();
        double[][] z = new double[net.depth() + 2][];
        z[0] = x.clone();
        for (int m = 0; m <= net.depth(); m++) {
            z[m + 1] = layer(net, p, m, z[m], new double[n]);
        }
        return z;
    }

    /** out = sigma(W^(m) in + b^(m)); returns out. */
    public static double[] layer(DynNetwork net, DynParameters p, int m, double[] in, double[] out) {
        double[][] w = p.weights(m);
        double[] b = p.biases(m);
        for (int i = 0; i < net.width(); i++) {
            double s = b[i];
            for (int j = 0; j < net.width(); j++) {
                s += w[i][j] * in[j];
            }
            out[i] = net.activation().value(s);
        }
        return out;
    }

    /** The neuron configuration of the forward pass, shaped [L][M+1][N] as expected by {@link #cost}. */
    public static double[][][] forwardNeurons(DynNetwork net, DynParameters p, List<Example> examples) {
        double[][][] h = new double[examples.size()][][];
        for (int l = 0; l < examples.size(); l++) {
            double[][] z = forward(net, p, examples.get(l).x());
            h[l] = new double[net.depth() + 1][];
            for (int m = 0; m <= net.depth(); m++) {
                h[l][m] = z[m];
            }
        }
        return h;
    }

    /** {@code H_original = sum_l |y_l - z_l|^2} (Eqs. 7-8). */
    public static double original(DynNetwork net, DynParameters p, List<Example> examples) {
        double e = 0;
        for (Example ex : examples) {
            double[][] z = forward(net, p, ex.x());
            e += squaredDistance(ex.y(), z[net.depth() + 1]);
        }
        return e;
    }

    /** The cost term of H_new: {@code sum_l |y_l - sigma(W^(M) h^(M)_l + b^(M))|^2}. */
    public static double cost(DynNetwork net, DynParameters p, double[][][] neurons, List<Example> examples) {
        int n = net.width();
        double[] out = new double[n];
        double e = 0;
        for (int l = 0; l < examples.size(); l++) {
            double[] hm = net.depth() == 0 ? examples.get(l).x() : neurons[l][net.depth()];
            layer(net, p, net.depth(), hm, out);
            e += squaredDistance(examples.get(l).y(), out);
        }
        return e;
    }

    /** The constraint term of H_new: {@code sum_l sum_{m<M} |h^(m+1)_l - sigma(W^(m) h^(m)_l + b^(m))|^2}. */
    public static double constraint(DynNetwork net, DynParameters p, double[][][] neurons, List<Example> examples) {
        int n = net.width();
        double[] out = new double[n];
        double e = 0;
        for (int l = 0; l < examples.size(); l++) {
            for (int m = 0; m < net.depth(); m++) {
                double[] in = m == 0 ? examples.get(l).x() : neurons[l][m];
                layer(net, p, m, in, out);
                e += squaredDistance(neurons[l][m + 1], out);
            }
        }
        return e;
    }

    /** {@code H_new = cost + lambda * constraint} (Eq. 13). */
    public static double hNew(DynNetwork net, DynParameters p, double[][][] neurons, List<Example> examples, double lambda) {
        return cost(net, p, neurons, examples) + lambda * constraint(net, p, neurons, examples);
    }

    /** The log Boltzmann weight {@code -beta cost - betaV constraint} (Eq. 14). */
    public static double logWeight(DynNetwork net, DynParameters p, double[][][] neurons, List<Example> examples,
                                   double beta, double betaV) {
        double c = constraint(net, p, neurons, examples);
        double k = cost(net, p, neurons, examples);
        return -beta * k - (c == 0 ? 0 : betaV * c);
    }

    private static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return s;
    }
}
