package org.deeprg.cli;

import org.deeprg.studies.critical.CriticalReports;
import org.deeprg.critical.TwoPointFunction;
import org.deeprg.critical.TwoPointSpec;
import org.deeprg.result.Result;
import org.deeprg.run.RunContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code critical correlation}: the two-point function of the Gaussian theory by FFT, with its fit. */
@Command(name = "correlation", mixinStandardHelpOptions = true,
        description = {"Two-point function C(x) = int d^dq/(2pi)^d e^{iqx}/(r + g q^2) of the Gaussian theory (App. C) "
                + "on a periodic lattice by FFT.",
                "r > 0: fits C ~ x^-(d-1)/2 exp(-x/xi) and reports correlationLength (theory sqrt(g/r)).",
                "r = 0: fits C ~ |x|^-(d-2) (log for d = 2) and reports decayExponent (theory d - 2)."},
        footer = {"%nExamples:", "  ./deeprg critical correlation --dim 3 --r 0.25 --g 1 --json",
                "  ./deeprg critical correlation --dim 2 --r 0 --g 1"})
public final class CriticalCorrelationCommand extends ComputeCommand<TwoPointSpec> {
    @Option(names = "--dim", paramLabel = "D", description = "Spatial dimension d: 1, 2 or 3 (default: ${DEFAULT-VALUE}).")
    int dimension = 3;

    @Option(names = "--r", paramLabel = "R", description = "Mass coupling r in " + org.deeprg.critical.TwoPointSpec.R_RANGE + " (default: ${DEFAULT-VALUE}).")
    double r = 0.25;

    @Option(names = "--g", paramLabel = "G", description = "Gradient coupling g > 0 in " + org.deeprg.critical.TwoPointSpec.G_RANGE + " (default: ${DEFAULT-VALUE}).")
    double g = 1.0;

    @Option(names = "--sites", paramLabel = "L", description = "Lattice sites per dimension (even, >= 16; default 0: "
            + "automatic, 16384 / 512 (1024 at r = 0) / 128 for d = 1 / 2 / 3; at most 2^23 sites in all).")
    int sites = 0;

    @Option(names = "--spacing", paramLabel = "A", description = "Lattice spacing (default 0: automatic, xi/16, xi/8, "
            + "xi/4 for d = 1, 2, 3 when r > 0, 1 when r = 0).")
    double spacing = 0;

    @Override
    protected TwoPointSpec spec() {
        return new TwoPointSpec(dimension, r, g, sites, spacing);
    }

    @Override
    protected Result compute(TwoPointSpec spec, RunContext context) {
        return CriticalReports.correlation(TwoPointFunction.run(spec, context));
    }
}
