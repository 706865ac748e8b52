package org.deeprg.dyn.mc;

import static org.deeprg.dyn.mc.DynMcAccumulator.CONSTRAINT;
import static org.deeprg.dyn.mc.DynMcAccumulator.COST;
import static org.deeprg.dyn.mc.DynMcAccumulator.NEURON_MEAN;
import static org.deeprg.dyn.mc.DynMcAccumulator.SCALARS;
import static org.deeprg.dyn.mc.DynMcAccumulator.VIOLATION;
import static org.deeprg.dyn.mc.DynMcAccumulator.WEIGHT_MEAN;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.deeprg.dyn.Alphabet;
import org.deeprg.stats.Estimate;
import org.deeprg.stats.LinearFit;
import org.deeprg.stats.Reliability;
import org.deeprg.stats.Resampling;

/**
 * The estimators of a {@link DynMonteCarlo} run: turn the final {@link DynMcChainState}s of all chains into a
 * {@link DynMcResult}.
 *
 * <ul>
 *   <li>Scalar time series (cost, constraint, H_new, rms violation, neuron and weight mean): Sokal-windowed tau_int per
 *       chain ({@link Estimate#ofTimeSeries}), averaged over chains ({@link Estimate#average}); the Gelman-Rubin R-hat
 *       over the chains' series is attached to each ({@link Estimate#withRHat}).</li>
 *   <li>Per-layer neuron means and histogram fractions: binning over {@link DynMcSpec#BLOCKS_PER_CHAIN} blocks per chain
 *       (independent blocks, tau_int 1/2), with the R-hat of the block means across chains.</li>
 *   <li>G_h(r) (Eq. 34, translation-averaged, connected) and the correlation length: jackknife over the same blocks,
 *       with the R-hat of the per-block values across chains; xi from the least-squares line
 *       {@code ln G_h(r) = c - r/xi} ({@link LinearFit#ordinary}) through the leading positive G_h(r), r = 1..R'
 *       (R' &gt;= 2), Eq. 35.</li>
 *   <li>Acceptance rates: the mean of the chains' rates with their scatter (independent chains).</li>
 * </ul>
 * Every estimate is judged by {@link Reliability}: R-hat above {@link Reliability#MAX_RHAT}, fewer than
 * {@link Reliability#MIN_EFFECTIVE_SAMPLES} effective samples, or heavy-tailed block means flag its error bar as
 * unreliable (reported, never used for a verdict).
 */
final class DynMcEstimators {
    /** R-hat above this marks an error bar unreliable ({@link Reliability#MAX_RHAT}). */
    static final double RHAT_LIMIT = Reliability.MAX_RHAT;

    private DynMcEstimators() {
    }

    /** The result of a finished run: per rung, the top rung (largest betaV) on top with the ladder attached. */
    static DynMcResult finish(DynMcPlan plan, List<DynMcChainState> chains) {
        List<DynMcResult> perRung = new ArrayList<>();
        for (int k = 0; k < plan.rungs; k++) {
            perRung.add(rung(plan, chains, k));
        }
        DynMcResult top = perRung.get(plan.rungs - 1);
        if (plan.rungs == 1) {
            return top;
        }
        List<Estimate> swaps = new ArrayList<>();
        for (int k = 0; k + 1 < plan.rungs; k++) {
            double[] perChain = new double[chains.size()];
            for (int c = 0; c < perChain.length; c++) {
                perChain[c] = chains.get(c).swapAccepted()[k] / (double) plan.totalSweeps;
            }
            swaps.add(acceptance(perChain));
        }
        return top.withLadder(perRung, swaps);
    }

