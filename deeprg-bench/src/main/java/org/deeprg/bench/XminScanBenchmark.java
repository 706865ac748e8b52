package org.deeprg.bench;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.deeprg.fit.PowerLaw;
import org.deeprg.fit.TailFit;
import org.deeprg.random.RandomStreams;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The CSN x_min scan (sort, suffix sums, KS per candidate; multi-resolution above 3e7 tail evaluations) on
 * {@code n} points: 60% from a power law alpha = 2.5 above x = 1, 40% uniform below it; all values distinct.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class XminScanBenchmark {
    @Param({"10000", "1000000"})
    int n;

    @Param({"1", "2"})
    int threads;

    private double[] data;

    @Setup
    public void setup() {
        UniformRandomProvider rng = RandomStreams.root(7).generator();
        data = new double[n];
        for (int i = 0; i < n; i++) {
            data[i] = rng.nextDouble() < 0.6 ? Math.pow(1 - rng.nextDouble(), -1 / 1.5) : rng.nextDouble();
        }
    }

    @Benchmark
    public TailFit continuousScan() {
        return PowerLaw.fit(data, PowerLaw.Kind.CONTINUOUS, threads);
    }
}
