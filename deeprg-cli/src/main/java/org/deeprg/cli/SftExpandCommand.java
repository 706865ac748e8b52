package org.deeprg.cli;

import org.deeprg.result.Result;
import org.deeprg.run.RunContext;
import org.deeprg.sft.ExpansionSpec;
import org.deeprg.sft.SourceExpansion;
import org.deeprg.studies.sft.SftReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sft expand}: the sources J1..J4 of Eq. 11 for a network at a reference point. */
@Command(name = "expand", mixinStandardHelpOptions = true,
        description = "Cost expansion into sources (Eqs. 11-12): C(W0 + w) = C0 + J1 w + J2 w w + J3 w w w + J4 w w w w, exact polynomial "
                + "algebra for polynomial activations, Taylor-mode automatic differentiation otherwise.",
        footer = {"%nExamples:", "  ./deeprg sft expand --widths 2,3,1 --activation poly:0.3,-0.7,0.5 --order 4 --json",
                "  ./deeprg sft expand --widths 3,4,2 --activation tanh --data d.csv --reference zero"})
public final class SftExpandCommand extends ComputeCommand<ExpansionSpec> {

    @Mixin
    SftNetworkOptions net;

    @Option(names = "--order", paramLabel = "N", description = "Highest source J_N, 1..4 (default: ${DEFAULT-VALUE}).")
    int order = 3;

    @Override
    protected ExpansionSpec spec() {
        return new ExpansionSpec(net.spec(), order);
    }

    @Override
    protected Result compute(ExpansionSpec spec, RunContext ctx) {
        return SftReports.expansion(spec, SourceExpansion.run(spec, ctx));
    }
}
