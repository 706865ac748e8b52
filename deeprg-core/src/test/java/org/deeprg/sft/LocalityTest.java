package org.deeprg.sft;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeprg.net.Activation;
import org.deeprg.net.Dataset;
import org.deeprg.net.DenseNetwork;
import org.deeprg.sft.algebra.CostExpansion;
import org.junit.jupiter.api.Test;

/**
 * Locality of the sources (Eq. 12, Figs. 2-3): the evidence of the lee2025 locality claims. Exact J2 from the
 * polynomial expansion; distances under the standard flat indexing and under the paper's relabelling.
 */
class LocalityTest {

    /** Eq. 12: a dense MLP under the standard flat indexing couples weights across the whole parameter vector. */
    @Test
    void aDenseNetworkIsNonlocalUnderTheStandardIndexing() {
        DenseNetwork net = DenseNetwork.dense(new int[] {3, 6, 2}, Activation.TANH, Activation.LINEAR, true);
        Dataset d = TestNets.data(10, 3, 2, 91);
        CostExpansion e = CostExpansion.of(net, d, TestNets.weights(net.parameterCount(), 0.5, 92), 2);
        Locality l = Locality.of(e, Embedding.standardFlat(net), 2);
        assertThat(l.r99() / l.systemSize()).isGreaterThan(0.3);
    }

    /** Figs. 2-3: under the relabelling both examples are nearest-neighbour; Example 2's standard indexing is not. */
    @Test
    void theRelabellingMakesBothExamplesLocal() {
        int s = 8;
        Dataset d1 = TestNets.data(10, s, s, 93);
        PerceptronExample p1 = new PerceptronExample(d1, 1.2, 0.3);
        DenseNetwork n1 = p1.network();
        Locality l1 = Locality.of(CostExpansion.of(n1, d1, new double[n1.parameterCount()], 2), p1.paperEmbedding(n1), 2);
        assertThat(l1.r99()).isLessThanOrEqualTo(1.0);
        Dataset d2 = TestNets.data(6, s, s, 94);
        HiddenLayerExample h2 = new HiddenLayerExample(d2, 0.8, -0.6, 0.4);
        DenseNetwork n2 = h2.network();
        CostExpansion c2 = CostExpansion.of(n2, d2, new double[n2.parameterCount()], 2);
        Locality paper = Locality.of(c2, h2.paperEmbedding(n2), 2);
        Locality standard = Locality.of(c2, Embedding.standardFlat(n2), 2);
        assertThat(paper.r99()).isLessThanOrEqualTo(4.0);
        assertThat(paper.bandWidth()).isLessThanOrEqualTo(4.0);
        assertThat(standard.r99() / standard.systemSize()).isGreaterThan(0.3);
    }
}
