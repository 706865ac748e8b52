package org.deeprg.qft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.deeprg.net.Activation;
import org.deeprg.run.RunContext;
import org.junit.jupiter.api.Test;

/**
 * The four-point vertex recursion ({@link DeepVertex}) against three independent routes: the exact one-hidden-layer
 * result (FiniteWidth's 1/N coefficient), a closed form (critical ReLU: 5 L/N), and sampled deep ensembles at several
 * depth-to-width ratios. Its ingredients (Price's-theorem derivatives, Gaussian moments over a covariance) are checked
 * against finite differences and the first-layer route.
 */
class DeepVertexTest {
    private static final double[][] PTS = {{-0.4}, {0.3}, {0.9}};

    @Test
    void oneHiddenLayerIsTheExactOneOverNCoefficient() {
        NPointLayout layout = new NPointLayout(PTS.length, 4);
        for (Activation a : List.of(Activation.GAUSS, Activation.ERF, Activation.RELU, Activation.TANH, Activation.GELU)) {
            NetworkSpec spec = NetworkSpec.oneLayer(1, 1, a, 1.2, 0.5);
            DeepVertex v = new DeepVertex(spec, PTS);
            FiniteWidth fw = new FiniteWidth(spec, PTS);
            for (int s = 0; s < layout.slots(); s++) {
                int[] ms = layout.multiset(s);
                if (ms.length != 4) {
                    continue;
                }
                double c1 = fw.coefficients(ms)[1];
                double tol = a == Activation.RELU || a == Activation.TANH || a == Activation.GELU ? 1e-6 : 1e-10;
                assertThat(v.connectedTimesWidth(ms[0], ms[1], ms[2], ms[3])).as("%s %s", a, java.util.Arrays.toString(ms))
                        .isCloseTo(c1, within(tol * Math.abs(c1) + 1e-12));
            }
        }
    }

    /** Critical ReLU at one input: V^(l+1) = sigma_W^4 (<relu^4> - <relu^2>^2) + V^(l) = 5 K^2 + V^(l), so v_4 = 5 L/N. */
    @Test
    void criticalReluGrowsLikeFiveDepthOverWidth() {
        for (int depth = 1; depth <= 6; depth++) {
            DeepVertex v = new DeepVertex(new NetworkSpec(1, 1, depth, Activation.RELU, Math.sqrt(2), 0.0), new double[][] {{1.3}});
            double k = v.kernel()[0][0];
            assertThat(k).isCloseTo(2 * 1.3 * 1.3, within(1e-12));
            assertThat(v.connectedTimesWidth(0, 0, 0, 0) / (3 * k * k)).isCloseTo(5.0 * depth, within(1e-9 * depth));
        }
    }

    @Test
    void priceDerivativesMatchFiniteDifferences() {
        double h = 1e-5;
        double[][] cases = {{1.1, 0.4, 0.8}, {0.6, -0.3, 1.5}, {2.0, 1.9, 2.0}};
        for (Activation a : List.of(Activation.ERF, Activation.RELU, Activation.TANH, Activation.GELU)) {
            for (double[] c : cases) {
                double[] g = GaussianExpectations.pairMomentGradient(a, c[0], c[1], c[2]);
                double d11 = (GaussianExpectations.pairMoment(a, c[0] + h, c[1], c[2]) - GaussianExpectations.pairMoment(a, c[0] - h, c[1], c[2])) / (2 * h);
                double d12 = (GaussianExpectations.pairMoment(a, c[0], c[1] + h, c[2]) - GaussianExpectations.pairMoment(a, c[0], c[1] - h, c[2])) / (2 * h);
                double d22 = (GaussianExpectations.pairMoment(a, c[0], c[1], c[2] + h) - GaussianExpectations.pairMoment(a, c[0], c[1], c[2] - h)) / (2 * h);
                assertThat(g[0]).as("%s d/dc11 at %s", a, java.util.Arrays.toString(c)).isCloseTo(d11, within(2e-6));
                assertThat(g[1]).as("%s d/dc12", a).isCloseTo(d12, within(2e-6));
                assertThat(g[2]).as("%s d/dc22", a).isCloseTo(d22, within(2e-6));
            }
            double c = 0.7;
            double fd = (GaussianExpectations.pairMoment(a, c + h, c + h, c + h) - GaussianExpectations.pairMoment(a, c - h, c - h, c - h)) / (2 * h);
            assertThat(GaussianExpectations.squareMomentDerivative(a, c)).as("%s d<g^2>/dc", a).isCloseTo(fd, within(2e-6));
        }
    }

    @Test
    void momentOverACovarianceMatchesTheFirstLayerRoute() {
        for (Activation a : List.of(Activation.ERF, Activation.RELU, Activation.TANH)) {
            NetworkSpec spec = NetworkSpec.oneLayer(1, 1, a, 1.1, 0.6);
            double[][] pts = {PTS[0], PTS[1], PTS[1], PTS[2]};
            double[][] cov = new double[4][4];
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    cov[i][j] = spec.inputCovariance(pts[i], pts[j]);
                }
            }
            double viaCov = GaussianExpectations.moment(a, cov);
            double viaPoints = GaussianExpectations.productMoment(spec, pts);
            assertThat(viaCov).as("%s", a).isCloseTo(viaPoints, within(1e-8 * Math.abs(viaPoints)));
        }
    }

    /**
     * Sampled deep ensembles (conditional estimator) against the leading-order vertex at several L/N: agreement within
     * 4 standard errors plus the next order, {@code 3 (L/N)} relative; and the deviation shrinks like 1/N at fixed depth.
     */
    @Test
    void sampledDeepEnsemblesFollowTheVertexAtSeveralDepthOverWidth() {
        double[][] one = {{1.0}};
        double[] relAtDepth2 = new double[2];
        int i = 0;
        for (int depth : new int[] {1, 2, 3}) {
            for (Activation a : List.of(Activation.RELU, Activation.TANH)) {
                double sw = a == Activation.RELU ? Math.sqrt(2) : 1.0;
                NetworkSpec net = new NetworkSpec(1, 1, depth, a, sw, 0.0);
                EnsembleResult r = Ensemble.run(new EnsembleSpec(net, List.of(16, 32), one, 4, 2048, 12, false, Estimator.CONDITIONAL),
                        RunContext.of(40 + depth, 2));
                for (EnsembleResult.WidthResult w : r.widths()) {
                    EnsembleResult.Vertex v = w.vertex();
                    double ratio = depth / (double) w.width();
                    double dev = Math.abs(v.sampled().mean() - v.perturbative());
                    assertThat(v.sampled().stderrReliable()).as("%s L=%d N=%d", a, depth, w.width()).isTrue();
                    assertThat(dev).as("%s L=%d N=%d: %s vs %s", a, depth, w.width(), v.sampled(), v.perturbative())
                            .isLessThan(4 * v.sampled().stderr() + 3 * ratio * Math.abs(v.perturbative()));
                    if (a == Activation.RELU && depth == 3) {
                        relAtDepth2[i++] = (v.sampled().mean() - v.perturbative()) / v.perturbative();
                    }
                }
            }
        }
        // the deviation is the next order: at fixed depth, doubling the width roughly halves it
        assertThat(relAtDepth2[1]).isLessThan(0.75 * relAtDepth2[0]);
        assertThat(relAtDepth2[0]).isPositive();
    }
}
