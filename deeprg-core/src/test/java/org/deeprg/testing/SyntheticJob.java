package org.deeprg.testing;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.deeprg.random.RandomStreams;
import org.deeprg.run.RunContext;
import org.deeprg.run.Task;

/**
 * A synthetic distributable job with the shape of every real one (the backends' test workload): task {@code i} draws
 * {@code samples} standard normals from {@code streams.split(i)}, and the per-task sums are combined in index order
 * with plain floating-point additions, so any reordering, any lost or duplicated task and any stream that depends on
 * the thread or machine changes the last bits of the result.
 *
 * @param tasks            number of tasks
 * @param samples          normals drawn per task
 * @param failOnceAt       index of a task whose first attempt in this JVM throws (a retry must recompute it), or -1
 * @param sleepMillis      extra wall time per task (to keep a job running while a test kills an executor), or 0
 * @param markerDirectory  if not null, every task attempt creates a file {@code task-INDEX-PID-NANOS} there
 */
public record SyntheticJob(int tasks, int samples, int failOnceAt, long sleepMillis, String markerDirectory) implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Task attempts that already failed in this JVM (keyed by seed and index), for {@link #failOnceAt}. */
    private static final Set<String> FAILED = ConcurrentHashMap.newKeySet();

    /** Forgets which tasks already failed once, so that the next run fails {@link #failOnceAt} once again. */
    public static void resetFailures() {
        FAILED.clear();
    }

    /** A plain job: no failures, no sleeping, no markers. */
    public static SyntheticJob of(int tasks, int samples) {
        return new SyntheticJob(tasks, samples, -1, 0, null);
    }

    /** The result of one task: its sum, its sum of squares and its first raw 64-bit draw. */
    public record Part(double sum, double sumOfSquares, long firstDraw) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * The job's result.
     *
     * @param mean         mean of all draws (per-task sums added in index order)
     * @param meanOfSquares mean of the squares
     * @param chain        a hash chain of the tasks' first draws in index order
     * @param parts        the per-task results in index order
     */
    public record Result(double mean, double meanOfSquares, long chain, List<Part> parts) {
    }

    /** Runs the job on {@code context}'s backend. */
    public static Result run(SyntheticJob job, RunContext context) {
        RandomStreams streams = context.streams();
        Task<Part> task = index -> job.runTask(streams, index);
        List<Part> parts = context.map(job.tasks, task);
        double sum = 0;
        double squares = 0;
        long chain = 17;
        for (Part p : parts) {
            sum += p.sum();
            squares += p.sumOfSquares();
            chain = chain * 31 + p.firstDraw();
        }
        long n = (long) job.tasks * job.samples;
        return new Result(sum / n, squares / n, chain, parts);
    }

    private Part runTask(RandomStreams streams, int index) {
        RandomStreams mine = streams.split(index);
        if (markerDirectory != null) {
            try {
                Files.createFile(Path.of(markerDirectory, "task-" + index + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (index == failOnceAt && FAILED.add(streams.seed() + ":" + index)) {
            throw new IllegalStateException("synthetic failure of the first attempt of task " + index);
        }
        if (sleepMillis > 0) {
            try {
                Thread.sleep(sleepMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        long first = mine.generator().nextLong();
        var gaussian = mine.gaussian();
        double sum = 0;
        double squares = 0;
        for (int k = 0; k < samples; k++) {
            double x = gaussian.sample();
            sum += x;
            squares += x * x;
        }
        return new Part(sum, squares, first);
    }

}
