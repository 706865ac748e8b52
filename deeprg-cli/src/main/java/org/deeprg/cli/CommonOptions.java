package org.deeprg.cli;

import java.nio.file.Path;
import org.deeprg.run.LocalBackend;
import picocli.CommandLine.Option;

/** Options shared by every computing command (a picocli mixin). */
public final class CommonOptions {
    /** The default root seed, printed in every provenance.json. */
    public static final long DEFAULT_SEED = 20240601L;

    @Option(names = "--seed", paramLabel = "SEED", description = "Root random seed (default: ${DEFAULT-VALUE}). Same seed, same numbers, for any --threads.")
    long seed = DEFAULT_SEED;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", description = "Result directory (default: results/<command>-<UTC time>). Must be new, empty, or an earlier deeprg result.")
    Path out;

    @Option(names = "--json", description = "Print the result as JSON on stdout and nothing else on stdout.")
    boolean json;

    @Option(names = "--quiet", description = "No progress bar and no summary on stderr.")
    boolean quiet;

    /** Effective thread count, validated. */
    int threads() {
        if (threads == null) {
            return LocalBackend.defaultThreads();
        }
        if (threads < 1 || threads > 4096) {
            throw new org.deeprg.InvalidInputException("threads", threads, "must be an integer in [1, 4096]");
        }
        return threads;
    }

    public long seed() {
        return seed;
    }

    public Path out() {
        return out;
    }

    public boolean json() {
        return json;
    }

    public boolean quiet() {
        return quiet;
    }
}
