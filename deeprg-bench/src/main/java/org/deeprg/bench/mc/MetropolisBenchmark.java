package org.deeprg.bench.mc;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.deeprg.net.Activation;
import org.deeprg.dyn.Alphabet;
import org.deeprg.dyn.DynNetwork;
import org.deeprg.dyn.Example;
import org.deeprg.dyn.mc.DynDiscreteModel;
import org.deeprg.dyn.mc.DynEnsemble;
import org.deeprg.mc.DiscreteState;
import org.deeprg.mc.MetropolisSampler;
import org.deeprg.random.RandomStreams;
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
 * Single-variable Metropolis updates per second on the paper's discrete chain (N = 1, W, b in {-1, 1}, h in {0, 1})
 * of depth 10^4 (3 10^4 variables), one thread. Score: updates per microsecond (x 10^6 = updates per second; target
 * >= 10 per microsecond = 10^7 per second per core).
 *
 * <p>{@code activation} is the paper's Heaviside or the sigmoid. {@code polluted = true} first runs the local action
 * change of every dynamic-neuron activation in this JVM, as a run of the test suite or of {@code reproduce} does, so
 * that a call site dispatching on the activation type would be megamorphic: the score shows whether the hot kernel
 * depends on the activation's dispatch.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class MetropolisBenchmark {
    @Param({"10000"})
    public int depth;
    @Param({"1"})
    public int width;
    @Param({"heaviside", "sigmoid"})
    public String activation;
    @Param({"false", "true"})
    public boolean polluted;

    private MetropolisSampler sampler;
    private DiscreteState state;
    private UniformRandomProvider rng;
    private int variables;

    @Setup
    public void setup() {
        double[] x = new double[width];
        java.util.Arrays.fill(x, 1);
        if (polluted) {
            for (String name : List.of("heaviside", "sigmoid", "tanh", "relu", "linear")) {
                DynEnsemble other = new DynEnsemble(new DynNetwork(1, 4, Activation.parse("activation", name)),
                        List.of(new Example(new double[] {1}, new double[] {1})), 1.0, 2.0, 0, 0);
                double[] c = new double[other.layout().dimension()];
                double sink = 0;
                for (int k = 0; k < 200_000; k++) {
                    int v = k % c.length;
                    sink += other.actionChange(c, v, 1 - c[v]);
                }
                if (sink == 42) {
                    System.out.println(sink);
                }
            }
        }
        DynEnsemble ens = new DynEnsemble(new DynNetwork(width, depth, Activation.parse("activation", activation)),
                List.of(new Example(x, x)), 1.0, 2.0, 0, 0);
        DynDiscreteModel model = new DynDiscreteModel(ens, Alphabet.BINARY_WEIGHTS, Alphabet.BINARY_WEIGHTS, Alphabet.BINARY_NEURONS);
        sampler = new MetropolisSampler(model);
        state = new DiscreteState(model);
        rng = RandomStreams.root(1).generator();
        variables = model.variableCount();
        for (int s = 0; s < 20; s++) {
            sampler.sweep(state, rng);
        }
    }

    /** One sweep; the score is normalised per single-variable update (30001 per sweep at depth 10^4). */
    @Benchmark
    @OperationsPerInvocation(30_002)
    public long sweep() {
        return sampler.sweep(state, rng);
    }
}
