package org.deeprg.bench.mc;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.deeprg.net.Activation;
import org.deeprg.dyn.DynNetwork;
import org.deeprg.dyn.Example;
import org.deeprg.dyn.mc.DynEnergy;
import org.deeprg.dyn.mc.DynEnsemble;
import org.deeprg.mc.LangevinSampler;
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

/** Langevin steps per second on the continuous DyN ensemble (sigmoid, real W, b, h), small and large. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class LangevinBenchmark {
    @Param({"1:3", "4:100", "1:10000"})
    public String size;
    @Param({"false", "true"})
    public boolean mala;

    private LangevinSampler sampler;
    private LangevinSampler.Chain chain;
    private UniformRandomProvider rng;
    private NormalizedGaussianSampler gauss;

    @Setup
    public void setup() {
        String[] p = size.split(":");
        int n = Integer.parseInt(p[0]);
        int m = Integer.parseInt(p[1]);
        double[] x = new double[n];
        java.util.Arrays.fill(x, 1);
        DynEnsemble ens = new DynEnsemble(new DynNetwork(n, m, Activation.SIGMOID), List.of(new Example(x, x)), 2.0, 10.0, 0.5, 0.5);
        sampler = new LangevinSampler(new DynEnergy(ens), new LangevinSampler.Settings(2.0, 0.005, mala));
        chain = sampler.start(new double[ens.layout().dimension()]);
        rng = RandomStreams.root(1).generator();
        gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    }

    /** One Langevin step of all variables. */
    @Benchmark
    public boolean step() {
        return sampler.step(chain, rng, gauss);
    }
}
