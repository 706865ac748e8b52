package org.deeprg.dyn.mc;

import java.util.List;
import org.deeprg.InvalidInputException;
import org.deeprg.net.Activation;
import org.deeprg.dyn.DynNetwork;
import org.deeprg.dyn.Example;

/**
 * The original training cost with Gaussian regularisers as a {@link org.deeprg.mc.DifferentiableEnergy} over
 * (W, b) only: {@code E(W, b) = H_original + c_W sum W^2 + c_b sum b^2} with
 * {@code H_original = sum_l |y^[l] - z^[l]|^2} (Eqs. 2, 7-8). Noisy gradient descent on E (Eq. 3 with noise,
 * {@link org.deeprg.mc.LangevinSampler}) samples {@code exp(-beta E)} (Eq. 4). Coordinates: the first
 * {@link DynLayout#neuronBase()} entries of {@link DynLayout} (weights, then biases). Gradient by
 * back-propagation.
 */
public final class OriginalCostEnergy implements org.deeprg.mc.DifferentiableEnergy {
    private final DynNetwork net;
    private final List<Example> examples;
    private final double weightRegulariser;
    private final double biasRegulariser;
    private final DynLayout layout;

    public OriginalCostEnergy(DynNetwork net, List<Example> examples, double weightRegulariser, double biasRegulariser) {
        if (!net.activation().isDifferentiable()) {
            throw new InvalidInputException("activation", net.activation().name(),
                    "heaviside has no gradient; gradient training cannot use it");
        }
        this.net = net;
        this.examples = List.copyOf(examples);
        this.weightRegulariser = weightRegulariser;
        this.biasRegulariser = biasRegulariser;
        this.layout = DynLayout.of(net, examples.size());
    }

    @Override
    public int dimension() {
        return layout.neuronBase();
    }

    @Override
    public double energy(double[] x) {
        return energyAndGradient(x, null);
    }

    @Override
    public double energyAndGradient(double[] x, double[] gradient) {
        int n = net.width();
        int depth = net.depth();
        Activation sigma = net.activation();
        if (gradient != null) {
            java.util.Arrays.fill(gradient, 0.0);
        }
        double[][] z = new double[depth + 2][n];
        double[][] a = new double[depth + 1][n];
        double[] delta = new double[n];
        double[] back = new double[n];
        double e = 0;
        for (Example ex : examples) {
            System.arraycopy(ex.x(), 0, z[0], 0, n);
            for (int m = 0; m <= depth; m++) {
                for (int i = 0; i < n; i++) {
                    double s = x[layout.bias(m, i)];
                    for (int j = 0; j < n; j++) {
                        s += x[layout.weight(m, i, j)] * z[m][j];
                    }
                    a[m][i] = s;
                    z[m + 1][i] = sigma.value(s);
                }
            }
            for (int i = 0; i < n; i++) {
                double r = ex.y()[i] - z[depth + 1][i];
                e += r * r;
                if (gradient != null) {
                    delta[i] = -2 * r * sigma.derivative(a[depth][i]);
                }
            }
            if (gradient == null) {
                continue;
            }
            for (int m = depth; m >= 0; m--) {
                java.util.Arrays.fill(back, 0.0);
                for (int i = 0; i < n; i++) {
                    gradient[layout.bias(m, i)] += delta[i];
                    for (int j = 0; j < n; j++) {
                        gradient[layout.weight(m, i, j)] += delta[i] * z[m][j];
                        back[j] += delta[i] * x[layout.weight(m, i, j)];
                    }
                }
                if (m > 0) {
                    for (int j = 0; j < n; j++) {
                        delta[j] = back[j] * sigma.derivative(a[m - 1][j]);
                    }
                }
            }
        }
        for (int v = 0; v < layout.weightCount(); v++) {
            e += weightRegulariser * x[v] * x[v];
            if (gradient != null) {
                gradient[v] += 2 * weightRegulariser * x[v];
            }
        }
        for (int v = layout.biasBase(); v < layout.neuronBase(); v++) {
            e += biasRegulariser * x[v] * x[v];
            if (gradient != null) {
                gradient[v] += 2 * biasRegulariser * x[v];
            }
        }
        return e;
    }
}
