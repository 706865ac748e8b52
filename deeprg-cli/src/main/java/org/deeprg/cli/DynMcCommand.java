package org.deeprg.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeprg.InvalidInputException;
import org.deeprg.dyn.Alphabet;
import org.deeprg.dyn.Example;
import org.deeprg.studies.dyn.DynMcReport;
import org.deeprg.dyn.mc.DynMcCheckpoint;
import org.deeprg.dyn.mc.DynMcSpec;
import org.deeprg.io.OutputPaths;
import org.deeprg.dyn.mc.DynMonteCarlo;
import org.deeprg.result.Result;
import org.deeprg.run.RunContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dyn mc}: Metropolis / Langevin / MALA sampling of the dynamic-neuron ensemble, with parallel tempering over betaV. */
@Command(name = "mc", mixinStandardHelpOptions = true,
        description = {"Monte Carlo sampling of exp(-beta cost - betaV constraint) (Eqs. 12-14): single-variable Metropolis for "
                + "discrete W, b, h; overdamped Langevin (unadjusted, the noisy gradient descent of Eq. 3) or MALA for real W, b, h "
                + "with the Gaussian regularisers of Eq. A2; parallel tempering over a betaV ladder. Every number comes with its "
                + "standard error (tau_int-corrected), tau_int and R-hat across chains.",
                "Checkpoints every few seconds; after an interruption rerun the same command with --resume to get the "
                        + "same final numbers as an uninterrupted run. Exit code 3: interrupted (checkpoint written)."},
        footer = {"%nExamples:",
                "  ./deeprg dyn mc --width 1 --depth 20 --alphabet=-1,1 --activation heaviside --example 1:1 --beta 1 --beta-v 2 --sweeps 20000 --chains 4",
                "  ./deeprg dyn mc --depth 10 --example 1:0 --beta-v 0.5,1,2,4,8 --sweeps 10000 --json",
                "  ./deeprg dyn mc --sampler mala --activation sigmoid --depth 3 --example 1:1 --beta 4 --beta-v 50 --step-size 0.002 --sweeps 100000"})
