package org.deeprg.dyn.mc;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.deeprg.InvalidInputException;
import org.deeprg.dyn.DynNetwork;
import org.deeprg.dyn.DynParameters;
import org.deeprg.dyn.Example;
import org.deeprg.mc.DiscreteState;
import org.deeprg.mc.MetropolisSampler;
import org.deeprg.mc.ParallelTempering;
import org.deeprg.random.RandomStreams;
import org.deeprg.stats.Estimate;
import org.deeprg.stats.Reliability;
import org.deeprg.stats.Resampling;
import org.deeprg.run.RunContext;

/**
 * Edwards-Anderson analysis of the spin-glass limit (Appendix A): draw coupling sets from the Gaussian
 * regulariser distribution ({@code W ~ N(0, 1/(2 beta c_W))}, {@code b ~ N(0, 1/(2 beta c_b))}), build the
 * couplings of Eq. (A2) ({@link SpinGlassCouplings}), and for each set run two independent replicas a, b of
 * Metropolis at inverse temperature beta. The replica overlap {@code q = (1/n) sum_i s^a_i s^b_i} is recorded
 * every sweep; reported are its distribution P(q) (disorder-averaged), {@code [<q^2>]}, {@code [<|q|>]}, the
 * spin-glass susceptibility {@code chi_SG = n [<q^2>]} and the Binder ratio
 * {@code g = (3 - [<q^4>]/[<q^2>]^2)/2}; square brackets are disorder averages (errors over coupling sets,
 * which include the thermal noise), angle brackets thermal averages.
 */
public final class SpinGlassAnalysis {
    private SpinGlassAnalysis() {
    }

    /** The betaV ladder (one value without tempering). */
    public static double[] ladder(SpinGlassSpec spec) {
        int k = spec.rungs();
        double[] l = new double[k];
        for (int r = 0; r < k; r++) {
            l[r] = k == 1 ? spec.betaV() : spec.betaV() * Math.pow(8, -(double) (k - 1 - r) / (k - 1));
        }
        return l;
    }

    /**
     * Parallel tempering over betaV for two replicas of the Eq. (A2) spin glass of one coupling set: the
     * Hamiltonian is linear in lambda = betaV/beta, {@code beta H = betaV A(s) + beta B(s)}, so rungs swap with
     * {@link ParallelTempering} on the observable A (A from the couplings at lambda = 1 minus those at lambda = 0).
     * Returns the overlaps of the two replicas at the top rung after each measured sweep; {@code swaps} (length
     * K - 1, modified) counts accepted swaps.
     */
    public static double[] overlapsTempered(DynNetwork net, DynParameters p, Example example, double beta, double[] ladder,
                                            long sweeps, long thermalization, RandomStreams streams, long[] swaps) {
        int k = ladder.length;
        EdwardsAndersonModel[] models = new EdwardsAndersonModel[k];
        MetropolisSampler[] samplers = new MetropolisSampler[k];
        for (int r = 0; r < k; r++) {
            models[r] = new EdwardsAndersonModel(SpinGlassCouplings.of(net, p, example, beta, ladder[r]), beta);
            samplers[r] = new MetropolisSampler(models[r]);
        }
        SpinGlassCouplings one = SpinGlassCouplings.of(net, p, example, beta, beta);
        SpinGlassCouplings zero = SpinGlassCouplings.of(net, p, example, beta, 0);
        ParallelTempering pt = new ParallelTempering(ladder);
        int n = models[0].variableCount();
        DiscreteState[][] rep = new DiscreteState[2][k];
        UniformRandomProvider[] rng = new UniformRandomProvider[2];
        for (int a = 0; a < 2; a++) {
            rng[a] = streams.split(a).generator();
            for (int r = 0; r < k; r++) {
                rep[a][r] = new DiscreteState(models[r]);
                for (int i = 0; i < n; i++) {
                    rep[a][r].set(i, rng[a].nextInt(2));
                }
            }
        }
        double[] obs = new double[k];
        int[] perm = new int[k];
        double[] q = new double[(int) sweeps];
        for (long t = 0; t < thermalization + sweeps; t++) {
            for (int a = 0; a < 2; a++) {
                for (int r = 0; r < k; r++) {
                    samplers[r].sweep(rep[a][r], rng[a]);
                }
                if (k > 1) {
                    for (int r = 0; r < k; r++) {
                        double[] sv = rep[a][r].values();
                        obs[r] = one.energy(sv) - zero.energy(sv);
                        perm[r] = r;
                    }
                    pt.swapSweep(obs, perm, t >= thermalization ? swaps : null, rng[a]);
                    DiscreteState[] old = rep[a].clone();
                    for (int r = 0; r < k; r++) {
                        // states keep their values; the rung's model only supplies the (shared) value lists
                        rep[a][r] = old[perm[r]];
                    }
                }
            }
            if (t >= thermalization) {
                double[] x = rep[0][k - 1].values();
                double[] y = rep[1][k - 1].values();
                double sum = 0;
                for (int i = 0; i < n; i++) {
                    sum += x[i] * y[i];
                }
                q[(int) (t - thermalization)] = sum / n;
            }
        }
        return q;
    }

