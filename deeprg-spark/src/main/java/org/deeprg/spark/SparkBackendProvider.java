package org.deeprg.spark;

import org.deeprg.InvalidInputException;
import org.deeprg.run.Backend;
import org.deeprg.run.BackendProvider;

/**
 * Registers the Spark backend under the name {@code spark} ({@code META-INF/services/org.deeprg.run.BackendProvider}).
 * Loadable without Spark on the class path: {@link #open} checks for Spark before it touches any Spark class.
 */
public final class SparkBackendProvider implements BackendProvider {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public Backend open(String master, Integer partitions) {
        try {
            Class.forName("org.apache.spark.SparkContext", false, SparkBackendProvider.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new InvalidInputException("backend", "spark", "Apache Spark is not on the class path: run through ./deeprg (which adds"
                    + " it for --backend spark) or with spark-submit and deeprg-spark-app.jar (docs/spark.md)");
        }
        return SparkBackend.start(master, partitions);
    }
}
