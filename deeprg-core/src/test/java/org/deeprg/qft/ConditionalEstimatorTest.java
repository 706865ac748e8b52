package org.deeprg.qft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.deeprg.net.Activation;
import org.deeprg.random.RandomStreams;
import org.deeprg.run.RunContext;
import org.deeprg.testing.Reproducibility;
import org.junit.jupiter.api.Test;

/** The conditional (Rao-Blackwell) estimator: unbiased against the exact finite-width values, smaller variance. */
class ConditionalEstimatorTest {
    private static final double[][] PTS = {{-0.2}, {0.1}, {0.3}};

    @Test
    void unbiasedForTheExactGaussNetValues() {
        NetworkSpec net = NetworkSpec.oneLayer(1, 1, Activation.GAUSS, 1.0, 0.3);
        EnsembleSpec spec = new EnsembleSpec(net, List.of(3, 10, 40), PTS, 6, 4000, 20, true, Estimator.CONDITIONAL);
        EnsembleResult r = Ensemble.run(spec, RunContext.of(21, 2));
        int checked = 0;
        int flagged = 0;
        for (EnsembleResult.WidthResult w : r.widths()) {
            for (EnsembleResult.Function f : w.functions()) {
                if (!f.stderrReliable()) {
                    flagged++;
                    continue;
                }
                double z = Math.abs(f.mean() - f.exact()) / f.stderr();
                assertThat(z).as("N=%d %s: %s +- %s vs exact %s", w.width(), java.util.Arrays.toString(f.points()), f.mean(), f.stderr(), f.exact())
                        .isLessThan(4.0);
                checked++;
            }
        }
        assertThat(checked + flagged).isEqualTo(3 * (6 + 15 + 28));
        assertThat(flagged).as("light tails: at most a few 6-point functions at N = 3 are flagged").isLessThanOrEqualTo(5);
    }

    @Test
    void unbiasedForOtherActivationsAndOnTheProgressionPath() {
        // erf and ReLU (direct path), Gauss-net on the paper's six equally spaced points (progression path)
        for (Activation a : List.of(Activation.ERF, Activation.RELU)) {
            NetworkSpec net = NetworkSpec.oneLayer(1, 1, a, 1.2, 0.5);
            EnsembleResult r = Ensemble.run(new EnsembleSpec(net, List.of(3), new double[][] {{-0.5}, {0.7}}, 4, 4000, 20, true,
                    Estimator.CONDITIONAL), RunContext.of(22));
            for (EnsembleResult.Function f : r.widths().get(0).functions()) {
                assertThat(Math.abs(f.mean() - f.exact())).as("%s %s", a, java.util.Arrays.toString(f.points())).isLessThan(4 * f.stderr());
            }
        }
        double[][] six = {{-0.01}, {-0.006}, {-0.002}, {0.002}, {0.006}, {0.01}};
        EnsembleResult r = Ensemble.run(new EnsembleSpec(NetworkSpec.oneLayer(1, 1, Activation.GAUSS, 1.0, 0.5), List.of(4), six, 4, 4000, 20,
                true, Estimator.CONDITIONAL), RunContext.of(23));
        for (EnsembleResult.Function f : r.widths().get(0).functions()) {
            assertThat(Math.abs(f.mean() - f.exact())).as(java.util.Arrays.toString(f.points())).isLessThan(4 * f.stderr());
        }
    }

    /** Rao-Blackwell: the per-network variance is smaller, by about the width at large N. */
    @Test
    void smallerVarianceThanPlainSampling() {
        NetworkSpec net = NetworkSpec.oneLayer(1, 1, Activation.GAUSS, 1.0, 0.5);
        EnsembleSpec plain = new EnsembleSpec(net, List.of(200), PTS, 4, 2000, 20, false);
        EnsembleResult p = Ensemble.run(plain, RunContext.of(24));
        EnsembleResult c = Ensemble.run(plain.withEstimator(Estimator.CONDITIONAL), RunContext.of(24));
        for (int s = 0; s < p.widths().get(0).functions().size(); s++) {
            EnsembleResult.Function fp = p.widths().get(0).functions().get(s);
            EnsembleResult.Function fc = c.widths().get(0).functions().get(s);
            // at N = 200 the conditional variance of the 4-point functions is over 100 times smaller
            assertThat(fc.stderr()).as(java.util.Arrays.toString(fp.points())).isLessThan(fp.stderr() / (fp.n() == 4 ? 10 : 3));
        }
    }

    @Test
    void scalarAndVectorKernelsGiveTheSameBitsAndThreadsDoNotMatter() {
        NetworkSpec net = NetworkSpec.oneLayer(1, 9, Activation.GAUSS, 1.0, 0.5);
        double[][] six = {{-0.01}, {-0.006}, {-0.002}, {0.002}, {0.006}, {0.01}};
        for (double[][] pts : List.of(six, PTS)) {
            for (NetworkSpec n : List.of(net, NetworkSpec.oneLayer(1, 9, Activation.TANH, 1.0, 0.5), new NetworkSpec(1, 5, 2, Activation.ERF, 1.1, 0.3))) {
                NPointLayout layout = new NPointLayout(pts.length, 6);
                double[] shifts = Ensemble.wickValues(n, pts, layout);
                ChunkSums v = NetworkSampler.sample(n, pts, layout, 150, RandomStreams.root(5), Estimator.CONDITIONAL, shifts, SamplerKernels.vector());
                ChunkSums s = NetworkSampler.sample(n, pts, layout, 150, RandomStreams.root(5), Estimator.CONDITIONAL, shifts, SamplerKernels.scalar());
                assertThat(s.sums()).containsExactly(v.sums());
                assertThat(s.power()).containsExactly(v.power());
            }
        }
        EnsembleSpec spec = new EnsembleSpec(net, List.of(3, 8), PTS, 4, 3000, 3, true, Estimator.CONDITIONAL);
        Reproducibility.assertSameForAnyThreads(9, ctx -> Ensemble.run(spec, ctx));
    }
}
