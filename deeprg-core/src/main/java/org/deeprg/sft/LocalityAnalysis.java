package org.deeprg.sft;

import org.apache.commons.rng.UniformRandomProvider;
import org.deeprg.net.Dataset;
import org.deeprg.net.DenseNetwork;
import org.deeprg.run.RunContext;
import org.deeprg.sft.algebra.CostExpansion;

/**
 * {@code sft locality}: how local the sources J2/J3 (Eq. 12) are under an embedding of the weights in space: for
 * the paper's examples (random data from stream {@code "data"}, expansion at W = 0, Example 1 with {@code p = 1,
 * q = 0.3}, Example 2 with {@code p, q, r = 0.8, -0.6, 0.4}) under their relabelling (Figs. 2-3), or for a dense
 * network at its reference point; always compared with the standard flat indexing.
 */
public final class LocalityAnalysis {
    private LocalityAnalysis() {
    }

    /** Computes the locality of the spec's source. */
    public static LocalityResult run(LocalitySpec spec, RunContext context) {
        UniformRandomProvider r = context.streams().split("data").generator();
        DenseNetwork n;
        Dataset d;
        Embedding paper = null;
        double[] w0;
        if (spec.example().equals("mlp")) {
            n = spec.network().network();
            d = spec.network().dataset(context.streams());
            w0 = spec.network().referencePoint(n, context.streams());
        } else {
            int s = spec.sites();
            double[][] x = new double[spec.network().examples()][s];
            double[][] y = new double[spec.network().examples()][s];
            for (int l = 0; l < x.length; l++) {
                for (int i = 0; i < s; i++) {
                    x[l][i] = 2 * r.nextDouble() - 1;
                    y[l][i] = 2 * r.nextDouble() - 1;
                }
            }
            d = Dataset.of(x, y);
            if (spec.example().equals("perceptron")) {
                PerceptronExample p = new PerceptronExample(d, 1, 0.3);
                n = p.network();
                paper = p.paperEmbedding(n);
            } else {
                HiddenLayerExample h = new HiddenLayerExample(d, 0.8, -0.6, 0.4);
                n = h.network();
                paper = h.paperEmbedding(n);
            }
            w0 = new double[n.parameterCount()];
        }
        Embedding chosen = switch (spec.embedding()) {
            case "standard" -> Embedding.standardFlat(n);
            case "layer-row-column" -> Embedding.standardLayerRowColumn(n);
            case "paper" -> paper;
            default -> Embedding.read(spec.embeddingFile(), n.parameterCount());
        };
        CostExpansion e = CostExpansion.of(n, d, w0, spec.order());
        Locality lc = Locality.of(e, chosen, spec.order());
        Locality ls = Locality.of(e, Embedding.standardFlat(n), spec.order());
        return new LocalityResult(spec.example(), n.parameterCount(), lc, ls);
    }
}
