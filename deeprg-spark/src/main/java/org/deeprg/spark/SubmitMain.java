package org.deeprg.spark;

import java.lang.reflect.InvocationTargetException;

/**
 * The main class for {@code spark-submit}: runs the {@code deeprg} command line with {@code --backend spark} as the
 * default and the master, deploy mode and resources that spark-submit was given ({@code spark.master} and friends
 * arrive as system properties, which the Spark backend reads):
 *
 * <pre>
 * spark-submit --master spark://HOST:7077 --class org.deeprg.spark.SubmitMain \
 *     --driver-java-options "--add-modules jdk.incubator.vector" deeprg-spark/target/deeprg-spark-app.jar \
 *     qft ensemble --width 3 --nets 400 --bags 4 --seed 5 --json
 * </pre>
 *
 * The command line is found by reflection, so this module does not depend on it at compile time.
 */
public final class SubmitMain {
    private SubmitMain() {
    }

    /** Runs {@code deeprg ARGS} with {@code --backend spark} by default; exits with deeprg's exit code. */
    public static void main(String[] args) throws Throwable {
        if (System.getProperty("deeprg.backend") == null) {
            System.setProperty("deeprg.backend", "spark");
        }
        try {
            Class.forName("org.deeprg.cli.DeepRg").getMethod("main", String[].class).invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
