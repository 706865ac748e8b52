package org.deeprg.critical;

import org.apache.commons.rng.UniformRandomProvider;

/** Random matrices for the coupling checks of the criticality theory (random projectors, symmetric matrices of a given spectrum). */
public final class RandomMatrices {

    private RandomMatrices() {
    }

    /**
     * {@code rank} orthonormal rows of length {@code n}: uniform entries in [-1/2, 1/2) made orthonormal by classical
     * Gram-Schmidt, row by row (the draws of row i are taken before it is orthogonalised against rows 0..i-1).
     *
     * @return {@code q[rank][n]} with {@code q[i].q[k] = delta_ik} up to rounding
     */
    public static double[][] orthonormalRows(int n, int rank, UniformRandomProvider g) {
        double[][] q = new double[rank][n];
        for (int i = 0; i < rank; i++) {
            for (int j = 0; j < n; j++) {
                q[i][j] = g.nextDouble() - 0.5;
            }
            for (int k = 0; k < i; k++) {
                double dot = 0;
                for (int j = 0; j < n; j++) {
                    dot += q[i][j] * q[k][j];
                }
                for (int j = 0; j < n; j++) {
                    q[i][j] -= dot * q[k][j];
                }
            }
            double norm = 0;
            for (int j = 0; j < n; j++) {
                norm += q[i][j] * q[i][j];
            }
            for (int j = 0; j < n; j++) {
                q[i][j] /= Math.sqrt(norm);
            }
        }
        return q;
    }

    /**
     * The symmetric matrix {@code sum_k weights[k] q_k q_k^T} of the rows {@code q} of length {@code n} (row-major
     * n x n, exactly symmetric: the lower triangle is copied from the upper one; zero for no rows).
     */
    public static double[] sumOfOuterProducts(int n, double[][] q, double[] weights) {
        double[] m = new double[n * n];
        for (int k = 0; k < q.length; k++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    m[i * n + j] += weights[k] * q[k][i] * q[k][j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                m[i * n + j] = m[j * n + i];
            }
        }
        return m;
    }
}
