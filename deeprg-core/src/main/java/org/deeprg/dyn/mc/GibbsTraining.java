package org.deeprg.dyn.mc;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.deeprg.InvalidInputException;
import org.deeprg.dyn.DynNetwork;
import org.deeprg.dyn.Example;
import org.deeprg.mc.DifferentiableEnergy;
import org.deeprg.mc.LangevinSampler;
import org.deeprg.random.RandomStreams;
import org.deeprg.stats.Autocorrelation;
import org.deeprg.run.RunContext;
import org.hipparchus.distribution.continuous.ChiSquaredDistribution;

/**
 * Training as Gibbs sampling (Lee, Lee, Yi 2024, Eqs. 3-6): noisy gradient descent on the regularised cost
 * {@code E(W, b) = C(W, b) + c_W sum W^2 + c_b sum b^2} with noise temperature {@code T = 1/beta} samples
 * {@code P(W, b) = exp(-beta E)/Z} (Eq. 4). Checked on a small network: the histogram of one parameter from
 * Langevin training is compared with the exact marginal of {@code exp(-beta E)} (numerical quadrature over all
 * parameters) by a Pearson chi-square test; and the (W, b) marginal of the dynamic-neuron ensemble at large
 * betaV (Eq. 12: integrating out h gives back {@code exp(-beta C)} as betaV -> infinity, up to O(beta/betaV))
 * against the same distribution.
 *
 * <p>Correlated samples: the chain is recorded every {@code thin} steps; the chi-square is divided by
 * {@code 2 tau_int} (the largest Sokal-windowed tau_int of the bin-indicator series), the variance inflation of
 * correlated counts, before the p-value is taken with {@code bins - 1} degrees of freedom.
 */
public final class GibbsTraining {
    /** Largest number of energy evaluations of the quadrature. */
    public static final long MAX_QUADRATURE_POINTS = 200_000_000L;

    private GibbsTraining() {
    }

    /**
     * The experiment.
     *
     * @param network           small network with a differentiable activation
     * @param examples          training set
     * @param beta              inverse noise temperature
     * @param weightRegulariser c_W > 0
     * @param biasRegulariser   c_b > 0
     * @param stepSize          eta (Eq. 3)
     * @param steps             steps per chain (after thermalization of steps/10)
     * @param chains            independent chains
     * @param thin              record every this many steps
     * @param parameter         index of the histogrammed parameter in {@link DynLayout} order (weights then biases)
     * @param bins              histogram bins over [-range, range]
     * @param range             half-width of the histogram
     * @param grid              quadrature points per parameter
     * @param sampled           what is sampled: the original regularised cost by unadjusted Langevin (Eq. 3), or the
     *                          dynamic-neuron ensemble at {@code betaV} by MALA (its (W, b) marginal)
     * @param betaV             the constraint strength of {@link Sampled#DYN_MARGINAL} (ignored otherwise; finite, &gt;= 0)
     */
    public record Spec(DynNetwork network, List<Example> examples, double beta, double weightRegulariser,
                       double biasRegulariser, double stepSize, long steps, int chains, int thin, int parameter,
                       int bins, double range, int grid, Sampled sampled, double betaV) implements java.io.Serializable {
        public Spec {
            if (sampled == null) {
                throw new InvalidInputException("sampled", null, "original-cost or dyn-marginal");
            }
            InvalidInputException.requireNonNegative("betaV", betaV);
            examples = List.copyOf(examples);
            InvalidInputException.requirePositive("beta", beta);
            InvalidInputException.requirePositive("weightRegulariser", weightRegulariser);
            InvalidInputException.requirePositive("biasRegulariser", biasRegulariser);
            InvalidInputException.requirePositive("stepSize", stepSize);
            InvalidInputException.requireInRange("steps", steps, 100, 1L << 40);
            InvalidInputException.requireInRange("chains", chains, 1, 4096);
            InvalidInputException.requireInRange("thin", thin, 1, 1 << 20);
            InvalidInputException.requireInRange("bins", bins, 2, 1000);
            InvalidInputException.requirePositive("range", range);
            int d = DynLayout.of(network, examples.size()).neuronBase();
            InvalidInputException.requireInRange("parameter", parameter, 0, d - 1);
            double points = Math.pow(grid, d - 1) * bins * 4;
            if (grid < 4 || points > MAX_QUADRATURE_POINTS) {
                throw new InvalidInputException("grid", grid, "the quadrature over " + d + " parameters needs grid >= 4 and grid^"
                        + (d - 1) + " * bins * 4 <= " + MAX_QUADRATURE_POINTS);
            }
        }

        /** Langevin training of the original regularised cost (Eq. 3), {@link Sampled#ORIGINAL_COST}. */
        public Spec(DynNetwork network, List<Example> examples, double beta, double weightRegulariser, double biasRegulariser,
                    double stepSize, long steps, int chains, int thin, int parameter, int bins, double range, int grid) {
            this(network, examples, beta, weightRegulariser, biasRegulariser, stepSize, steps, chains, thin, parameter, bins,
                    range, grid, Sampled.ORIGINAL_COST, 0);
        }

        /** The same experiment on the dynamic-neuron ensemble at {@code betaV}, sampled by MALA with step {@code eta}. */
        public Spec dynMarginal(double newBetaV, double eta) {
            return new Spec(network, examples, beta, weightRegulariser, biasRegulariser, eta, steps, chains, thin, parameter, bins,
                    range, grid, Sampled.DYN_MARGINAL, newBetaV);
        }

        /** The regularised original cost E(W, b). */
        public OriginalCostEnergy energy() {
            return new OriginalCostEnergy(network, examples, weightRegulariser, biasRegulariser);
        }
    }

