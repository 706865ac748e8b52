package org.deeprg.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.deeprg.InvalidInputException;
import org.deeprg.json.Json;
import org.deeprg.net.Activation;
import org.deeprg.random.RandomStreams;
import org.deeprg.run.Progress;
import org.deeprg.run.RunContext;
import org.deeprg.testing.Reproducibility;
import org.junit.jupiter.api.Test;

/**
 * The Sec. 3 experiment: bit-identical for any thread count and with every task shipped (as on Spark), the plain and
 * critical runs of a seed start from the same weights, and training twice gives the same bits.
 */
class CriticalExperimentTest {
    static ExperimentSpec tiny(int seeds) {
        TrainingSpec t = new TrainingSpec(List.of(24, 12), Activation.RELU, 2, 32, 1e-2, 0, 1.0, 2);
        return new ExperimentSpec(DataSource.synthetic(400, 300), t, List.of(1.0, 10.0), seeds, 5, 50);
    }

    @Test
    void sameSeedGivesBitIdenticalResultsForAnyThreadCountAndShippedTasks() {
        ExperimentResult r = Reproducibility.assertSameForAnyThreads(Reproducibility.SEED, ctx -> CriticalExperiment.run(tiny(2), ctx));
        assertThat(r.runs()).hasSize(2 * 3);
        assertThat(r.summaries()).hasSize(2);
        // the weights (not in the JSON) are bit-identical too
        ExperimentResult again = CriticalExperiment.run(tiny(2), RunContext.of(Reproducibility.SEED, 2));
        for (int i = 0; i < r.runs().size(); i++) {
            TrainedWeights a = r.runs().get(i).weights();
            TrainedWeights b = again.runs().get(i).weights();
            for (int l = 0; l < a.weights().length; l++) {
                assertThat(a.weights()[l]).isEqualTo(b.weights()[l]);
                assertThat(a.biases()[l]).isEqualTo(b.biases()[l]);
            }
        }
        Reproducibility.assertSeedDetermines(Reproducibility.SEED, ctx -> CriticalExperiment.run(tiny(1), ctx));
    }

    @Test
    void plainAndCriticalRunsOfASeedShareInitialWeightsAndBatchesSoOnlyTheRegulariserDiffers() {
        ExperimentSpec spec = tiny(1);
        RandomStreams root = RandomStreams.root(9);
        DataSource.Split data = spec.data().load(root.split("data"));
        RandomStreams seed0 = root.split("seed").split(0).split("training");
        Trainer plain = new Trainer(spec.training(0), data.train(), data.test(), seed0);
        Trainer critical = new Trainer(spec.training(1), data.train(), data.test(), seed0);
        assertThat(critical.parameters().weights(0)).isEqualTo(plain.parameters().weights(0));
        // with lambda = 0 the "critical" run is the plain one to the bit
        Trainer zero = new Trainer(spec.training(0), data.train(), data.test(), seed0);
        List<EpochStats> hp = plain.run(Progress.NONE, null);
        assertThat(zero.run(Progress.NONE, null)).isEqualTo(hp);
        for (int l = 0; l < 3; l++) {
            assertThat(zero.parameters().weights(l)).isEqualTo(plain.parameters().weights(l));
        }
        List<EpochStats> hc = critical.run(Progress.NONE, null);
        assertThat(hc.get(1).criticalPenalty()).isLessThan(hp.get(1).criticalPenalty());
        // the experiment's task reproduces this by itself
        ExperimentResult r = CriticalExperiment.run(spec, RunContext.of(9, 1));
        assertThat(r.run(0, 0).epochs()).isEqualTo(hp);
        assertThat(r.run(0, 1).epochs()).isEqualTo(hc);
    }

    @Test
    void badSpecsNameTheOption() {
        TrainingSpec t = tiny(1).training();
        DataSource d = DataSource.synthetic(100, 100);
        assertThatThrownBy(() -> new ExperimentSpec(d, t, List.of(), 1, 5, 50)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("lambda");
        assertThatThrownBy(() -> new ExperimentSpec(d, t, List.of(10.0, 1.0), 1, 5, 50)).hasMessageContaining("ascending");
        assertThatThrownBy(() -> new ExperimentSpec(d, t, List.of(Double.NaN), 1, 5, 50)).hasMessageContaining("lambda");
        assertThatThrownBy(() -> new ExperimentSpec(d, t, List.of(1.0), 0, 5, 50)).hasMessageContaining("seeds");
        assertThatThrownBy(() -> new ExperimentSpec(d, t, List.of(1.0), 1, -1, 50)).hasMessageContaining("bootstrap");
        assertThatThrownBy(() -> new ExperimentSpec(d, t, List.of(1.0), 1, 5, 0)).hasMessageContaining("dipResamples");
        assertThatThrownBy(() -> t.withLambda(1e308)).hasMessageContaining("lambda");
        TrainingSpec betaZero = new TrainingSpec(List.of(4), Activation.RELU, 1, 8, 1e-3, 0, 0, 1);
        assertThatThrownBy(() -> new ExperimentSpec(d, betaZero, List.of(1.0), 1, 5, 50)).hasMessageContaining("beta");
        assertThatThrownBy(() -> new TrainingSpec(List.of(4), Activation.RELU, 0, 8, 1e-3, 0, 1, 1)).hasMessageContaining("epochs");
        assertThatThrownBy(() -> new TrainingSpec(List.of(4), Activation.RELU, 1, 8, 1e308, 0, 1, 1)).hasMessageContaining("learningRate");
        assertThatThrownBy(() -> new TrainingSpec(List.of(4), Activation.RELU, 1, 8, 1e-3, 0, 1e308, 1)).hasMessageContaining("beta");
        // the result's JSON does not carry wall times (which differ on every run)
        assertThat(Json.write(CriticalExperiment.run(tiny(1), RunContext.of(3, 1)))).doesNotContain("millisPerStep");
    }
}
