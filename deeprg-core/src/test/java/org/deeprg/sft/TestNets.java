package org.deeprg.sft;

import org.apache.commons.rng.UniformRandomProvider;
import org.deeprg.random.RandomStreams;
import org.deeprg.sft.net.Activation;
import org.deeprg.sft.net.Dataset;
import org.deeprg.sft.net.Network;
import org.deeprg.sft.net.NetworkCost;

/** Small random networks and data for tests. */
final class TestNets {
    private TestNets() {
    }

    static Dataset data(int examples, int in, int out, long seed) {
        return Dataset.uniformRandom(RandomStreams.root(seed).generator(), examples, in, out);
    }

    static double[] weights(int n, double scale, long seed) {
        UniformRandomProvider r = RandomStreams.root(seed).generator();
        double[] w = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = scale * (2 * r.nextDouble() - 1);
        }
        return w;
    }

    static NetworkCost cost(Network net, int examples, long seed) {
        return new NetworkCost(net, data(examples, net.width(0), net.width(net.layers()), seed), 1);
    }

    static Network tanhNet() {
        return Network.dense(new int[] {3, 4, 2}, new Activation.Tanh(), Activation.identity(), true);
    }

    static Network quadraticNet() {
        return Network.dense(new int[] {2, 3, 1}, Activation.quadratic(0.7, -0.4, 0.3), Activation.linear(1.1, 0.2), true);
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
