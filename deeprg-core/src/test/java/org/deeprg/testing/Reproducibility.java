package org.deeprg.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Function;
import org.deeprg.json.Json;
import org.deeprg.run.RunContext;

/**
 * The shared test base of deeprg (published as the core test-jar): a fixed seed and the reproducibility checks every
 * computation must pass. Modelled on EJML's {@code CheckMultiThreadAgainstSingleThread}: the same computation is run
 * single-threaded and with several thread counts, and the serialised results must be identical to the last bit.
 */
public final class Reproducibility {
    /** The seed of tests that need one and do not care which. */
    public static final long SEED = 20240601L;

    private Reproducibility() {
    }

    /** A single-threaded silent local context with {@link #SEED}. */
    public static RunContext context() {
        return RunContext.of(SEED);
    }

    /**
     * Runs {@code computation} with thread counts 1, 2 and 3 on contexts with the same {@code seed}, and once more on a
     * {@link ShippingBackend} (every task serialised, each partition on its own deserialised copy, as on a Spark
     * cluster), and asserts that the results serialise to identical JSON (every number bit-identical). Returns the
     * single-threaded result.
     */
    public static <R> R assertSameForAnyThreads(long seed, Function<RunContext, R> computation) {
        R one = computation.apply(RunContext.of(seed, 1));
        String reference = Json.write(one);
        for (int threads : new int[] {2, 3}) {
            String other = Json.write(computation.apply(RunContext.of(seed, threads)));
            assertThat(other).as("result with %d threads equals the single-threaded one", threads).isEqualTo(reference);
        }
        String shipped = Json.write(computation.apply(RunContext.of(seed, 2).withBackend(new ShippingBackend(3))));
        assertThat(shipped).as("result with every context.map task shipped (serialised, 3 partitions, as on Spark) equals the"
                + " single-threaded one").isEqualTo(reference);
        return one;
    }

    /** Asserts that two runs with the same seed give identical JSON and a run with another seed does not. */
    public static <R> void assertSeedDetermines(long seed, Function<RunContext, R> computation) {
        String a = Json.write(computation.apply(RunContext.of(seed)));
        assertThat(Json.write(computation.apply(RunContext.of(seed)))).as("same seed, same result").isEqualTo(a);
        assertThat(Json.write(computation.apply(RunContext.of(seed + 1)))).as("another seed, another result").isNotEqualTo(a);
    }
}
