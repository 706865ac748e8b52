package org.deeprg.mc;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.deeprg.random.RandomStreams;
import org.junit.jupiter.api.Test;

/** Generic Metropolis and parallel tempering: exact transition matrices on a tiny 3-state Potts-like model. */
class MetropolisSamplerTest {

    /** Three variables with 3, 2, 4 values; ln w = -beta (x0 x1 + 0.7 x1 x2 - 0.3 x0 x2^2 + 0.2 x2) (arbitrary). */
    static DiscreteModel tiny(double beta) {
        double[][] vals = {{-1, 0, 2}, {-1, 1}, {0, 0.5, 1, -2}};
        return new DiscreteModel() {
            @Override
            public int variableCount() {
                return 3;
            }

            @Override
            public double[] values(int v) {
                return vals[v];
            }

            @Override
            public double logWeight(double[] x) {
                return -beta * (x[0] * x[1] + 0.7 * x[1] * x[2] - 0.3 * x[0] * x[2] * x[2] + 0.2 * x[2]);
            }

            @Override
            public double logWeightChange(double[] x, int v, double nv) {
                double old = x[v];
                double a = logWeight(x);
                x[v] = nv;
                double b = logWeight(x);
                x[v] = old;
                return b - a;
            }
        };
    }

    @Test
    void singleVariableUpdatesSatisfyDetailedBalanceAndSweepsKeepTheBoltzmannWeight() {
        DiscreteModel m = tiny(0.9);
        double[][] p = TransitionMatrices.sweep(m);
        double[] pi = TransitionMatrices.boltzmann(m);
        for (int v = 0; v < m.variableCount(); v++) {
            double[][] pv = TransitionMatrices.singleVariable(m, v);
            TransitionMatrices.assertDetailedBalance(pv, pi);
            TransitionMatrices.assertStochastic(pv);
        }
        TransitionMatrices.assertStationary(p, pi);
    }

    @Test
    void sweepFrequenciesMatchTheExactDistribution() {
        DiscreteModel m = tiny(0.6);
        double[] pi = TransitionMatrices.boltzmann(m);
        MetropolisSampler s = new MetropolisSampler(m);
        DiscreteState st = new DiscreteState(m);
        UniformRandomProvider rng = RandomStreams.root(4).generator();
        long[] counts = new long[pi.length];
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            s.sweep(st, rng);
            counts[TransitionMatrices.encode(m, st.indices())]++;
        }
        // chi-square with 23 dof; sweeps of this tiny model decorrelate within ~1-2 sweeps; allow factor 3
        double chi2 = 0;
        for (int c = 0; c < pi.length; c++) {
            double e = n * pi[c];
            chi2 += (counts[c] - e) * (counts[c] - e) / e;
        }
        assertThat(chi2).isLessThan(3 * (pi.length - 1 + 5 * Math.sqrt(2 * (pi.length - 1))));
    }

    @Test
    void parallelTemperingSwapsSatisfyDetailedBalanceInTheProductEnsemble() {
        // two rungs of a coupling lambda multiplying A(x) = x0 x1 of the tiny model; product space of two replicas
        double[] ladder = {0.3, 1.4};
        ParallelTempering pt = new ParallelTempering(ladder);
        DiscreteModel base = tiny(0.5);
        int states = TransitionMatrices.stateCount(base);
        double[] a = new double[states];
        double[] rest = new double[states];
        for (int c = 0; c < states; c++) {
            double[] x = TransitionMatrices.decodeValues(base, c);
            a[c] = x[0] * x[1];
            rest[c] = base.logWeight(x);
        }
        for (int c1 = 0; c1 < states; c1++) {
            for (int c2 = 0; c2 < states; c2++) {
                // state (x at rung 0, y at rung 1); swap goes to (y, x)
                double lw = rest[c1] - ladder[0] * a[c1] + rest[c2] - ladder[1] * a[c2];
                double lwSwapped = rest[c2] - ladder[0] * a[c2] + rest[c1] - ladder[1] * a[c1];
                double forward = pt.swapProbability(0, a[c1], a[c2]);
                double backward = pt.swapProbability(0, a[c2], a[c1]);
                assertThat(Math.exp(lw) * forward).isCloseTo(Math.exp(lwSwapped) * backward,
                        org.assertj.core.data.Offset.offset(1e-12));
            }
        }
        // and the swap sweep applies it: with a huge favourable difference it always swaps
        int[] at = {0, 1};
        long[] acc = new long[1];
        pt.swapSweep(new double[] {-5, 5}, at, acc, RandomStreams.root(1).generator());
        assertThat(at).containsExactly(1, 0);
        assertThat(acc[0]).isEqualTo(1);
    }
}