    /** What a {@link Spec} samples. */
    public enum Sampled {
        /** {@code exp(-beta E(W, b))} by unadjusted Langevin: the noisy gradient descent of Eq. 3 (training). */
        ORIGINAL_COST,
        /** The dynamic-neuron ensemble (W, b, h real, Eq. 12 with Eq. A2 regularisers) at betaV, by MALA. */
        DYN_MARGINAL
    }

    /**
     * A histogram compared with exact probabilities.
     *
     * @param binCentres     bin centres
     * @param observed       observed fractions of samples per bin (of all samples, in range or not)
     * @param expected       exact probabilities per bin
     * @param samples        recorded samples
     * @param tauInt         largest integrated autocorrelation time of the bin indicators, in recorded samples
     * @param chiSquare      Pearson chi-square divided by 2 tau_int
     * @param degreesOfFreedom bins - 1
     * @param pValue         P(chi2 >= observed) under the exact distribution
     * @param acceptanceRate sampler acceptance (1 for unadjusted Langevin)
     * @param parameterMean  the sampled mean of the histogrammed parameter over all chains (tau_int per chain, R-hat
     *                       across chains), judged by {@link org.deeprg.stats.Reliability}: when its error bar cannot be
     *                       trusted (chains not converged, too few effective samples), neither can the chi-square test,
     *                       which assumes the same stationary, well-sampled chains
     */
    public record HistogramTest(double[] binCentres, double[] observed, double[] expected, long samples, double tauInt,
                                double chiSquare, int degreesOfFreedom, double pValue, double acceptanceRate,
                                org.deeprg.stats.Estimate parameterMean)
            implements java.io.Serializable {
        /** Whether the chi-square test can be trusted: null if so, else why not (from {@link #parameterMean()}). */
        public String unreliableBecause() {
            return parameterMean == null ? null : parameterMean.unreliableBecause();
        }
    }

