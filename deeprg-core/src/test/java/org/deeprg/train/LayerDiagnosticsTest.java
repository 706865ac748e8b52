package org.deeprg.train;

import org.deeprg.net.Activation;
import org.deeprg.net.Dataset;
import org.deeprg.net.DenseNetwork;
import org.deeprg.net.NetworkParameters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeprg.random.RandomStreams;
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
            int width0 = net.network().widths()[h + 1];
            int[] activeCount = new int[width0];
            double[] unitSum = new double[width0];
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
                for (int u = 0; u < a.length; u++) {
                    key.append(a[u] > 0 ? '1' : '0');
                    activeCount[u] += a[u] > 0 ? 1 : 0;
                    unitSum[u] += a[u];
                }
                counts.merge(key.toString(), 1, Integer::sum);
                means[n] = Arrays.stream(a).average().orElseThrow();
            }
            int[] expected = counts.values().stream().mapToInt(Integer::intValue).sorted().toArray();
            int[] actual = d.get(h).patternCounts().clone();
            Arrays.sort(actual);
            assertThat(actual).containsExactly(expected); // one entry per distinct pattern: ties are not collapsed
            assertThat(Arrays.stream(actual).sum()).isEqualTo(200);
            double[] m = d.get(h).exampleMeans().clone();
            Arrays.sort(m);
            Arrays.sort(means);
            for (int i = 0; i < 200; i++) {
                assertThat(m[i]).isCloseTo(means[i], within(1e-12));
            }
            int width = net.network().widths()[h + 1];
            int next = net.network().widths()[h + 2];
            double[] deg = new double[width];
            double[] signed = new double[width];
            for (int i = 0; i < width; i++) {
                for (int j = 0; j < next; j++) {
                    deg[i] += Math.abs(net.weights(h + 1)[i * next + j]);
                    signed[i] += net.weights(h + 1)[i * next + j];
                }
            }
            assertSameSorted(d.get(h).degreeAbsolute(), deg);
            assertSameSorted(d.get(h).degreeSigned(), signed);
            double[] unitMeans = new double[width];
            double[] activeCounts = new double[width];
            for (int u = 0; u < width; u++) {
                unitMeans[u] = unitSum[u] / 200;
                activeCounts[u] = activeCount[u];
            }
            assertSameSorted(d.get(h).unitMeans(), unitMeans);
            assertSameSorted(Arrays.stream(d.get(h).unitActiveCounts()).asDoubleStream().toArray(), activeCounts);
            // decreasing order, as the readings state
            for (int i = 1; i < width; i++) {
                assertThat(d.get(h).degreeAbsolute()[i]).isLessThanOrEqualTo(d.get(h).degreeAbsolute()[i - 1]);
            }
        }
    }

    private static void assertSameSorted(double[] actual, double[] expected) {
        double[] a = actual.clone();
        double[] e = expected.clone();
        Arrays.sort(a);
        Arrays.sort(e);
        assertThat(a).hasSize(e.length);
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).isCloseTo(e[i], within(1e-12));
        }
    }
}
