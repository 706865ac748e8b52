package org.deeprg.dyn.mc;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.deeprg.dyn.Hamiltonians;
import org.deeprg.mc.DiscreteState;
import org.deeprg.mc.LangevinSampler;
import org.deeprg.random.RandomStreams;

/**
 * One running chain of a {@link DynMonteCarlo} run: a replica per betaV rung with its accumulators. Built from the
 * initial configuration (stream {@code chain.split("init")}) or from a {@link DynMcChainState}; advanced segment by
 * segment, segment s drawing from {@code chain.split(s)}; turned back into a state with {@link #state()}. Mutable, used
 * by one thread.
 */
final class DynMcChain {
    private final DynMcPlan plan;
    private final DiscreteState[] discrete;
    private final LangevinSampler.Chain[] continuous;
    private final DynMcAccumulator[] acc;
    private final long[] swapAccepted;
    private long segmentsDone;

    /** A fresh chain: W, b random (alphabet or prior), h the forward pass (snapped to the neuron alphabet). */
    DynMcChain(DynMcPlan plan, RandomStreams init) {
        this.plan = plan;
        int k = plan.rungs;
        this.acc = new DynMcAccumulator[k];
        this.swapAccepted = new long[Math.max(0, k - 1)];
        this.discrete = plan.discrete() ? new DiscreteState[k] : null;
        this.continuous = plan.discrete() ? null : new LangevinSampler.Chain[k];
        for (int r = 0; r < k; r++) {
            acc[r] = new DynMcAccumulator(plan);
            double[] x = initial(init.split(r));
            if (plan.discrete()) {
                discrete[r] = stateOf(x, r);
            } else {
                continuous[r] = plan.langevin[r].start(x);
            }
        }
    }

    /** A chain continuing from {@code s} (validated by the caller; arrays are shared, not copied). */
    DynMcChain(DynMcPlan plan, DynMcChainState s) {
        this.plan = plan;
        int k = plan.rungs;
        this.acc = new DynMcAccumulator[k];
        this.swapAccepted = s.swapAccepted().clone();
        this.discrete = plan.discrete() ? new DiscreteState[k] : null;
        this.continuous = plan.discrete() ? null : new LangevinSampler.Chain[k];
        this.segmentsDone = s.segmentsDone();
        for (int r = 0; r < k; r++) {
            acc[r] = new DynMcAccumulator(s, r);
            if (plan.discrete()) {
                discrete[r] = stateOf(s.states()[r], r);
            } else {
                continuous[r] = plan.langevin[r].start(s.states()[r]);
            }
        }
    }

    long segmentsDone() {
        return segmentsDone;
    }

    private DiscreteState stateOf(double[] x, int rung) {
        DynDiscreteModel model = plan.models[rung];
        DiscreteState st = new DiscreteState(model);
        for (int v = 0; v < x.length; v++) {
            int idx = indexOf(model.values(v), x[v]);
            if (idx < 0) {
                throw new IllegalStateException("value " + x[v] + " of variable " + v + " is not in its alphabet");
            }
            st.set(v, idx);
        }
        return st;
    }

    static int indexOf(double[] vals, double x) {
        for (int i = 0; i < vals.length; i++) {
            if (vals[i] == x) {
                return i;
            }
        }
        return -1;
    }

