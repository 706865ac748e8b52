package org.deeprg.run;

import java.io.Serializable;

/**
 * One indexed piece of an embarrassingly parallel job: {@code run(i)} computes the result of task {@code i}.
 *
 * <p>The contract that makes results independent of threads, backend and partitioning: the result of task {@code i}
 * depends only on {@code i} and on what the task object holds (a spec record, a seed), never on which thread or
 * machine runs it or on other tasks; random numbers come from streams split by the task index
 * ({@code streams.split(i)}). A task object is {@link Serializable} and small (specs, seeds, indices; never a
 * closure over big state) so that a distributed backend can ship it; so are its results.
 *
 * @param <R> the result of one task
 */
@FunctionalInterface
public interface Task<R extends Serializable> extends Serializable {
    /** Computes task {@code index} (0-based). */
    R run(int index);
}
