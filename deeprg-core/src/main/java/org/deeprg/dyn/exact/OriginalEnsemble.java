package org.deeprg.dyn.exact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeprg.InvalidInputException;
import org.deeprg.dyn.Example;

/**
 * Exact partition function of the original Gibbs ensemble Z_original = sum_{W,b} exp(-beta H_original)
 * (Lee, Lee, Yi 2024, Eqs. 4-5 and 7-8), by a transfer matrix over the states the forward pass can reach.
 *
 * <p>The forward pass z^(m+1)_l = sigma(W^(m) z^(m)_l + b^(m)) is deterministic given the weights, so
 * <pre>
 *   Z_original = sum_{z^(1..M)} C(x -&gt; z^(1)) C(z^(1) -&gt; z^(2)) ... C(z^(M-1) -&gt; z^(M)) V(z^(M)),
 *   C(z -&gt; z') = #{(W, b): sigma(W z_l + b) = z'_l for all l} = prod_i #{(w, b): sigma(w . z_l + b) = z'_{l,i}},
 *   V(z) = prod_i sum_{(w, b)} exp(-beta sum_l (y_{l,i} - sigma(w . z_l + b))^2),
 * </pre>
 * the betaV -&gt; infinity limit of the H_new transfer matrix whenever sigma maps into the neuron alphabet
 * (Heaviside with {0, 1}). For other activations the reachable states leave the alphabet; they are discovered
 * breadth-first, level by level up to depth M; beyond {@link #MAX_REACHABLE} states the dense matrix is replaced by a
 * sparse level-by-level recursion (refused beyond {@link #MAX_SPARSE_WORK} transitions).
 */
public final class OriginalEnsemble {
    /** Largest number of distinct forward-pass layer states. */
    public static final int MAX_REACHABLE = 2048;
    /** Largest total number of state transitions of the sparse forward recursion. */
    public static final long MAX_SPARSE_WORK = 20_000_000L;
    /** Largest number of successor combinations of one state. */
    public static final long MAX_SUCCESSORS = 1_000_000L;

    private OriginalEnsemble() {
    }