public final class DynMcCommand extends ComputeCommand<DynMcSpec> {
    @Option(names = "--width", paramLabel = "N", description = "Width N (default: ${DEFAULT-VALUE}).")
    int width = 1;
    @Option(names = "--depth", paramLabel = "M", description = "Depth M, dynamic-neuron layers (default: ${DEFAULT-VALUE}).")
    int depth = 8;
    @Option(names = "--activation", paramLabel = "NAME", description = "heaviside, sigmoid, tanh, relu, linear (default: ${DEFAULT-VALUE}).")
    String activation = "heaviside";
    @Option(names = "--sampler", paramLabel = "NAME", description = "metropolis (discrete alphabets), langevin (unadjusted) or mala (default: ${DEFAULT-VALUE}).")
    String sampler = "metropolis";
    @Option(names = "--alphabet", paramLabel = "LIST", description = "Weight alphabet for Metropolis (default: ${DEFAULT-VALUE}).")
    String alphabet = "-1,1";
    @Option(names = "--bias-alphabet", paramLabel = "LIST", description = "Bias alphabet (default: the weight alphabet).")
    String biasAlphabet;
    @Option(names = "--neuron-alphabet", paramLabel = "LIST", description = "Neuron alphabet (default: ${DEFAULT-VALUE}).")
    String neuronAlphabet = "0,1";
    @Option(names = "--example", paramLabel = "X:Y", description = "A training example, X and Y comma-separated (repeatable; default: x = 1, y = 1 per unit).")
    List<String> examples = new ArrayList<>();
    @Option(names = "--beta", paramLabel = "B", description = "Inverse temperature beta (default: ${DEFAULT-VALUE}).")
    double beta = 1.0;
    @Option(names = "--beta-v", paramLabel = "BV", description = "betaV, or an increasing ladder BV1,BV2,... for parallel tempering (the largest is the target; default: ${DEFAULT-VALUE}).")
    String betaV = "2";
    @Option(names = {"--weight-regulariser", "--c-w"}, paramLabel = "C", description = "c_W of Eq. A2 (default: 0 for metropolis, 0.5 for langevin/mala).")
    Double weightRegulariser;
    @Option(names = {"--bias-regulariser", "--c-b"}, paramLabel = "C", description = "c_b of Eq. A2 (default: as --weight-regulariser).")
    Double biasRegulariser;
    @Option(names = "--step-size", paramLabel = "ETA", description = "Langevin step eta (default: ${DEFAULT-VALUE}).")
    double stepSize = 0.01;
    @Option(names = "--sweeps", paramLabel = "K", description = "Measured sweeps per chain, in " + org.deeprg.dyn.mc.DynMcSpec.SWEEPS_RANGE + " (default: ${DEFAULT-VALUE}).")
    long sweeps = 10_000;
    @Option(names = "--thermalization", paramLabel = "K", description = "Discarded sweeps, in " + org.deeprg.dyn.mc.DynMcSpec.THERMALIZATION_RANGE + " (default: sweeps/10).")
    Long thermalization;
    @Option(names = "--chains", paramLabel = "C", description = "Independent chains, run in parallel (default: ${DEFAULT-VALUE}).")
    int chains = 4;
    @Option(names = "--max-distance", paramLabel = "R", description = "Largest distance of G_h(r) (default: ${DEFAULT-VALUE}).")
    int maxDistance = 8;
    @Option(names = "--histogram-bins", paramLabel = "B", description = "Bins of continuous histograms (default: ${DEFAULT-VALUE}).")
    int histogramBins = 40;
    @Option(names = "--checkpoint", paramLabel = "FILE", description = "Checkpoint file (default: results/checkpoints/dyn-mc-<hash of the options>-<seed>.json).")
    Path checkpoint;
    @Option(names = "--checkpoint-every", paramLabel = "SECONDS", description = "Seconds between checkpoints (default: ${DEFAULT-VALUE}).")
    double checkpointEvery = 5;
    @Option(names = "--resume", description = "Continue from the checkpoint of an interrupted run with the same options and seed.")
    boolean resume;
    @Option(names = "--stop-after-sweeps", hidden = true, paramLabel = "K", description = "Testing: stop after K sweeps as if killed (checkpoint written, exit code 3).")
    long stopAfterSweeps;

    @Override
    protected DynMcSpec spec() {
        var act = org.deeprg.dyn.DynNetwork.parseActivation("activation", activation);
        DynMcSpec.Sampler s = switch (sampler.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "metropolis" -> DynMcSpec.Sampler.METROPOLIS;
            case "langevin" -> DynMcSpec.Sampler.LANGEVIN;
            case "mala" -> DynMcSpec.Sampler.MALA;
            default -> throw new InvalidInputException("sampler", sampler, "must be one of metropolis, langevin, mala");
        };
        InvalidInputException.requireInRange("width", width, 1, 1 << 16);
        InvalidInputException.requireInRange("depth", depth, 1, Integer.MAX_VALUE);
        List<Example> ex = new ArrayList<>();
        for (String e : examples) {
            ex.add(Example.parse("example", e));
        }
        if (ex.isEmpty()) {
            double[] x = new double[width];
            java.util.Arrays.fill(x, 1);
            ex.add(new Example(x, x));
        }
        String[] parts = betaV.split(",");
        double[] ladder = new double[parts.length];
        for (int k = 0; k < parts.length; k++) {
            try {
                ladder[k] = Double.parseDouble(parts[k].trim());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("betaV", betaV, "must be a number or an increasing comma-separated ladder, e.g. 0.5,1,2");
            }
        }
        boolean gradient = s.isGradient();
        double cw = weightRegulariser != null ? weightRegulariser : gradient ? 0.5 : 0.0;
        double cb = biasRegulariser != null ? biasRegulariser : cw;
        Alphabet w = gradient ? null : Alphabet.parse("alphabet", alphabet);
        Alphabet b = gradient ? null : biasAlphabet == null ? w : Alphabet.parse("biasAlphabet", biasAlphabet);
        Alphabet h = gradient ? null : Alphabet.parse("neuronAlphabet", neuronAlphabet);
        if (checkpointEvery <= 0 || !Double.isFinite(checkpointEvery)) {
            throw new InvalidInputException("checkpointEvery", checkpointEvery, "must be a number of seconds > 0");
        }
        return new DynMcSpec(new org.deeprg.dyn.DynNetwork(width, depth, act), ex, s, w, b, h, beta, ladder, cw, cb, stepSize,
                sweeps, thermalization != null ? thermalization : sweeps / 10, chains, maxDistance, histogramBins);
    }