    private double[] initial(RandomStreams s) {
        DynMcSpec spec = plan.spec;
        DynLayout lay = plan.layout;
        UniformRandomProvider rng = s.generator();
        NormalizedGaussianSampler g = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] x = new double[lay.dimension()];
        for (int v = 0; v < lay.neuronBase(); v++) {
            if (plan.discrete()) {
                double[] vals = v < lay.biasBase() ? spec.weightAlphabet().values() : spec.biasAlphabet().values();
                x[v] = vals[rng.nextInt(vals.length)];
            } else {
                double c = v < lay.biasBase() ? spec.weightRegulariser() : spec.biasRegulariser();
                x[v] = g.sample() / Math.sqrt(2 * spec.beta() * c);
            }
        }
        var params = lay.parameters(x);
        for (int l = 0; l < lay.examples(); l++) {
            double[][] z = Hamiltonians.forward(spec.network(), params, spec.examples().get(l).x());
            for (int m = 1; m <= lay.depth(); m++) {
                for (int i = 0; i < lay.width(); i++) {
                    x[lay.neuron(l, m, i)] = plan.discrete() ? nearest(spec.neuronAlphabet().values(), z[m][i]) : z[m][i];
                }
            }
        }
        return x;
    }

    private static double nearest(double[] vals, double z) {
        double best = vals[0];
        for (double v : vals) {
            if (Math.abs(v - z) < Math.abs(best - z)) {
                best = v;
            }
        }
        return best;
    }

    private double[] configuration(int rung) {
        return plan.discrete() ? discrete[rung].values() : continuous[rung].position();
    }

    /** Runs the next segment with its stream {@code chain.split(segmentsDone)}. */
    void nextSegment(RandomStreams chain) {
        long seg = segmentsDone;
        UniformRandomProvider rng = chain.split(seg).generator();
        NormalizedGaussianSampler g = plan.discrete() ? null : ZigguratSampler.NormalizedGaussian.of(rng);
        long from = seg * plan.segmentLength;
        long to = Math.min(plan.totalSweeps, from + plan.segmentLength);
        long therm = plan.spec.thermalization();
        int rungs = plan.rungs;
        double[] obs = new double[rungs];
        int[] perm = new int[rungs];
        for (long t = from; t < to; t++) {
            for (int r = 0; r < rungs; r++) {
                if (plan.discrete()) {
                    acc[r].accepted += plan.metropolis[r].sweep(discrete[r], rng);
                    acc[r].proposed += plan.updatesPerSweep;
                } else {
                    acc[r].accepted += plan.langevin[r].step(continuous[r], rng, g) ? 1 : 0;
                    acc[r].proposed++;
                }
            }
            if (rungs > 1) {
                for (int r = 0; r < rungs; r++) {
                    obs[r] = plan.ensembles[r].constraint(configuration(r));
                    perm[r] = r;
                }
                plan.tempering.swapSweep(obs, perm, swapAccepted, rng);
                permute(perm);
            }
            long since = t - therm + 1;
            if (since > 0 && since % plan.measureEvery == 0) {
                int k = (int) (since / plan.measureEvery) - 1;
                if (k < plan.measurements) {
                    for (int r = 0; r < rungs; r++) {
                        acc[r].measure(plan, plan.ensembles[r], configuration(r), plan.discrete() ? discrete[r].indices() : null, k);
                    }
                }
            }
        }
        segmentsDone++;
    }

    private void permute(int[] perm) {
        int rungs = plan.rungs;
        if (plan.discrete()) {
            DiscreteState[] old = discrete.clone();
            for (int r = 0; r < rungs; r++) {
                discrete[r] = old[perm[r]];
            }
        } else {
            LangevinSampler.Chain[] old = continuous.clone();
            for (int r = 0; r < rungs; r++) {
                if (perm[r] != r) {
                    continuous[r] = plan.langevin[r].start(old[perm[r]].position());
                }
            }
        }
    }

    /** The chain's state (configurations copied, accumulators shared). */
    DynMcChainState state() {
        int k = plan.rungs;
        double[][] states = new double[k][];
        double[][][] series = new double[k][][];
        double[][][] site = new double[k][][];
        double[][][] pair = new double[k][][];
        double[][][] wh = new double[k][][];
        double[][][] hh = new double[k][][];
        double[][] cnt = new double[k][];
        long[] accepted = new long[k];
        long[] proposed = new long[k];
        for (int r = 0; r < k; r++) {
            states[r] = configuration(r).clone();
            series[r] = acc[r].series;
            site[r] = acc[r].site;
            pair[r] = acc[r].pair;
            wh[r] = acc[r].weightHistogram;
            hh[r] = acc[r].neuronHistogram;
            cnt[r] = acc[r].count;
            accepted[r] = acc[r].accepted;
            proposed[r] = acc[r].proposed;
        }
        return new DynMcChainState(segmentsDone, states, series, site, pair, wh, hh, cnt, accepted, proposed, swapAccepted.clone());
    }
}
