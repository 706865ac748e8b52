package org.deeprg.qft;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeprg.InvalidInputException;

/**
 * Exact n-point functions of a one-hidden-layer network at any width N (the "full expectation values" of Sec. 2),
 * as polynomials in {@code 1/N}.
 *
 * <p>Derivation. {@code f(x) = b_1 + sum_{j=1}^N h_j(x)} with i.i.d. {@code h_j(x) = W_{1j} g(z_j(x))}. Joint
 * cumulants of a sum of independent terms add, so {@code kappa_n(f) = sigmaB^2 [n = 2] + N kappa_n(h)}. The moments
 * of h factorise: {@code E[h(x_1)..h(x_k)] = E[W_1^k] M(x_1..x_k) = (k-1)!! (sigmaW^2/N)^{k/2} M} for even k, 0 for
 * odd k, with {@code M} the hidden-neuron product moment ({@link GaussianExpectations#productMoment}). Hence for a
 * block B of size 2m
 * <pre>
 *   kappa_B(f) = sigmaB^2 + sigmaW^2 M(B)                                          (m = 1, the kernel K, Eq. 4)
 *   kappa_B(f) = sigmaW^{2m} N^{1-m} sum_rho (-1)^{|rho|-1} (|rho|-1)! prod_{C in rho} (|C|-1)!! M(C)   (m >= 2)
 * </pre>
 * (rho over partitions of B into even blocks: the moment-to-cumulant formula), and the moment
 * {@code G^(n) = sum_pi prod_{B in pi} kappa_B(f)} over partitions of {1..n} into even blocks. A term whose blocks have
 * sizes {@code 2 m_B} carries {@code N^{-sum_B (m_B - 1)}}: {@code G^(4) = G_0^(4) + c_1/N} and
 * {@code G^(6) = G_0^(6) + c_1/N + c_2/N^2}. The {@code N^0} coefficient is Wick's theorem with the kernel K.
 * Only one hidden layer is covered (deeper networks have no such closed form).
 */
public final class FiniteWidth {
    private final NetworkSpec spec;
    private final double[][] points;
    private final Map<String, Double> momentCache = new HashMap<>();

    /**
     * @param spec   a depth-1 architecture (its width is irrelevant: coefficients are width-independent)
     * @param points the input points (rows of length d_in)
     */
    public FiniteWidth(NetworkSpec spec, double[][] points) {
        if (spec.depth() != 1) {
            throw new InvalidInputException("depth", spec.depth(), "must be 1 for exact finite-width n-point functions");
        }
        this.spec = spec;
        this.points = points;
    }

    /** Coefficients {@code c_p}, {@code p = 0..n/2-1}, of {@code G^(n) = sum_p c_p N^{-p}} at the multiset {@code idx}. */
    public double[] coefficients(int[] idx) {
        int n = idx.length;
        if (n % 2 == 1) {
            return new double[] {0.0};
        }
        double[] coef = new double[Math.max(1, n / 2)];
        Map<Integer, Double> cumulantCache = new HashMap<>();
        for (List<Integer> partition : evenPartitions(fullMask(n))) {
            double term = 1;
            int power = 0;
            for (int block : partition) {
                int size = Integer.bitCount(block);
                if (size == 2) {
                    term *= spec.sigmaB() * spec.sigmaB() + spec.sigmaW() * spec.sigmaW() * moment(idx, block);
                } else {
                    double c = cumulantCache.computeIfAbsent(block, b -> unitCumulant(idx, b));
                    term *= Math.pow(spec.sigmaW(), size) * c;
                    power += size / 2 - 1;
                }
            }
            coef[power] += term;
        }
        return coef;
    }

    /** {@code G^(n)} at width N. */
    public double value(int[] idx, int width) {
        double[] c = coefficients(idx);
        double v = 0;
        for (int p = c.length - 1; p >= 0; p--) {
            v = v / width + c[p];
        }
        return v;
    }

    /** {@code sum_rho (-1)^{|rho|-1} (|rho|-1)! prod (|C|-1)!! M(C)} over even partitions of the block. */
    private double unitCumulant(int[] idx, int block) {
        double s = 0;
        for (List<Integer> rho : evenPartitions(block)) {
            int parts = rho.size();
            double t = ((parts - 1) % 2 == 0 ? 1 : -1) * factorial(parts - 1);
            for (int c : rho) {
                t *= Wick.doubleFactorialOdd(Integer.bitCount(c)) * moment(idx, c);
            }
            s += t;
        }
        return s;
    }

    private double moment(int[] idx, int block) {
        int[] sel = new int[Integer.bitCount(block)];
        int j = 0;
        for (int i = 0; i < idx.length; i++) {
            if ((block >> i & 1) != 0) {
                sel[j++] = idx[i];
            }
        }
        Arrays.sort(sel);
        String key = Arrays.toString(sel);
        Double cached = momentCache.get(key);
        if (cached != null) {
            return cached;
        }
        double[][] pts = new double[sel.length][];
        for (int i = 0; i < sel.length; i++) {
            pts[i] = points[sel[i]];
        }
        double m = GaussianExpectations.productMoment(spec, pts);
        momentCache.put(key, m);
        return m;
    }

    private static int fullMask(int n) {
        return (1 << n) - 1;
    }

    private static double factorial(int k) {
        double f = 1;
        for (int i = 2; i <= k; i++) {
            f *= i;
        }
        return f;
    }

    /** All partitions of the set bits of {@code mask} into blocks of even size (blocks as bit masks). */
    static List<List<Integer>> evenPartitions(int mask) {
        List<List<Integer>> out = new ArrayList<>();
        partition(mask, new ArrayList<>(), out);
        return out;
    }

    private static void partition(int rest, List<Integer> cur, List<List<Integer>> out) {
        if (rest == 0) {
            out.add(new ArrayList<>(cur));
            return;
        }
        int first = Integer.lowestOneBit(rest);
        int others = rest & ~first;
        // enumerate subsets of 'others' to join 'first'
        for (int sub = others; ; sub = (sub - 1) & others) {
            int block = first | sub;
            if (Integer.bitCount(block) % 2 == 0) {
                cur.add(block);
                partition(rest & ~block, cur, out);
                cur.remove(cur.size() - 1);
            }
            if (sub == 0) {
                break;
            }
        }
    }
}