    /** Gaussian (W, b) from the regulariser weight {@code exp(-beta c W^2)}. */
    public static DynParameters drawParameters(DynNetwork net, double beta, double cW, double cB, UniformRandomProvider rng) {
        NormalizedGaussianSampler g = ZigguratSampler.NormalizedGaussian.of(rng);
        DynParameters p = DynParameters.zeros(net);
        double sw = 1 / Math.sqrt(2 * beta * cW);
        double sb = 1 / Math.sqrt(2 * beta * cB);
        for (int m = 0; m <= net.depth(); m++) {
            for (int i = 0; i < net.width(); i++) {
                for (int j = 0; j < net.width(); j++) {
                    p.weights(m)[i][j] = sw * g.sample();
                }
                p.biases(m)[i] = sb * g.sample();
            }
        }
        return p;
    }

    /**
     * Two independent replicas of {@code model}, random starts, {@code thermalization} discarded sweeps, then the
     * overlap after each of {@code sweeps} sweeps.
     */
    public static double[] overlaps(EdwardsAndersonModel model, long sweeps, long thermalization, RandomStreams streams) {
        MetropolisSampler s = new MetropolisSampler(model);
        int n = model.variableCount();
        DiscreteState[] rep = new DiscreteState[2];
        UniformRandomProvider[] rng = new UniformRandomProvider[2];
        for (int r = 0; r < 2; r++) {
            rng[r] = streams.split(r).generator();
            rep[r] = new DiscreteState(model);
            for (int a = 0; a < n; a++) {
                rep[r].set(a, rng[r].nextInt(2));
            }
        }
        for (long t = 0; t < thermalization; t++) {
            s.sweep(rep[0], rng[0]);
            s.sweep(rep[1], rng[1]);
        }
        double[] q = new double[(int) sweeps];
        for (int t = 0; t < sweeps; t++) {
            s.sweep(rep[0], rng[0]);
            s.sweep(rep[1], rng[1]);
            double[] a = rep[0].values();
            double[] b = rep[1].values();
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += a[i] * b[i];
            }
            q[t] = sum / n;
        }
        return q;
    }

    /**
     * Runs the analysis. Coupling sets are independent tasks of {@code context} (set d draws from
     * {@code streams.split("spinglass").split(d)}), submitted in batches so that progress can be reported between them;
     * results are combined in set order, so the numbers do not depend on threads, backend or batching.
     */
    public static SpinGlassResult run(SpinGlassSpec spec, RunContext context) {
        DynNetwork net = spec.network();
        int n = net.depth() * net.width();
        int bins = Math.min(n + 1, 101);
        RandomStreams root = context.streams().split("spinglass");
        context.progress().start("dyn spinglass", spec.samples());
        int batch = Math.max(1, 4 * context.threads());
        List<double[]> per = new ArrayList<>();
        for (int from = 0; from < spec.samples(); from += batch) {
            int first = from;
            int count = Math.min(batch, spec.samples() - from);
            per.addAll(context.map(count, i -> couplingSet(spec, root, first + i)));
            context.progress().advance(count);
        }
        double[][] blocks = per.toArray(new double[0][]);
        double[] q2 = column(blocks, 0);
        // independent coupling sets: Reliability flags too few sets and a heavy-tailed disorder distribution
        Estimate qSquared = Reliability.check(Estimate.ofIndependent(q2), 0, q2);
        double[] qa = column(blocks, 2);
        Estimate qAbs = Reliability.check(Estimate.ofIndependent(qa), 0, qa);
        Estimate chi = new Estimate(n * qSquared.mean(), n * qSquared.stderr(), (double) n * n * qSquared.variance(), qSquared.tauInt(), qSquared.rHat(), qSquared.samples(), qSquared.unreliableBecause());
        Estimate binder = Reliability.check(Resampling.jackknife(blocks, v -> 0.5 * (3 - v[1] / (v[0] * v[0]))));
        Estimate swapAcceptance = null;
        if (spec.rungs() > 1) {
            double[] sw = column(blocks, 3 + bins);
            swapAcceptance = Reliability.check(Estimate.ofIndependent(sw), 0, sw);
        }
        double[] centres = new double[bins];
        List<Estimate> prob = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            centres[b] = -1 + 2.0 * b / (bins - 1);
            double[] pb = column(blocks, 3 + b);
            prob.add(Reliability.check(Estimate.ofIndependent(pb), 0, pb));
        }
        DynParameters p0 = drawParameters(net, spec.beta(), spec.weightRegulariser(), spec.biasRegulariser(),
                root.split(0).split("couplings").generator());
        SpinGlassCouplings c0 = SpinGlassCouplings.of(net, p0, spec.example(), spec.beta(), spec.betaV());
        return new SpinGlassResult(n, spec.samples(), spec.sweeps(), qSquared, qAbs, chi, binder,
                new SpinGlassResult.Distribution(centres, prob), ladder(spec), swapAcceptance, c0);
    }

    /**
     * Coupling set d (a task): draws (W, b), runs two replicas (tempered with {@code rungs > 1}) and returns
     * {@code [<q^2>, <q^4>, <|q|>, P(q) per bin..., swap acceptance]} of this set.
     */
    static double[] couplingSet(SpinGlassSpec spec, RandomStreams root, int d) {
        DynNetwork net = spec.network();
        int n = net.depth() * net.width();
        int bins = Math.min(n + 1, 101);
        RandomStreams s = root.split(d);
        DynParameters p = drawParameters(net, spec.beta(), spec.weightRegulariser(), spec.biasRegulariser(), s.split("couplings").generator());
        double[] q;
        double[] out = new double[4 + bins];
        if (spec.rungs() == 1) {
            EdwardsAndersonModel model = new EdwardsAndersonModel(
                    SpinGlassCouplings.of(net, p, spec.example(), spec.beta(), spec.betaV()), spec.beta());
            q = overlaps(model, spec.sweeps(), spec.thermalization(), s.split("replicas"));
        } else {
            long[] swaps = new long[spec.rungs() - 1];
            q = overlapsTempered(net, p, spec.example(), spec.beta(), ladder(spec), spec.sweeps(), spec.thermalization(),
                    s.split("replicas"), swaps);
            long total = 0;
            for (long w : swaps) {
                total += w;
            }
            out[3 + bins] = (double) total / (2.0 * spec.sweeps() * swaps.length) * q.length;
        }
        for (double v : q) {
            out[0] += v * v;
            out[1] += v * v * v * v;
            out[2] += Math.abs(v);
            int b = Math.min(bins - 1, (int) Math.floor((v + 1) / 2 * (bins - 1) + 0.5));
            out[3 + b]++;
        }
        for (int k = 0; k < out.length; k++) {
            out[k] /= q.length;
        }
        return out;
    }

    private static double[] column(double[][] a, int k) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i][k];
        }
        return c;
    }
}
