package org.deeprg.bench;

import java.util.concurrent.TimeUnit;
import org.deeprg.critical.CriticalRegulariser;
import org.deeprg.random.RandomStreams;
import org.deeprg.net.Activation;
import org.deeprg.numerics.Blas;
import org.deeprg.train.CriticalPenalty;
import org.deeprg.net.Dataset;
import org.deeprg.train.Trainer;
import org.deeprg.train.TrainingSpec;
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
 * One training step (forward, backward, critical regulariser on the four hidden layers when {@code lambda > 0},
 * Adam) of the paper's network 784-600-400-200-100-10 (Sec. 3; Fashion-MNIST input size) on a batch of 128, double
 * precision; compare with {@code deeprg-bench/python/training_step.py} (the same step in NumPy).
 * {@code blas=native} uses the system BLAS through JNI when installed, {@code blas=java} forces netlib's pure-Java BLAS.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class TrainingStepBenchmark {
    static final int BATCH = 128;
    static final int FEATURES = 784;

    @Param({"0", "1"})
    double lambda;

    @Param({"native", "java"})
    String blas;

    private Trainer trainer;
    private double[] x;
    private int[] y;

    @Setup
    public void setup() {
        if (blas.equals("java")) {
            System.setProperty("deeprg.blas", "java");
        }
        Dataset train = Dataset.synthetic(BATCH, FEATURES, 10, 1.0, RandomStreams.root(1), "train");
        TrainingSpec spec = new TrainingSpec(TrainingSpec.PAPER_HIDDEN, Activation.RELU, 1, BATCH, 1e-3, lambda, 1.0, 1);
        trainer = new Trainer(spec, train, train, RandomStreams.root(2));
        x = train.x();
        y = train.labels();
        System.err.println("BLAS backend: " + Blas.backend());
    }

    @Benchmark
    public double step() {
        return trainer.step(x, y, BATCH)[0];
    }

    /** The regulariser alone on the first hidden layer (784 x 600, N = 600): BLAS form vs the pure-Java reference. */
    @State(Scope.Thread)
    public static class Layer {
        @Param({"native", "java"})
        String blas;

        double[] weights;
        double[] v;
        double[] grad;
        CriticalPenalty penalty = new CriticalPenalty();
        CriticalRegulariser.Workspace workspace = new CriticalRegulariser.Workspace();

        @Setup
        public void setup() {
            if (blas.equals("java")) {
                System.setProperty("deeprg.blas", "java");
            }
            var g = RandomStreams.root(3).gaussian();
            weights = new double[FEATURES * 600];
            v = new double[600 * FEATURES];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = g.sample() * Math.sqrt(2.0 / FEATURES);
            }
            for (int i = 0; i < FEATURES; i++) {
                for (int j = 0; j < 600; j++) {
                    v[j * FEATURES + i] = weights[i * 600 + j];
                }
            }
            grad = new double[weights.length];
        }
    }

    @Benchmark
    public double regulariserFirstLayerBlas(Layer s) {
        return s.penalty.penalty(s.weights, FEATURES, 600, 1.0, 1.0, s.grad);
    }

    @Benchmark
    public double regulariserFirstLayerReference(Layer s) {
        return CriticalRegulariser.penaltyAndGradient(s.v, 600, FEATURES, 1.0, s.grad, s.workspace);
    }
}
