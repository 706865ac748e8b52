package org.deeprg.sft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.deeprg.random.RandomStreams;
import org.deeprg.net.Activation;
import org.deeprg.net.DenseNetwork;
import org.deeprg.net.NetworkCost;
import org.deeprg.run.RunContext;
import org.deeprg.sft.spectral.Lanczos;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

/** Gradient, Hessian-vector products and Lanczos against independent routes. */
class HessianTest {

    @Test
    void gradientMatchesFiniteDifferences() {
        for (DenseNetwork net : new DenseNetwork[] {TestNets.tanhNet(), TestNets.quadraticNet()}) {
            NetworkCost cost = TestNets.cost(net, 70, 11); // 70 examples: two blocks
            double[] w = TestNets.weights(net.parameterCount(), 0.7, 12);
            double[] g = new double[w.length];
            cost.energyAndGradient(w, g);
            double[] fd = TestNets.fdGradient(cost, w, 1e-6);
            for (int k = 0; k < g.length; k++) {
                assertThat(g[k]).isCloseTo(fd[k], within(1e-5 * Math.max(1, Math.abs(fd[k]))));
            }
        }
    }

    @Test
    void hessianVectorProductMatchesDenseFiniteDifferenceHessian() {
        DenseNetwork net = DenseNetwork.dense(new int[] {3, 4, 3, 2}, Activation.SIGMOID, Activation.TANH, true);
        NetworkCost cost = TestNets.cost(net, 9, 13);
        double[] w = TestNets.weights(net.parameterCount(), 0.8, 14);
        double[][] fd = TestNets.fdHessian(cost, w, 1e-5);
        double[] v = TestNets.weights(w.length, 1, 15);
        double[] hv = new double[w.length];
        cost.hessianVectorProduct(w, v, hv);
        for (int i = 0; i < w.length; i++) {
            double s = 0;
            for (int j = 0; j < w.length; j++) {
                s += fd[i][j] * v[j];
            }
            assertThat(hv[i]).isCloseTo(s, within(1e-5 * Math.max(1, Math.abs(s))));
        }
    }

    @Test
    void blasKernelsAgreeWithFiniteDifferencesOnAWiderNet() {
        // 70 examples x 30 x 24 multiply-adds per layer exceed NetworkCost.BLAS_THRESHOLD
        DenseNetwork net = DenseNetwork.dense(new int[] {30, 24, 40, 3}, Activation.TANH, Activation.LINEAR, true);
        assertThat(64L * 30 * 24).isGreaterThanOrEqualTo(NetworkCost.BLAS_THRESHOLD);
        NetworkCost cost = TestNets.cost(net, 70, 21);
        int n = net.parameterCount();
        double[] w = TestNets.weights(n, 0.3, 22);
        double[] v = TestNets.weights(n, 1, 23);
        double[] hv = new double[n];
        cost.hessianVectorProduct(w, v, hv);
        double eps = 1e-5;
        double[] gp = new double[n];
        double[] gm = new double[n];
        double[] wp = w.clone();
        double[] wm = w.clone();
        for (int k = 0; k < n; k++) {
            wp[k] += eps * v[k];
            wm[k] -= eps * v[k];
        }
        cost.energyAndGradient(wp, gp);
        cost.energyAndGradient(wm, gm);
        double scale = 0;
        for (double x : hv) {
            scale = Math.max(scale, Math.abs(x));
        }
        for (int k = 0; k < n; k++) {
            assertThat(hv[k]).isCloseTo((gp[k] - gm[k]) / (2 * eps), within(1e-6 * scale));
        }
        double[] g = new double[n];
        cost.energyAndGradient(w, g);
        for (int k = 0; k < n; k += 97) {
            double[] a = w.clone();
            double[] b = w.clone();
            a[k] += 1e-6;
            b[k] -= 1e-6;
            assertThat(g[k]).isCloseTo((cost.energy(a) - cost.energy(b)) / 2e-6, within(1e-5 * Math.max(1, Math.abs(g[k]))));
        }
    }

    @Test
    void threadCountDoesNotChangeBits() {
        DenseNetwork net = TestNets.tanhNet();
        var data = TestNets.data(300, 3, 2, 16);
        double[] w = TestNets.weights(net.parameterCount(), 0.7, 17);
        double[] v = TestNets.weights(w.length, 1, 18);
        double[] a = new double[w.length];
        double[] b = new double[w.length];
        NetworkCost.of(net, data, RunContext.of(0, 1)).hessianVectorProduct(w, v, a);
        NetworkCost.of(net, data, RunContext.of(0, 3)).hessianVectorProduct(w, v, b);
        assertThat(b).containsExactly(a);
    }

    @Test
    void lanczosExtremesMatchDenseEigenvalues() {
        DenseNetwork net = DenseNetwork.dense(new int[] {4, 6, 3}, Activation.TANH, Activation.LINEAR, true);
        NetworkCost cost = TestNets.cost(net, 40, 19);
        double[] w = TestNets.weights(net.parameterCount(), 0.7, 20);
        int n = w.length;
        double[][] h = cost.denseHessian(w);
        double[] exact = eigenvalues(h);
        Lanczos.Result r = Lanczos.extremes((v, out) -> cost.hessianVectorProduct(w, v, out), n, 3, 3, n, 1e-10,
                RandomStreams.root(1).generator());
        assertThat(r.converged()).isTrue();
        for (int i = 0; i < 3; i++) {
            assertThat(r.smallest()[i]).isCloseTo(exact[i], within(1e-7 * Math.abs(exact[n - 1])));
            assertThat(r.largest()[i]).isCloseTo(exact[n - 3 + i], within(1e-7 * Math.abs(exact[n - 1])));
        }
    }

    static double[] eigenvalues(double[][] h) {
        int n = h.length;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        eig.decompose(new DMatrixRMaj(h));
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(e);
        return e;
    }
}
