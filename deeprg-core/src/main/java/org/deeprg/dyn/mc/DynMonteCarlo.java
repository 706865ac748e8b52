package org.deeprg.dyn.mc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.deeprg.InvalidInputException;
import org.deeprg.dyn.Alphabet;
import org.deeprg.dyn.Hamiltonians;
import org.deeprg.json.Json;
import org.deeprg.mc.DiscreteState;
import org.deeprg.mc.LangevinSampler;
import org.deeprg.mc.MetropolisSampler;
import org.deeprg.mc.ParallelTempering;
import org.deeprg.run.LocalBackend;
import org.deeprg.random.RandomStreams;
import org.deeprg.stats.Estimate;
import org.deeprg.stats.Resampling;
import org.deeprg.run.RunContext;

/**
 * Runs a dynamic-neuron Monte Carlo simulation ({@link DynMcSpec}) and returns {@link DynMcResult}.
 *
 * <p>Chains run in parallel, one random stream each. Each chain advances in <em>segments</em> of a fixed number of
 * sweeps (a function of the spec only); segment s of chain c draws its random numbers from
 * {@code streams.split("dyn-mc").split(c).split(s)}, so the result is bit-identical for any thread count and for any
 * pattern of interruptions: a checkpoint (chain configurations, time series and block accumulators, written
 * between segments every few seconds) restores the run exactly, and {@code resume} reproduces the uninterrupted
 * numbers.
 *
 * <p>With a betaV ladder every chain holds one replica per rung; after every sweep neighbouring rungs attempt a
 * swap ({@link ParallelTempering}, observable: the constraint). Measurements are taken per rung.
 */
public final class DynMonteCarlo {
    /** Target work per segment, in single-variable updates. */
    static final long UPDATES_PER_SEGMENT = 1_000_000L;
    private static final int SCALARS = 5;
    private static final int COST = 0;
    private static final int CONSTRAINT = 1;
    private static final int VIOLATION = 2;
    private static final int NEURON_MEAN = 3;
    private static final int WEIGHT_MEAN = 4;
    /** Range of the continuous neuron histogram. */
    static final double NEURON_RANGE = 2.0;

    private DynMonteCarlo() {
    }

    /**
     * How a run checkpoints.
     *
     * @param file            checkpoint file (null: none)
     * @param intervalMillis  write the checkpoint when this much time has passed since the last one
     * @param resume          start from {@code file} if it exists
     * @param stopAfterSweeps if > 0: after the segment in which the chains reach this many sweeps, write the
     *                        checkpoint and throw {@link RunInterruptedException} (simulates a killed run; tests)
     */
    public record Checkpointing(Path file, long intervalMillis, boolean resume, long stopAfterSweeps) {
        public static final Checkpointing NONE = new Checkpointing(null, Long.MAX_VALUE, false, 0);
    }

    /** Thrown when a run stops early at {@link Checkpointing#stopAfterSweeps()}; the checkpoint holds its state. */
    public static final class RunInterruptedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long sweepsDone;

        RunInterruptedException(long sweepsDone, Path file) {
            super("run interrupted after " + sweepsDone + " sweeps; checkpoint " + file);
            this.sweepsDone = sweepsDone;
        }

