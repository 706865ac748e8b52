package org.deeprg.run;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Where the indexed tasks of a job run: local threads ({@link LocalBackend}, the default) or a cluster (the
 * {@code deeprg-spark} module, found through {@link BackendProvider}). Every backend returns the results in index
 * order, so a job that combines them in that order gives bit-identical numbers on every backend and for any degree of
 * parallelism or partitioning.
 *
 * <p>Failure semantics: a backend may retry a failed task (Spark does, on another executor if one was lost); a retry
 * recomputes the same numbers because a task depends only on its index (see {@link Task}). A job that cannot be
 * completed (the task keeps failing, the cluster goes away) ends with a {@link BackendException} whose message is one
 * line; the CLI prints it and exits with code 4 without writing a result directory. An exception thrown by the task
 * itself is passed on as the cause, so bad input detected inside a task still reads as bad input.
 *
 * <p>A backend may hold resources (a Spark context): {@link #close()} releases them; the local backend holds none.
 */
public interface Backend extends AutoCloseable {
    /** Short name recorded in provenance ("local", "spark"). */
    String name();

    /**
     * Runs {@code task.run(i)} for {@code i = 0..tasks-1}.
     *
     * @param tasks   number of tasks ({@code >= 0})
     * @param threads the run's thread count (a local backend's degree of parallelism; a cluster ignores it)
     * @param task    the task (serialisable, small)
     * @return the results, element i from task i
     * @throws BackendException if the job failed for good on this backend
     */
    <R extends Serializable> List<R> map(int tasks, int threads, Task<R> task);

    /**
     * What provenance records about this backend: at least {@code "name"}; a cluster backend adds where it ran and how
     * (for Spark: {@code master}, {@code partitions}, {@code defaultParallelism}, {@code sparkVersion},
     * {@code applicationId}). An ordered map of JSON-friendly values.
     */
    default Map<String, Object> describe() {
        return Map.of("name", name());
    }

    /** Releases what the backend holds (a cluster connection); idempotent. The local backend holds nothing. */
    @Override
    default void close() {
    }
}
