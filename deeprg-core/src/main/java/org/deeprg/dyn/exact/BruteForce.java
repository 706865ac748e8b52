package org.deeprg.dyn.exact;

import java.util.List;
import org.deeprg.InvalidInputException;
import org.deeprg.dyn.Alphabet;
import org.deeprg.dyn.DynNetwork;
import org.deeprg.dyn.DynParameters;
import org.deeprg.dyn.Example;
import org.deeprg.dyn.Hamiltonians;

/**
 * Brute-force enumeration of every configuration (W, b, h) of a small {@link DiscreteDynModel}, evaluating the
 * shared {@link Hamiltonians} directly: the independent route against which the transfer matrices of
 * {@link ExactDyn} and {@link OriginalEnsemble} are tested. Cost q_W^{(M+1)(N^2+N)} q_h^{M N L} Hamiltonian
 * evaluations; refused above {@link #MAX_CONFIGURATIONS}.
 */
public final class BruteForce {
    /** Largest number of enumerated configurations. */
    public static final long MAX_CONFIGURATIONS = 1L << 26;

    private BruteForce() {
    }

    /**
     * Expectation values from enumeration.
     *
     * @param logPartitionFunction ln Z of H_new
     * @param meanCost             &lt;cost&gt;
     * @param meanConstraint       &lt;constraint&gt;
     * @param neuronMeans          &lt;h^(m)_{l,i}&gt; as [M+1][L][N] (m = 0 is x)
     * @param neuronSecondMoments  &lt;h^(m)_{l,i} h^(n)_{l,i}&gt; as [M+1][M+1][L][N]
     */
    public record Expectations(double logPartitionFunction, double meanCost, double meanConstraint,
                               double[][][] neuronMeans, double[][][][] neuronSecondMoments) {
        /** Connected &lt;h^(m)_{l,i} h^(n)_{l,i}&gt; - &lt;h^(m)_{l,i}&gt;&lt;h^(n)_{l,i}&gt;. */
        public double covariance(int m, int n, int l, int i) {
            return neuronSecondMoments[m][n][l][i] - neuronMeans[m][l][i] * neuronMeans[n][l][i];
        }
    }

    /** ln Z_original = ln sum_{W,b} exp(-beta H_original) by enumeration of (W, b). */
    public static double logPartitionFunctionOriginal(DiscreteDynModel model, double beta) {
        DynNetwork net = model.network();
        long count = DiscreteDynModel.saturatingPower(model.weightAlphabet().size(), net.parameterCount());
        refuse(count);
        double[] logw = new double[(int) count];
        DynParameters p = DynParameters.zeros(net);
        for (int c = 0; c < count; c++) {
            setParameters(p, model.weightAlphabet(), c);
            logw[c] = -beta * Hamiltonians.original(net, p, model.examples());
        }
        return LogSpace.logSumExp(logw);
    }

    /** ln Z of H_new and expectation values by enumeration of (W, b, h). */
    public static Expectations expectations(DiscreteDynModel model, double beta, double betaV) {
        DynNetwork net = model.network();
        int n = net.width();
        int depth = net.depth();
        List<Example> ex = model.examples();
        int lCount = ex.size();
        long wCount = DiscreteDynModel.saturatingPower(model.weightAlphabet().size(), net.parameterCount());
        long hCount = DiscreteDynModel.saturatingPower(model.neuronAlphabet().size(), (long) depth * n * lCount);
        long total = wCount > Long.MAX_VALUE / Math.max(hCount, 1) ? Long.MAX_VALUE : wCount * hCount;
        refuse(total);
        double[][][] h = new double[lCount][depth + 1][n];
        DynParameters p = DynParameters.zeros(net);
        // pass 1: max log weight
        double max = Double.NEGATIVE_INFINITY;
        for (long c = 0; c < wCount; c++) {
            setParameters(p, model.weightAlphabet(), c);
            for (long hc = 0; hc < hCount; hc++) {
                setNeurons(h, model.neuronAlphabet(), hc, ex);
                max = Math.max(max, Hamiltonians.logWeight(net, p, h, ex, beta, betaV));
            }
        }
        double z = 0;
        double cost = 0;
        double constraint = 0;
        double[][][] mean = new double[depth + 1][lCount][n];
        double[][][][] second = new double[depth + 1][depth + 1][lCount][n];
        for (long c = 0; c < wCount; c++) {
            setParameters(p, model.weightAlphabet(), c);
            for (long hc = 0; hc < hCount; hc++) {
                setNeurons(h, model.neuronAlphabet(), hc, ex);
                double k = Hamiltonians.cost(net, p, h, ex);
                double g = Hamiltonians.constraint(net, p, h, ex);
                double w = Math.exp(-beta * k - (g == 0 ? 0 : betaV * g) - max);
                z += w;
                cost += w * k;
                constraint += w * g;
                for (int m = 0; m <= depth; m++) {
                    for (int l = 0; l < lCount; l++) {
                        for (int i = 0; i < n; i++) {
                            mean[m][l][i] += w * h[l][m][i];
                            for (int mm = 0; mm <= depth; mm++) {
                                second[m][mm][l][i] += w * h[l][m][i] * h[l][mm][i];
                            }
                        }
                    }
                }
            }
        }
        for (int m = 0; m <= depth; m++) {
            for (int l = 0; l < lCount; l++) {
                for (int i = 0; i < n; i++) {
                    mean[m][l][i] /= z;
                    for (int mm = 0; mm <= depth; mm++) {
                        second[m][mm][l][i] /= z;
                    }
                }
            }
        }
        return new Expectations(max + Math.log(z), cost / z, constraint / z, mean, second);
    }

    private static void refuse(long count) {
        if (count > MAX_CONFIGURATIONS) {
            throw new InvalidInputException("width", count == Long.MAX_VALUE ? "huge" : count,
                    "brute-force enumeration is limited to " + MAX_CONFIGURATIONS + " configurations");
        }
    }

    /** Sets every W, b from the mixed-radix digits of c. */
    static void setParameters(DynParameters p, Alphabet a, long c) {
        int q = a.size();
        for (int m = 0; m < p.weights().length; m++) {
            double[][] w = p.weights(m);
            double[] b = p.biases(m);
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < w[i].length; j++) {
                    w[i][j] = a.value((int) (c % q));
                    c /= q;
                }
                b[i] = a.value((int) (c % q));
                c /= q;
            }
        }
    }

    /** Sets h^(1..M) from the digits of c; h^(0) = x. Layout h[l][m][i]. */
    static void setNeurons(double[][][] h, Alphabet a, long c, List<Example> ex) {
        int q = a.size();
        for (int l = 0; l < h.length; l++) {
            System.arraycopy(ex.get(l).x(), 0, h[l][0], 0, h[l][0].length);
            for (int m = 1; m < h[l].length; m++) {
                for (int i = 0; i < h[l][m].length; i++) {
                    h[l][m][i] = a.value((int) (c % q));
                    c /= q;
                }
            }
        }
    }
}
