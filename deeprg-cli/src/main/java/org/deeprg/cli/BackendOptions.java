package org.deeprg.cli;

import org.deeprg.run.Backend;
import org.deeprg.run.Backends;
import picocli.CommandLine.Option;

/**
 * Where a command's distributable tasks run (a picocli mixin): {@code --backend local|spark},
 * {@code --spark-master URL}, {@code --partitions P}. The local backend is the default and loads nothing; the Spark
 * backend is found at run time ({@link Backends}), so this module does not depend on Spark. Under spark-submit
 * ({@code org.deeprg.spark.SubmitMain}) the default backend is spark and the master is spark-submit's.
 */
public final class BackendOptions {
    @Option(names = "--backend", paramLabel = "NAME", defaultValue = "${sys:deeprg.backend:-local}",
            description = "Where the job's parallel tasks run: local (threads, default) or spark (Apache Spark; see docs/spark.md)."
                    + " Same seed, same numbers, on either.")
    String backend;

    @Option(names = "--spark-master", paramLabel = "URL",
            description = "Spark master with --backend spark: local[*] (default), local[N], spark://HOST:PORT, yarn, k8s://...;"
                    + " under spark-submit its --master.")
    String sparkMaster;

    @Option(names = "--partitions", paramLabel = "P",
            description = "Spark partitions per job with --backend spark (default: min(tasks, 3 x the cluster's cores)).")
    Integer partitions;

    /** The backend's name ("local" or "spark"). */
    public String backend() {
        return backend == null ? "local" : backend;
    }

    /** Checks the options without connecting (bad input before anything is computed or written). */
    void validate() {
        String name = backend();
        if (!Backends.KNOWN.contains(name)) {
            throw new org.deeprg.InvalidInputException("backend", name, "must be one of " + String.join(", ", Backends.KNOWN));
        }
        if (name.equals("local")) {
            Backends.open(name, sparkMaster, partitions); // rejects --spark-master / --partitions without spark
        } else if (partitions != null && partitions < 1) {
            throw new org.deeprg.InvalidInputException("partitions", partitions, "must be an integer >= 1 (Spark partitions per job)");
        }
    }

    /** Opens the backend (for spark: starts the Spark context); the caller closes it. */
    Backend open() {
        validate();
        return Backends.open(backend(), sparkMaster, partitions);
    }
}
