package org.deeprg.studies.critical;

import org.deeprg.train.LayerDiagnostics;
import org.deeprg.net.Activation;
import org.deeprg.net.Dataset;
import org.deeprg.net.DenseNetwork;
import org.deeprg.net.NetworkParameters;
import org.deeprg.train.DataSource;
import org.deeprg.train.TrainingSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeprg.random.RandomStreams;
import org.deeprg.result.Claim;
import org.deeprg.result.Result;
import org.deeprg.run.RunContext;
import org.junit.jupiter.api.Test;

class LayerDiagnosticsTest {

    @Test
    void diagnosticsMatchADirectComputationOneExampleAtATime() {
        NetworkParameters net = NetworkParameters.heNormal(DenseNetwork.mlp(new int[] {6, 5, 4, 3}, Activation.RELU), RandomStreams.root(2));
        Dataset data = Dataset.synthetic(200, 6, 3, 0.5, RandomStreams.root(3), "test");
        List<LayerDiagnostics> d = LayerDiagnostics.measure(net, data, 17); // batch size that does not divide 200
        assertThat(d).hasSize(2);
        // direct: one example at a time, patterns as strings
        for (int h = 0; h < 2; h++) {
            Map<String, Integer> counts = new HashMap<>();
            double[] means = new double[200];
            for (int n = 0; n < 200; n++) {
                double[] a = Arrays.copyOfRange(data.x(), n * 6, n * 6 + 6);
                for (int l = 0; l <= h; l++) {
                    int in = net.network().widths()[l];
                    int out = net.network().widths()[l + 1];
                    double[] z = new double[out];
                    for (int j = 0; j < out; j++) {
                        z[j] = net.biases(l)[j];
                        for (int i = 0; i < in; i++) {
                            z[j] += a[i] * net.weights(l)[i * out + j];
                        }
                        z[j] = Math.max(0, z[j]);
                    }
                    a = z;
                }
                StringBuilder key = new StringBuilder();
                for (double v : a) {
                    key.append(v > 0 ? '1' : '0');
                }
                counts.merge(key.toString(), 1, Integer::sum);
                means[n] = Arrays.stream(a).average().orElseThrow();
            }
            int[] expected = counts.values().stream().mapToInt(Integer::intValue).sorted().toArray();
            int[] actual = d.get(h).patternCounts().clone();
            Arrays.sort(actual);
            assertThat(actual).containsExactly(expected); // one entry per distinct pattern: ties are not collapsed
            assertThat(Arrays.stream(actual).sum()).isEqualTo(200);
            double[] m = d.get(h).meanActivations().clone();
            Arrays.sort(m);
            Arrays.sort(means);
            for (int i = 0; i < 200; i++) {
                assertThat(m[i]).isCloseTo(means[i], within(1e-12));
            }
            int width = net.network().widths()[h + 1];
            int next = net.network().widths()[h + 2];
            double first = 0;
            double[] deg = new double[width];
            for (int i = 0; i < width; i++) {
                for (int j = 0; j < next; j++) {
                    deg[i] += Math.abs(net.weights(h + 1)[i * next + j]);
                }
                first = Math.max(first, deg[i]);
            }
            assertThat(d.get(h).weightedDegrees()[0]).isCloseTo(first, within(1e-12));
            assertThat(d.get(h).weightedDegrees()).hasSize(width);
        }
    }

    @Test
    void studyRunsEndToEndOnATinySyntheticProblem() {
        TrainingSpec spec = new TrainingSpec(List.of(24, 12), Activation.RELU, 1, 32, 1e-2, 10, 1.0, 2);
        CriticalExperimentStudy.Settings s = new CriticalExperimentStudy.Settings(
                new DataSource("synthetic", null, 400, 300), "test", spec, 5);
        Result r = CriticalExperimentStudy.run(s, RunContext.of(4));
        CriticalExperimentStudy.Data data = (CriticalExperimentStudy.Data) r.data();
        assertThat(data.fits()).hasSize(2 * 2 * 3);
        assertThat(data.verdicts()).hasSize(3);
        assertThat(r.claims()).hasSize(5);
        assertThat(r.figures()).hasSize(7);
        assertThat(r.claims().stream().map(Claim::statement)).anyMatch(st -> st.startsWith("Figs. 3-4"));
        // same streams: identical initial weights, so the plain and critical runs differ only through the regulariser
        assertThat(data.plain().epochs().get(0).trainLoss()).isNotEqualTo(data.critical().epochs().get(0).trainLoss());
        // each figure draws the fit lines of its own run
        for (String run : List.of("plain", "critical")) {
            for (int q = 0; q < 2; q++) {
                String quantity = CriticalExperiment.QUANTITIES.get(q);
                long fitted = data.fits().stream().filter(f -> f.run().equals(run) && f.quantity().equals(quantity) && f.fit() != null).count();
                String prefix = q == 0 ? (run.equals("plain") ? "fig3" : "fig4") : (run.equals("plain") ? "fig5" : "fig6");
                var figure = r.figures().stream().filter(f -> f.name().startsWith(prefix)).findFirst().orElseThrow();
                assertThat(figure.series().stream().filter(x -> x.name().endsWith(" fit")).count()).as(prefix).isEqualTo(fitted);
            }
        }
        Result again = CriticalExperimentStudy.run(s, RunContext.of(4).withThreads(2));
        assertThat(((CriticalExperimentStudy.Data) again.data()).fits()).isEqualTo(data.fits());
    }
}
