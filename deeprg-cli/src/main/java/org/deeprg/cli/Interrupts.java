package org.deeprg.cli;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import org.deeprg.report.ResultWriter;

/**
 * What happens when the process is told to stop (SIGINT, SIGTERM; SIGKILL cannot be caught and leaves only what
 * the next run cleans). Installed by {@link DeepRg#main}: one JVM shutdown hook which, if a command is still
 * running,
 * <ol>
 *   <li>asks it for a final checkpoint ({@link ComputeCommand#onInterrupt()}),</li>
 *   <li>removes the partial result directory and the lock ({@link ResultWriter#releaseAll()}),</li>
 *   <li>prints one line, and</li>
 *   <li>exits with {@link ExitCodes#INTERRUPTED} (3) when a checkpoint exists, else with the JVM's code for the
 *       signal: 130 (SIGINT) or 143 (SIGTERM).</li>
 * </ol>
 * A normal exit (the command returned) does nothing here.
 */
final class Interrupts {
    private static volatile ComputeCommand<?> running;
    private static volatile boolean finished;
    private static volatile boolean installed;

    private Interrupts() {
    }

    static void running(ComputeCommand<?> command) {
        running = command;
    }

    /** Marks the normal end of the process (the exit that follows is not an interruption). */
    static void finished() {
        finished = true;
    }

    static synchronized void install() {
        if (installed) {
            return;
        }
        installed = true;
        Runtime.getRuntime().addShutdownHook(new Thread(Interrupts::onShutdown, "deeprg-interrupt"));
    }

    private static void onShutdown() {
        if (finished) {
            return;
        }
        ComputeCommand<?> c = running;
        boolean checkpoint = false;
        if (c != null) {
            try {
                checkpoint = c.onInterrupt();
            } catch (Throwable t) {
                checkpoint = false;
            }
        }
        boolean wrote = false;
        try {
            ResultWriter.releaseAll();
        } catch (Throwable t) {
            // best effort: the next run cleans stale partial directories and locks
        }
        PrintStream err = System.err;
        err.println("deeprg: interrupted" + (checkpoint
                ? "; checkpoint written: rerun the same command with --resume to continue (exit code 3)"
                : "; no result written (exit code 130 for SIGINT, 143 for SIGTERM)"));
        err.flush();
        StderrFilter.drain();
        if (checkpoint) {
            Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
        }
    }

    /** The launcher's stderr filter (see ./deeprg): lets it print everything before the process ends. */
    static final class StderrFilter {
        private StderrFilter() {
        }

        /**
         * When the launcher filters stderr through a child process (environment {@code DEEPRG_STDERR_FILTER}), closes
         * stderr and waits (at most 2 s) for that child to print what it holds, so nothing appears after the process
         * has exited. Call as the very last thing before exiting.
         */
        static void drain() {
            if (System.getenv("DEEPRG_STDERR_FILTER") == null) {
                return;
            }
            System.out.flush();
            System.err.flush();
            System.err.close();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            ProcessHandle.current().children().forEach(ph -> {
                long left = deadline - System.nanoTime();
                if (left > 0) {
                    try {
                        ph.onExit().get(left, TimeUnit.NANOSECONDS);
                    } catch (Exception e) {
                        // give up waiting: the filter ends by itself once it has read everything
                    }
                }
            });
        }
    }
}
