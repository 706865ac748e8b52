package org.deeprg.bench.dyn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.deeprg.net.Activation;
import org.deeprg.dyn.Alphabet;
import org.deeprg.dyn.DynNetwork;
import org.deeprg.dyn.Example;
import org.deeprg.dyn.exact.DiscreteDynModel;
import org.deeprg.dyn.exact.ExactDyn;
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
 * Exact ln Z of H_new at depth M (issue target: depth 10^6 in under 1 s), including building the transfer matrices.
 * Shapes "N x L" (S = 2^{N L} joint layer states).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class LogPartitionFunctionBenchmark {
    @Param({"1x1", "2x2", "4x2"})
    public String shape;

    @Param({"1000000"})
    public int depth;

    private DiscreteDynModel model;

    @Setup
    public void setup() {
        String[] p = shape.split("x");
        int n = Integer.parseInt(p[0]);
        int l = Integer.parseInt(p[1]);
        List<Example> ex = new ArrayList<>();
        for (int e = 0; e < l; e++) {
            double[] x = new double[n];
            double[] y = new double[n];
            x[e % n] = 1;
            y[(e + 1) % n] = 1;
            ex.add(new Example(x, y));
        }
        model = new DiscreteDynModel(new DynNetwork(n, depth, Activation.HEAVISIDE), Alphabet.BINARY_WEIGHTS, Alphabet.BINARY_NEURONS, ex);
    }

    @Benchmark
    public double logZ() {
        return ExactDyn.logPartitionFunction(model, 1.0, 2.0);
    }

    @Benchmark
    public double logZOriginal() {
        return ExactDyn.logPartitionFunctionOriginal(model, 1.0);
    }
}
