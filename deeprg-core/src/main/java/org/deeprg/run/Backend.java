package org.deeprg.run;

import java.io.Serializable;
import java.util.List;

/**
 * Where the indexed tasks of a job run: local threads ({@link LocalBackend}, the default) or a cluster (the
 * {@code deeprg-spark} module). Every backend returns the results in index order, so a job that combines them in
 * that order gives bit-identical numbers on every backend and for any degree of parallelism.
 */
public interface Backend {
    /** Short name recorded in provenance ("local", "spark"). */
    String name();

    /**
     * Runs {@code task.run(i)} for {@code i = 0..tasks-1}.
     *
     * @param tasks   number of tasks ({@code >= 0})
     * @param threads the run's thread count (a local backend's degree of parallelism; a cluster may ignore it)
     * @param task    the task (serialisable, small)
     * @return the results, element i from task i
     */
    <R extends Serializable> List<R> map(int tasks, int threads, Task<R> task);
}
