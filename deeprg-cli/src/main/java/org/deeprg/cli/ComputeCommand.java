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
 * Base of every command that computes: the options build a validated spec ({@link #spec()}), the library
 * computes a {@link Result} ({@link #compute}), and this class writes the result directory with provenance
 * and prints either the JSON ({@code --json}) or a short summary with the result path.
 *
 * <p>Bad input surfaces as {@link org.deeprg.InvalidInputException} from {@link #spec()} (or from compute,
 * e.g. while reading a file); {@link DeepRg} turns it into one stderr line and exit code 2. The output
 * directory is checked before computing, and written atomically after.
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

    @Override
    public Integer call() throws IOException {
        Instant start = Instant.now();
        S spec = spec();
        int threads = common.threads();
        Path target = common.out() != null ? common.out() : ResultWriter.defaultTarget(Path.of("results"), resultName(), start);
        ResultWriter.checkTarget(target);
        backendOptions.validate();
        Progress progress = ConsoleProgress.create(common.quiet());
        Provenance provenance = Provenance.capture(DeepRg.currentArgs(), spec, common.seed(), threads, start);
        Result result;
        try (Backend backend = backendOptions.open()) {
            provenance = provenance.withBackend(backend.describe());
            RunContext context = new RunContext(RandomStreams.root(common.seed()), threads, backend, progress);
            result = compute(spec, context);
        } finally {
            progress.finish();
        }
        Path written = ResultWriter.write(target, result, provenance.finished(result.inputFiles()));
        PrintWriter out = commandSpec.commandLine().getOut();
        PrintWriter err = commandSpec.commandLine().getErr();
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

    /** Helper for subclasses: the input files of a spec, for provenance. */
    protected static List<Path> files(Path... paths) {
        return List.of(paths);
    }
}
