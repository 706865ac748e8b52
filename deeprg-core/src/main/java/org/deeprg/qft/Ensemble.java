package org.deeprg.qft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeprg.stats.Estimate;
import org.deeprg.stats.Resampling;
import org.deeprg.run.RunContext;

/**
 * Runs an {@link EnsembleSpec}: samples the bags in parallel and analyses them (Eqs. 2, 5, 6).
 *
 * <p>Work is cut into chunks of at most {@link #CHUNK} networks; chunk {@code c} of bag {@code b} at width index
 * {@code w} draws from stream {@code root.split(w).split(b).split(c)} and is one task of {@link RunContext#map}
 * ({@link EnsembleJob}); chunk sums are added in chunk order, so the numbers depend on neither the thread count nor
 * the backend. Bag means are the Eq. 5 averages; the mean over bags and its standard
 * error give each n-point function; derived nonlinear quantities (connected functions) get jackknife errors over bags.
 */
public final class Ensemble {
    /** Networks per parallel task. */
    public static final int CHUNK = 2048;

    private Ensemble() {
    }

    /**
     * Per-width samples.
     *
     * @param spec        the spec
     * @param layout      the slots
     * @param bagMeans    {@code [w][bag][slot]}: the Eq. 5 bag averages of the estimator
     * @param power       {@code [w][4 slot + j]}: tail statistics of the batch sums ({@link NPointAccumulator#powerSums()})
     * @param fullBatches {@code [w]}: the number of full batches behind {@code power}
     */
    public record Samples(EnsembleSpec spec, NPointLayout layout, double[][][] bagMeans, double[][] power, long[] fullBatches) {
    }

    /**
     * Samples every width and bag as {@code widths x bags x chunks} tasks on the context's backend
     * ({@link EnsembleJob}); width index w draws from {@code streams.split(w)}.
     */
    public static Samples sample(EnsembleSpec spec, RunContext ctx) {
        NPointLayout layout = new NPointLayout(spec.points().length, spec.maxN());
        double[] shifts = wickValues(spec.network(), spec.points(), layout);
        List<EnsembleJob.Cell> cells = new ArrayList<>();
        for (int w = 0; w < spec.widths().size(); w++) {
            cells.add(new EnsembleJob.Cell(spec.at(spec.widths().get(w)), ctx.streams().split(w), shifts));
        }
        EnsembleJob.Sampled s = EnsembleJob.sample(cells, spec.points(), spec.maxN(), spec.nets(), spec.bags(), spec.estimator(), ctx);
        return new Samples(spec, layout, s.bagMeans(), s.power(), s.fullBatches());
    }

    /** The Wick values {@code G_0^(n)} of every slot with the infinite-width kernel (width-independent). */
    static double[] wickValues(NetworkSpec network, double[][] points, NPointLayout layout) {
        double[][] kernel = Kernel.matrix(network, points);
        double[] g = new double[layout.slots()];
        for (int s = 0; s < g.length; s++) {
            g[s] = Wick.gaussianValue(layout.multiset(s), kernel);
        }
        return g;
    }

    /** Runs and analyses. */
    public static EnsembleResult run(EnsembleSpec spec, RunContext ctx) {
        return analyse(sample(spec, ctx));
    }