        public long sweepsDone() {
            return sweepsDone;
        }
    }

    /** The checkpoint file's content. */
    public record Snapshot(String spec, long seed, long segmentsDone, List<ChainSnapshot> chains) {
    }

    /** One chain's state in a checkpoint (per rung). */
    public record ChainSnapshot(double[][] states, double[][][] series, double[][][] site, double[][][] pair,
                                double[][][] weightHistogram, double[][][] neuronHistogram, double[][] blockCount,
                                long[] accepted, long[] proposed, long[] swapAccepted) {
    }

    /** Runs without checkpoints. */
    public static DynMcResult run(DynMcSpec spec, RunContext context) {
        return run(spec, context, Checkpointing.NONE);
    }

    /** Runs with checkpoints as configured. */
    public static DynMcResult run(DynMcSpec spec, RunContext context, Checkpointing checkpointing) {
        Plan plan = new Plan(spec);
        RandomStreams root = context.streams().split("dyn-mc");
        ChainRun[] runs = new ChainRun[spec.chains()];
        long segmentsDone = 0;
        Snapshot loaded = checkpointing.resume() && checkpointing.file() != null && Files.exists(checkpointing.file())
                ? read(checkpointing.file()) : null;
        if (loaded != null) {
            if (!loaded.spec().equals(spec.toString()) || loaded.seed() != context.streams().seed()) {
                throw new InvalidInputException("--resume", checkpointing.file(),
                        "the checkpoint was written by a run with another spec or seed; rerun with the same options or without --resume");
            }
            segmentsDone = loaded.segmentsDone();
            for (int c = 0; c < runs.length; c++) {
                runs[c] = new ChainRun(plan, loaded.chains().get(c));
            }
        } else {
            for (int c = 0; c < runs.length; c++) {
                runs[c] = new ChainRun(plan, root.split(c).split("init"));
            }
        }
        long total = plan.totalSweeps;
        context.progress().start("dyn mc (" + spec.sampler().cliName() + ")", total * spec.chains());
        context.progress().advance(Math.min(total, segmentsDone * plan.segmentLength) * spec.chains());
        long lastWrite = System.currentTimeMillis();
        for (long seg = segmentsDone; seg < plan.segments; seg++) {
            final long s = seg;
            LocalBackend.inThreads(runs.length, context.threads(), c -> {
                runs[c].segment(s, root.split(c).split(s));
                return null;
            });
            long done = Math.min(total, (seg + 1) * plan.segmentLength);
            context.progress().advance((done - seg * plan.segmentLength) * spec.chains());
            boolean last = seg + 1 == plan.segments;
            boolean stop = checkpointing.stopAfterSweeps() > 0 && done >= checkpointing.stopAfterSweeps() && !last;
            long now = System.currentTimeMillis();
            if (checkpointing.file() != null && !last && (stop || now - lastWrite >= checkpointing.intervalMillis())) {
                List<ChainSnapshot> cs = new ArrayList<>();
                for (ChainRun r : runs) {
                    cs.add(r.snapshot());
                }
                write(checkpointing.file(), new Snapshot(spec.toString(), context.streams().seed(), seg + 1, cs));
                lastWrite = now;
            }
            if (stop) {
                throw new RunInterruptedException(done, checkpointing.file());
            }
        }
        return plan.finish(runs);
    }

    static Snapshot read(Path file) {
        try {
            return Json.mapper().readValue(file.toFile(), Snapshot.class);
        } catch (IOException e) {
            throw InvalidInputException.file(file, "not a readable dyn mc checkpoint (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    static void write(Path file, Snapshot s) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".checkpoint", ".tmp");
            Json.mapper().writeValue(tmp.toFile(), s);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file, e);
        }
    }

    /** What every chain shares: settings, sizes, the segment plan; immutable. */
    static final class Plan {
        final DynMcSpec spec;
        final int rungs;
        final DynEnsemble[] ensembles;
        final DynDiscreteModel[] models;
        final MetropolisSampler[] metropolis;
        final LangevinSampler[] langevin;
        final ParallelTempering tempering;
        final DynLayout layout;
        final int measurements;
        final int measureEvery;
        final int blocks;
        final int distances;
        final long totalSweeps;
        final long segmentLength;
        final long segments;
        final int weightBins;
        final int neuronBins;
        final double weightRange;
        final long updatesPerSweep;

        Plan(DynMcSpec spec) {
            this.spec = spec;
            this.rungs = spec.betaVLadder().length;
            this.ensembles = new DynEnsemble[rungs];
            this.models = new DynDiscreteModel[rungs];
            this.metropolis = new MetropolisSampler[rungs];
            this.langevin = new LangevinSampler[rungs];
            for (int k = 0; k < rungs; k++) {
                ensembles[k] = spec.ensemble(k);
                if (spec.sampler() == DynMcSpec.Sampler.METROPOLIS) {
                    models[k] = new DynDiscreteModel(ensembles[k], spec.weightAlphabet(), spec.biasAlphabet(), spec.neuronAlphabet());
                    metropolis[k] = new MetropolisSampler(models[k]);
                } else {
                    langevin[k] = new LangevinSampler(new DynEnergy(ensembles[k]),
                            new LangevinSampler.Settings(spec.beta(), spec.stepSize(), spec.sampler() == DynMcSpec.Sampler.MALA));
                }
            }
            this.tempering = rungs > 1 ? new ParallelTempering(spec.betaVLadder()) : null;
            this.layout = ensembles[0].layout();
            this.measurements = spec.measurements();
            this.measureEvery = spec.measureEvery();
            this.blocks = Math.min(DynMcSpec.BLOCKS_PER_CHAIN, measurements);
            this.distances = spec.distances();
            this.totalSweeps = spec.thermalization() + (long) measurements * measureEvery;
            long perSweep = (long) layout.dimension() * rungs * Math.max(1, spec.network().width());
            this.segmentLength = Math.max(1, Math.min(totalSweeps, UPDATES_PER_SEGMENT / Math.max(1, perSweep)));
            this.segments = (totalSweeps + segmentLength - 1) / segmentLength;
            boolean discrete = spec.sampler() == DynMcSpec.Sampler.METROPOLIS;
            this.weightBins = discrete ? spec.weightAlphabet().size() : spec.histogramBins();
            this.neuronBins = discrete ? spec.neuronAlphabet().size() : spec.histogramBins();
            this.weightRange = discrete ? 0 : 4 / Math.sqrt(2 * spec.beta() * spec.weightRegulariser());
            long u = 0;
            if (discrete) {
                for (int v = 0; v < layout.dimension(); v++) {
                    u += models[0].values(v).length > 1 ? 1 : 0;
                }
            } else {
                u = 1;
            }
            this.updatesPerSweep = u;
        }

        boolean discrete() {
            return spec.sampler() == DynMcSpec.Sampler.METROPOLIS;
        }

        int weightBin(double w) {
            int b = (int) Math.floor((w + weightRange) / (2 * weightRange) * weightBins);
            return b < 0 || b >= weightBins ? -1 : b;
        }

        int neuronBin(double h) {
            int b = (int) Math.floor((h + NEURON_RANGE) / (2 * NEURON_RANGE) * neuronBins);
            return b < 0 || b >= neuronBins ? -1 : b;
        }

        DynMcResult finish(ChainRun[] runs) {
            List<DynMcResult> perRung = new ArrayList<>();
            for (int k = 0; k < rungs; k++) {
                perRung.add(rungResult(runs, k));
            }
            DynMcResult top = perRung.get(rungs - 1);
            if (rungs == 1) {
                return top;
            }
            List<Double> swaps = new ArrayList<>();
            for (int k = 0; k + 1 < rungs; k++) {
                long acc = 0;
                for (ChainRun r : runs) {
                    acc += r.swapAccepted[k];
                }
                swaps.add((double) acc / ((double) totalSweeps * runs.length));
            }
            return top.withLadder(perRung, swaps);
        }

        private DynMcResult rungResult(ChainRun[] runs, int k) {
            double beta = spec.beta();
            double betaV = spec.betaVLadder()[k];
            int chains = runs.length;
            double[][][] series = new double[SCALARS + 1][chains][];
            for (int c = 0; c < chains; c++) {
                for (int o = 0; o < SCALARS; o++) {
                    series[o][c] = runs[c].acc[k].series[o];
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
                Estimate[] per = new Estimate[chains];
                for (int c = 0; c < chains; c++) {
                    per[c] = Estimate.ofTimeSeries(series[o][c]);
                }
                scalar[o] = Estimate.average(per);
            }
            Map<String, Double> rHat = new LinkedHashMap<>();
            rHat.put("cost", Resampling.rHat(series[COST]));
            rHat.put("constraint", Resampling.rHat(series[CONSTRAINT]));
            rHat.put("neuronMean", Resampling.rHat(series[NEURON_MEAN]));
            // blocks from all chains
            int lmn = layout.neuronCount();
            List<double[]> blockVectors = new ArrayList<>();
            List<double[]> wFractions = new ArrayList<>();
            List<double[]> hFractions = new ArrayList<>();
            long accepted = 0;
            long proposed = 0;
            for (ChainRun r : runs) {
                Accumulator a = r.acc[k];
                accepted += a.accepted;
                proposed += a.proposed;
                for (int b = 0; b < blocks; b++) {
                    double cnt = a.count[b];
                    double[] v = new double[lmn + distances + 1];
                    for (int s = 0; s < lmn; s++) {
                        v[s] = a.site[b][s] / cnt;
                    }
                    for (int d = 0; d <= distances; d++) {
                        v[lmn + d] = a.pair[b][d] / cnt;
                    }
                    blockVectors.add(v);
                    wFractions.add(normalised(a.weightHistogram[b], cnt * layout.weightCount()));
                    hFractions.add(normalised(a.neuronHistogram[b], cnt * lmn));
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
                layerMeans.add(binned(per));
            }
            List<Estimate> correlation = new ArrayList<>();
            for (int d = 0; d <= distances; d++) {
                final int dd = d;
                correlation.add(bv.length >= 2 ? Resampling.jackknife(bv, v -> connected(v, dd)) : null);
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
                Estimate e = Resampling.jackknife(bv, v -> correlationLength(v, p));
                if (Double.isFinite(e.mean()) && Double.isFinite(e.stderr())) {
                    xi = e;
                }
            }
            DynMcResult.Histogram wh = histogram(wFractions, true);
            DynMcResult.Histogram hh = histogram(hFractions, false);
            return new DynMcResult(spec.sampler().cliName(), beta, betaV, scalar[COST], scalar[CONSTRAINT], scalar[SCALARS],
                    scalar[VIOLATION], scalar[NEURON_MEAN], scalar[WEIGHT_MEAN], layerMeans, correlation, xi, wh, hh,
                    proposed == 0 ? Double.NaN : (double) accepted / proposed, rHat, spec.sweeps(), spec.thermalization(),
                    chains, measureEvery, null, null);
        }

        private static double[] normalised(double[] counts, double total) {
            double[] f = new double[counts.length];
            for (int i = 0; i < f.length; i++) {
                f[i] = counts[i] / total;
            }
            return f;
        }

        private DynMcResult.Histogram histogram(List<double[]> fractions, boolean weights) {
            int bins = fractions.get(0).length;
            List<Double> x = new ArrayList<>();
            double width;
            if (discrete()) {
                Alphabet a = weights ? spec.weightAlphabet() : spec.neuronAlphabet();
                for (int i = 0; i < bins; i++) {
                    x.add(a.value(i));
                }
                width = 0;
            } else {
                double range = weights ? weightRange : NEURON_RANGE;
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
                f.add(binned(per));
            }
            return new DynMcResult.Histogram(x, width, f);
        }

        /** Binned estimate from block means (independent blocks, tau_int = 1/2). */
        static Estimate binned(double[] blockMeans) {
            if (blockMeans.length < 2) {
                return new Estimate(blockMeans[0], Double.NaN, Double.NaN, Double.NaN, Double.NaN, 1, "a single block: no error bar");
            }
            return Estimate.ofIndependent(blockMeans);
        }

        /** G_h(d) from a vector [site means (LMN), translation-averaged pair means (R+1)]. */
        private double connected(double[] v, int d) {
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

        private double correlationLength(double[] v, int points) {
            double sx = 0;
            double sy = 0;
            double sxx = 0;
            double sxy = 0;
            for (int d = 1; d <= points; d++) {
                double g = connected(v, d);
                if (!(g > 0)) {
                    return Double.NaN;
                }
                double y = Math.log(g);
                sx += d;
                sy += y;
                sxx += (double) d * d;
                sxy += d * y;
            }
            double slope = (points * sxy - sx * sy) / (points * sxx - sx * sx);
            return -1 / slope;
        }
    }

    /** Per-rung measurement accumulators of one chain. */
    static final class Accumulator {
        final double[][] series;
        final double[][] site;
        final double[][] pair;
        final double[][] weightHistogram;
        final double[][] neuronHistogram;
        final double[] count;
        long accepted;
        long proposed;

        Accumulator(Plan p) {
            series = new double[SCALARS][p.measurements];
            site = new double[p.blocks][p.layout.neuronCount()];
            pair = new double[p.blocks][p.distances + 1];
            weightHistogram = new double[p.blocks][p.weightBins];
            neuronHistogram = new double[p.blocks][p.neuronBins];
            count = new double[p.blocks];
        }

        Accumulator(double[][] series, double[][] site, double[][] pair, double[][] wh, double[][] hh, double[] count,
                    long accepted, long proposed) {
            this.series = series;
            this.site = site;
            this.pair = pair;
            this.weightHistogram = wh;
            this.neuronHistogram = hh;
            this.count = count;
            this.accepted = accepted;
            this.proposed = proposed;
        }
    }

    /** One chain: a replica per rung and its accumulators. */
    static final class ChainRun {
        final Plan plan;
        final DiscreteState[] discrete;
        final LangevinSampler.Chain[] continuous;
        final Accumulator[] acc;
        final long[] swapAccepted;

        ChainRun(Plan plan, RandomStreams init) {
            this.plan = plan;
            int k = plan.rungs;
            this.acc = new Accumulator[k];
            this.swapAccepted = new long[Math.max(0, k - 1)];
            this.discrete = plan.discrete() ? new DiscreteState[k] : null;
            this.continuous = plan.discrete() ? null : new LangevinSampler.Chain[k];
            for (int r = 0; r < k; r++) {
                acc[r] = new Accumulator(plan);
                double[] x = initial(init.split(r));
                if (plan.discrete()) {
                    discrete[r] = stateOf(x, r);
                } else {
                    continuous[r] = plan.langevin[r].start(x);
                }
            }
        }

        ChainRun(Plan plan, ChainSnapshot s) {
            this.plan = plan;
            int k = plan.rungs;
            this.acc = new Accumulator[k];
            this.swapAccepted = s.swapAccepted().clone();
            this.discrete = plan.discrete() ? new DiscreteState[k] : null;
            this.continuous = plan.discrete() ? null : new LangevinSampler.Chain[k];
            for (int r = 0; r < k; r++) {
                acc[r] = new Accumulator(s.series()[r], s.site()[r], s.pair()[r], s.weightHistogram()[r],
                        s.neuronHistogram()[r], s.blockCount()[r], s.accepted()[r], s.proposed()[r]);
                if (plan.discrete()) {
                    discrete[r] = stateOf(s.states()[r], r);
                } else {
                    continuous[r] = plan.langevin[r].start(s.states()[r]);
                }
            }
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

        private static int indexOf(double[] vals, double x) {
            for (int i = 0; i < vals.length; i++) {
                if (vals[i] == x) {
                    return i;
                }
            }
            return -1;
        }

        /** Start: W, b random (alphabet or prior), h the forward pass (snapped to the neuron alphabet). */
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

        double[] state(int rung) {
            return plan.discrete() ? discrete[rung].values() : continuous[rung].position();
        }

        void segment(long seg, RandomStreams stream) {
            UniformRandomProvider rng = stream.generator();
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
                        obs[r] = plan.ensembles[r].constraint(state(r));
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
                            measure(r, k);
                        }
                    }
                }
            }
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

        private void measure(int r, int k) {
            DynEnsemble ens = plan.ensembles[r];
            DynLayout lay = plan.layout;
            double[] x = state(r);
            Accumulator a = acc[r];
            double constraint = ens.constraint(x);
            a.series[COST][k] = ens.cost(x);
            a.series[CONSTRAINT][k] = constraint;
            a.series[VIOLATION][k] = Math.sqrt(constraint / lay.neuronCount());
            int hb = lay.neuronBase();
            int lmn = lay.neuronCount();
            double hs = 0;
            for (int s = 0; s < lmn; s++) {
                hs += x[hb + s];
            }
            a.series[NEURON_MEAN][k] = hs / lmn;
            double ws = 0;
            for (int v = 0; v < lay.weightCount(); v++) {
                ws += x[v];
            }
            a.series[WEIGHT_MEAN][k] = ws / lay.weightCount();
            int b = (int) ((long) k * plan.blocks / plan.measurements);
            a.count[b]++;
            double[] site = a.site[b];
            for (int s = 0; s < lmn; s++) {
                site[s] += x[hb + s];
            }
            int n = lay.width();
            int depth = lay.depth();
            double[] pair = a.pair[b];
            for (int d = 0; d <= plan.distances; d++) {
                double p = 0;
                for (int l = 0; l < lay.examples(); l++) {
                    int base = hb + l * depth * n;
                    int end = base + (depth - d) * n;
                    int off = d * n;
                    for (int s = base; s < end; s++) {
                        p += x[s] * x[s + off];
                    }
                }
                pair[d] += p;
            }
            double[] wh = a.weightHistogram[b];
            double[] hh = a.neuronHistogram[b];
            if (plan.discrete()) {
                int[] idx = discrete[r].indices();
                for (int v = 0; v < lay.weightCount(); v++) {
                    wh[idx[v]]++;
                }
                for (int s = 0; s < lmn; s++) {
                    hh[idx[hb + s]]++;
                }
            } else {
                for (int v = 0; v < lay.weightCount(); v++) {
                    int bin = plan.weightBin(x[v]);
                    if (bin >= 0) {
                        wh[bin]++;
                    }
                }
                for (int s = 0; s < lmn; s++) {
                    int bin = plan.neuronBin(x[hb + s]);
                    if (bin >= 0) {
                        hh[bin]++;
                    }
                }
            }
        }

        ChainSnapshot snapshot() {
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
                states[r] = state(r).clone();
                series[r] = acc[r].series;
                site[r] = acc[r].site;
                pair[r] = acc[r].pair;
                wh[r] = acc[r].weightHistogram;
                hh[r] = acc[r].neuronHistogram;
                cnt[r] = acc[r].count;
                accepted[r] = acc[r].accepted;
                proposed[r] = acc[r].proposed;
            }
            return new ChainSnapshot(states, series, site, pair, wh, hh, cnt, accepted, proposed, swapAccepted.clone());
        }
    }
}
