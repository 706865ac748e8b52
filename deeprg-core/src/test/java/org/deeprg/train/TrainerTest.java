package org.deeprg.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeprg.InvalidInputException;
import org.deeprg.critical.CriticalRegulariser;
import org.deeprg.net.Activation;
import org.deeprg.net.Batch;
import org.deeprg.net.Dataset;
import org.deeprg.net.DenseNetwork;
import org.deeprg.net.Loss;
import org.deeprg.net.NetworkParameters;
import org.deeprg.run.Progress;
import org.deeprg.random.RandomStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
    @TempDir
    Path dir;

    private static final RandomStreams DATA = RandomStreams.root(101);

    static Dataset train(int n) {
        return Dataset.synthetic(n, 20, 4, 1.5, DATA, "train");
    }

    static Dataset test(int n) {
        return Dataset.synthetic(n, 20, 4, 1.5, DATA, "test");
    }

    static TrainingSpec spec(double lambda) {
        return new TrainingSpec(List.of(16, 12), Activation.RELU, 3, 32, 1e-2, lambda, 1.0, 1);
    }

    @Test
    void backpropagationMatchesFiniteDifferences() {
        for (Activation f : List.of(Activation.RELU, Activation.ELU)) {
            DenseNetwork network = DenseNetwork.mlp(new int[] {5, 7, 6, 3}, f);
            NetworkParameters net = NetworkParameters.heNormal(network, RandomStreams.root(3));
            for (int l = 0; l < net.layers(); l++) {
                for (int i = 0; i < net.biases(l).length; i++) {
                    net.biases(l)[i] = 0.1 * (i % 3) - 0.05; // nonzero biases so that the bias gradients are exercised
                }
            }
            Dataset d = Dataset.synthetic(9, 5, 3, 1.0, RandomStreams.root(4), "train");
            int b = d.size();
            Batch batch = network.batch(b).load(d, 0, b);
            NetworkParameters grad = NetworkParameters.zeros(network);
            network.lossAndGradient(net, Loss.SOFTMAX_CROSS_ENTROPY, batch, b, grad);
            double h = 1e-6;
            for (int l = 0; l < net.layers(); l++) {
                for (double[][] pair : new double[][][] {{net.weights(l), grad.weights(l)}, {net.biases(l), grad.biases(l)}}) {
                    double[] theta = pair[0];
                    for (int i = 0; i < theta.length; i++) {
                        double keep = theta[i];
                        theta[i] = keep + h;
                        double up = Trainer.evaluate(net, d, b)[0];
                        theta[i] = keep - h;
                        double down = Trainer.evaluate(net, d, b)[0];
                        theta[i] = keep;
                        assertThat(pair[1][i]).as(f + " layer " + l + " index " + i).isCloseTo((up - down) / (2 * h), within(1e-7));
                    }
                }
            }
        }
    }

    @Test
    void blasPenaltyEqualsTheCriticalRegulariserOnTheTransposedWeights() {
        int in = 13;
        int out = 9;
        double[] weights = new double[in * out];
        var g = RandomStreams.root(8).gaussian();
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 0.4 * g.sample();
        }
        double beta = 1.7;
        double[] v = new double[out * in];
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < out; j++) {
                v[j * in + i] = weights[i * out + j];
            }
        }
        double[] gradV = new double[out * in];
        double reference = CriticalRegulariser.penaltyAndGradient(v, out, in, beta, gradV);
        double[] grad = new double[in * out];
        grad[5] = 1.0; // accumulates
        double p = new CriticalPenalty().penalty(weights, in, out, beta, 0.5, grad);
        assertThat(p).isCloseTo(reference, within(1e-10 * reference));
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < out; j++) {
                double expected = 0.5 * gradV[j * in + i] + (i * out + j == 5 ? 1.0 : 0.0);
                assertThat(grad[i * out + j]).isCloseTo(expected, within(1e-9 * (1 + Math.abs(expected))));
            }
        }
    }

    @Test
    void learnsSeparableClustersAndIsDeterministic() {
        Trainer a = new Trainer(spec(0), train(600), test(300), RandomStreams.root(5));
        List<EpochStats> h = a.run(Progress.NONE, null);
        assertThat(h).hasSize(3);
        assertThat(h.get(2).testAccuracy()).isGreaterThan(0.8); // chance is 0.25
        assertThat(h.get(2).trainLoss()).isLessThan(h.get(0).trainLoss());
        Trainer b = new Trainer(spec(0), train(600), test(300), RandomStreams.root(5));
        assertThat(b.run(Progress.NONE, null)).isEqualTo(h);
    }

    @Test
    void criticalRegulariserLowersThePenalty() {
        Trainer plain = new Trainer(spec(0), train(600), test(300), RandomStreams.root(5));
        Trainer critical = new Trainer(spec(1e-3), train(600), test(300), RandomStreams.root(5));
        double p0 = plain.run(Progress.NONE, null).get(2).criticalPenalty();
        double p1 = critical.run(Progress.NONE, null).get(2).criticalPenalty();
        assertThat(p1).isLessThan(p0);
        assertThat(critical.regulariserApplications()).isEqualTo(critical.steps());
        Trainer sparse = new Trainer(spec(1e-3).withEpochs(1), train(600), test(300), RandomStreams.root(5));
        TrainingSpec everyFifth = new TrainingSpec(List.of(16, 12), Activation.RELU, 1, 32, 1e-2, 1e-3, 1.0, 5);
        Trainer fifth = new Trainer(everyFifth, train(600), test(300), RandomStreams.root(5));
        fifth.run(Progress.NONE, null);
        sparse.run(Progress.NONE, null);
        assertThat(fifth.regulariserApplications()).isEqualTo((fifth.steps() + 4) / 5);
    }

    @Test
    void resumingFromACheckpointReproducesTheUninterruptedRun() {
        Trainer full = new Trainer(spec(1e-3), train(400), test(200), RandomStreams.root(6));
        List<EpochStats> expected = full.run(Progress.NONE, null);
        Path ck = dir.resolve("run.ckpt");
        Trainer first = new Trainer(spec(1e-3).withEpochs(1), train(400), test(200), RandomStreams.root(6));
        first.run(Progress.NONE, ck);
        Trainer resumed = Trainer.resume(ck, spec(1e-3), train(400), test(200), RandomStreams.root(6));
        assertThat(resumed.epochsDone()).isEqualTo(1);
        assertThat(resumed.run(Progress.NONE, ck)).isEqualTo(expected);
        assertThat(resumed.parameters().weights(1)).containsExactly(full.parameters().weights(1));
    }

    @Test
    void refusesForeignTruncatedOrCorruptCheckpoints() throws Exception {
        Path ck = dir.resolve("a.ckpt");
        new Trainer(spec(0).withEpochs(1), train(100), test(50), RandomStreams.root(6)).run(Progress.NONE, ck);
        assertThatThrownBy(() -> Trainer.resume(ck, spec(0), train(100), test(50), RandomStreams.root(7)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("different run");
        assertThatThrownBy(() -> Trainer.resume(ck, spec(0.5), train(100), test(50), RandomStreams.root(6)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("different run");
        byte[] bytes = Files.readAllBytes(ck);
        Path truncated = dir.resolve("t.ckpt");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertThatThrownBy(() -> Trainer.resume(truncated, spec(0), train(100), test(50), RandomStreams.root(6)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("truncated");
        Path magic = dir.resolve("m.ckpt");
        byte[] bad = bytes.clone();
        bad[0] = 'X';
        Files.write(magic, bad);
        assertThatThrownBy(() -> Trainer.resume(magic, spec(0), train(100), test(50), RandomStreams.root(6)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("magic");
        Path missing = dir.resolve("none.ckpt");
        assertThatThrownBy(() -> Trainer.resume(missing, spec(0), train(100), test(50), RandomStreams.root(6)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not found");
    }

    @Test
    void refusesHostileSizes() {
        assertThatThrownBy(() -> Trainer.checkSizes(new int[] {100_000, 100_000, 10}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("parameters");
    }
}
