package org.deeprg.bench.dyn;

import java.util.concurrent.TimeUnit;
import org.deeprg.dyn.Alphabet;
import org.deeprg.dyn.rg.DecimationMap;
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
 * Building the counting matrix P and decimating the bond K' = K P K (issue target: N L = 8, 256 kept states per side,
 * in under 1 s). Shapes "N x L".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class DecimationBenchmark {
    @Param({"1x1", "2x2", "8x1", "4x2", "2x4"})
    public String shape;

    private int width;
    private int examples;
    private DecimationMap map;
    private double[] x;
    private double[] k;

    @Setup
    public void setup() {
        String[] p = shape.split("x");
        width = Integer.parseInt(p[0]);
        examples = Integer.parseInt(p[1]);
        map = new DecimationMap(width, examples, Alphabet.BINARY_WEIGHTS, 2);
        k = map.bareCouplings(1.0);
        x = new double[k.length];
        for (int i = 0; i < k.length; i++) {
            x[i] = Math.exp(k[i]);
        }
    }

    /** Build P from scratch and decimate once in exponential coordinates. */
    @Benchmark
    public double buildAndDecimate() {
        DecimationMap m = new DecimationMap(width, examples, Alphabet.BINARY_WEIGHTS, 2);
        return m.apply(x)[0];
    }

    /** Decimate once in exponential coordinates (P prebuilt). */
    @Benchmark
    public double decimate() {
        return map.apply(x)[0];
    }

    /** Decimate once entirely in log space (log-semiring products; betaV up to 10^3). */
    @Benchmark
    public double decimateLogSpace() {
        return map.applyLog(k)[0];
    }
}
