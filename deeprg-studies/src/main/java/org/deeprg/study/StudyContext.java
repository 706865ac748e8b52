package org.deeprg.study;

import org.deeprg.random.RandomStreams;
import org.deeprg.run.Progress;
import org.deeprg.run.RunContext;

/**
 * What a paper study needs: the {@link RunContext} of its computations and the {@link Scale} it runs at. Physics
 * code never sees a scale; a study chooses its specs from the scale and hands {@link #run()} to the library.
 *
 * @param run   the context of the computations (streams, threads, backend, progress)
 * @param scale QUICK or FULL
 */
public record StudyContext(RunContext run, Scale scale) {
    public StudyContext {
        java.util.Objects.requireNonNull(run, "run");
        java.util.Objects.requireNonNull(scale, "scale");
    }

    /** Single-threaded, silent, quick context with the given seed: for tests. */
    public static StudyContext forTests(long seed) {
        return new StudyContext(RunContext.of(seed), Scale.QUICK);
    }

    /** The run's random streams. */
    public RandomStreams streams() {
        return run.streams();
    }

    /** The run's thread count. */
    public int threads() {
        return run.threads();
    }

    /** The run's progress sink. */
    public Progress progress() {
        return run.progress();
    }

    /** A copy with another thread count. */
    public StudyContext withThreads(int t) {
        return new StudyContext(run.withThreads(t), scale);
    }
}
