package org.deeprg.dyn.mc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.deeprg.net.Activation;
import org.deeprg.dyn.Alphabet;
import org.deeprg.dyn.DynNetwork;
import org.deeprg.dyn.Example;
import org.deeprg.dyn.exact.DiscreteDynModel;
import org.deeprg.dyn.exact.ExactDyn;
import org.deeprg.stats.Estimate;
import org.deeprg.run.RunContext;
import org.junit.jupiter.api.Test;

/**
 * Acceptance: Metropolis estimates of energy, cost, constraint, neuron averages (per layer) and G_h(r) agree with
 * the exact transfer-matrix values of Dynamic neurons I ({@link ExactDyn}, branch dyn-exact) within 5 standard
 * errors, fixed seeds, on several models, including depths far beyond enumeration.
 */
class DynTransferMatrixAcceptanceTest {
    static final double K = 5;

    /** Translation-averaged exact G_h(r), as {@link DynMcResult#correlation()} defines it. */
    static double[] exactCorrelation(ExactDyn exact, DynLayout lay, int rMax) {
        double[] g = new double[rMax + 1];
        for (int d = 0; d <= rMax; d++) {
            double s = 0;
            for (int l = 0; l < lay.examples(); l++) {
                for (int m = 1; m + d <= lay.depth(); m++) {
                    for (int i = 0; i < lay.width(); i++) {
                        s += exact.neuronCovariance(m, l, i, m + d, l, i);
                    }
                }
            }
            g[d] = s / ((long) lay.examples() * (lay.depth() - d) * lay.width());
        }
        return g;
    }

    static void check(DynMcSpec spec, long seed) {
        DynMcResult r = DynMonteCarlo.run(spec, RunContext.of(seed).withThreads(2));
        ExactDyn exact = ExactDyn.solve(new DiscreteDynModel(spec.network(), spec.weightAlphabet(), spec.neuronAlphabet(),
                spec.examples()), spec.beta(), spec.betaV());
        DynLayout lay = DynLayout.of(spec.network(), spec.examples().size());
        agree("cost", r.cost(), exact.meanCost());
        agree("constraint", r.constraint(), exact.meanConstraint());
        agree("energy H_new", r.energy(), exact.meanHamiltonian());
        double all = 0;
        for (int m = 1; m <= lay.depth(); m++) {
            double s = 0;
            for (int l = 0; l < lay.examples(); l++) {
                for (int i = 0; i < lay.width(); i++) {
                    s += exact.neuronMean(m, l, i);
                }
            }
            s /= lay.examples() * lay.width();
            all += s / lay.depth();
            agree("<h^(" + m + ")>", r.neuronMeanByLayer().get(m - 1), s);
        }
        agree("neuron mean", r.neuronMean(), all);
        double[] g = exactCorrelation(exact, lay, spec.distances());
        for (int d = 0; d < g.length; d++) {
            agree("G_h(" + d + ")", r.correlation().get(d), g[d]);
        }
    }

    static void agree(String what, Estimate e, double exact) {
        assertThat(e.sigmasFrom(exact)).as("%s: Metropolis %s vs transfer matrix %.6f", what, e, exact).isLessThanOrEqualTo(K);
    }

    static DynMcSpec spec(DynNetwork net, List<Example> ex, double beta, double betaV, long sweeps, int chains, int r) {
        return new DynMcSpec(net, ex, DynMcSpec.Sampler.METROPOLIS, Alphabet.BINARY_WEIGHTS, Alphabet.BINARY_WEIGHTS,
                Alphabet.BINARY_NEURONS, beta, new double[] {betaV}, 0, 0, 0, sweeps, sweeps / 10, chains, r, 20);
    }

    @Test
    void paperChainDepth40() {
        check(spec(new DynNetwork(1, 40, Activation.HEAVISIDE), List.of(Example.parse("e", "1:1")), 1.0, 1.5, 20_000, 4, 6), 101);
    }

    @Test
    void paperChainStrongConstraintDepth25() {
        check(spec(new DynNetwork(1, 25, Activation.HEAVISIDE), List.of(Example.parse("e", "0:1")), 2.0, 3.0, 20_000, 4, 5), 102);
    }

    @Test
    void widthTwoTwoExamplesDepth6() {
        check(spec(new DynNetwork(2, 6, Activation.HEAVISIDE), List.of(Example.parse("e", "1,0:0,1"), Example.parse("e", "0,1:1,1")),
                0.8, 1.2, 20_000, 4, 3), 103);
    }

    @Test
    void sigmoidNeuronsDepth12() {
        check(spec(new DynNetwork(1, 12, Activation.SIGMOID), List.of(Example.parse("e", "1:0")), 1.5, 2.0, 20_000, 4, 4), 104);
    }
}