    /** The checkpoint of the current run (null before compute). */
    private volatile Path checkpointInUse;
    /** The stop request of the current run, for {@link #onInterrupt()}. */
    private volatile DynMonteCarlo.Stop stop;

    /** How long the signal handler waits for the chains to finish their round and write the checkpoint. */
    static final long INTERRUPT_WAIT_MILLIS = 15_000;

    /** The checkpoint file (given or default) is checked before computing: creatable, with room for it. */
    @Override
    protected void checkOutputs(DynMcSpec spec) {
        Path file = checkpointFile(spec);
        if (Files.isDirectory(file)) {
            throw new InvalidInputException("checkpoint", file, "is a directory; give a file name");
        }
        // maxBytes allows 64 bytes per number; the JSON takes about 20
        OutputPaths.checkCreatable("checkpoint", file, DynMcCheckpoint.maxBytes(spec) / 3);
    }

    @Override
    protected Result compute(DynMcSpec spec, RunContext context) {
        Path file = checkpointFile(spec);
        checkpointInUse = file;
        DynMonteCarlo.Stop s = new DynMonteCarlo.Stop();
        stop = s;
        DynMonteCarlo.Checkpointing cp = new DynMonteCarlo.Checkpointing(file, Math.round(checkpointEvery * 1000), resume,
                stopAfterSweeps, s);
        return DynMcReport.result(spec, DynMonteCarlo.run(spec, context, cp));
    }

    /** The checkpoint is deleted only here, once the result directory is in place (a failed write keeps it). */
    @Override
    protected void afterWrite(DynMcSpec spec, Path written) throws IOException {
        Path file = checkpointInUse;
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    /**
     * SIGINT/SIGTERM while sampling: the chains finish their current round (at most a few seconds), the checkpoint is
     * written there, and the process exits with code 3; {@code --resume} continues to the numbers of an uninterrupted
     * run. If the sampling had already ended, the last periodic checkpoint (if any) is what remains.
     */
    @Override
    protected boolean onInterrupt() {
        DynMonteCarlo.Stop s = stop;
        Path file = checkpointInUse;
        if (s == null || file == null) {
            return false;
        }
        boolean wrote = s.requestAndAwait(INTERRUPT_WAIT_MILLIS);
        return wrote || Files.isRegularFile(file);
    }

    /** The given checkpoint, or results/checkpoints/dyn-mc-&lt;spec hash&gt;-&lt;seed&gt;.json. */
    private Path checkpointFile(DynMcSpec spec) {
        if (checkpoint != null) {
            return checkpoint;
        }
        return Path.of("results", "checkpoints", "dyn-mc-" + spec.specHash() + "-" + common.seed() + ".json");
    }

    /**
     * Runs the command ({@link ComputeCommand#call()}). A stop at {@code --stop-after-sweeps} (testing: a simulated
     * kill) is exit code 3 with the checkpoint in place. A stop requested by a signal is answered by the shutdown hook
     * ({@link Interrupts}: one line, exit code 3), so this thread only waits for it.
     */
    @Override
    public Integer call() throws IOException {
        try {
            return super.call();
        } catch (DynMonteCarlo.RunInterruptedException e) {
            if (e.requested()) {
                try {
                    Thread.sleep(2 * INTERRUPT_WAIT_MILLIS);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
                return ExitCodes.INTERRUPTED;
            }
            var err = commandSpec.commandLine().getErr();
            err.println("deeprg: " + e.getMessage() + "; rerun the same command with --resume to continue");
            err.flush();
            return ExitCodes.INTERRUPTED;
        }
    }
}
