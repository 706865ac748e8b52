package org.deeprg.bench.qft;

import java.util.concurrent.TimeUnit;
import org.deeprg.qft.NPointLayout;
import org.deeprg.qft.NetworkSampler;
import org.deeprg.qft.NetworkSpec;
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
 * Network evaluations per second of the NN-QFT ensemble hot loop (one thread): Gauss-net of Eq. 3 on the six points
 * of Sec. 3, all n-point products up to n = 6 accumulated (609 multisets). A small and a large width; the score is
 * networks per second ({@link OperationsPerInvocation} = networks per call), so hidden-neuron evaluations per second
 * are score times width.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class QftEnsembleBenchmark {
    /** Networks per benchmark call. */
    static final int NETS = 1024;
    static final double[][] POINTS = {{-0.01}, {-0.006}, {-0.002}, {0.002}, {0.006}, {0.01}};

    @Param({"2", "1000"})
    int width;

    @Param({"gauss", "erf"})
    String activation;

    private NetworkSpec spec;
    private NPointLayout layout;
    private long call;

    @Setup
    public void setup() {
        spec = NetworkSpec.oneLayer(1, width, NetworkSpec.activation(activation), 1.0, 1.0);
        layout = new NPointLayout(POINTS.length, 6);
    }

    /** Sampling plus accumulation of all 609 products, per network. */
    @Benchmark
    @OperationsPerInvocation(NETS)
    public double networks() {
        double[] sums = NetworkSampler.sampleChunk(spec, POINTS, layout, NETS, RandomStreams.root(7).split(call++));
        return sums[0];
    }
}
