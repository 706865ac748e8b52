package org.deeprg.dyn.mc;

/**
 * The measurement accumulators of one chain at one betaV rung: the scalar time series (one entry per measurement)
 * and per-block sums of the neuron sites, of the translation-summed pair products {@code h^(m) h^(m+r)} and of the
 * weight and neuron histograms, plus the acceptance counters. Mutable, owned by one {@link DynMcChain}; the arrays
 * are shared with the {@link DynMcChainState} it produces (no copy).
 */
final class DynMcAccumulator {
    /** Scalar observables of the time series. */
    static final int SCALARS = 5;
    static final int COST = 0;
    static final int CONSTRAINT = 1;
    static final int VIOLATION = 2;
    static final int NEURON_MEAN = 3;
    static final int WEIGHT_MEAN = 4;

    final double[][] series;
    final double[][] site;
    final double[][] pair;
    final double[][] weightHistogram;
    final double[][] neuronHistogram;
    final double[] count;
    long accepted;
    long proposed;

    /** Empty accumulators sized by the plan. */
    DynMcAccumulator(DynMcPlan p) {
        series = new double[SCALARS][p.measurements];
        site = new double[p.blocks][p.layout.neuronCount()];
        pair = new double[p.blocks][p.distances + 1];
        weightHistogram = new double[p.blocks][p.weightBins];
        neuronHistogram = new double[p.blocks][p.neuronBins];
        count = new double[p.blocks];
    }

    /** Accumulators of rung {@code r} of a chain state (arrays shared). */
    DynMcAccumulator(DynMcChainState s, int r) {
        series = s.series()[r];
        site = s.site()[r];
        pair = s.pair()[r];
        weightHistogram = s.weightHistogram()[r];
        neuronHistogram = s.neuronHistogram()[r];
        count = s.blockCount()[r];
        accepted = s.accepted()[r];
        proposed = s.proposed()[r];
    }

    /**
     * Records measurement {@code k} of configuration {@code x} (rung ensemble {@code ens}); {@code indices} are the
     * discrete value indices (null for continuous chains).
     */
    void measure(DynMcPlan plan, DynEnsemble ens, double[] x, int[] indices, int k) {
        DynLayout lay = plan.layout;
        double constraint = ens.constraint(x);
        series[COST][k] = ens.cost(x);
        series[CONSTRAINT][k] = constraint;
        series[VIOLATION][k] = Math.sqrt(constraint / lay.neuronCount());
        int hb = lay.neuronBase();
        int lmn = lay.neuronCount();
        double hs = 0;
        for (int s = 0; s < lmn; s++) {
            hs += x[hb + s];
        }
        series[NEURON_MEAN][k] = hs / lmn;
        double ws = 0;
        for (int v = 0; v < lay.weightCount(); v++) {
            ws += x[v];
        }
        series[WEIGHT_MEAN][k] = ws / lay.weightCount();
        int b = plan.blockOf(k);
        count[b]++;
        double[] siteB = site[b];
        for (int s = 0; s < lmn; s++) {
            siteB[s] += x[hb + s];
        }
        int n = lay.width();
        int depth = lay.depth();
        double[] pairB = pair[b];
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
            pairB[d] += p;
        }
        double[] wh = weightHistogram[b];
        double[] hh = neuronHistogram[b];
        if (indices != null) {
            for (int v = 0; v < lay.weightCount(); v++) {
                wh[indices[v]]++;
            }
            for (int s = 0; s < lmn; s++) {
                hh[indices[hb + s]]++;
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
}