    private static DynMcResult rung(DynMcPlan plan, List<DynMcChainState> chains, int k) {
        DynMcSpec spec = plan.spec;
        DynLayout layout = plan.layout;
        double beta = spec.beta();
        double betaV = spec.betaVLadder()[k];
        int nChains = chains.size();
        int measurements = plan.measurements;
        double[][][] series = new double[SCALARS + 1][nChains][];
        for (int c = 0; c < nChains; c++) {
            for (int o = 0; o < SCALARS; o++) {
                series[o][c] = chains.get(c).series()[k][o];
            }
            if (beta > 0) {
                double[] e = new double[measurements];
                for (int t = 0; t < measurements; t++) {
                    e[t] = series[COST][c][t] + betaV / beta * series[CONSTRAINT][c][t];
                }
                series[SCALARS][c] = e;
            }
        }
        Estimate[] scalar = new Estimate[SCALARS + 1];
        for (int o = 0; o <= SCALARS; o++) {
            if (series[o][0] == null) {
                continue;
            }
            Estimate[] per = new Estimate[nChains];
            for (int c = 0; c < nChains; c++) {
                per[c] = Estimate.ofTimeSeries(series[o][c]);
            }
            scalar[o] = Reliability.check(Estimate.average(per).withRHat(Resampling.rHat(series[o])), nChains,
                    Reliability.blockMeans(series[o], DynMcSpec.BLOCKS_PER_CHAIN));
        }
        int lmn = layout.neuronCount();
        int distances = plan.distances;
        List<double[]> blockVectors = new ArrayList<>();
        List<double[]> wFractions = new ArrayList<>();
        List<double[]> hFractions = new ArrayList<>();
        long accepted = 0;
        long proposed = 0;
        for (DynMcChainState a : chains) {
            accepted += a.accepted()[k];
            proposed += a.proposed()[k];
            for (int b = 0; b < plan.blocks; b++) {
                double cnt = a.blockCount()[k][b];
                double[] v = new double[lmn + distances + 1];
                for (int s = 0; s < lmn; s++) {
                    v[s] = a.site()[k][b][s] / cnt;
                }
                for (int d = 0; d <= distances; d++) {
                    v[lmn + d] = a.pair()[k][b][d] / cnt;
                }
                blockVectors.add(v);
                wFractions.add(normalised(a.weightHistogram()[k][b], cnt * layout.weightCount()));
                hFractions.add(normalised(a.neuronHistogram()[k][b], cnt * lmn));
            }
        }
        double[][] bv = blockVectors.toArray(new double[0][]);
        int depth = layout.depth();
        int n = layout.width();
        int lCount = layout.examples();
        List<Estimate> layerMeans = new ArrayList<>();
        for (int m = 1; m <= depth; m++) {
            double[] per = new double[bv.length];
            for (int b = 0; b < bv.length; b++) {
                double s = 0;
                for (int l = 0; l < lCount; l++) {
                    for (int i = 0; i < n; i++) {
                        s += bv[b][layout.neuron(l, m, i) - layout.neuronBase()];
                    }
                }
                per[b] = s / (lCount * n);
            }
            layerMeans.add(binned(per, nChains));
        }
        List<Estimate> correlation = new ArrayList<>();
        for (int d = 0; d <= distances; d++) {
            final int dd = d;
            if (bv.length < 2) {
                correlation.add(null);
                continue;
            }
            double[] perBlock = new double[bv.length];
            for (int b = 0; b < bv.length; b++) {
                perBlock[b] = connected(layout, bv[b], dd);
            }
            correlation.add(Reliability.check(Resampling.jackknife(bv, v -> connected(layout, v, dd)).withRHat(rHatOfBlocks(perBlock, nChains)),
                    nChains));
        }
        Estimate xi = null;
        double[] full = new double[distances + 1];
        for (int d = 0; d <= distances; d++) {
            full[d] = correlation.get(d).mean();
        }
        int fitPoints = 0;
        while (fitPoints + 1 <= distances && full[fitPoints + 1] > 0) {
            fitPoints++;
        }
        if (fitPoints >= 2 && bv.length >= 2) {
            final int p = fitPoints;
            Estimate e = Resampling.jackknife(bv, v -> correlationLength(layout, v, p));
            if (Double.isFinite(e.mean()) && Double.isFinite(e.stderr())) {
                double[] perBlock = new double[bv.length];
                for (int b = 0; b < bv.length; b++) {
                    perBlock[b] = correlationLength(layout, bv[b], p);
                }
                xi = Reliability.check(e.withRHat(rHatOfBlocks(perBlock, nChains)), nChains);
            }
        }
        DynMcResult.Histogram wh = histogram(plan, wFractions, true, nChains);
        DynMcResult.Histogram hh = histogram(plan, hFractions, false, nChains);
        double[] rates = new double[nChains];
        for (int c = 0; c < nChains; c++) {
            long p = chains.get(c).proposed()[k];
            rates[c] = p == 0 ? Double.NaN : (double) chains.get(c).accepted()[k] / p;
        }
        return new DynMcResult(spec.sampler().cliName(), beta, betaV, scalar[COST], scalar[CONSTRAINT], scalar[SCALARS],
                scalar[VIOLATION], scalar[NEURON_MEAN], scalar[WEIGHT_MEAN], layerMeans, correlation, xi, wh, hh,
                proposed == 0 ? null : acceptance(rates), spec.sweeps(), spec.thermalization(),
                nChains, plan.measureEvery, null, null);
    }

