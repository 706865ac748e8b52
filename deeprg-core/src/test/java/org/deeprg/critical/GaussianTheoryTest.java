package org.deeprg.critical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The field theory of a layer against brute force: the Gaussian couplings (Eq. 13, Eq. 55) as the second-order
 * expansion of the Hamiltonians Eq. 11 / Eq. 42 by finite differences, the Hubbard-Stratonovich step of App. A
 * (Eq. 41) against the Ising sum, and the prefactor of the two-point function (Eqs. 60-62) by quadrature.
 */
class GaussianTheoryTest {
    private static final double[] W = {1.2, -0.4, 0.7, -0.4, 0.9, 0.3, 0.7, 0.3, 1.5};


    @Test
    void equations13And55AreTheSecondOrderExpansionOfEquations11And42WithTheMatrixProduct() {
        int n = 3;
        for (CouplingConvention c : CouplingConvention.values()) {
            double beta = 1.7;
            LayerCouplings layer = new LayerCouplings(W, n, beta, new double[n], c);
            double[] hess = layer.hessianByCentralDifferences(1e-4);
            double[] r = layer.r();
            double scale = 0;
            for (double v : r) {
                scale = Math.max(scale, Math.abs(v));
            }
            double entrywiseDeviation = 0;
            for (int k = 0; k < n * n; k++) {
                assertThat(hess[k]).isCloseTo(r[k], within(1e-6 * scale));
                // reading w^2 in Eq. 13 as the entry-wise square gives another matrix
                double entrywise = layer.g() * (W[k] - layer.a() * W[k] * W[k]);
                entrywiseDeviation = Math.max(entrywiseDeviation, Math.abs(entrywise - hess[k]));
            }
            assertThat(entrywiseDeviation).isGreaterThan(0.1 * scale);
            // the linear coupling: -dV/dphi at phi = 0 is u to first order in a uniform h (Eq. 11 has one h)
            double h = 1e-4;
            double[] field = {h, h, h};
            LayerCouplings withField = new LayerCouplings(W, n, beta, field, c);
            double[] u = withField.u();
            for (int l = 0; l < n; l++) {
                double[] plus = new double[n];
                double[] minus = new double[n];
                plus[l] = 1e-6;
                minus[l] = -1e-6;
                double grad = (withField.uniformHamiltonianDensity(plus) - withField.uniformHamiltonianDensity(minus))
                        / 2e-6;
                assertThat(-grad).isCloseTo(u[l], within(1e-6 * Math.abs(u[l]) + 1e-12));
            }
        }
    }

    @Test
    void hubbardStratonovichNeedsTheFieldHInEquation41() {
        double[] w = {1.3, 0.4, 0.4, 0.8};
        double[] h = {0.3, -0.5};
        double ising = TwoUnitIntegrals.isingPartition(w, h);
        double corrected = TwoUnitIntegrals.fieldPartition(w, h, false);
        double printed = TwoUnitIntegrals.fieldPartition(w, h, true);
        assertThat(corrected).isCloseTo(ising, within(1e-10 * ising));
        assertThat(Math.abs(printed - ising)).isGreaterThan(0.05 * ising);
        // the printed form does not depend on h at all, while the Ising sum does
        assertThat(TwoUnitIntegrals.fieldPartition(w, new double[2], true)).isCloseTo(printed, within(1e-10 * printed));
        assertThat(TwoUnitIntegrals.isingPartition(w, new double[2])).isNotCloseTo(ising, within(0.01 * ising));
    }

    @Test
    void theTwoPointFunctionIsTheInverseOfBetaKNotBetaTimesTheInverse() {
        double[] k = {2.0, 0.6, 0.6, 1.1};
        double det = k[0] * k[3] - k[1] * k[2];
        double[] kInverse = {k[3] / det, -k[1] / det, -k[2] / det, k[0] / det};
        for (double beta : new double[] {0.5, 2.5}) {
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    double moment = TwoUnitIntegrals.gaussianMoment(k, beta, i, j);
                    double generating = TwoUnitIntegrals.secondDerivativeOfLogPartition(k, beta, i, j, 1e-3);
                    // <phi_i phi_j>_0 = (beta K)^{-1} (Eq. 60), d^2 ln Z/du du = beta K^{-1} (Eq. 61's right side)
                    assertThat(moment).isCloseTo(kInverse[2 * i + j] / beta, within(1e-10));
                    assertThat(generating).isCloseTo(beta * kInverse[2 * i + j], within(1e-6));
                    assertThat(generating / moment).isCloseTo(beta * beta, within(1e-5 * beta * beta));
                }
            }
        }
    }
}
