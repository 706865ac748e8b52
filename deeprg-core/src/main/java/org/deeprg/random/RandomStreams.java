package org.deeprg.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Deterministic, splittable random streams from one root seed.
 *
 * <p>A run has one root seed. Every independent piece of work (a bag, a chain, a replica, a width) asks
 * for its own child stream by a fixed index path <em>before</em> work goes parallel:
 * {@code streams.split(bag).split(chain)}. The child seed is a SplitMix64 hash of the parent seed and
 * the index, so the numbers a task sees depend only on its index path, never on which thread runs it or
 * how many threads there are. That is what makes {@code --threads 1} and {@code --threads 8} give
 * bit-identical results.
 *
 * <p>Serializable (it is one seed), so a task that captures its streams can be shipped to another machine.
 *
 * <p>The generator is Commons RNG's XoShiRo256++ seeded with four SplitMix64 words.
 */
public final class RandomStreams implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final long seed;

    private RandomStreams(long seed) {
        this.seed = seed;
    }

    /** The root of a run's streams. */
    public static RandomStreams root(long seed) {
        return new RandomStreams(seed);
    }

    /** This node's seed (the root seed for the root). */
    public long seed() {
        return seed;
    }

    /** The child stream number {@code index}; deterministic in (this seed, index). */
    public RandomStreams split(long index) {
        return new RandomStreams(mix64(seed ^ mix64(index * GOLDEN_GAMMA + 0x632BE59BD9B4E019L)));
    }

    /** The child stream for a named sub-task (hash of the name), e.g. {@code split("bootstrap")}. */
    public RandomStreams split(String name) {
        long h = 1125899906842597L;
        for (int i = 0; i < name.length(); i++) {
            h = 31 * h + name.charAt(i);
        }
        return split(mix64(h));
    }

    /** A fresh generator positioned at the start of this stream. */
    public UniformRandomProvider generator() {
        long s = seed;
        long[] state = new long[4];
        for (int i = 0; i < 4; i++) {
            s += GOLDEN_GAMMA;
            state[i] = mix64(s);
        }
        return RandomSource.XO_SHI_RO_256_PP.create(state);
    }

    /** A fast standard-normal sampler (ziggurat) over {@link #generator()}. */
    public ZigguratSampler.NormalizedGaussian gaussian() {
        return ZigguratSampler.NormalizedGaussian.of(generator());
    }

    /** SplitMix64 finaliser (Steele, Lea, Flood 2014). */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public String toString() {
        return "RandomStreams[seed=" + seed + "]";
    }
}