    /**
     * Analysis of sampled bags: estimates with their tail diagnostics ({@link HeavyTails}), exact standard errors
     * (Gauss-net, plain estimator), Wick values, exact values, deviations, connected functions and the leading-order
     * four-point vertex ({@link DeepVertex}).
     */
    public static EnsembleResult analyse(Samples samples) {
        EnsembleSpec spec = samples.spec();
        NPointLayout layout = samples.layout();
        double[][] kernel = Kernel.matrix(spec.network(), spec.points());
        int slots = layout.slots();
        double[] gaussian = new double[slots];
        Map<String, Integer> slotOf = new HashMap<>();
        for (int s = 0; s < slots; s++) {
            gaussian[s] = Wick.gaussianValue(layout.multiset(s), kernel);
            slotOf.put(Arrays.toString(layout.multiset(s)), s);
        }
        double[][] coefficients = null;
        String exactNote = null;
        if (spec.exact()) {
            try {
                FiniteWidth fw = new FiniteWidth(spec.network(), spec.points());
                coefficients = new double[slots][];
                for (int s = 0; s < slots; s++) {
                    coefficients[s] = fw.coefficients(layout.multiset(s));
                }
            } catch (org.deeprg.InvalidInputException e) {
                coefficients = null;
                exactNote = e.getMessage();
            }
        } else {
            exactNote = spec.network().depth() == 1 ? "not requested" : "no closed form for depth > 1";
        }
        String exactStderrNote = null;
        boolean exactStderr = spec.estimator() == Estimator.PLAIN && ExactMoments.supports(spec.network());
        if (!exactStderr) {
            exactStderrNote = spec.estimator() != Estimator.PLAIN
                    ? "exact standard errors are computed for the plain estimator only"
                    : "exact standard errors need the exact 2n-point functions of any order: Gauss-net with one hidden layer only";
        }
        DeepVertex vertex = null;
        String perturbativeNote = null;
        if (spec.maxN() >= 4) {
            try {
                vertex = DeepVertex.supports(spec.network()) ? new DeepVertex(spec.network(), spec.points()) : null;
                if (vertex == null) {
                    perturbativeNote = "the four-point vertex recursion is not implemented for " + spec.network().activation().name();
                }
            } catch (org.deeprg.InvalidInputException e) {
                perturbativeNote = "no perturbative four-point values: " + e.getMessage();
            }
        }
        List<EnsembleResult.ExactCoefficients> exactList = new ArrayList<>();
        if (coefficients != null) {
            for (int s = 0; s < slots; s++) {
                double[] c = coefficients[s];
                exactList.add(new EnsembleResult.ExactCoefficients(layout.multiset(s).length, layout.multiset(s), c[0],
                        c.length > 1 ? c[1] : 0.0, c.length > 2 ? c[2] : 0.0));
            }
        }
        ConnectedIndex index = new ConnectedIndex(layout, slotOf);
        ExactMoments family = exactStderr ? new ExactMoments(spec.network(), spec.points(), spec.widths().get(0)) : null;
        List<EnsembleResult.WidthResult> widths = new ArrayList<>();
        for (int w = 0; w < spec.widths().size(); w++) {
            int width = spec.widths().get(w);
            double[][] bags = samples.bagMeans()[w];
            double[] power = samples.power()[w];
            ExactMoments moments = family != null ? family.at(width) : null;
            List<EnsembleResult.Function> fs = new ArrayList<>();
            HeavyTails.Diagnostic[] tails = new HeavyTails.Diagnostic[slots];
            int flagged = 0;
            for (int s = 0; s < slots; s++) {
                int[] ms = layout.multiset(s);
                double[] col = column(bags, s);
                Estimate e = Estimate.ofIndependent(col);
                HeavyTails.Diagnostic tail = HeavyTails.of(power[4 * s], power[4 * s + 1], power[4 * s + 2], power[4 * s + 3],
                        samples.fullBatches()[w], NetworkSampler.BATCH, spec.nets());
                tails[s] = tail;
                if (!tail.reliable()) {
                    flagged++;
                }
                Double exact = null;
                if (coefficients != null) {
                    double v = 0;
                    double[] c = coefficients[s];
                    for (int p = c.length - 1; p >= 0; p--) {
                        v = v / width + c[p];
                    }
                    exact = v;
                }
                Double exactSe = null;
                if (moments != null) {
                    exactSe = Math.sqrt(Math.max(moments.productVariance(ms), 0) / ((double) spec.bags() * spec.nets()));
                }
                double dev = e.mean() - gaussian[s];
                Estimate connected = null;
                if (ms.length == 4 || ms.length == 6) {
                    final int slot = s;
                    connected = Resampling.jackknife(bags, v -> index.connected(slot, v));
                }
                Double perturbative = vertex != null && ms.length == 4 ? vertex.connected(ms, width) : null;
                fs.add(new EnsembleResult.Function(ms.length, ms, e.mean(), e.stderr(), tail.reliable(), tail.value(),
                        tail.unreliableBecause(), exactSe, gaussian[s], exact, dev,
                        gaussian[s] != 0 ? dev / gaussian[s] : Double.NaN,
                        gaussian[s] != 0 ? e.stderr() / Math.abs(gaussian[s]) : Double.NaN,
                        connected == null ? null : connected.mean(), connected == null ? null : connected.stderr(), perturbative));
            }
            List<EnsembleResult.Deviation> devs = new ArrayList<>();
            for (int n = 2; n <= spec.maxN(); n += 2) {
                double[] perBag = new double[spec.bags()];
                double exactAvg = 0;
                int count = 0;
                String unreliable = null;
                int flaggedN = 0;
                for (int s = 0; s < slots; s++) {
                    if (layout.multiset(s).length != n || gaussian[s] == 0) {
                        continue;
                    }
                    count++;
                    if (!tails[s].reliable()) {
                        flaggedN++;
                        if (unreliable == null) {
                            unreliable = tails[s].unreliableBecause();
                        }
                    }
                    for (int b = 0; b < spec.bags(); b++) {
                        perBag[b] += (bags[b][s] - gaussian[s]) / gaussian[s];
                    }
                    if (coefficients != null) {
                        exactAvg += (fs.get(s).exact() - gaussian[s]) / gaussian[s];
                    }
                }
                for (int b = 0; b < perBag.length; b++) {
                    perBag[b] /= count;
                }
                Estimate mn = Estimate.ofIndependent(perBag);
                if (unreliable != null) {
                    mn = mn.unreliable(flaggedN + " of its " + count + " functions have unreliable error bars (first: " + unreliable + ")");
                }
                devs.add(new EnsembleResult.Deviation(n, mn, coefficients != null ? exactAvg / count : null));
            }
            EnsembleResult.Vertex v4 = spec.maxN() >= 4 ? vertexAverage(layout, gaussian, bags, tails, index, vertex, width) : null;
            widths.add(new EnsembleResult.WidthResult(width, devs, flagged, v4, fs));
        }
        return new EnsembleResult(spec.network().activation().name(), spec.network().dIn(), spec.network().depth(),
                spec.network().sigmaW(), spec.network().sigmaB(), spec.points(), spec.nets(), spec.bags(), spec.maxN(),
                spec.estimator().key(), TAIL_TEST, widths, exactList, exactNote, exactStderrNote, perturbativeNote);
    }

