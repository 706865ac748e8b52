package org.deeprg.cli;

import org.deeprg.dyn.Alphabet;
import org.deeprg.dyn.rg.RgAnalysis;
import org.deeprg.studies.dyn.RgReport;
import org.deeprg.dyn.rg.RgSpec;
import org.deeprg.result.Result;
import org.deeprg.run.RunContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dyn rg}: decimation RG, fixed points, exponents, flows. */
@Command(name = "rg", mixinStandardHelpOptions = true,
        description = "Decimation RG along depth (Sec. IV-V): closed-form Eq. 26 (preset lee2024) or the general map for any N, L, "
                + "alphabet and rescaling factor b in the multilinear basis; fixed points by deflated Newton, fixed manifolds, "
                + "eigenvalues, exponents y = ln(lambda)/ln(b), critical scaling, flow plots.",
        footer = {"%nExamples:", "  ./deeprg dyn rg --preset lee2024",
                "  ./deeprg dyn rg --preset general --width 1 --examples 2 --alphabet -1,1 --rescaling 2 --json",
                "  ./deeprg dyn rg --preset general --alphabet -1,0,1 --rescaling 3"})
public final class DynRgCommand extends ComputeCommand<RgSpec> {
    @Option(names = "--preset", paramLabel = "NAME", description = "lee2024 (the paper's model) or general (default: ${DEFAULT-VALUE}).")
    String preset = "lee2024";
    @Option(names = "--width", paramLabel = "N", description = "Width N (general; default: ${DEFAULT-VALUE}).")
    int width = 1;
    @Option(names = "--examples", paramLabel = "L", description = "Number of examples L (general; default: ${DEFAULT-VALUE}).")
    int examples = 1;
    @Option(names = "--alphabet", paramLabel = "LIST", description = "Weight and bias alphabet (default: ${DEFAULT-VALUE}).")
    String alphabet = "-1,1";
    @Option(names = "--rescaling", paramLabel = "B", description = "Rescaling factor b, layers per renormalised layer (default: ${DEFAULT-VALUE}).")
    int rescaling = 2;
    @Option(names = "--starts", paramLabel = "K", description = "Random Newton starts per search (default: ${DEFAULT-VALUE}).")
    int starts = 60;
    @Option(names = "--real-only", description = "Search real couplings only (no sign-extended 'fictitious' couplings).")
    boolean realOnly;

    @Override
    protected RgSpec spec() {
        return new RgSpec(preset, width, examples, Alphabet.parse("alphabet", alphabet), rescaling, starts, !realOnly);
    }

    @Override
    protected Result compute(RgSpec spec, RunContext context) {
        return RgReport.result(spec, RgAnalysis.run(spec, context));
    }
}
