package org.deeprg.cli;

import org.deeprg.result.Result;
import org.deeprg.run.RunContext;
import org.deeprg.sft.LocalityAnalysis;
import org.deeprg.sft.LocalitySpec;
import org.deeprg.studies.sft.SftReports;
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
public final class SftLocalityCommand extends ComputeCommand<LocalitySpec> {

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

    @Override
    protected LocalitySpec spec() {
        return new LocalitySpec(example, sites, embedding, order, net.spec());
    }

    @Override
    protected Result compute(LocalitySpec spec, RunContext ctx) {
        return SftReports.locality(spec, LocalityAnalysis.run(spec, ctx));
    }
}
