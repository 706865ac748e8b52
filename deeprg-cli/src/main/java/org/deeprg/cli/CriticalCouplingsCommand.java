package org.deeprg.cli;

import java.nio.file.Path;
import org.deeprg.critical.CouplingConvention;
import org.deeprg.critical.CouplingsAnalysis;
import org.deeprg.critical.CouplingsSpec;
import org.deeprg.critical.LayerUnits;
import org.deeprg.studies.critical.CriticalReports;
import org.deeprg.result.Result;
import org.deeprg.run.RunContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code critical couplings}: Gaussian couplings, Sec. 2.5 case and criticality residuals of each layer of a file. */
@Command(name = "couplings", mixinStandardHelpOptions = true,
        description = {"Reads the weights of a network (.npy, .npz or .safetensors) and, for every 2-d weight matrix v, "
                + "forms w = v v^T (Eq. 32) and reports its Gaussian couplings r, g, u (Eq. 13 or 55), its case among "
                + "the fixed points of Sec. 2.5, and the criticality residuals of Eq. 26 (flow), Eq. 30 and Eq. 33."},
        footer = {"%nExamples:", "  ./deeprg critical couplings --weights model.safetensors --beta 1 --json",
                "  ./deeprg critical couplings --weights weights.npz --units columns"})
public final class CriticalCouplingsCommand extends ComputeCommand<CouplingsSpec> {
    @Option(names = "--weights", paramLabel = "FILE", required = true,
            description = "Weight file: .npy (one matrix), .npz (named arrays) or .safetensors.")
    Path weights;

    @Option(names = "--beta", paramLabel = "BETA", description = "Inverse temperature beta != 0 in " + org.deeprg.critical.CouplingsSpec.BETA_RANGE + " (default: ${DEFAULT-VALUE}).")
    double beta = 1.0;

    @Option(names = "--h", paramLabel = "H", description = "Uniform external field h in " + org.deeprg.critical.CouplingsSpec.H_RANGE + " (default: ${DEFAULT-VALUE}).")
    double h = 0.0;

    @Option(names = "--convention", paramLabel = "EQ", description = "Couplings of Eq. 13 (beta/N factors) or Eq. 55 "
            + "(no factors): ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    CouplingConvention convention = CouplingConvention.EQ13;

    @Option(names = "--units", paramLabel = "U", description = "Which index of a stored matrix counts the N units of "
            + "w: ROWS (w = v v^T) or COLUMNS (w = v^T v) (default: ${DEFAULT-VALUE}; case-insensitive).")
    LayerUnits units = LayerUnits.ROWS;

    @Override
    protected CouplingsSpec spec() {
        return new CouplingsSpec(weights, beta, h, convention, units);
    }

    @Override
    protected Result compute(CouplingsSpec spec, RunContext context) {
        return CriticalReports.couplings(CouplingsAnalysis.run(spec, context));
    }
}
