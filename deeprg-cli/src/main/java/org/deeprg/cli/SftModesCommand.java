package org.deeprg.cli;

import org.deeprg.result.Result;
import org.deeprg.run.RunContext;
import org.deeprg.sft.ModesSpec;
import org.deeprg.sft.NormalModes;
import org.deeprg.studies.sft.SftReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sft modes}: extreme Hessian eigenvalues (normal modes of training) by Lanczos over Hessian-vector products. */
@Command(name = "modes", mixinStandardHelpOptions = true,
        description = "Normal modes of training: the extreme eigenvalues omega^2 of the cost Hessian at W0 by Lanczos over exact "
                + "Hessian-vector products (no dense Hessian), with momentum frequencies and damping of Eq. 5.",
        footer = {"%nExamples:", "  ./deeprg sft modes --widths 100,400,150,10 --examples 1000 --eigenvalues 20 --which largest --json",
                "  ./deeprg sft modes --widths 3,8,2 --momentum 0.5"})
public final class SftModesCommand extends ComputeCommand<ModesSpec> {

    @Mixin
    SftNetworkOptions net;

    @Option(names = "--eigenvalues", paramLabel = "K", description = "Number of extreme eigenvalues (default: ${DEFAULT-VALUE}).")
    int eigenvalues = 20;

    @Option(names = "--which", paramLabel = "END", description = "largest, smallest, or both (K/2 smallest and K - K/2 largest) (default: ${DEFAULT-VALUE}).")
    String which = "both";

    @Option(names = "--max-steps", paramLabel = "M", description = "Largest Lanczos basis (default: ${DEFAULT-VALUE}).")
    int maxSteps = 300;

    @Option(names = "--tolerance", paramLabel = "TOL", description = "Relative residual tolerance (default: ${DEFAULT-VALUE}).")
    double tolerance = 1e-8;

    @Option(names = "--momentum", paramLabel = "G", description = "Damping gamma of Eq. 5, in " + org.deeprg.sft.MomentumMapping.GAMMA_RANGE + " (default: none).")
    Double momentum;

    @Override
    protected ModesSpec spec() {
        return new ModesSpec(net.spec(), eigenvalues, which, maxSteps, tolerance, momentum);
    }

    @Override
    protected Result compute(ModesSpec spec, RunContext ctx) {
        return SftReports.modes(spec, NormalModes.run(spec, ctx));
    }
}
