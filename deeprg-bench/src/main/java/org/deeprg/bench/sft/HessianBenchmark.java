package org.deeprg.bench.sft;

import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.deeprg.random.RandomStreams;
import org.deeprg.net.Activation;
import org.deeprg.net.Dataset;
import org.deeprg.net.DenseNetwork;
import org.deeprg.net.NetworkCost;
import org.deeprg.net.Loss;
import org.deeprg.run.RunContext;
import org.deeprg.sft.spectral.Lanczos;
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
 * Hessian-vector products (Pearlmutter R-operator) and Lanczos for the 20 largest Hessian eigenvalues (the outliers that
 * set the stable learning rate) of a tanh MLP; the smallest end of a network Hessian is a dense bulk near zero where
 * Lanczos needs far more steps (see docs/performance/sft.md).
 * {@code large}: widths 100,400,150,10 = 102,060 weights on 1000 examples (the target: Lanczos under 10 s on
 * 2 cores); {@code small}: 20,50,20,5 = 2,175 weights on 200 examples.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx3g", "--add-modules", "jdk.incubator.vector"})
public class HessianBenchmark {
    @Param({"small", "large"})
    public String size;

    @Param({"2"})
    public int threads;

    /** Examples per block (NetworkCost.BLOCK is the default). */
    @Param({"256"})
    public int block;

    private NetworkCost cost;
    private double[] w;
    private double[] v;
    private double[] out;

    @Setup
    public void setup() {
        int[] widths = size.equals("large") ? new int[] {100, 400, 150, 10} : new int[] {20, 50, 20, 5};
        int examples = size.equals("large") ? 1000 : 200;
        DenseNetwork net = DenseNetwork.dense(widths, Activation.TANH, Activation.LINEAR, true);
        UniformRandomProvider r = RandomStreams.root(1).generator();
        cost = new NetworkCost(net, Dataset.uniformRandom(r, examples, widths[0], widths[widths.length - 1]), Loss.SQUARED_ERROR, RunContext.of(0, threads), block);
        int n = net.parameterCount();
        w = new double[n];
        v = new double[n];
        out = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = (2 * r.nextDouble() - 1) / Math.sqrt(widths[0]);
            v[k] = r.nextDouble() - 0.5;
        }
    }

    @Benchmark
    @Warmup(iterations = 2, time = 2)
    @Measurement(iterations = 3, time = 3)
    public double hessianVectorProduct() {
        cost.hessianVectorProduct(w, v, out);
        return out[0];
    }

    @Benchmark
    @Warmup(iterations = 1, time = 1)
    @Measurement(iterations = 2, time = 1)
    public Lanczos.Result lanczosLargest20() {
        return Lanczos.extremes((a, b) -> cost.hessianVectorProduct(w, a, b), w.length, 0, 20, 300, 1e-6,
                RandomStreams.root(2).generator());
    }
}