    /** The description of the tail test written into every result. */
    public static final String TAIL_TEST = "stderrReliable is false when the estimated excess kurtosis of one bag mean (tailDiagnostic, "
            + "from the kurtosis of sums of 64 networks) exceeds " + HeavyTails.MAX_BAG_EXCESS_KURTOSIS + " or fewer than "
            + HeavyTails.MIN_BATCHES + " full batches of 64 networks exist";

    /** The multiset average of {@code G_c^(4)/G_0^(4)}: jackknife over bags, and its leading-order value. */
    private static EnsembleResult.Vertex vertexAverage(NPointLayout layout, double[] gaussian, double[][] bags, HeavyTails.Diagnostic[] tails,
                                                      ConnectedIndex index, DeepVertex vertex, int width) {
        List<Integer> four = new ArrayList<>();
        String unreliable = null;
        for (int s = 0; s < layout.slots(); s++) {
            if (layout.multiset(s).length == 4 && gaussian[s] != 0) {
                four.add(s);
                if (!tails[s].reliable() && unreliable == null) {
                    unreliable = tails[s].unreliableBecause();
                }
            }
        }
        if (four.isEmpty()) {
            return null;
        }
        Estimate sampled = Resampling.jackknife(bags, v -> {
            double sum = 0;
            for (int s : four) {
                sum += index.connected(s, v) / gaussian[s];
            }
            return sum / four.size();
        });
        if (unreliable != null) {
            sampled = sampled.unreliable("a 4-point function has an unreliable error bar (" + unreliable + ")");
        }
        Double perturbative = null;
        if (vertex != null) {
            double sum = 0;
            for (int s : four) {
                sum += vertex.connected(layout.multiset(s), width) / gaussian[s];
            }
            perturbative = sum / four.size();
        }
        return new EnsembleResult.Vertex(sampled, perturbative);
    }