    private record Key(double[] v) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(v, k.v);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(v);
        }
    }

    /** ln Z_original at inverse temperature {@code beta >= 0}. */
    public static double logPartitionFunction(DiscreteDynModel model, double beta) {
        InvalidInputException.requireNonNegative("beta", beta);
        int n = model.network().width();
        int lCount = model.exampleCount();
        int depth = model.network().depth();
        LayerKernel kernel = new LayerKernel(model.network().activation(), model.weightAlphabet(), n);
        Map<Key, Integer> index = new LinkedHashMap<>();
        List<double[][]> statesList = new ArrayList<>();
        List<Map<Integer, Double>> transitions = new ArrayList<>();
        double[][] x = new double[lCount][];
        for (int l = 0; l < lCount; l++) {
            x[l] = model.examples().get(l).x();
        }
        index.put(new Key(flatten(x)), 0);
        statesList.add(x);
        List<Integer> frontier = List.of(0);
        for (int level = 0; level < depth && !frontier.isEmpty(); level++) {
            List<Integer> next = new ArrayList<>();
            for (int st : frontier) {
                Map<Integer, Double> row = new HashMap<>();
                for (Map.Entry<Key, Double> e : successors(kernel, statesList.get(st), n, lCount).entrySet()) {
                    Integer id = index.get(e.getKey());
                    if (id == null) {
                        id = statesList.size();
                        if (id >= MAX_REACHABLE) {
                            return sparseForward(model, beta, kernel);
                        }
                        index.put(e.getKey(), id);
                        statesList.add(unflatten(e.getKey().v(), lCount, n));
                        next.add(id);
                    }
                    row.put(id, e.getValue());
                }
                while (transitions.size() <= st) {
                    transitions.add(null);
                }
                transitions.set(st, row);
            }
            frontier = next;
        }
        int sCount = statesList.size();
        double[][] logC = new double[sCount][sCount];
        for (double[] r : logC) {
            Arrays.fill(r, Double.NEGATIVE_INFINITY);
        }
        for (int s = 0; s < transitions.size(); s++) {
            if (transitions.get(s) != null) {
                for (Map.Entry<Integer, Double> e : transitions.get(s).entrySet()) {
                    logC[s][e.getKey()] = e.getValue();
                }
            }
        }
        double[] logLast = new double[sCount];
        double[] tmp = new double[2];
        for (int s = 0; s < sCount; s++) {
            double[][] pat = kernel.patterns(statesList.get(s));
            double lv = 0;
            for (int i = 0; i < n; i++) {
                double[] y = new double[lCount];
                for (int l = 0; l < lCount; l++) {
                    Example e = model.examples().get(l);
                    y[l] = e.y()[i];
                }
                LayerKernel.evaluate(pat, y, beta, tmp);
                lv += tmp[0];
            }
            logLast[s] = lv;
        }
        double[] start = new double[sCount];
        Arrays.fill(start, Double.NEGATIVE_INFINITY);
        start[0] = 0;
        return LogSpace.logRowPowerColumn(start, logC, depth, logLast);
    }

    /**
     * Level-by-level forward recursion over the reached states without a dense matrix (for activations whose forward
     * pass leaves the alphabet): w_{m+1}(z') = ln sum_z exp(w_m(z) + ln C(z, z')). Refuses beyond
     * {@link #MAX_SPARSE_WORK} successor evaluations.
     */
    static double sparseForward(DiscreteDynModel model, double beta, LayerKernel kernel) {
        int n = model.network().width();
        int lCount = model.exampleCount();
        int depth = model.network().depth();
        double[][] x = new double[lCount][];
        for (int l = 0; l < lCount; l++) {
            x[l] = model.examples().get(l).x();
        }
        Map<Key, Double> level = new HashMap<>();
        level.put(new Key(flatten(x)), 0.0);
        long work = 0;
        for (int m = 0; m < depth; m++) {
            Map<Key, Double> next = new HashMap<>();
            for (Map.Entry<Key, Double> e : level.entrySet()) {
                Map<Key, Double> succ = successors(kernel, unflatten(e.getKey().v(), lCount, n), n, lCount);
                work += succ.size();
                if (work > MAX_SPARSE_WORK) {
                    throw new InvalidInputException("depth", depth, "the forward pass of activation " + model.network().activation().name()
                            + " reaches too many distinct states: more than " + MAX_SPARSE_WORK + " state transitions up to layer " + (m + 1));
                }
                for (Map.Entry<Key, Double> t : succ.entrySet()) {
                    next.merge(t.getKey(), e.getValue() + t.getValue(), LogSpace::logAdd);
                }
            }
            level = next;
        }
        double[] terms = new double[level.size()];
        int k = 0;
        double[] tmp = new double[2];
        for (Map.Entry<Key, Double> e : level.entrySet()) {
            double[][] pat = kernel.patterns(unflatten(e.getKey().v(), lCount, n));
            double lv = 0;
            for (int i = 0; i < n; i++) {
                double[] y = new double[lCount];
                for (int l = 0; l < lCount; l++) {
                    y[l] = model.examples().get(l).y()[i];
                }
                LayerKernel.evaluate(pat, y, beta, tmp);
                lv += tmp[0];
            }
            terms[k++] = e.getValue() + lv;
        }
        return LogSpace.logSumExp(terms);
    }

    /** Successor states of z with their log counts ln C(z -&gt; z'). */
    private static Map<Key, Double> successors(LayerKernel kernel, double[][] z, int n, int lCount) {
        double[][] pat = kernel.patterns(z);
        Map<Key, Integer> counts = new LinkedHashMap<>();
        for (double[] p : pat) {
            counts.merge(new Key(p), 1, Integer::sum);
        }
        List<Map.Entry<Key, Integer>> groups = new ArrayList<>(counts.entrySet());
        int g = groups.size();
        long combos = DiscreteDynModel.saturatingPower(g, n);
        if (combos > MAX_SUCCESSORS) {
            throw new InvalidInputException("width", n, "one forward-pass state has " + g + "^" + n
                    + " successor states; the limit is " + MAX_SUCCESSORS);
        }
        Map<Key, Double> out = new HashMap<>();
        int[] digit = new int[n];
        for (long c = 0; c < combos; c++) {
            long rest = c;
            double logCount = 0;
            double[] flat = new double[lCount * n];
            for (int i = 0; i < n; i++) {
                digit[i] = (int) (rest % g);
                rest /= g;
                Map.Entry<Key, Integer> grp = groups.get(digit[i]);
                logCount += Math.log(grp.getValue());
                for (int l = 0; l < lCount; l++) {
                    flat[l * n + i] = grp.getKey().v()[l];
                }
            }
            out.put(new Key(flat), logCount);
        }
        return out;
    }

    private static double[] flatten(double[][] z) {
        int n = z[0].length;
        double[] f = new double[z.length * n];
        for (int l = 0; l < z.length; l++) {
            System.arraycopy(z[l], 0, f, l * n, n);
        }
        return f;
    }

    private static double[][] unflatten(double[] f, int lCount, int n) {
        double[][] z = new double[lCount][n];
        for (int l = 0; l < lCount; l++) {
            System.arraycopy(f, l * n, z[l], 0, n);
        }
        return z;
    }
}
