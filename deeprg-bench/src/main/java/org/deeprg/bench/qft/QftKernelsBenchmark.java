package org.deeprg.bench.qft;

import java.util.concurrent.TimeUnit;
import org.deeprg.qft.NPointAccumulator;
import org.deeprg.qft.NPointLayout;
import org.deeprg.qft.NormalStream;
import org.deeprg.random.RandomStreams;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The two halves of the ensemble hot loop in isolation: the n-point accumulator and the normal generator. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class QftKernelsBenchmark {
    /** The accumulation alone: products over the 609 multisets for a batch of 32 networks. */
    @State(Scope.Thread)
    public static class Products {
        NPointAccumulator acc;
        double[][] f;

        @Setup
        public void setup() {
            acc = NPointAccumulator.create(new NPointLayout(6, 6), 32);
            f = new double[6][32];
            NormalStream g = new NormalStream(RandomStreams.root(3));
            for (double[] row : f) {
                g.fill(row, 0, 32);
            }
        }
    }

    /** Networks per second of the accumulator alone (609 multisets, n <= 6). */
    @Benchmark
    @OperationsPerInvocation(32)
    public double productsOnly(Products p) {
        p.acc.add(p.f);
        return p.acc.sums()[0];
    }

    /** Standard normals per second of the bulk generator used by the sampler. */
    @State(Scope.Thread)
    public static class Normals {
        NormalStream g = new NormalStream(RandomStreams.root(5));
        double[] buf = new double[4096];
    }

    @Benchmark
    @OperationsPerInvocation(4096)
    public double normals(Normals n) {
        n.g.fill(n.buf, 0, n.buf.length);
        return n.buf[17];
    }
}
