package org.deeprg.critical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.deeprg.random.RandomStreams;
import org.junit.jupiter.api.Test;

class RandomMatricesTest {

    @Test
    void rowsAreOrthonormalAndTheProjectorIsSymmetricAndIdempotent() {
        int n = 6;
        int rank = 3;
        double[][] q = RandomMatrices.orthonormalRows(n, rank, RandomStreams.root(11).generator());
        for (int i = 0; i < rank; i++) {
            for (int k = 0; k < rank; k++) {
                double dot = 0;
                for (int j = 0; j < n; j++) {
                    dot += q[i][j] * q[k][j];
                }
                assertThat(dot).isCloseTo(i == k ? 1 : 0, within(1e-12));
            }
        }
        double[] p = RandomMatrices.sumOfOuterProducts(n, q, new double[] {1, 1, 1});
        double trace = 0;
        for (int i = 0; i < n; i++) {
            trace += p[i * n + i];
            for (int j = 0; j < n; j++) {
                assertThat(p[i * n + j]).isEqualTo(p[j * n + i]);
                double pp = 0;
                for (int k = 0; k < n; k++) {
                    pp += p[i * n + k] * p[k * n + j];
                }
                assertThat(pp).isCloseTo(p[i * n + j], within(1e-12));
            }
        }
        assertThat(trace).isCloseTo(rank, within(1e-12));
    }
}
