package org.deeprg.study;

import org.deeprg.progress.Progress;
import org.deeprg.random.RandomStreams;

/**
 * What a study (or any computation) needs besides its spec: the random streams of the run, the thread count,
 * a progress sink and the scale.
 *
 * @param streams  the run's random streams (root seed); split per task before going parallel
 * @param threads  number of worker threads ({@code >= 1})
 * @param progress progress sink (thread-safe)
 * @param scale    QUICK or FULL
 */
public record StudyContext(RandomStreams streams, int threads, Progress progress, Scale scale) {
    public StudyContext {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
    }

    /** Single-threaded, silent, quick context with the given seed: for tests. */
    public static StudyContext forTests(long seed) {
        return new StudyContext(RandomStreams.root(seed), 1, Progress.NONE, Scale.QUICK);
    }

    public StudyContext withThreads(int t) {
        return new StudyContext(streams, t, progress, scale);
    }
}
