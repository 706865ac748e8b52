package org.deeprg.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs independent indexed tasks on a fixed number of threads and returns their results in index order.
 *
 * <p>Reproducibility contract: a task's result must depend only on its index (and on random streams split
 * by that index, see {@link org.deeprg.random.RandomStreams#split(long)}); results are combined by the caller
 * in index order, so the outcome is bit-identical for any thread count.
 */
public final class Parallel {
    private Parallel() {
    }

    /** Number of available processors: the default for {@code --threads}. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Evaluates {@code task.apply(i)} for {@code i = 0..tasks-1} on {@code threads} threads.
     *
     * @return the results, element i from task i
     */
    public static <T> List<T> map(int tasks, int threads, IntFunction<T> task) {
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
