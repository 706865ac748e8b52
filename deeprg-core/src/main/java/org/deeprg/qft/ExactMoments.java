package org.deeprg.qft;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.deeprg.InvalidInputException;

/**
 * Exact moments of any order of a one-hidden-layer Gauss-net (Eqs. 1, 3) at width N, by the multivariate
 * moment-cumulant recursion: {@code E[f(x_1)^{k_1} ... f(x_r)^{k_r}]} for a multi-index k over the distinct points.
 * Used for the exact standard error of the plain estimator (the 2n-point function at the doubled multiset) and for the
 * covariances of estimators (the Eq. 8 average), up to {@link #MAX_ORDER}.
 *
 * <h2>Derivation</h2>
 * {@code f = b_1 + sum_{j=1}^N h_j}, {@code h_j(x) = W_{1j} g(z_j(x))} i.i.d., so the joint cumulants of f are
 * {@code kappa_f(k) = N kappa_h(k) + sigmaB^2 [|k| = 2]} (the output bias is a Gaussian common to all points). The
 * moments of h factorise: {@code E[prod_a h(x_a)^{k_a}] = E[W_1^{|k|}] M(k)} with
 * {@code E[W_1^{2m}] = (2m-1)!! (sigmaW^2/N)^m} (odd orders vanish) and the hidden-neuron moment of Eq. 3
 * <pre>
 *   M(k) = E[prod_a g(z(x_a))^{k_a}] = exp( Var(sum_a k_a z_a)/2 - sum_a k_a v_a ),
 *   Var(sum_a k_a z_a) = sigmaW^2 |sum_a k_a x_a|^2 / d_in + |k|^2 sigmaB^2,   v_a = sigmaB^2 + sigmaW^2 |x_a|^2 / d_in.
 * </pre>
 * Moments and cumulants of a vector are related by the recursion (Leibniz rule on the generating functions
 * {@code M(t) = exp K(t)}, {@code d_i M = M d_i K}): for any coordinate i with {@code k_i > 0} and {@code k' = k - e_i},
 * <pre>
 *   m(k) = sum_{0 <= j <= k'} C(k', j) kappa(j + e_i) m(k' - j),      C(k', j) = prod_a binom(k'_a, j_a),
 * </pre>
 * which gives kappa_h from m_h (the j = k' term isolated) and m_f from kappa_f. This is an independent route to
 * {@link FiniteWidth}'s sum over set partitions (tested against it) and is polynomial in the order: a multi-index of
 * order 16 over 8 distinct points has {@code 3^8} sub-indices instead of about {@code 10^8} set partitions.
 *
 * <p>Moments and cumulants are cached by multi-index (over all points when there are at most 12, else per set of
 * distinct points). Not thread-safe.
 */
public final class ExactMoments {
    /** Largest total order: twice the largest n of an ensemble (8), and the fourth moment of an n = 6 estimator. */
    public static final int MAX_ORDER = 24;

    private final NetworkSpec spec;
    private final double[][] points;
    private final int width;
    private final Map<String, Local> byPointSet = new HashMap<>();
    private final Map<Long, Local> byMask = new HashMap<>();
    private Local all;

    /**
     * @param spec   a one-hidden-layer Gauss-net (its width field is ignored)
     * @param points the input points (rows of length d_in)
     * @param width  the width N at which the moments are wanted
     */
    public ExactMoments(NetworkSpec spec, double[][] points, int width) {
        if (spec.depth() != 1 || !spec.gaussNet()) {
            throw new InvalidInputException("activation", spec.activation().name() + " at depth " + spec.depth(),
                    "exact moments of any order need the gauss activation (closed-form hidden moments, Eq. 3) at depth 1");
        }
        InvalidInputException.requireInRange("width", width, 1, NetworkSpec.MAX_WIDTH);
        this.spec = spec;
        this.points = points;
        this.width = width;
    }

    /** Whether exact moments of any order are available for this architecture. */
    public static boolean supports(NetworkSpec spec) {
        return spec.depth() == 1 && spec.gaussNet();
    }

