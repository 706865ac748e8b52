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
    private final Map<String, Shared> sharedByPointSet;
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
        this.sharedByPointSet = new HashMap<>();
    }

    private ExactMoments(ExactMoments family, int width) {
        this.spec = family.spec;
        this.points = family.points;
        this.width = width;
        this.sharedByPointSet = family.sharedByPointSet;
    }

    /**
     * The same network at another width, sharing the width-independent hidden-unit moments and cumulants with this
     * one (the expensive part): cheaper than a new instance per width.
     */
    public ExactMoments at(int otherWidth) {
        InvalidInputException.requireInRange("width", otherWidth, 1, NetworkSpec.MAX_WIDTH);
        return new ExactMoments(this, otherWidth);
    }

    private Shared shared(int[] ids) {
        return sharedByPointSet.computeIfAbsent(Arrays.toString(ids), key -> {
            double[][] xs = new double[ids.length][];
            for (int i = 0; i < ids.length; i++) {
                xs[i] = points[ids[i]];
            }
            return new Shared(spec, xs);
        });
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
                all = new Local(shared(every));
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
        Local local = byPointSet.computeIfAbsent(Arrays.toString(ids), x -> new Local(shared(ids)));
        return local.mf(k);
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

    /**
     * Moments and cumulants on one set of distinct points, keyed by the multi-index (5 bits per coordinate,
     * {@code key = sum_a k_a 2^(5a)}, so keys add like multi-indices). The hidden-unit moments and cumulants are
     * stored without their width factor ({@code m_h = N^{-|k|/2} mTilde}, {@code kappa_h = N^{-|k|/2} kappaTilde}: the
     * recursion is homogeneous), so they are shared by every width ({@link #at(int)}).
     */
    private static final class Shared {
        private final NetworkSpec spec;
        private final double[][] xs;
        private final int r;
        private final LongDoubleMap mTilde = new LongDoubleMap();
        private final LongDoubleMap kTilde = new LongDoubleMap();

        Shared(NetworkSpec spec, double[][] xs) {
            this.spec = spec;
            this.xs = xs;
            this.r = xs.length;
        }

        /** {@code (|k|-1)!! sigmaW^|k| M(k)}: the width-free hidden-unit moment (0 for odd |k|). */
        double mTilde(long key, int order) {
            if (order % 2 == 1) {
                return 0.0;
            }
            if (order == 0) {
                return 1.0;
            }
            double v = mTilde.get(key);
            if (!Double.isNaN(v)) {
                return v;
            }
            v = Wick.doubleFactorialOdd(order) * Math.pow(spec.sigmaW() * spec.sigmaW(), order / 2) * hiddenMoment(decode(key, r));
            mTilde.put(key, v);
            return v;
        }

        /** The width-free hidden-unit cumulant. */
        double kTilde(long key, int order) {
            if (order % 2 == 1 || order == 0) {
                return 0.0;
            }
            double v = kTilde.get(key);
            if (!Double.isNaN(v)) {
                return v;
            }
            int[] k = decode(key, r);
            int i = firstNonZero(k);
            int[] km = k.clone();
            km[i]--;
            long keyKm = key - (1L << (5 * i));
            long ei = 1L << (5 * i);
            v = mTilde(key, order);
            int[] j = new int[r];
            long keyJ = 0;
            int sumJ = 0;
            while (true) {
                if (keyJ != keyKm) {
                    int rest = order - 1 - sumJ;
                    if (rest % 2 == 0 && (sumJ + 1) % 2 == 0) {
                        double mr = mTilde(keyKm - keyJ, rest);
                        if (mr != 0) {
                            v -= binomial(km, j) * kTilde(keyJ + ei, sumJ + 1) * mr;
                        }
                    }
                }
                // odometer over 0 <= j <= km, keys and sums kept in step
                int a = 0;
                while (a < r && j[a] == km[a]) {
                    keyJ -= (long) j[a] << (5 * a);
                    sumJ -= j[a];
                    j[a] = 0;
                    a++;
                }
                if (a == r) {
                    break;
                }
                j[a]++;
                keyJ += 1L << (5 * a);
                sumJ++;
            }
            kTilde.put(key, v);
            return v;
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
    }

    /** The moments of f at one width on one set of distinct points. */
    private final class Local {
        private final Shared shared;
        private final int r;
        private final LongDoubleMap mf = new LongDoubleMap();

        Local(Shared shared) {
            this.shared = shared;
            this.r = shared.r;
        }

        /** Joint cumulant of f: {@code N^{1-|k|/2} kappaTilde + sigmaB^2 [|k| = 2]}. */
        private double kf(long key, int order) {
            double v = shared.kTilde(key, order);
            double scaled = v == 0 ? 0 : v * Math.pow(width, 1 - order / 2.0);
            return scaled + (order == 2 ? spec.sigmaB() * spec.sigmaB() : 0.0);
        }

        double mf(int[] k) {
            long key = 0;
            int order = 0;
            for (int a = 0; a < k.length; a++) {
                key += (long) k[a] << (5 * a);
                order += k[a];
            }
            return mf(key, order);
        }

        /** Moment of f from its cumulants. */
        private double mf(long key, int order) {
            if (order % 2 == 1) {
                return 0.0;
            }
            if (order == 0) {
                return 1.0;
            }
            double v = mf.get(key);
            if (!Double.isNaN(v)) {
                return v;
            }
            int[] k = decode(key, r);
            int i = firstNonZero(k);
            int[] km = k.clone();
            km[i]--;
            long keyKm = key - (1L << (5 * i));
            long ei = 1L << (5 * i);
            v = 0;
            int[] j = new int[r];
            long keyJ = 0;
            int sumJ = 0;
            while (true) {
                if ((sumJ + 1) % 2 == 0) {
                    int rest = order - 1 - sumJ;
                    double mr = mf(keyKm - keyJ, rest);
                    if (mr != 0) {
                        v += binomial(km, j) * kf(keyJ + ei, sumJ + 1) * mr;
                    }
                }
                int a = 0;
                while (a < r && j[a] == km[a]) {
                    keyJ -= (long) j[a] << (5 * a);
                    sumJ -= j[a];
                    j[a] = 0;
                    a++;
                }
                if (a == r) {
                    break;
                }
                j[a]++;
                keyJ += 1L << (5 * a);
                sumJ++;
            }
            mf.put(key, v);
            return v;
        }
    }

    private static int[] decode(long key, int r) {
        int[] k = new int[r];
        for (int a = 0; a < r; a++) {
            k[a] = (int) (key >>> (5 * a) & 31);
        }
        return k;
    }

    /** A minimal open-addressing map from non-negative long keys to doubles (NaN = absent). */
    private static final class LongDoubleMap {
        private long[] keys = new long[1024];
        private double[] values = new double[1024];
        private int size;

        LongDoubleMap() {
            java.util.Arrays.fill(keys, -1L);
        }

        double get(long key) {
            int mask = keys.length - 1;
            int h = (int) (mix(key) & mask);
            while (true) {
                long k = keys[h];
                if (k == key) {
                    return values[h];
                }
                if (k == -1L) {
                    return Double.NaN;
                }
                h = (h + 1) & mask;
            }
        }

        void put(long key, double value) {
            if (2 * (size + 1) > keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            int h = (int) (mix(key) & mask);
            while (keys[h] != -1L && keys[h] != key) {
                h = (h + 1) & mask;
            }
            if (keys[h] == -1L) {
                size++;
            }
            keys[h] = key;
            values[h] = value;
        }

        private void grow() {
            long[] ok = keys;
            double[] ov = values;
            keys = new long[ok.length * 2];
            values = new double[ok.length * 2];
            java.util.Arrays.fill(keys, -1L);
            size = 0;
            for (int i = 0; i < ok.length; i++) {
                if (ok[i] != -1L) {
                    put(ok[i], ov[i]);
                }
            }
        }

        private static long mix(long z) {
            z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
            return z ^ (z >>> 33);
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

    private static final double[][] BINOMIAL = new double[MAX_ORDER + 1][MAX_ORDER + 1];

    static {
        for (int n = 0; n <= MAX_ORDER; n++) {
            BINOMIAL[n][0] = 1;
            for (int k = 1; k <= n; k++) {
                BINOMIAL[n][k] = BINOMIAL[n - 1][k - 1] + (k <= n - 1 ? BINOMIAL[n - 1][k] : 0);
            }
        }
    }

    private static double binomial(int[] n, int[] k) {
        double b = 1;
        for (int i = 0; i < n.length; i++) {
            b *= BINOMIAL[n[i]][k[i]];
        }
        return b;
    }
}
