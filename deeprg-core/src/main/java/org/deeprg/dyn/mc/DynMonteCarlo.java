package org.deeprg.dyn.mc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeprg.random.RandomStreams;
import org.deeprg.run.RunContext;

/**
 * Runs a dynamic-neuron Monte Carlo simulation ({@link DynMcSpec}) and returns {@link DynMcResult}: the driver of the
 * pieces a sampler is made of, split the way NetKet splits one.
 *
 * <ul>
 *   <li>settings: the {@link DynMcSpec} (validated record) and what every chain derives from it ({@link DynMcPlan});</li>
 *   <li>chain state: {@link DynMcChainState}, a record that is also the checkpoint; {@link DynMcChain} advances it;</li>
 *   <li>checkpoint I/O: {@link DynMcCheckpoint} (format version, spec hash, checksum, complete validation);</li>
 *   <li>accumulators and estimators: {@link DynMcAccumulator} (per chain and rung) and {@link DynMcEstimators}
 *       (time-series, binning and jackknife errors, R-hat in each estimate, the correlation-length fit).</li>
 * </ul>
 *
 * <p>Chains are independent tasks of the context ({@link RunContext#map}): task c advances chain c from its state (or
 * from its start, stream {@code streams.split("dyn-mc").split(c).split("init")}) through whole <em>segments</em> of a
 * fixed number of sweeps (a function of the spec only), segment s drawing its random numbers from
 * {@code streams.split("dyn-mc").split(c).split(s)}, and returns the chain's new state. A task stops after the segment
 * in which it has used up its time budget (about {@value #ROUND_MILLIS} ms, less with frequent checkpoints), so the run
 * proceeds in rounds: between rounds the driver reports progress and writes the checkpoint. Which segment a chain is in
 * when a round ends does not matter: the numbers depend only on the spec and the seed, never on the thread count, the
 * backend, the round boundaries or interruptions, and {@code --resume} from a checkpoint reproduces the uninterrupted
 * run bit for bit.
 *
 * <p>With a betaV ladder every chain holds one replica per rung; after every sweep neighbouring rungs attempt a swap
 * ({@link org.deeprg.mc.ParallelTempering}, observable: the constraint). Measurements are taken per rung.
 */
public final class DynMonteCarlo {
    /** The longest a chain task runs before it hands its state back (progress and checkpoints between rounds). */
    static final long ROUND_MILLIS = 2000;

    private DynMonteCarlo() {
    }

    /**
     * How a run checkpoints.
     *
     * @param file            checkpoint file (null: none)
     * @param intervalMillis  write the checkpoint when this much time has passed since the last one
     * @param resume          start from {@code file} if it exists (it is validated completely, {@link DynMcCheckpoint#read})
     * @param stopAfterSweeps if &gt; 0: after the segment in which the chains reach this many sweeps, write the
     *                        checkpoint and throw {@link RunInterruptedException} (simulates a killed run; tests)
     * @param stop            lets another thread stop the run with a checkpoint ({@link Stop}; null: none)
     */
    public record Checkpointing(Path file, long intervalMillis, boolean resume, long stopAfterSweeps, Stop stop) {
        /** No checkpoints. */
        public static final Checkpointing NONE = new Checkpointing(null, Long.MAX_VALUE, false, 0);

        /** Without a {@link Stop}. */
        public Checkpointing(Path file, long intervalMillis, boolean resume, long stopAfterSweeps) {
            this(file, intervalMillis, resume, stopAfterSweeps, null);
        }
    }

    /**
     * A request, from another thread (the CLI's SIGINT/SIGTERM handler), to stop a run at the end of its current round
     * of chain tasks (at most about 2 s plus one segment) with the checkpoint written there: the
     * state between rounds is consistent, while the chains' arrays change during a round, so the checkpoint is never
     * written from the requesting thread. The run then throws {@link RunInterruptedException} with
     * {@link RunInterruptedException#requested()} true.
     */
    public static final class Stop {
        private volatile boolean requested;
        private volatile boolean ended;
        private final java.util.concurrent.CountDownLatch answered = new java.util.concurrent.CountDownLatch(1);
        private volatile boolean checkpointed;

        /**
         * Asks the run to stop and waits (at most {@code timeoutMillis}) until it has; true if it wrote its checkpoint.
         * False at once if the run has already left its sampling loop (the last periodic checkpoint, if any, stays).
         */
        public boolean requestAndAwait(long timeoutMillis) {
            requested = true;
            if (ended) {
                return false;
            }
            try {
                answered.await(timeoutMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return checkpointed;
        }

        /** Whether a stop has been requested. */
        public boolean requested() {
            return requested;
        }

        void answer(boolean wroteCheckpoint) {
            checkpointed = wroteCheckpoint;
            answered.countDown();
        }

        void end() {
            ended = true;
            answered.countDown();
        }
    }

    /**
     * Thrown when a run stops early, at {@link Checkpointing#stopAfterSweeps()} or on a {@link Stop} request; the
     * checkpoint holds its state.
     */
    public static final class RunInterruptedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long sweepsDone;
        private final boolean requested;

        RunInterruptedException(long sweepsDone, Path file, boolean requested) {
            super("run interrupted after " + sweepsDone + " sweeps; checkpoint " + file);
            this.sweepsDone = sweepsDone;
            this.requested = requested;
        }

        /** Sweeps every chain had done when the run stopped (the least of the chains). */
        public long sweepsDone() {
            return sweepsDone;
        }

        /** Whether a {@link Stop} request (not {@code stopAfterSweeps}) stopped the run. */
        public boolean requested() {
            return requested;
        }
    }

