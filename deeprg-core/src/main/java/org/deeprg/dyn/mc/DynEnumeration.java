package org.deeprg.dyn.mc;

import java.util.Arrays;
import org.deeprg.mc.ExactEnumeration;

/**
 * Exact averages of a small discrete dynamic-neuron ensemble by brute-force enumeration of every (W, b, h)
 * configuration ({@link ExactEnumeration}): the independent reference for the Monte Carlo samplers.
 *
 * @param cost              {@code <cost>}
 * @param constraint        {@code <constraint>}
 * @param neuronMean        {@code <mean of all h>}
 * @param weightMean        {@code <mean of all W>}
 * @param neuronMeanByLayer {@code <h^(m)>} averaged over examples and units, m = 1..M (index m - 1)
 * @param correlation       G_h(r), r = 0..R, defined as in {@link DynMcResult#correlation()}
 * @param logPartitionFunction ln Z = ln sum exp(-S)
 */
public record DynEnumeration(double cost, double constraint, double neuronMean, double weightMean,
                             double[] neuronMeanByLayer, double[] correlation, double logPartitionFunction) {

    /** Enumerates {@code model} (at most {@link ExactEnumeration#MAX_STATES} configurations) up to distance R. */
    public static DynEnumeration of(DynDiscreteModel model, int maxDistance) {
        DynEnsemble ens = model.ensemble();
        DynLayout lay = ens.layout();
        int depth = lay.depth();
        int n = lay.width();
        int lmn = lay.neuronCount();
        int rMax = Math.min(maxDistance, depth - 1);
        int hb = lay.neuronBase();
        // observables: cost, constraint, neuron mean, weight mean, site means (LMN), pair averages (R+1)
        int count = 4 + lmn + rMax + 1;
        double[] e = ExactEnumeration.expectations(model, count, (x, o) -> {
            o[0] = ens.cost(x);
            o[1] = ens.constraint(x);
            double hs = 0;
            for (int s = 0; s < lmn; s++) {
                hs += x[hb + s];
                o[4 + s] = x[hb + s];
            }
            o[2] = hs / lmn;
            double ws = 0;
            for (int v = 0; v < lay.weightCount(); v++) {
                ws += x[v];
            }
            o[3] = ws / lay.weightCount();
            for (int d = 0; d <= rMax; d++) {
                double p = 0;
                for (int l = 0; l < lay.examples(); l++) {
                    int base = hb + l * depth * n;
                    for (int s = base; s < base + (depth - d) * n; s++) {
                        p += x[s] * x[s + d * n];
                    }
                }
                o[4 + lmn + d] = p;
            }
        });
        double[] layers = new double[depth];
        for (int m = 1; m <= depth; m++) {
            double s = 0;
            for (int l = 0; l < lay.examples(); l++) {
                for (int i = 0; i < n; i++) {
                    s += e[4 + lay.neuron(l, m, i) - hb];
                }
            }
            layers[m - 1] = s / (lay.examples() * n);
        }
        double[] g = new double[rMax + 1];
        for (int d = 0; d <= rMax; d++) {
            double disc = 0;
            for (int l = 0; l < lay.examples(); l++) {
                for (int m = 1; m + d <= depth; m++) {
                    for (int i = 0; i < n; i++) {
                        int s = lay.neuron(l, m, i) - hb;
                        disc += e[4 + s] * e[4 + s + d * n];
                    }
                }
            }
            long pairs = (long) lay.examples() * (depth - d) * n;
            g[d] = (e[4 + lmn + d] - disc) / pairs;
        }
        return new DynEnumeration(e[0], e[1], e[2], e[3], layers, g, e[count]);
    }

    @Override
    public String toString() {
        return "DynEnumeration[cost=" + cost + ", constraint=" + constraint + ", layers=" + Arrays.toString(neuronMeanByLayer)
                + ", G=" + Arrays.toString(correlation) + ", lnZ=" + logPartitionFunction + "]";
    }
}
