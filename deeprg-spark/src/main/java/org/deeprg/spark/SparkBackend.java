package org.deeprg.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.deeprg.InvalidInputException;
import org.deeprg.run.Backend;
import org.deeprg.run.BackendException;
import org.deeprg.run.Task;
import org.deeprg.run.TaskShipping;

/**
 * Runs the indexed tasks of a deeprg job as one Spark job: the task object (a spec, a seed: small and serialisable)
 * is shipped once with the job, the indices {@code 0..tasks-1} are dealt out to the partitions round-robin (partition
 * k of P runs k, k + P, ...; jobs list their costliest tasks first, so every partition gets the same mix), every Spark task
 * runs its indices and returns {@code (index, result)} pairs, and the driver places each result at its index. So the
 * results are in index order whatever the partitioning, the number of executors, the order in which they finish,
 * and the retries: a task failure or a lost executor makes Spark rerun the affected partitions, which recompute the
 * same numbers because a task depends only on its index and its streams ({@code streams.split(index)}).
 *
 * <p>Settings (Spark configuration; spark-submit's {@code --conf} or {@code -D} system properties):
 * <ul>
 *   <li>the master: {@code --spark-master} on the command line, else {@code spark.master}, else {@code local[*]};</li>
 *   <li>{@code spark.deeprg.maxTaskBytes} (default 16m): a task that serialises to more is refused before anything
 *       runs, with one line naming its largest captured part;</li>
 *   <li>{@code spark.deeprg.executorWaitSeconds} (default 120): how long a cluster job waits for its first executor
 *       before it fails with one line (a cluster without free cores would otherwise wait for ever);</li>
 *   <li>partitions per job: {@code --partitions}, else {@code min(tasks, 3 x defaultParallelism)}.</li>
 * </ul>
 * Web UI off and console progress off unless configured. On a cluster (a non-local master started from
 * {@code ./deeprg}), the jars listed in the system property {@code deeprg.spark.jars} are shipped to the executors
 * (the launcher lists the command line's jars); under spark-submit the application jar is shipped by Spark.
 */
public final class SparkBackend implements Backend {
    /** Largest allowed {@code --partitions}. */
    public static final int MAX_PARTITIONS = 1_000_000;
    /** Default of {@code spark.deeprg.maxTaskBytes}. */
    public static final String DEFAULT_MAX_TASK_BYTES = "16m";

    /** The Spark context: started in the background by {@link #start}, complete at once for {@link #on}. */
    private final CompletableFuture<JavaSparkContext> starting;
    private final Integer partitions;
    private final long maxTaskBytes;
    private final boolean ownsContext;
    private volatile boolean closed;
    /** Spark jobs run and deeprg tasks shipped by this backend so far (provenance). */
    private final AtomicLong jobs = new AtomicLong();
    private final AtomicLong tasksRun = new AtomicLong();

    private SparkBackend(CompletableFuture<JavaSparkContext> starting, SparkConf conf, Integer partitions, boolean ownsContext) {
        this.starting = starting;
        this.partitions = partitions;
        this.ownsContext = ownsContext;
        this.maxTaskBytes = conf.getSizeAsBytes("spark.deeprg.maxTaskBytes", DEFAULT_MAX_TASK_BYTES);
    }