    /** The exact marginal probability of each histogram bin of the chosen parameter under exp(-beta E). */
    public static double[] exactBinProbabilities(Spec spec) {
        FastCost e = new FastCost(spec);
        int d = e.dimension;
        int g = spec.grid();
        int sub = 4;
        double[] prior = new double[d];
        DynLayout lay = DynLayout.of(spec.network(), spec.examples().size());
        for (int v = 0; v < d; v++) {
            double c = v < lay.biasBase() ? spec.weightRegulariser() : spec.biasRegulariser();
            prior[v] = 1 / Math.sqrt(2 * spec.beta() * c);
        }
        // other parameters: midpoints over [-6 s, 6 s] with s the prior width (the cost is bounded, so the
        // Gaussian regulariser confines every parameter); the chosen one: sub-points of each bin
        double[] lo = new double[d];
        double[] h = new double[d];
        for (int v = 0; v < d; v++) {
            lo[v] = -6 * prior[v];
            h[v] = 12 * prior[v] / g;
        }
        int bins = spec.bins();
        double bw = 2 * spec.range() / bins;
        double[] mass = new double[bins + 1];
        double[] x = new double[d];
        int others = d - 1;
        long combos = Math.round(Math.pow(g, others));
        double beta = spec.beta();
        // shift for stability: the energy is >= 0
        for (int b = 0; b < bins; b++) {
            for (int s = 0; s < sub; s++) {
                x[spec.parameter()] = -spec.range() + (b + (s + 0.5) / sub) * bw;
                for (long c = 0; c < combos; c++) {
                    long rest = c;
                    for (int v = 0; v < d; v++) {
                        if (v == spec.parameter()) {
                            continue;
                        }
                        int k = (int) (rest % g);
                        rest /= g;
                        x[v] = lo[v] + (k + 0.5) * h[v];
                    }
                    mass[b] += Math.exp(-beta * e.energy(x));
                }
            }
            mass[b] *= bw / sub;
        }
        // total normalisation: the chosen parameter over [-6 s, 6 s] as well (covers tails outside the range)
        double total = 0;
        int tail = g * 2;
        double lt = -Math.max(6 * prior[spec.parameter()], spec.range());
        double ht = -2 * lt / tail;
        for (int t = 0; t < tail; t++) {
            x[spec.parameter()] = lt + (t + 0.5) * ht;
            double m = 0;
            for (long c = 0; c < combos; c++) {
                long rest = c;
                for (int v = 0; v < d; v++) {
                    if (v == spec.parameter()) {
                        continue;
                    }
                    int k = (int) (rest % g);
                    rest /= g;
                    x[v] = lo[v] + (k + 0.5) * h[v];
                }
                m += Math.exp(-beta * e.energy(x));
            }
            total += m * ht;
        }
        double[] p = new double[bins];
        for (int b = 0; b < bins; b++) {
            p[b] = mass[b] / total;
        }
        return p;
    }

    /** Allocation-free evaluation of E(W, b) for the quadrature (same formula as {@link OriginalCostEnergy}). */
    private static final class FastCost {
        final int dimension;
        final DynLayout lay;
        final org.deeprg.net.Activation sigma;
        final double[][] xs;
        final double[][] ys;
        final double cw;
        final double cb;
        final double[] in;
        final double[] out;

        FastCost(Spec spec) {
            lay = DynLayout.of(spec.network(), spec.examples().size());
            dimension = lay.neuronBase();
            sigma = spec.network().activation();
            xs = spec.examples().stream().map(Example::x).toArray(double[][]::new);
            ys = spec.examples().stream().map(Example::y).toArray(double[][]::new);
            cw = spec.weightRegulariser();
            cb = spec.biasRegulariser();
            in = new double[lay.width()];
            out = new double[lay.width()];
        }