    /** The average of {@code chains} chains with their R-hat, judged by {@link Reliability#check(Estimate, int)}. */
    static Estimate withConvergence(Estimate average, double rHat, int chains) {
        return Reliability.check(average.withRHat(rHat), chains);
    }

    /**
     * The acceptance rate: the mean of the chains' rates, the error from their scatter (independent chains, tau_int
     * 1/2); one chain has no error bar (its updates are correlated, so the binomial error would understate it).
     */
    static Estimate acceptance(double[] perChain) {
        if (perChain.length < 2) {
            return new Estimate(perChain[0], Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1,
                    "one chain: no error bar (the binomial error of correlated updates would understate it)");
        }
        return Reliability.check(Estimate.ofIndependent(perChain));
    }

    /** R-hat of per-block values grouped by chain ({@code blocks.length / chains} consecutive blocks each); NaN for one chain. */
    static double rHatOfBlocks(double[] blocks, int chains) {
        if (chains < 2 || blocks.length < 2 * chains) {
            return Double.NaN;
        }
        int per = blocks.length / chains;
        double[][] g = new double[chains][per];
        for (int c = 0; c < chains; c++) {
            System.arraycopy(blocks, c * per, g[c], 0, per);
        }
        for (double x : blocks) {
            if (!Double.isFinite(x)) {
                return Double.NaN;
            }
        }
        return Resampling.rHat(g);
    }

    private static double[] normalised(double[] counts, double total) {
        double[] f = new double[counts.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = counts[i] / total;
        }
        return f;
    }

    private static DynMcResult.Histogram histogram(DynMcPlan plan, List<double[]> fractions, boolean weights, int chains) {
        DynMcSpec spec = plan.spec;
        int bins = fractions.get(0).length;
        List<Double> x = new ArrayList<>();
        double width;
        if (plan.discrete()) {
            Alphabet a = weights ? spec.weightAlphabet() : spec.neuronAlphabet();
            for (int i = 0; i < bins; i++) {
                x.add(a.value(i));
            }
            width = 0;
        } else {
            double range = weights ? plan.weightRange : DynMcPlan.NEURON_RANGE;
            width = 2 * range / bins;
            for (int i = 0; i < bins; i++) {
                x.add(-range + (i + 0.5) * width);
            }
        }
        List<Estimate> f = new ArrayList<>();
        for (int i = 0; i < bins; i++) {
            double[] per = new double[fractions.size()];
            for (int b = 0; b < per.length; b++) {
                per[b] = fractions.get(b)[i];
            }
            f.add(binned(per, chains));
        }
        return new DynMcResult.Histogram(x, width, f);
    }

    /**
     * Binned estimate from block means (independent blocks, tau_int = 1/2; blocks grouped by chain), with the R-hat
     * of the blocks across chains, judged by {@link Reliability} (also for heavy-tailed block means).
     */
    static Estimate binned(double[] blockMeans, int chains) {
        if (blockMeans.length < 2) {
            return new Estimate(blockMeans[0], Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1, "a single block: no error bar");
        }
        return Reliability.check(Estimate.ofIndependent(blockMeans).withRHat(rHatOfBlocks(blockMeans, chains)), chains, blockMeans);
    }

    /** G_h(d) from a vector [site means (LMN), translation-averaged pair means (R+1)]. */
    static double connected(DynLayout layout, double[] v, int d) {
        int lmn = layout.neuronCount();
        int depth = layout.depth();
        int n = layout.width();
        double disconnected = 0;
        long pairs = (long) layout.examples() * (depth - d) * n;
        for (int l = 0; l < layout.examples(); l++) {
            for (int m = 1; m + d <= depth; m++) {
                int s0 = layout.neuron(l, m, 0) - layout.neuronBase();
                for (int i = 0; i < n; i++) {
                    disconnected += v[s0 + i] * v[s0 + d * n + i];
                }
            }
        }
        return (v[lmn + d] - disconnected) / pairs;
    }

    /** xi = -1/slope of the ordinary least-squares line through (r, ln G_h(r)), r = 1..points; NaN if a G_h(r) &lt;= 0. */
    static double correlationLength(DynLayout layout, double[] v, int points) {
        double[] r = new double[points];
        double[] lnG = new double[points];
        for (int d = 1; d <= points; d++) {
            double g = connected(layout, v, d);
            if (!(g > 0)) {
                return Double.NaN;
            }
            r[d - 1] = d;
            lnG[d - 1] = Math.log(g);
        }
        return -1 / LinearFit.ordinary(r, lnG).slope();
    }
}
