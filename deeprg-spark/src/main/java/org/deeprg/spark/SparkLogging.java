package org.deeprg.spark;

/**
 * Keeps Spark's log off the user's terminal: unless a log4j2 configuration was given
 * ({@code -Dlog4j2.configurationFile=...}), Spark logs errors and the scheduler's warnings about lost tasks and
 * executors on stderr, one line each without stack traces ({@code org/deeprg/spark/log4j2.properties}).
 */
final class SparkLogging {
    private SparkLogging() {
    }

    /** Points log4j2 at deeprg's quiet configuration if nobody configured it; before the first Spark class loads. */
    static void quietUnlessConfigured() {
        if (System.getProperty("log4j2.configurationFile") == null && System.getProperty("log4j.configurationFile") == null
                && SparkLogging.class.getClassLoader().getResource("log4j2.properties") == null
                && SparkLogging.class.getClassLoader().getResource("log4j2.xml") == null) {
            System.setProperty("log4j2.configurationFile", "classpath:org/deeprg/spark/log4j2.properties");
        }
    }
}
