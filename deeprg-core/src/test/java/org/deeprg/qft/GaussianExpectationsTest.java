package org.deeprg.qft;

import org.deeprg.net.Activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GaussianExpectationsTest {
    @Test
    void erfAndReluClosedFormsMatchQuadrature() {
        double[][] covs = {{1.0, 0.3, 2.0}, {0.5, -0.4, 0.7}, {2.0, 1.9, 2.0}, {0.3, 0.0, 1.1}};
        for (double[] c : covs) {
            assertThat(GaussianExpectations.pairMoment(Activation.ERF, c[0], c[1], c[2]))
                    .isCloseTo(GaussianExpectations.pairMomentQuadrature(Activation.ERF, c[0], c[1], c[2]), within(1e-10));
            // ReLU: the closed arc-cosine form against the polar route (Gauss-Hermite converges slowly on the kink)
            double l11 = Math.sqrt(c[0]);
            double l21 = c[1] / l11;
            double[][] loadings = {{l11, 0}, {l21, Math.sqrt(c[2] - l21 * l21)}};
            assertThat(GaussianExpectations.pairMoment(Activation.RELU, c[0], c[1], c[2]))
                    .isCloseTo(GaussianExpectations.reluMoment(loadings, 2), within(1e-13));
            assertThat(GaussianExpectations.pairMoment(Activation.RELU, c[0], c[1], c[2]))
                    .isCloseTo(GaussianExpectations.pairMomentQuadrature(Activation.RELU, c[0], c[1], c[2]), within(2e-3));
        }
    }

    @Test
    void reluKernelAtAnticorrelationIsZeroAndAtCorrelationIsHalfTheVariance() {
        assertThat(GaussianExpectations.pairMoment(Activation.RELU, 2.0, -2.0, 2.0)).isCloseTo(0.0, within(1e-15));
        // rounding can push the correlation past -1: the clamp keeps the angle at pi
        assertThat(GaussianExpectations.pairMoment(Activation.RELU, 2.0, -2.0000000001, 2.0)).isCloseTo(0.0, within(1e-15));
        assertThat(GaussianExpectations.pairMoment(Activation.RELU, 2.0, 2.0, 2.0)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void reluPolarMomentMatchesArcCosineKernel() {
        NetworkSpec spec = NetworkSpec.oneLayer(1, 1, Activation.RELU, 1.4, 0.6);
        double[][] pts = {{-0.7}, {1.2}};
        double c11 = spec.inputCovariance(pts[0], pts[0]);
        double c12 = spec.inputCovariance(pts[0], pts[1]);
        double c22 = spec.inputCovariance(pts[1], pts[1]);
        assertThat(GaussianExpectations.productMoment(spec, pts))
                .isCloseTo(GaussianExpectations.pairMoment(Activation.RELU, c11, c12, c22), within(1e-13));
        // E[relu(z)^4] = 3 c^2 / 2 for z ~ N(0, c)
        double[][] same = {pts[0], pts[0], pts[0], pts[0]};
        assertThat(GaussianExpectations.productMoment(spec, same)).isCloseTo(1.5 * c11 * c11, within(1e-12));
    }

    /** The Gauss-net closed form against 2-d Gauss-Hermite quadrature over (W_0, b_0). */
    @Test
    void gaussNetClosedFormMatchesQuadrature() {
        NetworkSpec spec = NetworkSpec.oneLayer(1, 1, Activation.GAUSS, 1.2, 0.5);
        double[][] pts = {{-0.3}, {0.2}, {0.2}, {0.6}};
        double[][] rule = GaussianExpectations.normalRule(60);
        double q = 0;
        for (int i = 0; i < 60; i++) {
            for (int j = 0; j < 60; j++) {
                double w0 = spec.sigmaW() * rule[0][i];
                double b0 = spec.sigmaB() * rule[0][j];
                double p = 1;
                for (double[] x : pts) {
                    double v = spec.sigmaB() * spec.sigmaB() + spec.sigmaW() * spec.sigmaW() * x[0] * x[0];
                    p *= Math.exp(w0 * x[0] + b0 - v);
                }
                q += rule[1][i] * rule[1][j] * p;
            }
        }
        assertThat(GaussianExpectations.productMoment(spec, pts)).isCloseTo(q, within(1e-10 * q));
        // Eq. 4: E[g(x) g(y)] = exp(-sigmaW^2 (x-y)^2 / 2)
        assertThat(GaussianExpectations.productMoment(spec, new double[][] {pts[0], pts[3]}))
                .isCloseTo(Math.exp(-1.44 * 0.81 / 2), within(1e-14));
    }

    @Test
    void quadratureInTwoInputDimensionsMatchesTheErfKernel() {
        NetworkSpec spec = NetworkSpec.oneLayer(2, 1, Activation.ERF, 1.1, 0.4);
        double[][] pts = {{0.3, -0.5}, {0.9, 0.2}};
        double c11 = spec.inputCovariance(pts[0], pts[0]);
        double c12 = spec.inputCovariance(pts[0], pts[1]);
        double c22 = spec.inputCovariance(pts[1], pts[1]);
        assertThat(GaussianExpectations.productMoment(spec, pts))
                .isCloseTo(GaussianExpectations.pairMoment(Activation.ERF, c11, c12, c22), within(1e-8));
    }
}
