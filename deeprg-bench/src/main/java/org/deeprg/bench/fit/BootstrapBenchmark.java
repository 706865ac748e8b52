package org.deeprg.bench.fit;

import java.util.concurrent.TimeUnit;
import org.deeprg.fit.PowerLaw;
import org.deeprg.fit.PowerLawOptions;
import org.deeprg.fit.PowerLawResult;
import org.deeprg.run.RunContext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The goodness-of-fit bootstrap on 10^5 points: {@value #RESAMPLES} semi-parametric resamples per call (each a synthetic
 * sample, sorted and refitted with the exact scan); the score is time per resample, so 1000 resamples take 1000 times
 * the score.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class BootstrapBenchmark {
    static final int RESAMPLES = 64;

    @Param({"100000"})
    int n;

    @Param({"1", "2"})
    int threads;

    @Param({"mix"})
    String data;

    private double[] sample;

    @Setup
    public void setup() {
        sample = FitData.sample(data, n, 7);
    }

    @Benchmark
    @OperationsPerInvocation(RESAMPLES)
    public PowerLawResult goodnessOfFit() {
        return PowerLaw.analyse(sample, PowerLawOptions.defaults().withCompare("none").withBootstrap(RESAMPLES),
                RunContext.of(1, threads));
    }
}
