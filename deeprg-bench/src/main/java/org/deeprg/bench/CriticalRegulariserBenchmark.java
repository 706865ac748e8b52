package org.deeprg.bench;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.deeprg.critical.CriticalRegulariser;
import org.deeprg.critical.TwoPointFunction;
import org.deeprg.critical.TwoPointSpec;
import org.deeprg.run.RunContext;
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
 * Cost of the critical regulariser (penalty + gradient, {@code rows = N} units) for a small layer and for the
 * layers of the paper's network (784-600-400-200-100), and of the d = 3 two-point function by FFT.
 * The fork loads the Vector API; add {@code -jvmArgsAppend -Ddeeprg.noVector=true} to measure the scalar fallback.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class CriticalRegulariserBenchmark {
    /** rows x cols of the layer: N = rows. */
    @Param({"100x200", "400x600", "600x784"})
    public String shape;

    private double[] v;
    private double[] grad;
    private int rows;
    private int cols;
    private final CriticalRegulariser.Workspace workspace = new CriticalRegulariser.Workspace();

    @Setup
    public void setup() {
        String[] p = shape.split("x");
        rows = Integer.parseInt(p[0]);
        cols = Integer.parseInt(p[1]);
        UniformRandomProvider rng = RandomStreams.root(1).generator();
        v = new double[rows * cols];
        for (int i = 0; i < v.length; i++) {
            v[i] = 0.05 * (2 * rng.nextDouble() - 1);
        }
        grad = new double[v.length];
    }

    @Benchmark
    public double penaltyAndGradient() {
        return CriticalRegulariser.penaltyAndGradient(v, rows, cols, 1.0, grad, workspace);
    }

    /** The two-point function of the Gaussian theory in d = 3 on the default 128^3 lattice (one complex FFT). */
    @State(Scope.Thread)
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1, time = 3)
    @Measurement(iterations = 3, time = 3)
    @Fork(1)
    public static class TwoPoint {
        @Benchmark
        public Object twoPointFunction3d() {
            return TwoPointFunction.run(TwoPointSpec.of(3, 0.25, 1.0), RunContext.of(1));
        }
    }
}
