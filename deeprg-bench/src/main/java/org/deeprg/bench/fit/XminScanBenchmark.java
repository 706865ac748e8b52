package org.deeprg.bench.fit;

import java.util.concurrent.TimeUnit;
import org.deeprg.fit.PowerLaw;
import org.deeprg.fit.PowerLawOptions;
import org.deeprg.fit.TailFit;
import org.deeprg.run.RunContext;
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
 * The exact CSN x_min scan on {@code n} points (sort, logarithms, suffix sums, every candidate's exponent, branch and
 * bound over all distinct values): {@code PowerLaw.fit}. Every value is distinct, so there are n - 9 candidates.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class XminScanBenchmark {
    @Param({"100000", "1000000", "10000000"})
    int n;

    @Param({"1", "2"})
    int threads;

    @Param({"mix", "pareto"})
    String data;

    private double[] sample;

    @Setup
    public void setup() {
        sample = FitData.sample(data, n, 7);
    }

    @Benchmark
    public TailFit scan() {
        return PowerLaw.fit(sample, PowerLawOptions.defaults(), RunContext.of(1, threads));
    }
}
