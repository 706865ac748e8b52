package org.deeprg.sft;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeprg.net.Dataset;
import org.deeprg.net.DenseNetwork;
import org.deeprg.run.RunContext;
import org.deeprg.sft.algebra.CostExpansion;

/**
 * {@code sft expand}: the expansion {@code C(W0 + w) = C0 + J1 w + J2 w w + ...} (Eqs. 11-12) of a network's cost
 * around its reference point by {@link CostExpansion} (exact polynomial algebra for polynomial activations,
 * truncated Taylor-mode automatic differentiation otherwise). Random data and reference come from the context's
 * streams {@code "data"} and {@code "reference"}.
 */
public final class SourceExpansion {
    private SourceExpansion() {
    }

    /** Expands the spec's network cost to the spec's order. */
    public static ExpansionResult run(ExpansionSpec spec, RunContext context) {
        DenseNetwork n = spec.network().network();
        Dataset d = spec.network().dataset(context.streams());
        double[] w0 = spec.network().referencePoint(n, context.streams());
        CostExpansion e = CostExpansion.of(n, d, w0, spec.order());
        Map<String, List<ExpansionResult.Term>> src = new LinkedHashMap<>();
        for (int k = 1; k <= spec.order(); k++) {
            List<ExpansionResult.Term> l = new ArrayList<>();
            for (CostExpansion.Term term : e.source(k)) {
                l.add(new ExpansionResult.Term(term.indices(), term.coefficient(), term.tensorEntry()));
            }
            src.put("J" + k, l);
        }
        return new ExpansionResult(n.parameterCount(), n.labels(), w0, e.constant(), src);
    }
}
