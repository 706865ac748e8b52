package org.deeprg.qft;

import org.deeprg.net.Activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.deeprg.json.Json;
import org.deeprg.run.RunContext;
import org.deeprg.testing.Reproducibility;
import org.junit.jupiter.api.Test;

/** Acceptance: sampled n-point functions against the exact finite-width formulas. */
class EnsembleTest {
    private static final double[][] PTS = {{-0.2}, {0.3}};

    private static void assertAgreesWithExact(Activation a, double sigmaB, long seed) {
        NetworkSpec net = NetworkSpec.oneLayer(1, 1, a, 1.0, sigmaB);
        EnsembleSpec spec = new EnsembleSpec(net, List.of(1, 3, 20), PTS, 6, 3000, 30, true);
        EnsembleResult r = Ensemble.run(spec, RunContext.of(seed));
        int checked = 0;
        for (EnsembleResult.WidthResult w : r.widths()) {
            for (EnsembleResult.Function f : w.functions()) {
                double z = Math.abs(f.mean() - f.exact()) / f.stderr();
                assertThat(z).as("%s N=%d n=%d %s: %s +- %s vs exact %s", a, w.width(), f.n(), java.util.Arrays.toString(f.points()),
                        f.mean(), f.stderr(), f.exact()).isLessThan(4.0);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(3 * (3 + 5 + 7));
    }

    @Test
    void gaussNetAgreesWithExactFiniteWidth() {
        assertAgreesWithExact(Activation.GAUSS, 0.3, 1);
    }

    @Test
    void erfAgreesWithExactFiniteWidth() {
        assertAgreesWithExact(Activation.ERF, 0.5, 2);
    }

    @Test
    void reluAgreesWithExactFiniteWidth() {
        assertAgreesWithExact(Activation.RELU, 0.5, 3);
    }

    @Test
    void sameSeedSameNumbersForOneAndTwoThreads() {
        NetworkSpec net = NetworkSpec.oneLayer(1, 1, Activation.GAUSS, 1.0, 1.0);
        EnsembleSpec spec = new EnsembleSpec(net, List.of(2, 7), PTS, 4, 2 * Ensemble.CHUNK + 100, 3, true);
        Reproducibility.assertSameForAnyThreads(9, ctx -> Ensemble.run(spec, ctx));
        String one = Json.write(Ensemble.run(spec, RunContext.of(9)));
        String two = Json.write(Ensemble.run(spec, RunContext.of(9).withThreads(2)));
        assertThat(two).isEqualTo(one);
        assertThat(Json.write(Ensemble.run(spec, RunContext.of(10)))).isNotEqualTo(one);
    }

    @Test
    void deepNetworksSampleTheRecursiveKernel() {
        NetworkSpec net = new NetworkSpec(1, 1, 2, Activation.ERF, 1.2, 0.4);
        EnsembleSpec spec = new EnsembleSpec(net, List.of(40), PTS, 2, 1000, 10, false);
        EnsembleResult r = Ensemble.run(spec, RunContext.of(4));
        for (EnsembleResult.Function f : r.widths().get(0).functions()) {
            // at width 40 the 1/N correction of G^(2) in a deep net is a few percent at most
            assertThat(Math.abs(f.mean() - f.gaussian())).isLessThan(4 * f.stderr() + 0.03 * f.gaussian());
        }
    }

    /** The Gauss-net progression fast path (2 exponentials per neuron) against the direct path on the same draws. */
    @Test
    void progressionFastPathMatchesDirectEvaluation() {
        NetworkSpec net = NetworkSpec.oneLayer(1, 37, Activation.GAUSS, 1.3, 0.8);
        double[][] ap = {{0.3}, {-0.1}, {0.1}, {0.5}};
        // a perturbation of 1e-9 breaks the progression test (relative 1e-12) and forces the direct path
        double[][] direct = {{0.3}, {-0.1}, {0.1 + 1e-9}, {0.5}};
        assertThat(OneLayerEvaluator.arithmeticProgression(ap)).containsExactly(1, 2, 0, 3);
        assertThat(OneLayerEvaluator.arithmeticProgression(direct)).isNull();
        NPointLayout layout = new NPointLayout(4, 6);
        double[] a = NetworkSampler.sampleChunk(net, ap, layout, 100, org.deeprg.random.RandomStreams.root(3));
        double[] b = NetworkSampler.sampleChunk(net, direct, layout, 100, org.deeprg.random.RandomStreams.root(3));
        for (int s = 0; s < a.length; s++) {
            assertThat(a[s]).isCloseTo(b[s], org.assertj.core.api.Assertions.within(1e-6 * Math.abs(b[s])));
        }
        // the six-point specialisation (the paper's points, in shuffled order)
        double[][] six = {{0.006}, {-0.01}, {0.002}, {-0.006}, {0.01}, {-0.002}};
        double[][] sixDirect = {{0.006}, {-0.01}, {0.002 + 1e-11}, {-0.006}, {0.01}, {-0.002}};
        assertThat(OneLayerEvaluator.arithmeticProgression(six)).isNotNull();
        assertThat(OneLayerEvaluator.arithmeticProgression(sixDirect)).isNull();
        NPointLayout six6 = new NPointLayout(6, 6);
        double[] c = NetworkSampler.sampleChunk(net, six, six6, 100, org.deeprg.random.RandomStreams.root(4));
        double[] d = NetworkSampler.sampleChunk(net, sixDirect, six6, 100, org.deeprg.random.RandomStreams.root(4));
        for (int s = 0; s < c.length; s++) {
            assertThat(c[s]).isCloseTo(d[s], org.assertj.core.api.Assertions.within(1e-6 * Math.abs(d[s])));
        }
    }
}
