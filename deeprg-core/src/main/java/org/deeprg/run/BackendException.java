package org.deeprg.run;

/**
 * A job failed for good on a backend: after the backend's own retries a task still failed, or the cluster went away
 * (all executors lost, the master stopped, the driver was shut down). The message is one line that names the backend
 * and summarises the cluster's error; the CLI prints it and exits with code 4 without writing a result directory.
 * The cause, when known, is the task's own exception or the cluster's.
 */
public class BackendException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String backend;

    /**
     * @param backend the backend's name ("spark")
     * @param summary one line: what failed and why
     * @param cause   the underlying exception, or null
     */
    public BackendException(String backend, String summary, Throwable cause) {
        super(summary, cause);
        this.backend = backend;
    }

    /** The name of the backend on which the job failed. */
    public String backend() {
        return backend;
    }
}
