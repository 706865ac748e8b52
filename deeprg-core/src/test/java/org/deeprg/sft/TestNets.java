package org.deeprg.sft;

import org.deeprg.random.RandomStreams;
import org.deeprg.net.Activation;
import org.deeprg.net.Dataset;
import org.deeprg.net.Weights;
import org.deeprg.net.DenseNetwork;
import org.deeprg.net.NetworkCost;
import org.deeprg.run.RunContext;

/** Small random networks and data for tests. */
final class TestNets {
    private TestNets() {
    }

    static Dataset data(int examples, int in, int out, long seed) {
        return Dataset.uniformRandom(RandomStreams.root(seed).generator(), examples, in, out);
    }

    static double[] weights(int n, double scale, long seed) {
        return Weights.uniform(RandomStreams.root(seed).generator(), n, scale);
    }

    static NetworkCost cost(DenseNetwork net, int examples, long seed) {
        return NetworkCost.of(net, data(examples, net.width(0), net.width(net.layers()), seed), RunContext.of(0));
    }

    static DenseNetwork tanhNet() {
        return DenseNetwork.dense(new int[] {3, 4, 2}, Activation.TANH, Activation.LINEAR, true);
    }

    static DenseNetwork quadraticNet() {
        return DenseNetwork.dense(new int[] {2, 3, 1}, Activation.Polynomial.quadratic(0.7, -0.4, 0.3), Activation.Polynomial.linear(1.1, 0.2), true);
    }

    /** Central-difference gradient of the energy. */
    static double[] fdGradient(org.deeprg.mc.DifferentiableEnergy e, double[] w, double eps) {
        double[] g = new double[w.length];
        for (int k = 0; k < w.length; k++) {
            double[] p = w.clone();
            double[] m = w.clone();
            p[k] += eps;
            m[k] -= eps;
            g[k] = (e.energy(p) - e.energy(m)) / (2 * eps);
        }
        return g;
    }

    /** Central-difference Hessian from analytic gradients. */
    static double[][] fdHessian(org.deeprg.mc.DifferentiableEnergy e, double[] w, double eps) {
        int n = w.length;
        double[][] h = new double[n][n];
        double[] gp = new double[n];
        double[] gm = new double[n];
        for (int k = 0; k < n; k++) {
            double[] p = w.clone();
            double[] m = w.clone();
            p[k] += eps;
            m[k] -= eps;
            e.energyAndGradient(p, gp);
            e.energyAndGradient(m, gm);
            for (int i = 0; i < n; i++) {
                h[i][k] = (gp[i] - gm[i]) / (2 * eps);
            }
        }
        return h;
    }
}
