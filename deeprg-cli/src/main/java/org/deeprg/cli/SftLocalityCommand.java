package org.deeprg.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.deeprg.InvalidInputException;
import org.deeprg.result.Figure;
import org.deeprg.result.Result;
import org.deeprg.result.Series;
import org.deeprg.sft.Embedding;
import org.deeprg.sft.HiddenLayerExample;
import org.deeprg.sft.Locality;
import org.deeprg.sft.PerceptronExample;
import org.deeprg.sft.algebra.CostExpansion;
import org.deeprg.net.Dataset;
import org.deeprg.net.DenseNetwork;
import org.deeprg.run.RunContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sft locality}: locality of J2/J3 under the standard indexing, the paper's relabelling or a user embedding. */
@Command(name = "locality", mixinStandardHelpOptions = true,
        description = "Locality of the sources J_2 (and J_3) under an index-to-coordinate embedding: |J|-weighted distribution of "
                + "interaction distances, fraction within r, band width. Compares with the standard flat indexing.",
        footer = {"%nEmbedding file: CSV header index,x0[,x1,...], one row per parameter (standard indexing), each index exactly once.",
                "%nExamples:", "  ./deeprg sft locality --example hidden --sites 8 --embedding paper",
                "  ./deeprg sft locality --example mlp --widths 3,4,2 --embedding layer-row-column --order 2",
                "  ./deeprg sft locality --example mlp --widths 2,2,1 --embedding map.csv --json"})
public final class SftLocalityCommand extends ComputeCommand<SftLocalityCommand.Spec> {

    /** Validated inputs. */
    public record Spec(String example, int sites, String embedding, int order, SftNetworkOptions.NetworkSpec network) {
        public Spec {
            if (!List.of("perceptron", "hidden", "mlp").contains(example)) {
                throw new InvalidInputException("example", example, "perceptron, hidden or mlp");
            }
            InvalidInputException.requireInRange("sites", sites, 2, 64);
            InvalidInputException.requireInRange("order", order, 2, 3);
            if (example.equals("mlp") && embedding.equals("paper")) {
                throw new InvalidInputException("embedding", embedding, "standard, layer-row-column or a file for --example mlp (the relabelling exists for the paper's examples)");
            }
        }
    }

    @Mixin
    SftNetworkOptions net;

    @Option(names = "--example", paramLabel = "EX", description = "perceptron (Example 1), hidden (Example 2) or mlp (--widths) (default: ${DEFAULT-VALUE}).")
    String example = "hidden";

    @Option(names = "--sites", paramLabel = "S", description = "Sites of the examples (default: ${DEFAULT-VALUE}).")
    int sites = 8;

    @Option(names = "--embedding", paramLabel = "E", description = "standard, layer-row-column, paper or a CSV file (default: ${DEFAULT-VALUE}).")
    String embedding = "paper";

    @Option(names = "--order", paramLabel = "N", description = "Source J_2 or J_3 (default: ${DEFAULT-VALUE}).")
    int order = 2;

    /** JSON contract: the locality under the chosen embedding and under the standard flat indexing. */
    public record Output(String example, int parameters, Locality chosen, Locality standard) { }

    @Override
    protected Spec spec() {
        return new Spec(example, sites, embedding, order, net.spec());
    }

    @Override
    protected Result compute(Spec spec, RunContext ctx) {
        UniformRandomProvider r = ctx.streams().split("data").generator();
        DenseNetwork n;
        Dataset d;
        Embedding paper = null;
        double[] w0;
        if (spec.example().equals("mlp")) {
            n = spec.network().network();
            d = spec.network().dataset(ctx.streams());
            w0 = spec.network().referencePoint(n, ctx.streams());
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
                double[][] c = new double[n.parameterCount()][1];
                for (int k = 0; k < c.length; k++) {
                    c[k][0] = p.paperIndex(n, k);
                }
                paper = new Embedding("paper relabelling (Fig. 2)", c, new double[] {2.0 * s});
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
            default -> Embedding.read(Path.of(spec.embedding()), n.parameterCount());
        };
        CostExpansion e = CostExpansion.of(n, d, w0, spec.order());
        Locality lc = Locality.of(e, chosen, spec.order());
        Locality ls = Locality.of(e, Embedding.standardFlat(n), spec.order());
        List<Series> series = new ArrayList<>();
        for (Locality l : new Locality[] {lc, ls}) {
            double[] x = new double[l.radii().length + 1];
            double[] y = new double[x.length];
            for (int i = 0; i < l.radii().length; i++) {
                x[i + 1] = l.radii()[i] / Math.max(l.systemSize(), 1e-300);
                y[i + 1] = l.cumulative()[i];
            }
            series.add(Series.line(l.embedding(), x, y));
        }
        Result.Builder b = Result.builder("Locality of J" + spec.order() + " (" + spec.example() + ")")
                .data(new Output(spec.example(), n.parameterCount(), lc, ls))
                .figure(Figure.of("locality", "Locality of J" + spec.order(), "interaction distance / largest distance",
                        "fraction of Σ|J| within distance", "Cumulative |J|-weighted fraction of off-diagonal couplings within a distance.",
                        series.toArray(new Series[0])))
                .summary(String.format(Locale.ROOT, "%s: band width %.4g, r90 %.4g, r99 %.4g (largest distance %.4g)", lc.embedding(), lc.bandWidth(), lc.r90(), lc.r99(), lc.systemSize()))
                .summary(String.format(Locale.ROOT, "%s: band width %.4g, r90 %.4g, r99 %.4g (largest distance %.4g)", ls.embedding(), ls.bandWidth(), ls.r90(), ls.r99(), ls.systemSize()));
        if (!List.of("standard", "layer-row-column", "paper").contains(spec.embedding())) {
            b.inputFile(Path.of(spec.embedding()));
        }
        return b.build();
    }
}
