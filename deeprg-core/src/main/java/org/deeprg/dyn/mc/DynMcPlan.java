package org.deeprg.dyn.mc;

import org.deeprg.mc.LangevinSampler;
import org.deeprg.mc.MetropolisSampler;
import org.deeprg.mc.ParallelTempering;

/**
 * What every chain of a {@link DynMcSpec} run shares, derived from the spec alone: the ensembles, samplers and
 * tempering ladder per rung, the layout, the measurement and segment plan, the histogram binning. Immutable; cheap to
 * rebuild from the spec (each task of a run builds its own, so that a task depends on nothing but the spec and its
 * index).
 */
final class DynMcPlan {
    /** Target work per segment, in single-variable updates. */
    static final long UPDATES_PER_SEGMENT = 1_000_000L;
    /** Range of the continuous neuron histogram: [-NEURON_RANGE, NEURON_RANGE]. */
    static final double NEURON_RANGE = 2.0;

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

    DynMcPlan(DynMcSpec spec) {
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
        boolean discrete = discrete();
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

    /** Sweeps done after {@code segmentsDone} segments. */
    long sweepsAfter(long segmentsDone) {
        return Math.min(totalSweeps, segmentsDone * segmentLength);
    }

    /** Measurements taken after {@code sweeps} sweeps: one every {@link #measureEvery} sweeps after thermalization. */
    int measurementsAfter(long sweeps) {
        long since = sweeps - spec.thermalization();
        return since <= 0 ? 0 : (int) Math.min(measurements, since / measureEvery);
    }

    /** The block of measurement k. */
    int blockOf(int k) {
        return (int) ((long) k * blocks / measurements);
    }

    int weightBin(double w) {
        int b = (int) Math.floor((w + weightRange) / (2 * weightRange) * weightBins);
        return b < 0 || b >= weightBins ? -1 : b;
    }

    int neuronBin(double h) {
        int b = (int) Math.floor((h + NEURON_RANGE) / (2 * NEURON_RANGE) * neuronBins);
        return b < 0 || b >= neuronBins ? -1 : b;
    }
}
