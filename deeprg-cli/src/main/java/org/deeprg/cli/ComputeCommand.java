package org.deeprg.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.deeprg.json.Json;
import org.deeprg.run.Progress;
import org.deeprg.random.RandomStreams;
import org.deeprg.report.Provenance;
import org.deeprg.report.ResultWriter;
import org.deeprg.result.Result;
import org.deeprg.run.Backend;
import org.deeprg.run.RunContext;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of every command that computes. The flow, the same for every command:
 * <ol>
 *   <li>{@link #spec()}: the options become a validated spec record (bad values: {@link org.deeprg.InvalidInputException},
 *       exit 2, nothing computed);</li>
 *   <li>output checks before computing: the result directory ({@link ResultWriter#checkTarget(Path, long)} with
 *       {@link #outputBytes}) and the command's other outputs ({@link #checkOutputs}, e.g. a checkpoint path via
 *       {@link org.deeprg.io.OutputPaths#checkCreatable});</li>
 *   <li>the target is claimed ({@link ResultWriter#claim}): a lock with this process's id, so a second run with the
 *       same {@code --out} is refused, default names never collide, and leftovers of killed runs are cleaned;</li>
 *   <li>{@link #compute}: the library computes a {@link Result} (a signal now calls {@link #onInterrupt()});</li>
 *   <li>the result directory is written atomically (hidden partial sibling, then rename);</li>
 *   <li>{@link #afterWrite}: runs only once the result is safely in place (delete checkpoints here, never before);</li>
 *   <li>stdout: the JSON ({@code --json}) or a short summary with the result path.</li>
 * </ol>
 *
 * @param <S> the spec type (a validated record; serialised into provenance.json)
 */
public abstract class ComputeCommand<S> implements Callable<Integer> {
    @Mixin
    protected CommonOptions common;

    @Mixin
    protected BackendOptions backendOptions;

    @Spec
    protected CommandSpec commandSpec;

    /** Builds and validates the spec from the options; throws InvalidInputException on bad input. */
    protected abstract S spec();

    /** Runs the computation. */
    protected abstract Result compute(S spec, RunContext context);

    /** The name used for the default result directory, e.g. "dyn-exact". */
    protected String resultName() {
        return commandSpec.qualifiedName("-").replaceFirst("^deeprg-", "");
    }

    /**
     * Estimated size in bytes of the result directory, checked against the free space before computing (default
     * {@link ResultWriter#DEFAULT_SIZE_ESTIMATE}); override for commands whose output grows with the spec.
     */
    protected long outputBytes(S spec) {
        return ResultWriter.DEFAULT_SIZE_ESTIMATE;
    }

    /**
     * Checks the command's outputs other than the result directory before computing (e.g.
     * {@code OutputPaths.checkCreatable("checkpoint", file, bytes)}); throw InvalidInputException to refuse.
     */
    protected void checkOutputs(S spec) {
    }

    /**
     * Called once the result directory is safely in place (renamed into its final name). The place to delete a
     * checkpoint: a failed write (disk full, killed) must never have lost it. Exceptions here are reported but the
     * result stays.
     *
     * @param written the result directory
     */
    protected void afterWrite(S spec, Path written) throws IOException {
    }

    /**
     * Called from the shutdown hook when SIGINT or SIGTERM interrupts {@link #compute}. Write a final checkpoint if
     * the command can (within a few seconds; other threads are still running) and return true if a checkpoint from
     * which {@code --resume} continues exists: the process then exits with {@link ExitCodes#INTERRUPTED} (3). Return
     * false (the default) for exit code 130 (SIGINT) or 143 (SIGTERM) with nothing written.
     */
    protected boolean onInterrupt() {
        return false;
    }

    @Override
    public Integer call() throws IOException {
        Instant start = Instant.now();
        S spec = spec();
        int threads = common.threads();
        long bytes = outputBytes(spec);
        if (common.out() != null) {
            ResultWriter.checkTarget(common.out(), bytes);
        }
        backendOptions.validate();
        checkOutputs(spec);
        try (ResultWriter.TargetClaim claim = common.out() != null ? ResultWriter.claim(common.out())
                : ResultWriter.claimDefault(Path.of("results"), resultName(), start)) {
            Progress progress = ConsoleProgress.create(common.quiet());
            Provenance provenance = Provenance.capture(DeepRg.currentArgs(), spec, common.seed(), threads, start);
            Result result;
            Interrupts.running(this);
            try (Backend backend = backendOptions.open()) {
                provenance = provenance.withBackend(backend.describe());
                RunContext context = new RunContext(RandomStreams.root(common.seed()), threads, backend, progress);
                result = compute(spec, context);
            } finally {
                Interrupts.running(null);
                progress.finish();
            }
            Path written = claim.write(result, provenance.finished(result.inputFiles()));
            PrintWriter out = commandSpec.commandLine().getOut();
            PrintWriter err = commandSpec.commandLine().getErr();
            try {
                afterWrite(spec, written);
            } catch (IOException | RuntimeException e) {
                err.println("deeprg: warning: the result is written, but cleaning up after it failed: " + DeepRg.oneLine(String.valueOf(e)));
            }
            if (common.json()) {
                out.println(Json.write(result.data()));
            } else {
                out.println(result.title());
                for (String line : result.summary()) {
                    out.println("  " + line);
                }
                out.println("result: " + written);
            }
            if (common.json() && !common.quiet()) {
                err.println("result: " + written);
            }
            out.flush();
            err.flush();
            return ExitCodes.OK;
        }
    }

    /** Helper for subclasses: the input files of a spec, for provenance. */
    protected static List<Path> files(Path... paths) {
        return List.of(paths);
    }
}
