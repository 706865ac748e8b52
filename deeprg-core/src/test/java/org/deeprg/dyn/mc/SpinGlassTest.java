package org.deeprg.dyn.mc;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.deeprg.net.Activation;
import org.deeprg.dyn.DynNetwork;
import org.deeprg.dyn.DynParameters;
import org.deeprg.dyn.Example;
import org.deeprg.mc.ExactEnumeration;
import org.deeprg.mc.TransitionMatrices;
import org.deeprg.random.RandomStreams;
import org.deeprg.stats.Estimate;
import org.deeprg.run.RunContext;
import org.junit.jupiter.api.Test;

/** Appendix A couplings, detailed balance of spin flips, two-replica overlaps against enumeration. */
class SpinGlassTest {
    static final DynNetwork NET = new DynNetwork(2, 3, Activation.SIGMOID);
    static final Example EX = Example.parse("e", "1,-1:1,1");

    @Test
    void couplingsReproduceEquationA2TermByTerm() {
        DynParameters p = SpinGlassAnalysis.drawParameters(NET, 1.5, 0.5, 0.5, RandomStreams.root(1).generator());
        double beta = 1.5;
        double betaV = 3.0;
        SpinGlassCouplings c = SpinGlassCouplings.of(NET, p, EX, beta, betaV);
        assertThat(c.spins()).isEqualTo(6);
        assertThat(c.couplings()).hasSize(8);
        var rng = RandomStreams.root(2).generator();
        for (int t = 0; t < 20; t++) {
            double[][] h = new double[5][2];
            h[0] = EX.x();
            h[4] = EX.y();
            double[] s = new double[6];
            for (int m = 1; m <= 3; m++) {
                for (int i = 0; i < 2; i++) {
                    h[m][i] = rng.nextBoolean() ? 1 : -1;
                    s[(m - 1) * 2 + i] = h[m][i];
                }
            }
            // Eq. A2 directly: sum_m lambda_m (W^(m)_ij h^(m+1)_i h^(m)_j + b^(m)_i h^(m+1)_i), m = 0..M, h^(M+1) = y
            double e = 0;
            for (int m = 0; m <= 3; m++) {
                double lambda = m == 3 ? 1 : betaV / beta;
                for (int i = 0; i < 2; i++) {
                    for (int j = 0; j < 2; j++) {
                        e += lambda * p.weights(m)[i][j] * h[m + 1][i] * h[m][j];
                    }
                    if (m < 3) {
                        e += lambda * p.biases(m)[i] * h[m + 1][i];
                    }
                }
            }
            assertThat(c.energy(s)).isCloseTo(e, Offset.offset(1e-12));
        }
    }

    @Test
    void spinFlipsSatisfyDetailedBalance() {
        DynParameters p = SpinGlassAnalysis.drawParameters(NET, 1, 0.5, 0.5, RandomStreams.root(3).generator());
        EdwardsAndersonModel m = new EdwardsAndersonModel(SpinGlassCouplings.of(NET, p, EX, 1, 2), 0.8);
        double[] pi = TransitionMatrices.boltzmann(m);
        for (int v = 0; v < m.variableCount(); v++) {
            TransitionMatrices.assertDetailedBalance(TransitionMatrices.singleVariable(m, v), pi);
        }
        TransitionMatrices.assertStationary(TransitionMatrices.sweep(m), pi);
    }

    @Test
    void twoReplicaOverlapMatchesEnumeration() {
        DynNetwork net = new DynNetwork(2, 4, Activation.SIGMOID);
        DynParameters p = SpinGlassAnalysis.drawParameters(net, 1, 0.5, 0.5, RandomStreams.root(4).generator());
        EdwardsAndersonModel m = new EdwardsAndersonModel(SpinGlassCouplings.of(net, p, EX, 1, 1.5), 1.0);
        int n = m.variableCount();
        // <q^2> = (1/n^2) sum_ab <s_a s_b>^2 for independent replicas
        double[] c = ExactEnumeration.expectations(m, n * n, (s, o) -> {
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    o[a * n + b] = s[a] * s[b];
                }
            }
        });
        double q2 = 0;
        for (int k = 0; k < n * n; k++) {
            q2 += c[k] * c[k];
        }
        q2 /= n * n;
        double[] q = SpinGlassAnalysis.overlaps(m, 100_000, 1000, RandomStreams.root(5));
        double[] sq = new double[q.length];
        for (int i = 0; i < q.length; i++) {
            sq[i] = q[i] * q[i];
        }
        Estimate e = Estimate.ofTimeSeries(sq);
        assertThat(e.sigmasFrom(q2)).as("<q^2> %s vs %.5f", e, q2).isLessThan(5);
        // the same with parallel tempering over betaV in {0.4, 0.8, 1.5}, measured at the top rung
        long[] swaps = new long[2];
        double[] qt = SpinGlassAnalysis.overlapsTempered(net, p, EX, 1.0, new double[] {0.4, 0.8, 1.5}, 50_000, 1000,
                RandomStreams.root(6), swaps);
        double[] sqt = new double[qt.length];
        for (int i = 0; i < qt.length; i++) {
            sqt[i] = qt[i] * qt[i];
        }
        Estimate et = Estimate.ofTimeSeries(sqt);
        assertThat(et.sigmasFrom(q2)).as("tempered <q^2> %s vs %.5f", et, q2).isLessThan(5);
        assertThat(swaps[0]).isPositive();
        assertThat(swaps[1]).isPositive();
    }

    @Test
    void analysisReportsOverlapDistributionAndSusceptibility() {
        SpinGlassResult r = SpinGlassAnalysis.run(new SpinGlassSpec(NET, EX, 2, 4, 0.25, 0.25, 8, 2000, 200, 1),
                RunContext.of(6));
        double total = r.overlap().probability().stream().mapToDouble(Estimate::mean).sum();
        assertThat(total).isCloseTo(1, Offset.offset(1e-9));
        assertThat(r.susceptibility().mean()).isCloseTo(6 * r.qSquared().mean(), Offset.offset(1e-12));
        assertThat(r.qSquared().mean()).isBetween(0.0, 1.0);
        assertThat(r.couplings().couplings()).hasSize(8);
    }

    @Test
    void linearSigmoidRegimeBilinearCouplingIsMinusHalfLambdaW() {
        // d^2 H_new / dh^(m+1)_i dh^(m)_j = -2 lambda sigma'(a_i) W_ij -> -(lambda/2) W_ij at a = 0: the factor that Eq. A2
        // absorbs into lambda_m (documented in SpinGlassCouplings)
        DynNetwork net = new DynNetwork(2, 3, Activation.SIGMOID);
        double beta = 1.0;
        double betaV = 3.0;
        DynEnsemble ens = new DynEnsemble(net, java.util.List.of(new Example(new double[] {0, 0}, new double[] {0.5, 0.5})), beta, betaV, 0, 0);
        DynLayout lay = ens.layout();
        double[] x = new double[lay.dimension()];
        x[lay.weight(1, 0, 1)] = 0.7;
        double h = 1e-4;
        int a = lay.neuron(0, 2, 0);
        int b = lay.neuron(0, 1, 1);
        double[] y = x.clone();
        double f = 0;
        for (int sa = -1; sa <= 1; sa += 2) {
            for (int sb = -1; sb <= 1; sb += 2) {
                y[a] = sa * h;
                y[b] = sb * h;
                f += sa * sb * ens.action(y) / beta;
            }
        }
        double mixed = f / (4 * h * h);
        assertThat(mixed).isCloseTo(-(betaV / beta) / 2 * 0.7, Offset.offset(1e-5));
    }
}
