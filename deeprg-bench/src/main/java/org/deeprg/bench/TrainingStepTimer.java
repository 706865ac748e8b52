package org.deeprg.bench;

import java.util.Arrays;
import java.util.Locale;
import org.deeprg.net.Activation;
import org.deeprg.net.Dataset;
import org.deeprg.numerics.Blas;
import org.deeprg.random.RandomStreams;
import org.deeprg.train.Trainer;
import org.deeprg.train.TrainingSpec;

/**
 * Wall time of one training step of the paper's network (hidden 600-400-200-100, ReLU, softmax cross-entropy, Adam,
 * float64) on a batch of 128, for input widths 784 (Fashion-MNIST) and 3072 (CIFAR-10), without and with the critical
 * regulariser on every step: the deeprg side of {@code deeprg-bench/python/training_step_vs_torch.py}, which runs this
 * class and PyTorch in one go and prints both side by side. (JMH: {@link TrainingStepBenchmark}.)
 *
 * <p>Usage: {@code java -cp deeprg-bench/target/benchmarks.jar org.deeprg.bench.TrainingStepTimer [steps] [warmup]};
 * prints one line per setting: {@code deeprg features=F lambda=L median=M min=N mean=A (ms)}. The number of BLAS
 * threads is set by the caller ({@code OPENBLAS_NUM_THREADS}).
 */
public final class TrainingStepTimer {
    private TrainingStepTimer() {
    }

    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int batch = 128;
        System.out.println("deeprg BLAS: " + Blas.describe());
        for (int features : new int[] {784, 3072}) {
            for (double lambda : new double[] {0, 1}) {
                Dataset train = Dataset.synthetic(batch, features, 10, 1.0, RandomStreams.root(1), "train");
                TrainingSpec spec = new TrainingSpec(TrainingSpec.PAPER_HIDDEN, Activation.RELU, 1, batch, 1e-3, lambda, 1.0, 1);
                Trainer trainer = new Trainer(spec, train, train, RandomStreams.root(2));
                double[] x = train.x();
                int[] y = train.labels();
                for (int i = 0; i < warmup; i++) {
                    trainer.step(x, y, batch);
                }
                double[] ms = new double[steps];
                for (int i = 0; i < steps; i++) {
                    long t0 = System.nanoTime();
                    trainer.step(x, y, batch);
                    ms[i] = (System.nanoTime() - t0) / 1e6;
                }
                double mean = Arrays.stream(ms).average().orElseThrow();
                Arrays.sort(ms);
                System.out.println(String.format(Locale.ROOT, "deeprg features=%d lambda=%g median=%.3f min=%.3f mean=%.3f", features,
                        lambda, ms[steps / 2], ms[0], mean));
            }
        }
    }
}