    /** Runs without checkpoints. */
    public static DynMcResult run(DynMcSpec spec, RunContext context) {
        return run(spec, context, Checkpointing.NONE);
    }

    /**
     * Runs with checkpoints as configured. The checkpoint file is left in place when the run completes: the caller
     * removes it once the result is safely stored (the CLI does so after writing the result directory).
     *
     * @throws org.deeprg.InvalidInputException if resuming from a checkpoint that is not valid for this spec and seed
     * @throws RunInterruptedException          at {@link Checkpointing#stopAfterSweeps()}
     */
    public static DynMcResult run(DynMcSpec spec, RunContext context, Checkpointing checkpointing) {
        DynMcPlan plan = new DynMcPlan(spec);
        RandomStreams root = context.streams().split("dyn-mc");
        long seed = context.streams().seed();
        List<DynMcChainState> states = null;
        if (checkpointing.resume() && checkpointing.file() != null && Files.exists(checkpointing.file())) {
            states = DynMcCheckpoint.read(checkpointing.file(), spec, seed);
        }
        long least = states == null ? 0 : states.stream().mapToLong(DynMcChainState::segmentsDone).min().orElse(0);
        long target = plan.segments;
        if (checkpointing.stopAfterSweeps() > 0) {
            long stop = least + 1;
            while (stop < plan.segments && plan.sweepsAfter(stop) < checkpointing.stopAfterSweeps()) {
                stop++;
            }
            target = Math.min(plan.segments, stop);
        }
        int chains = spec.chains();
        long done = sweepsDone(plan, states, chains);
        context.progress().start("dyn mc (" + spec.sampler().cliName() + ")", plan.totalSweeps * chains);
        context.progress().advance(done);
        int waves = (chains + context.threads() - 1) / context.threads();
        long budget = Math.max(1, Math.min(checkpointing.intervalMillis(), ROUND_MILLIS) / waves);
        long lastWrite = System.currentTimeMillis();
        Stop stop = checkpointing.stop();
        try {
            states = sample(spec, context, checkpointing, plan, root, seed, states, target, done, budget, lastWrite, stop);
        } finally {
            if (stop != null) {
                stop.end();
            }
        }
        return DynMcEstimators.finish(plan, states);
    }

    /** The rounds of chain tasks until every chain has done {@code target} segments (or a stop). */
    private static List<DynMcChainState> sample(DynMcSpec spec, RunContext context, Checkpointing checkpointing, DynMcPlan plan,
                                                RandomStreams root, long seed, List<DynMcChainState> states, long target,
                                                long done, long budget, long lastWrite, Stop stop) {
        int chains = spec.chains();
        while (states == null || below(states, target)) {
            // a stop is answered after the first round at the earliest: there is a state to save then
            if (stop != null && stop.requested() && states != null) {
                boolean wrote = false;
                if (checkpointing.file() != null) {
                    DynMcCheckpoint.write(checkpointing.file(), spec, seed, states);
                    wrote = true;
                }
                stop.answer(wrote);
                throw new RunInterruptedException(sweepsDone(plan, states, chains) / chains,
                        checkpointing.file(), true);
            }
            final List<DynMcChainState> from = states;
            final long until = target;
            states = context.map(chains, c -> advance(spec, root, c, from == null ? null : from.get(c), until, budget));
            long now = sweepsDone(plan, states, chains);
            context.progress().advance(now - done);
            done = now;
            boolean finished = !below(states, plan.segments);
            boolean stopped = !finished && !below(states, target);
            long time = System.currentTimeMillis();
            if (checkpointing.file() != null && !finished && (stopped || time - lastWrite >= checkpointing.intervalMillis())) {
                DynMcCheckpoint.write(checkpointing.file(), spec, seed, states);
                lastWrite = time;
            }
            if (stopped) {
                throw new RunInterruptedException(plan.sweepsAfter(target), checkpointing.file(), false);
            }
        }
        return states;
    }

    /**
     * Task c of a round: chain c from {@code from} (or from its start when null) through segments until it has done
     * {@code target} segments or used up {@code budgetMillis} (at least one segment); its new state. Depends only on its
     * arguments (serialisable: the spec, the run's streams, the index, the state).
     */
    static DynMcChainState advance(DynMcSpec spec, RandomStreams root, int c, DynMcChainState from, long target, long budgetMillis) {
        DynMcPlan plan = new DynMcPlan(spec);
        RandomStreams chainStreams = root.split(c);
        DynMcChain chain = from == null ? new DynMcChain(plan, chainStreams.split("init")) : new DynMcChain(plan, from);
        long start = System.nanoTime();
        while (chain.segmentsDone() < target) {
            chain.nextSegment(chainStreams);
            if ((System.nanoTime() - start) / 1_000_000 >= budgetMillis) {
                break;
            }
        }
        return chain.state();
    }

    private static boolean below(List<DynMcChainState> states, long segments) {
        for (DynMcChainState s : states) {
            if (s.segmentsDone() < segments) {
                return true;
            }
        }
        return false;
    }

    private static long sweepsDone(DynMcPlan plan, List<DynMcChainState> states, int chains) {
        if (states == null) {
            return 0;
        }
        long s = 0;
        for (int c = 0; c < chains; c++) {
            s += plan.sweepsAfter(states.get(c).segmentsDone());
        }
        return s;
    }
}