    /**
     * Starts a Spark context on {@code master} and returns a backend that stops it on {@link #close()}. The settings
     * and the master are checked at once (bad input before anything runs); the context itself starts in the background
     * (a few seconds: Spark's services, and on a cluster the wait for the first executor) while the caller prepares its
     * job, and the first {@link #map}, {@link #context()} or {@link #describe()} waits for it. A failure to start
     * surfaces there as a {@link BackendException}.
     *
     * @param master     the master URL, or null for {@code spark.master} (set by spark-submit) or else {@code local[*]}
     * @param partitions partitions per job, or null for {@code min(tasks, 3 x defaultParallelism)}
     * @throws InvalidInputException naming {@code sparkMaster} or {@code partitions} for a malformed or unreachable
     *                               master or a partition count outside [1, 1000000]
     */
    public static SparkBackend start(String master, Integer partitions) {
        checkPartitions(partitions);
        SparkLogging.quietUnlessConfigured();
        SparkConf conf = new SparkConf();
        String effective = master != null ? master : conf.get("spark.master", "local[*]");
        MasterUrl.check(effective);
        conf.setMaster(effective);
        conf.setIfMissing("spark.app.name", "deeprg");
        conf.setIfMissing("spark.ui.enabled", "false");
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        String executorOptions = conf.get("spark.executor.extraJavaOptions", "");
        if (!executorOptions.contains("jdk.incubator.vector")) {
            // the NN-QFT sampler's kernels use the Vector API
            conf.set("spark.executor.extraJavaOptions", (executorOptions + " --add-modules jdk.incubator.vector").trim());
        }
        String ship = System.getProperty("deeprg.spark.jars");
        if (!MasterUrl.isLocal(effective) && !conf.contains("spark.jars") && ship != null && !ship.isBlank()) {
            conf.set("spark.jars", ship);
        }
        long executorWait = conf.getTimeAsSeconds("spark.deeprg.executorWaitSeconds", "120s");
        CompletableFuture<JavaSparkContext> starting = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            JavaSparkContext spark = null;
            try {
                try {
                    spark = new JavaSparkContext(conf);
                } catch (RuntimeException e) {
                    throw new BackendException("spark", "cannot start Spark on " + effective + ": " + summarise(e), e);
                }
                if (!MasterUrl.isLocal(effective)) {
                    awaitExecutor(spark, executorWait);
                }
                starting.complete(spark);
            } catch (RuntimeException | Error e) {
                if (spark != null) {
                    spark.stop();
                }
                starting.completeExceptionally(e);
            }
        }, "deeprg-spark-start");
        starter.setDaemon(true);
        starter.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        starter.start();
        return new SparkBackend(starting, conf, partitions, true);
    }

    /** Waits until the context has started (see {@link #start}); returns this backend. */
    public SparkBackend awaitStarted() {
        spark();
        return this;
    }

    /** The started context; waits for it. */
    private JavaSparkContext spark() {
        try {
            return starting.join();
        } catch (CompletionException | CancellationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new BackendException("spark", "cannot start Spark: " + summarise(cause), cause);
        }
    }

    /**
     * A backend on a Spark context that the caller owns (a Spark application that calls deeprg as a library);
     * {@link #close()} leaves the context running.
     */
    public static SparkBackend on(JavaSparkContext spark, Integer partitions) {
        checkPartitions(partitions);
        return new SparkBackend(CompletableFuture.completedFuture(spark), spark.getConf(), partitions, false);
    }

    private static void checkPartitions(Integer partitions) {
        if (partitions != null && (partitions < 1 || partitions > MAX_PARTITIONS)) {
            throw new InvalidInputException("partitions", partitions, "must be an integer in [1, " + MAX_PARTITIONS
                    + "] (Spark partitions per job; default min(tasks, 3 x the cluster's cores))");
        }
    }

    private static void awaitExecutor(JavaSparkContext spark, long seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (spark.sc().statusTracker().getExecutorInfos().length < 2) { // the driver is listed too
            if (spark.sc().isStopped()) {
                throw new BackendException("spark", "the Spark application on " + spark.master() + " was stopped before an executor joined"
                        + " (the master refused it or went away)", null);
            }
            if (System.nanoTime() > deadline) {
                throw new BackendException("spark", "no executor joined the Spark application on " + spark.master() + " within " + seconds
                        + " s: the cluster has no free worker with " + spark.getConf().get("spark.executor.memory", "1g")
                        + " of memory and a free core (spark.deeprg.executorWaitSeconds sets the wait)", null);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BackendException("spark", "interrupted while waiting for an executor", e);
            }
        }
    }

    @Override
    public String name() {
        return "spark";
    }

    /** The Spark context (for callers that add their own Spark work). */
    public JavaSparkContext context() {
        return spark();
    }

    /** Partitions of a job of {@code tasks} tasks: {@code --partitions} (at most {@code tasks}), else {@code min(tasks, 3 x defaultParallelism)}. */
    public int partitionsFor(int tasks) {
        int p = partitions != null ? partitions : 3 * Math.max(1, spark().defaultParallelism());
        return Math.max(1, Math.min(p, tasks));
    }

    @Override
    public <R extends Serializable> List<R> map(int tasks, int threads, Task<R> task) {
        if (tasks < 0) {
            throw new IllegalArgumentException("tasks must be >= 0, got " + tasks);
        }
        if (closed) {
            throw new IllegalStateException("the Spark backend is closed");
        }
        if (tasks == 0) {
            return List.of();
        }
        long size = TaskShipping.requireAtMost(task, maxTaskBytes, "spark", "spark.deeprg.maxTaskBytes");
        JavaSparkContext spark = spark();
        int p = partitionsFor(tasks);
        // partition k runs the indices k, k + p, k + 2p, ...: jobs order their tasks by cost (the NN-QFT job puts the
        // widest networks first), so dealing them out round-robin gives every partition the same mix of costs, where
        // contiguous slices would give the first partition all the expensive tasks
        List<Stride> strides = new ArrayList<>(p);
        for (int k = 0; k < p; k++) {
            strides.add(new Stride(k, p, tasks));
        }
        List<Indexed<R>> done;
        try {
            spark.setJobDescription("deeprg: " + tasks + " tasks of " + TaskShipping.parts(task).size() + " captured parts, "
                    + size + " bytes, " + p + " partitions");
            done = spark.parallelize(strides, p).flatMap(new RunStride<>(task)).collect();
        } catch (RuntimeException e) {
            throw failure(e);
        } catch (Exception e) { // Scala's checked exceptions (SparkException) reach Java undeclared
            throw failure(e);
        }
        List<R> out = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            out.add(null);
        }
        boolean[] seen = new boolean[tasks];
        for (Indexed<R> r : done) {
            if (r.index() < 0 || r.index() >= tasks || seen[r.index()]) {
                throw new BackendException("spark", "Spark returned task index " + r.index() + " twice or out of range", null);
            }
            seen[r.index()] = true;
            out.set(r.index(), r.result());
        }
        if (done.size() != tasks) {
            throw new BackendException("spark", "Spark returned " + done.size() + " results for " + tasks + " tasks", null);
        }
        jobs.incrementAndGet();
        tasksRun.addAndGet(tasks);
        return out;
    }

    /** A task exception that is bad input stays bad input; everything else is one line of the backend's failure. */
    private static RuntimeException failure(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidInputException bad) {
                return bad;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return new BackendException("spark", "the Spark job failed: " + summarise(e), e);
    }

    /** First line of the exception's message (Spark appends stack traces after it), at most 400 characters. */
    static String summarise(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        int nl = m.indexOf('\n');
        if (nl >= 0) {
            m = m.substring(0, nl);
        }
        m = m.replace('\t', ' ').trim();
        return m.length() > 400 ? m.substring(0, 397) + "..." : m;
    }

    /**
     * Where and how the jobs ran: master, partitions, default parallelism, Spark version, application id, deploy mode,
     * and the number of Spark jobs run and deeprg tasks shipped so far by this backend.
     */
    @Override
    public Map<String, Object> describe() {
        JavaSparkContext spark = spark();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", name());
        d.put("master", spark.master());
        d.put("partitions", partitions != null ? partitions : "min(tasks, 3 x defaultParallelism)");
        d.put("defaultParallelism", spark.defaultParallelism());
        d.put("sparkVersion", spark.version());
        d.put("applicationId", spark.sc().applicationId());
        d.put("deployMode", spark.getConf().get("spark.submit.deployMode", "client"));
        d.put("jobs", jobs.get());
        d.put("tasks", tasksRun.get());
        return d;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (ownsContext) {
                try {
                    starting.join().stop();
                } catch (CompletionException | CancellationException e) {
                    // it never started: nothing to stop
                }
            }
        }
    }

    /** The result of task {@code index}. */
    record Indexed<R>(int index, R result) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** The indices {@code first, first + step, ...} below {@code tasks}: one partition's share of a job. */
    record Stride(int first, int step, int tasks) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** The Spark function of a job: runs the deeprg tasks of one partition's indices, one after the other. */
    static final class RunStride<R extends Serializable> implements FlatMapFunction<Stride, Indexed<R>> {
        private static final long serialVersionUID = 1L;
        private final Task<R> task;

        RunStride(Task<R> task) {
            this.task = task;
        }

        @Override
        public Iterator<Indexed<R>> call(Stride stride) {
            List<Indexed<R>> out = new ArrayList<>();
            for (long i = stride.first(); i < stride.tasks(); i += stride.step()) {
                out.add(new Indexed<>((int) i, task.run((int) i)));
            }
            return out.iterator();
        }
    }
}
