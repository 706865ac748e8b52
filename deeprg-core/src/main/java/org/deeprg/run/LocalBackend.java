package org.deeprg.run;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs indexed tasks on a fixed number of local threads and returns their results in index order (the default
 * backend: embedded, nothing to install).
 *
 * <p>Besides the {@link Backend} contract, {@link #inThreads(int, int, IntFunction)} runs fine-grained shared-memory work
 * (blocks of one matrix product, say) whose tasks need not be serialisable; it never leaves the machine.
 */
public final class LocalBackend implements Backend {
    /** The one instance. */
    public static final LocalBackend INSTANCE = new LocalBackend();

    private LocalBackend() {
    }

    /** Number of available processors: the default for {@code --threads}. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public <R extends Serializable> List<R> map(int tasks, int threads, Task<R> task) {
        return inThreads(tasks, threads, task::run);
    }

    /**
     * Evaluates {@code task.apply(i)} for {@code i = 0..tasks-1} on {@code threads} threads.
     *
     * @return the results, element i from task i
     */
    public static <T> List<T> inThreads(int tasks, int threads, IntFunction<T> task) {
        if (threads <= 1 || tasks <= 1) {
            List<T> out = new ArrayList<>(tasks);
            for (int i = 0; i < tasks; i++) {
                out.add(task.apply(i));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks), r -> {
            Thread t = new Thread(r, "deeprg-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>(tasks);
            for (int i = 0; i < tasks; i++) {
                final int index = i;
                futures.add(pool.submit(() -> task.apply(index)));
            }
            List<T> out = new ArrayList<>(tasks);
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
        }
    }
}
