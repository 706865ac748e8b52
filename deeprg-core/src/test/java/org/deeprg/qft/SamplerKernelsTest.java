package org.deeprg.qft;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.deeprg.json.Json;
import org.deeprg.net.Activation;
import org.deeprg.random.RandomStreams;
import org.deeprg.run.RunContext;
import org.deeprg.run.Task;
import org.junit.jupiter.api.Test;

/**
 * The scalar fallback of the sampler (a JVM without {@code jdk.incubator.vector}) against the vector kernels: the same
 * numbers to the last bit, in process (both paths explicitly) and in a child JVM started without the module.
 */
class SamplerKernelsTest {
    private static final double[][] SIX = {{-0.01}, {-0.006}, {-0.002}, {0.002}, {0.006}, {0.01}};

    private static void assertSameBits(NetworkSpec spec, double[][] pts, int maxN, int nets, long seed) {
        NPointLayout layout = new NPointLayout(pts.length, maxN);
        SamplerKernels vector = SamplerKernels.vector();
        assertThat(vector).as("surefire runs with --add-modules jdk.incubator.vector").isNotNull();
        double[] v = NetworkSampler.sampleChunk(spec, pts, layout, nets, RandomStreams.root(seed), vector);
        double[] s = NetworkSampler.sampleChunk(spec, pts, layout, nets, RandomStreams.root(seed), SamplerKernels.scalar());
        for (int k = 0; k < v.length; k++) {
            assertThat(Double.doubleToRawLongBits(s[k])).as("%s slot %d: %s vs %s", spec, k, s[k], v[k])
                    .isEqualTo(Double.doubleToRawLongBits(v[k]));
        }
    }

    @Test
    void scalarPathGivesTheVectorBitsForEveryActivationAndPath() {
        // Gauss-net: the six-point progression path, a general progression (4 points), the direct path (d_in = 2)
        assertSameBits(NetworkSpec.oneLayer(1, 13, Activation.GAUSS, 1.0, 1.0), SIX, 6, 200, 1);
        assertSameBits(NetworkSpec.oneLayer(1, 7, Activation.GAUSS, 1.3, 0.5), new double[][] {{-0.3}, {0.1}, {0.5}, {0.9}}, 6, 130, 2);
        assertSameBits(NetworkSpec.oneLayer(2, 5, Activation.GAUSS, 1.2, 0.4), new double[][] {{0.1, 0.2}, {-0.3, 0.4}}, 4, 100, 3);
        for (Activation a : List.of(Activation.ERF, Activation.RELU, Activation.TANH, Activation.GELU)) {
            assertSameBits(NetworkSpec.oneLayer(1, 9, a, 1.4, 0.6), new double[][] {{-0.7}, {0.2}, {1.1}}, 6, 70, 4);
            assertSameBits(new NetworkSpec(2, 4, 2, a, 1.1, 0.3), new double[][] {{0.5, -0.2}, {1.0, 0.3}}, 4, 65, 5);
        }
        // a width above one draw block (several neuron blocks)
        assertSameBits(NetworkSpec.oneLayer(1, 100, Activation.TANH, 1.0, 1.0), SIX, 4, 64, 6);
    }

    @Test
    void scalarMathIsTheVectorMathLaneForLane() {
        double[] x = new double[4096];
        for (int i = 0; i < x.length; i++) {
            x[i] = -12 + 24.0 * ((i * 0.6180339887498949) % 1.0);
        }
        for (Activation a : List.of(Activation.GAUSS, Activation.ERF, Activation.RELU, Activation.TANH, Activation.GELU)) {
            double[] v = x.clone();
            double[] s = x.clone();
            VectorMath.activateInPlace(a, v, v.length, -0.37);
            ScalarMath.activateInPlace(a, s, s.length, -0.37);
            for (int i = 0; i < x.length; i++) {
                assertThat(Double.doubleToRawLongBits(s[i])).as("%s at %s", a, x[i]).isEqualTo(Double.doubleToRawLongBits(v[i]));
            }
        }
    }

    @Test
    void tasksSurviveJavaSerialisationAndGiveTheSameNumbers() throws Exception {
        NetworkSpec net = NetworkSpec.oneLayer(1, 3, Activation.GAUSS, 1.0, 1.0);
        List<EnsembleJob.Cell> cells = List.of(new EnsembleJob.Cell(net, RandomStreams.root(4).split(0)),
                new EnsembleJob.Cell(net.withWidth(11), RandomStreams.root(4).split(1)));
        EnsembleJob.ChunkTask task = new EnsembleJob.ChunkTask(cells, SIX, 4, 3000, 2, Estimator.CONDITIONAL, null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(task);
        }
        assertThat(bytes.size()).as("a task is small").isLessThan(4000);
        @SuppressWarnings("unchecked")
        Task<ChunkSums> copy = (Task<ChunkSums>) new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject();
        for (int i = 0; i < task.tasks(); i++) {
            assertThat(copy.run(i).sums()).containsExactly(task.run(i).sums());
            assertThat(copy.run(i).power()).containsExactly(task.run(i).power());
        }
        // the specs themselves round-trip (the activation travels by name)
        EnsembleSpec spec = new EnsembleSpec(net, List.of(2, 5), SIX, 4, 100, 2, true);
        ByteArrayOutputStream b2 = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(b2)) {
            out.writeObject(spec);
        }
        EnsembleSpec back = (EnsembleSpec) new ObjectInputStream(new ByteArrayInputStream(b2.toByteArray())).readObject();
        assertThat(back.network()).isEqualTo(net);
        assertThat(Json.write(Ensemble.run(back, RunContext.of(3)))).isEqualTo(Json.write(Ensemble.run(spec, RunContext.of(3))));
    }

    /** A child JVM without {@code --add-modules jdk.incubator.vector} takes the scalar path and prints the same JSON. */
    @Test
    void aJvmWithoutTheVectorModuleGivesTheSameResult() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                NoVectorModuleMain.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).startsWith("vectorised=false\n");
        assertThat(NetworkSampler.vectorised()).isTrue();
        assertThat(out.substring("vectorised=false\n".length()).trim()).isEqualTo(NoVectorModuleMain.json().trim());
    }
}