        double energy(double[] x) {
            int n = lay.width();
            double e = 0;
            for (int l = 0; l < xs.length; l++) {
                System.arraycopy(xs[l], 0, in, 0, n);
                for (int m = 0; m <= lay.depth(); m++) {
                    for (int i = 0; i < n; i++) {
                        double s = x[lay.bias(m, i)];
                        for (int j = 0; j < n; j++) {
                            s += x[lay.weight(m, i, j)] * in[j];
                        }
                        out[i] = sigma.value(s);
                    }
                    System.arraycopy(out, 0, in, 0, n);
                }
                for (int i = 0; i < n; i++) {
                    double r = ys[l][i] - in[i];
                    e += r * r;
                }
            }
            for (int v = 0; v < lay.biasBase(); v++) {
                e += cw * x[v] * x[v];
            }
            for (int v = lay.biasBase(); v < dimension; v++) {
                e += cb * x[v] * x[v];
            }
            return e;
        }
    }

    /**
     * Samples {@code spec} and tests the histogram of the chosen parameter against the exact marginal of
     * {@code exp(-beta E(W, b))}: training as Gibbs sampling (Eq. 4) for {@link Sampled#ORIGINAL_COST}, the
     * betaV -&gt; infinity limit of the dynamic-neuron ensemble (Eqs. 10-12) for {@link Sampled#DYN_MARGINAL}. Chains are
     * independent tasks of {@code context}, chain c drawing from {@code streams.split(name).split(c)} with name
     * {@code "gibbs-training"} or {@code "dyn-marginal"}.
     */
    public static HistogramTest run(Spec spec, RunContext context) {
        RandomStreams streams = context.streams().split(spec.sampled() == Sampled.ORIGINAL_COST ? "gibbs-training" : "dyn-marginal");
        double[] exact = exactBinProbabilities(spec);
        List<double[]> series = context.map(spec.chains(), c -> chain(spec, streams, c));
        return test(spec, series, exact);
    }

    /** Langevin training (unadjusted: plain noisy gradient descent, Eq. 3) on E(W, b); histogram test. */
    public static HistogramTest langevinTraining(Spec spec, RunContext context) {
        return run(new Spec(spec.network(), spec.examples(), spec.beta(), spec.weightRegulariser(), spec.biasRegulariser(),
                spec.stepSize(), spec.steps(), spec.chains(), spec.thin(), spec.parameter(), spec.bins(), spec.range(), spec.grid()), context);
    }

    /**
     * The (W, b) marginal of the continuous dynamic-neuron ensemble at {@code betaV}, sampled by MALA with step
     * {@code stepSize}, against the exact Gibbs marginal of the original cost (the betaV -&gt; infinity limit).
     */
    public static HistogramTest dynMarginal(Spec spec, double betaV, double stepSize, RunContext context) {
        return run(spec.dynMarginal(betaV, stepSize), context);
    }

    /** The sampler of a spec. */
    static LangevinSampler sampler(Spec spec) {
        if (spec.sampled() == Sampled.ORIGINAL_COST) {
            return new LangevinSampler(spec.energy(), new LangevinSampler.Settings(spec.beta(), spec.stepSize(), false));
        }
        DynEnsemble ens = new DynEnsemble(spec.network(), spec.examples(), spec.beta(), spec.betaV(),
                spec.weightRegulariser(), spec.biasRegulariser());
        return new LangevinSampler(new DynEnergy(ens), new LangevinSampler.Settings(spec.beta(), spec.stepSize(), true));
    }

