package org.deeprg.run;

/**
 * Progress of a long computation, reported by the library and shown by the CLI as a progress bar on stderr.
 * Implementations must be thread-safe: parallel tasks call {@link #advance(long)} concurrently.
 */
public interface Progress {
    /** A progress sink that ignores everything. */
    Progress NONE = new Progress() {
        @Override
        public void start(String label, long total) {
        }

        @Override
        public void advance(long steps) {
        }

        @Override
        public void finish() {
        }
    };

    /** Begins a phase of {@code total} steps. */
    void start(String label, long total);

    /** {@code steps} more steps done. */
    void advance(long steps);

    /** The phase is over. */
    void finish();
}