    /** {@code E[prod_i f(x_{multiset[i]})]}: the exact |multiset|-point function (indices into the points, any order). */
    public double moment(int... multiset) {
        if (multiset.length > MAX_ORDER) {
            throw new InvalidInputException("n", multiset.length, "exact moments up to order " + MAX_ORDER);
        }
        if (multiset.length % 2 == 1) {
            return 0.0;
        }
        if (multiset.length == 0) {
            return 1.0;
        }
        int[] counts = new int[points.length];
        for (int i : multiset) {
            counts[i]++;
        }
        if (points.length <= 12) {
            // one memo over all the points (multi-indices with zeros): shared by every multiset
            if (all == null) {
                int[] every = new int[points.length];
                for (int i = 0; i < every.length; i++) {
                    every[i] = i;
                }
                all = new Local(every);
            }
            return all.mf(counts);
        }
        int distinct = 0;
        for (int c : counts) {
            if (c > 0) {
                distinct++;
            }
        }
        if (distinct > 12) {
            throw new InvalidInputException("points", distinct + " distinct points in one moment", "at most 12 for exact moments");
        }
        int[] ids = new int[distinct];
        int[] k = new int[distinct];
        int r = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                ids[r] = i;
                k[r++] = counts[i];
            }
        }
        String key = points.length <= 64 ? null : Arrays.toString(ids);
        Local local = key == null ? byMask.computeIfAbsent(mask(ids), x -> new Local(ids)) : byPointSet.computeIfAbsent(key, x -> new Local(ids));
        return local.mf(k);
    }

    private static long mask(int[] ids) {
        long m = 0;
        for (int i : ids) {
            m |= 1L << i;
        }
        return m;
    }

    /** The variance of one network's product {@code prod_{a in S} f(x_a)}: {@code G(S + S) - G(S)^2}. */
    public double productVariance(int[] multiset) {
        return productCovariance(multiset, multiset);
    }

    /** The covariance of two networks' products over the same network: {@code G(S + T) - G(S) G(T)}. */
    public double productCovariance(int[] s, int[] t) {
        int[] both = Arrays.copyOf(s, s.length + t.length);
        System.arraycopy(t, 0, both, s.length, t.length);
        return moment(both) - moment(s) * moment(t);
    }

    /** Moments and cumulants on one set of distinct points, keyed by the multi-index (5 bits per coordinate). */
    private final class Local {
        private final double[][] xs;
        private final Map<Long, Double> mf = new HashMap<>();
        private final Map<Long, Double> kh = new HashMap<>();
        private final Map<Long, Double> mh = new HashMap<>();

        Local(int[] ids) {
            xs = new double[ids.length][];
            for (int i = 0; i < ids.length; i++) {
                xs[i] = points[ids[i]];
            }
        }

        private long key(int[] k) {
            long key = 0;
            for (int v : k) {
                key = key << 5 | v;
            }
            return key;
        }

        /** Hidden-neuron moment M(k) of Eq. 3 (closed form, class comment). */
        private double hiddenMoment(int[] k) {
            int d = spec.dIn();
            double sw2 = spec.sigmaW() * spec.sigmaW();
            double sb2 = spec.sigmaB() * spec.sigmaB();
            double[] s = new double[d];
            double sumV = 0;
            int order = 0;
            for (int a = 0; a < k.length; a++) {
                double n2 = 0;
                for (int c = 0; c < d; c++) {
                    s[c] += k[a] * xs[a][c];
                    n2 += xs[a][c] * xs[a][c];
                }
                sumV += k[a] * (sb2 + sw2 * n2 / d);
                order += k[a];
            }
            double s2 = 0;
            for (double v : s) {
                s2 += v * v;
            }
            return Math.exp(0.5 * (sw2 * s2 / d + (double) order * order * sb2) - sumV);
        }

        /** {@code m_h(k) = (|k|-1)!! (sigmaW^2/N)^{|k|/2} M(k)}, 0 for odd |k|. */
        private double mh(int[] k) {
            int order = sum(k);
            if (order % 2 == 1) {
                return 0.0;
            }
            if (order == 0) {
                return 1.0;
            }
            long key = key(k);
            Double c = mh.get(key);
            if (c != null) {
                return c;
            }
            double v = Wick.doubleFactorialOdd(order) * Math.pow(spec.sigmaW() * spec.sigmaW() / width, order / 2) * hiddenMoment(k);
            mh.put(key, v);
            return v;
        }

        /** Joint cumulant of one hidden unit's output {@code h}. */
        private double kh(int[] k) {
            int order = sum(k);
            if (order % 2 == 1 || order == 0) {
                return 0.0;
            }
            long key = key(k);
            Double c = kh.get(key);
            if (c != null) {
                return c;
            }
            int i = firstNonZero(k);
            int[] km = k.clone();
            km[i]--;
            double v = mh(k);
            int[] j = new int[k.length];
            do {
                if (!Arrays.equals(j, km)) {
                    int[] ji = j.clone();
                    ji[i]++;
                    int[] rest = minus(km, j);
                    double mr = mh(rest);
                    if (mr != 0) {
                        v -= binomial(km, j) * kh(ji) * mr;
                    }
                }
            } while (next(j, km));
            kh.put(key, v);
            return v;
        }

        /** Joint cumulant of f: {@code N kappa_h + sigmaB^2 [|k| = 2]}. */
        private double kf(int[] k) {
            int order = sum(k);
            return width * kh(k) + (order == 2 ? spec.sigmaB() * spec.sigmaB() : 0.0);
        }

        /** Moment of f from its cumulants. */
        double mf(int[] k) {
            int order = sum(k);
            if (order % 2 == 1) {
                return 0.0;
            }
            if (order == 0) {
                return 1.0;
            }
            long key = key(k);
            Double c = mf.get(key);
            if (c != null) {
                return c;
            }
            int i = firstNonZero(k);
            int[] km = k.clone();
            km[i]--;
            double v = 0;
            int[] j = new int[k.length];
            do {
                int[] ji = j.clone();
                ji[i]++;
                if (sum(ji) % 2 == 0) {
                    double mr = mf(minus(km, j));
                    if (mr != 0) {
                        v += binomial(km, j) * kf(ji) * mr;
                    }
                }
            } while (next(j, km));
            mf.put(key, v);
            return v;
        }
    }

    private static int sum(int[] k) {
        int s = 0;
        for (int v : k) {
            s += v;
        }
        return s;
    }

    private static int firstNonZero(int[] k) {
        for (int i = 0; i < k.length; i++) {
            if (k[i] > 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("zero multi-index");
    }

    private static int[] minus(int[] a, int[] b) {
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] - b[i];
        }
        return out;
    }

    /** Next j in the box {@code 0 <= j <= max} (odometer); false after the last. */
    private static boolean next(int[] j, int[] max) {
        for (int i = 0; i < j.length; i++) {
            if (j[i] < max[i]) {
                j[i]++;
                return true;
            }
            j[i] = 0;
        }
        return false;
    }

    private static double binomial(int[] n, int[] k) {
        double b = 1;
        for (int i = 0; i < n.length; i++) {
            b *= binomial(n[i], k[i]);
        }
        return b;
    }

    private static double binomial(int n, int k) {
        double b = 1;
        for (int i = 1; i <= k; i++) {
            b = b * (n - k + i) / i;
        }
        return b;
    }
}
