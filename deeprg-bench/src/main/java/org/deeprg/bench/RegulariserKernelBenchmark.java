package org.deeprg.bench;

import java.util.concurrent.TimeUnit;
import org.deeprg.critical.CriticalRegulariser;
import org.deeprg.numerics.Blas;
import org.deeprg.random.RandomStreams;
import org.deeprg.train.CriticalPenalty;
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
 * The Eq. 33 penalty and gradient of one layer (N units, {@code in} inputs) by the two kernels deeprg has: the
 * hand-written cache-blocked GEMM/SYRK of {@link CriticalRegulariser} (Vector API fused multiply-adds; add
 * {@code -jvmArgsAppend -Ddeeprg.noVector=true} for its scalar loops) and the BLAS form of {@link CriticalPenalty}
 * (netlib {@code dsyrk}/{@code dgemm} through {@link Blas}: OpenBLAS through JNI when installed; add
 * {@code -jvmArgsAppend -Ddeeprg.blas=java} for netlib's pure-Java BLAS). Same multiply-add count
 * (1.5 N^2 in + 1.5 N^3). Shapes: N x in with the theory study's small layers (N = 6, 8), intermediate sizes, and the
 * first hidden layer of the paper's 784-600-400-200-100 network.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class RegulariserKernelBenchmark {
    /** N x in. */
    @Param({"8x8", "32x32", "64x64", "128x128", "256x256", "600x784"})
    public String shape;

    private int n;
    private int in;
    private double[] v;       // N x in (CriticalRegulariser layout)
    private double[] weights; // in x N (training layout)
    private double[] gradV;
    private double[] gradW;
    private final CriticalRegulariser.Workspace workspace = new CriticalRegulariser.Workspace();
    private final CriticalPenalty penalty = new CriticalPenalty();

    @Setup
    public void setup() {
        String[] p = shape.split("x");
        n = Integer.parseInt(p[0]);
        in = Integer.parseInt(p[1]);
        var g = RandomStreams.root(3).gaussian();
        weights = new double[in * n];
        v = new double[n * in];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = g.sample() * Math.sqrt(2.0 / in);
        }
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < n; j++) {
                v[j * in + i] = weights[i * n + j];
            }
        }
        gradV = new double[v.length];
        gradW = new double[weights.length];
        System.err.println("BLAS: " + Blas.describe());
    }

    /** The hand-written kernels (Vector API, or scalar with {@code -Ddeeprg.noVector=true}). */
    @Benchmark
    public double handwritten() {
        return CriticalRegulariser.penaltyAndGradient(v, n, in, 1.0, gradV, workspace);
    }

    @Benchmark
    public double blas() {
        return penalty.penalty(weights, in, n, 1.0, 1.0, gradW);
    }
}
