package org.deeprg.run;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.deeprg.InvalidInputException;

/**
 * Opens a backend by name: {@code "local"} is {@link LocalBackend#INSTANCE}; any other name is looked up among the
 * {@link BackendProvider}s on the class path (only then, so a local run never touches a cluster engine's classes).
 */
public final class Backends {
    /** The backend names the command line knows; those other than "local" need their module on the class path. */
    public static final List<String> KNOWN = List.of("local", "spark");

    private Backends() {
    }

    /**
     * The backend {@code name}, connected.
     *
     * @param name       "local" or a provider's name ("spark")
     * @param master     where a cluster backend runs (null: its default); must be null for "local"
     * @param partitions partitions per job of a cluster backend (null: its default); must be null for "local"
     * @throws InvalidInputException naming the option if the name is unknown, its module is not on the class path, or
     *                               the settings are not allowed
     */
    public static Backend open(String name, String master, Integer partitions) {
        if (name == null || name.equals("local")) {
            if (master != null) {
                throw new InvalidInputException("sparkMaster", master, "is only used with --backend spark");
            }
            if (partitions != null) {
                throw new InvalidInputException("partitions", partitions, "is only used with --backend spark");
            }
            return LocalBackend.INSTANCE;
        }
        if (!KNOWN.contains(name)) {
            throw new InvalidInputException("backend", name, "must be one of " + String.join(", ", KNOWN));
        }
        BackendProvider provider = provider(name, Thread.currentThread().getContextClassLoader());
        if (provider == null) {
            throw new InvalidInputException("backend", name, "the deeprg-" + name + " module is not on the class path: run through"
                    + " ./deeprg (which adds it for --backend " + name + ") or " + name + "-submit with deeprg-" + name
                    + "-app.jar (docs/" + name + ".md)");
        }
        return provider.open(master, partitions);
    }

    /** The provider named {@code name} visible to {@code loader}, or null. */
    static BackendProvider provider(String name, ClassLoader loader) {
        List<String> broken = new ArrayList<>();
        ServiceLoader<BackendProvider> services = ServiceLoader.load(BackendProvider.class,
                loader != null ? loader : Backends.class.getClassLoader());
        var it = services.iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                BackendProvider p = it.next();
                if (p.name().equals(name)) {
                    return p;
                }
            } catch (ServiceConfigurationError | LinkageError e) {
                broken.add(String.valueOf(e.getMessage()));
            }
        }
        if (!broken.isEmpty()) {
            throw new InvalidInputException("backend", name, "its module is on the class path but cannot be loaded: " + broken.get(0));
        }
        return null;
    }
}
