package org.deeprg.run;

/**
 * A backend that lives in another module (the {@code deeprg-spark} module's Spark backend), found at run time with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/org.deeprg.run.BackendProvider}) so that core and the
 * command line do not depend on it at compile time. See {@link Backends#open(String, String, Integer)}.
 *
 * <p>An implementation must be loadable without its engine on the class path (it is instantiated by the service
 * loader to read its {@link #name()}); {@link #open} reports a missing engine as bad input.
 */
public interface BackendProvider {
    /** The name given to {@code --backend} ("spark"). */
    String name();

    /**
     * Connects to the engine and returns a ready backend; the caller closes it.
     *
     * @param master     where to run (for Spark: the master URL), or null for the engine's default
     * @param partitions the number of partitions per job, or null for the backend's default
     * @throws org.deeprg.InvalidInputException naming {@code backend}, {@code sparkMaster} or {@code partitions} if the
     *         engine is missing, the master URL is malformed or unreachable, or the partition count is not allowed
     */
    Backend open(String master, Integer partitions);
}
