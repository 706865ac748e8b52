package org.deeprg.bench.fit;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.deeprg.fit.Model;
import org.deeprg.fit.PowerLaw;
import org.deeprg.fit.PowerLawOptions;
import org.deeprg.fit.PowerLawResult;
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
 * The whole analysis of 10^6 points (scan, every alternative with its test against the power law, no bootstrap), and
 * each alternative's fit alone at a fixed x_min (so the scan is not timed).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
public class PowerLawAnalysisBenchmark {
    @Param({"1000000"})
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

    /** Scan plus all five alternatives and their Vuong tests. */
    @Benchmark
    public PowerLawResult analysis() {
        return PowerLaw.analyse(sample, PowerLawOptions.defaults(), RunContext.of(1, threads));
    }

    /** One alternative at x_min = 1 (about 6e5 tail points): the fit and its test, without the scan. */
    @State(Scope.Benchmark)
    public static class One {
        @Param({"exponential", "stretchedExponential", "lognormal", "lognormalPositive", "truncatedPowerLaw"})
        String model;
    }

    @Benchmark
    public PowerLawResult alternative(One one) {
        return PowerLaw.analyse(sample, PowerLawOptions.defaults().withXmin(1.0)
                .withAlternatives(List.of(Model.parse("model", one.model))), RunContext.of(1, threads));
    }
}
