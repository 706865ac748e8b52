package org.deeprg.run;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import org.deeprg.random.RandomStreams;

/**
 * Everything a computation needs besides its spec: the run's random streams, the thread count, the backend on
 * which its indexed tasks run, and a progress sink. Nothing about reports, scales or output. Every physics
 * computation has the shape {@code XxxResult run(XxxSpec spec, RunContext context)}.
 *
 * <p>Reproducibility: a computation splits {@link #streams()} per task before going parallel and combines task
 * results in index order, so the same seed gives the same numbers for any thread count and any backend.
 *
 * @param streams  the run's random streams (root seed); split per task before going parallel
 * @param threads  number of worker threads ({@code >= 1})
 * @param backend  where distributable tasks run ({@link LocalBackend#INSTANCE} by default)
 * @param progress progress sink (thread-safe)
 */
public record RunContext(RandomStreams streams, int threads, Backend backend, Progress progress) {
    public RunContext {
        Objects.requireNonNull(streams, "streams");
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(progress, "progress");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** A single-threaded, silent, local context with the given root seed. */
    public static RunContext of(long seed) {
        return new RunContext(RandomStreams.root(seed), 1, LocalBackend.INSTANCE, Progress.NONE);
    }

    /** A silent local context with the given root seed and thread count. */
    public static RunContext of(long seed, int threads) {
        return new RunContext(RandomStreams.root(seed), threads, LocalBackend.INSTANCE, Progress.NONE);
    }

    /** A copy with another thread count. */
    public RunContext withThreads(int t) {
        return new RunContext(streams, t, backend, progress);
    }

    /** A copy with other streams (e.g. a sub-task's {@code streams().split(i)}). */
    public RunContext withStreams(RandomStreams s) {
        return new RunContext(s, threads, backend, progress);
    }

    /** A copy with another backend. */
    public RunContext withBackend(Backend b) {
        return new RunContext(streams, threads, b, progress);
    }

    /** A copy with another progress sink. */
    public RunContext withProgress(Progress p) {
        return new RunContext(streams, threads, backend, p);
    }

    /** The context of sub-computation {@code index}: same threads, backend and progress, streams split by index. */
    public RunContext split(long index) {
        return withStreams(streams.split(index));
    }

    /** The context of a named sub-computation: streams split by name. */
    public RunContext split(String name) {
        return withStreams(streams.split(name));
    }

    /**
     * Runs a distributable job of {@code tasks} indexed tasks on this context's backend; results in index order.
     * The task must be serialisable and small (see {@link Task}).
     */
    public <R extends Serializable> List<R> map(int tasks, Task<R> task) {
        return backend.map(tasks, threads, task);
    }

    /**
     * Runs fine-grained shared-memory work on local threads (never distributed); results in index order. For
     * tasks that read big in-memory state, such as blocks of one matrix product.
     */
    public <T> List<T> mapLocal(int tasks, IntFunction<T> task) {
        return LocalBackend.inThreads(tasks, threads, task);
    }
}
