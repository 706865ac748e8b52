package org.deeprg.cli;

/** Exit codes of the deeprg command. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** Invalid input: an option, a file, a size. One line on stderr says what and what is allowed. */
    public static final int INVALID_INPUT = 2;
    /** Interrupted (SIGINT/SIGTERM or a time limit) after writing a checkpoint from which the run can resume. */
    public static final int INTERRUPTED = 3;
    /** Internal error (a bug): stack trace only with --stacktrace. */
    public static final int INTERNAL_ERROR = 4;
    /** Interrupted by SIGINT (Ctrl-C) without a checkpoint: nothing written (the JVM's 128 + 2). */
    public static final int SIGINT = 130;
    /** Interrupted by SIGTERM without a checkpoint: nothing written (the JVM's 128 + 15). */
    public static final int SIGTERM = 143;

    private ExitCodes() {
    }
}