    /**
     * Chain c (a task): start at W = b = 0 with the neurons (if any) on the forward pass, steps/10 steps of
     * thermalization, then the parameter every {@code thin} steps; the last entry is the acceptance rate.
     */
    static double[] chain(Spec spec, RandomStreams streams, int c) {
        LangevinSampler sampler = sampler(spec);
        int n = (int) (spec.steps() / spec.thin());
        DynLayout lay = DynLayout.of(spec.network(), spec.examples().size());
        UniformRandomProvider rng = streams.split(c).generator();
        double[] x0 = new double[sampler.energy().dimension()];
        if (x0.length > lay.neuronBase()) {
            var p = lay.parameters(x0);
            lay.putNeurons(org.deeprg.dyn.Hamiltonians.forwardNeurons(spec.network(), p, spec.examples()), x0);
        }
        LangevinSampler.Chain chain = sampler.start(x0);
        sampler.run(chain, spec.steps() / 10, rng);
        double[] out = new double[n + 1];
        long acc0 = chain.accepted();
        long st0 = chain.steps();
        for (int i = 0; i < n; i++) {
            sampler.run(chain, spec.thin(), rng);
            out[i] = chain.position()[spec.parameter()];
        }
        out[n] = (double) (chain.accepted() - acc0) / (chain.steps() - st0);
        return out;
    }

    private static HistogramTest test(Spec spec, List<double[]> series, double[] exact) {
        int bins = spec.bins();
        double bw = 2 * spec.range() / bins;
        int n = (int) (spec.steps() / spec.thin());
        long[] counts = new long[bins];
        double tau = 0.5;
        double acceptance = 0;
        for (double[] xs : series) {
            acceptance += xs[n] / series.size();
            double[][] indicator = new double[bins][n];
            for (int i = 0; i < n; i++) {
                int b = (int) Math.floor((xs[i] + spec.range()) / bw);
                if (b >= 0 && b < bins) {
                    counts[b]++;
                    indicator[b][i] = 1;
                }
            }
            for (int b = 0; b < bins; b++) {
                if (exact[b] * n >= 5) {
                    tau = Math.max(tau, Autocorrelation.integratedTime(indicator[b]));
                }
            }
        }
        long total = (long) n * series.size();
        double chi2 = 0;
        double[] observed = new double[bins];
        double[] centres = new double[bins];
        double outsideExpected = 1;
        long inside = 0;
        for (int b = 0; b < bins; b++) {
            observed[b] = (double) counts[b] / total;
            centres[b] = -spec.range() + (b + 0.5) * bw;
            double ex = exact[b] * total;
            chi2 += (counts[b] - ex) * (counts[b] - ex) / ex;
            outsideExpected -= exact[b];
            inside += counts[b];
        }
        int dof = bins - 1;
        double outEx = outsideExpected * total;
        if (outEx >= 5) {
            double outObs = total - inside;
            chi2 += (outObs - outEx) * (outObs - outEx) / outEx;
            dof++;
        }
        double scaled = chi2 / (2 * tau);
        double p = 1 - new ChiSquaredDistribution(dof).cumulativeProbability(scaled);
        double[][] chains = new double[series.size()][];
        org.deeprg.stats.Estimate[] per = new org.deeprg.stats.Estimate[series.size()];
        for (int c = 0; c < chains.length; c++) {
            chains[c] = java.util.Arrays.copyOf(series.get(c), n);
            per[c] = org.deeprg.stats.Estimate.ofTimeSeries(chains[c]);
        }
        org.deeprg.stats.Estimate mean = org.deeprg.stats.Reliability.check(org.deeprg.stats.Estimate.average(per)
                .withRHat(org.deeprg.stats.Resampling.rHat(chains)), chains.length, org.deeprg.stats.Reliability.blockMeans(chains, 16));
        return new HistogramTest(centres, observed, exact, total, tau, scaled, dof, p, acceptance, mean);
    }

    /** The default small experiment: N = 1, M = 1 sigmoid net, two examples, histogram of W^(1). */
    public static Spec defaultSpec(long steps, int chains) {
        DynNetwork net = new DynNetwork(1, 1, org.deeprg.net.Activation.SIGMOID);
        List<Example> ex = new ArrayList<>();
        ex.add(new Example(new double[] {1}, new double[] {1}));
        ex.add(new Example(new double[] {-1}, new double[] {0}));
        return new Spec(net, ex, 4.0, 0.25, 0.25, 0.01, steps, chains, 40, 1, 24, 3.0, 24);
    }
}
