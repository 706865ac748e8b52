package org.deeprg.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeprg.InvalidInputException;
import org.deeprg.result.Result;
import org.deeprg.result.Table;
import org.deeprg.sft.algebra.CostExpansion;
import org.deeprg.net.Dataset;
import org.deeprg.net.DenseNetwork;
import org.deeprg.run.RunContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sft expand}: the sources J1..J4 of Eq. 11 for a network at a reference point. */
@Command(name = "expand", mixinStandardHelpOptions = true,
        description = "Cost expansion into sources (Eqs. 11-12): C(W0 + w) = C0 + J1 w + J2 w w + J3 w w w + J4 w w w w, exact polynomial "
                + "algebra for polynomial activations, Taylor-mode automatic differentiation otherwise.",
        footer = {"%nExamples:", "  ./deeprg sft expand --widths 2,3,1 --activation poly:0.3,-0.7,0.5 --order 4 --json",
                "  ./deeprg sft expand --widths 3,4,2 --activation tanh --data d.csv --reference zero"})
public final class SftExpandCommand extends ComputeCommand<SftExpandCommand.Spec> {

    /** Validated inputs. */
    public record Spec(SftNetworkOptions.NetworkSpec network, int order) {
        public Spec {
            InvalidInputException.requireInRange("order", order, 1, 4);
        }
    }

    @Mixin
    SftNetworkOptions net;

    @Option(names = "--order", paramLabel = "N", description = "Highest source J_N, 1..4 (default: ${DEFAULT-VALUE}).")
    int order = 3;

    /** One monomial: {@code coefficient * prod w_indices}; {@code tensorEntry} the symmetric J_n entry. */
    public record Term(int[] indices, double coefficient, double tensorEntry) { }

    /** JSON contract: parameter labels (layer, row, column; column 0 = bias), C(W0) and the sources by name. */
    public record Output(int parameters, List<DenseNetwork.Label> labels, double[] reference, double constant, Map<String, List<Term>> sources) { }

    @Override
    protected Spec spec() {
        return new Spec(net.spec(), order);
    }

    @Override
    protected Result compute(Spec spec, RunContext ctx) {
        DenseNetwork n = spec.network().network();
        Dataset d = spec.network().dataset(ctx.streams());
        double[] w0 = spec.network().referencePoint(n, ctx.streams());
        CostExpansion e = CostExpansion.of(n, d, w0, spec.order());
        Map<String, List<Term>> src = new LinkedHashMap<>();
        Table.Builder t = Table.builder("sources", "source", "indices", "coefficient", "tensor entry");
        for (int k = 1; k <= spec.order(); k++) {
            List<Term> l = new ArrayList<>();
            for (CostExpansion.Term term : e.source(k)) {
                l.add(new Term(term.indices(), term.coefficient(), term.tensorEntry()));
                t.row("J" + k, java.util.Arrays.toString(term.indices()), term.coefficient(), term.tensorEntry());
            }
            src.put("J" + k, l);
        }
        Result.Builder b = Result.builder("Cost expansion of a " + java.util.Arrays.toString(spec.network().widths()) + " network, order " + spec.order())
                .data(new Output(n.parameterCount(), n.labels(), w0, e.constant(), src)).table(t.build());
        if (spec.network().data() != null) {
            b.inputFile(spec.network().data());
        }
        for (Map.Entry<String, List<Term>> en : src.entrySet()) {
            b.summary(String.format(Locale.ROOT, "%s: %d nonzero terms", en.getKey(), en.getValue().size()));
        }
        return b.build();
    }
}