    static double[] column(double[][] rows, int j) {
        double[] c = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            c[i] = rows[i][j];
        }
        return c;
    }

    private static int[] select(int[] ms, int mask) {
        int[] out = new int[Integer.bitCount(mask)];
        int j = 0;
        for (int i = 0; i < ms.length; i++) {
            if ((mask >> i & 1) != 0) {
                out[j++] = ms[i];
            }
        }
        Arrays.sort(out);
        return out;
    }


    /**
     * Slot bookkeeping for connected functions, precomputed once (the jackknife evaluates them many times):
     * for a 4-slot its 3 pairings into 2-slots; for a 6-slot its 15 (4-slot, 2-slot) splits and 15 pairings.
     */
    static final class ConnectedIndex {
        private final int[][] pairs4;
        private final int[][] quads6;
        private final int[][] pairs6;

        ConnectedIndex(NPointLayout layout, Map<String, Integer> slotOf) {
            int slots = layout.slots();
            pairs4 = new int[slots][];
            quads6 = new int[slots][];
            pairs6 = new int[slots][];
            for (int s = 0; s < slots; s++) {
                int[] ms = layout.multiset(s);
                if (ms.length == 4) {
                    pairs4[s] = pairings(ms, slotOf);
                } else if (ms.length == 6) {
                    int full = (1 << 6) - 1;
                    int[] q = new int[30];
                    int k = 0;
                    for (int quad = 0; quad <= full; quad++) {
                        if (Integer.bitCount(quad) == 4) {
                            q[k++] = slotOf.get(Arrays.toString(select(ms, quad)));
                            q[k++] = slotOf.get(Arrays.toString(select(ms, full & ~quad)));
                        }
                    }
                    quads6[s] = q;
                    pairs6[s] = pairings(ms, slotOf);
                }
            }
        }

        /** Slots of the pairs of every perfect matching, flattened (n/2 entries per matching). */
        private static int[] pairings(int[] ms, Map<String, Integer> slotOf) {
            List<int[]> matchings = Wick.matchings(ms.length);
            int half = ms.length / 2;
            int[] out = new int[matchings.size() * half];
            int k = 0;
            for (int[] m : matchings) {
                for (int i = 0; i < m.length; i += 2) {
                    int a = ms[m[i]];
                    int b = ms[m[i + 1]];
                    out[k++] = slotOf.get(Arrays.toString(new int[] {Math.min(a, b), Math.max(a, b)}));
                }
            }
            return out;
        }

        private static double pairSum(int[] p, int half, double[] v) {
            double total = 0;
            for (int i = 0; i < p.length; i += half) {
                double prod = 1;
                for (int j = 0; j < half; j++) {
                    prod *= v[p[i + j]];
                }
                total += prod;
            }
            return total;
        }

        /**
         * Connected function of a 4- or 6-slot from the slot means {@code v}:
         * {@code G_c^(4) = G^(4) - sum_3 G2 G2}, {@code G_c^(6) = G^(6) - sum_15 G_c^(4) G2 - sum_15 G2 G2 G2}
         * (odd moments vanish by the symmetry {@code W_1 -> -W_1, b_1 -> -b_1}).
         */
        double connected(int slot, double[] v) {
            if (pairs4[slot] != null) {
                return v[slot] - pairSum(pairs4[slot], 2, v);
            }
            int[] q = quads6[slot];
            double sub = 0;
            for (int i = 0; i < q.length; i += 2) {
                double c4 = v[q[i]] - pairSum(pairs4[q[i]], 2, v);
                sub += c4 * v[q[i + 1]];
            }
            return v[slot] - sub - pairSum(pairs6[slot], 3, v);
        }
    }
}
