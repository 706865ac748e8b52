package org.deeprg.qft;

import java.util.ArrayList;
import java.util.List;
import org.deeprg.InvalidInputException;

/**
 * Gaussian expectation values (GEV, Sec. 2) by Wick's theorem: for a centred Gaussian field with covariance
 * {@code K}, {@code G_0^(n)(x_1..x_n) = sum over perfect matchings of {1..n} of prod_{pairs (a,b)} K(x_a, x_b)},
 * zero for odd n. The number of perfect matchings is {@code (n-1)!!} (3 for n = 4, 15 for n = 6, 105 for n = 8).
 * Only matchings are enumerated, never all permutations.
 */
public final class Wick {
    /** Largest n accepted. */
    public static final int MAX_N = 8;

    private Wick() {
    }

    /** All perfect matchings of {@code {0..n-1}} as flat pair lists {@code [a0, b0, a1, b1, ...]} with a < b. */
    public static List<int[]> matchings(int n) {
        requireEven(n);
        List<int[]> out = new ArrayList<>();
        match(new boolean[n], new int[n], 0, out);
        return out;
    }

    private static void match(boolean[] used, int[] pairs, int filled, List<int[]> out) {
        int n = used.length;
        if (filled == n) {
            out.add(pairs.clone());
            return;
        }
        int a = 0;
        while (used[a]) {
            a++;
        }
        used[a] = true;
        for (int b = a + 1; b < n; b++) {
            if (!used[b]) {
                used[b] = true;
                pairs[filled] = a;
                pairs[filled + 1] = b;
                match(used, pairs, filled + 2, out);
                used[b] = false;
            }
        }
        used[a] = false;
    }

    /** {@code (n-1)!!} for even n. */
    public static long doubleFactorialOdd(int n) {
        long r = 1;
        for (int k = n - 1; k > 1; k -= 2) {
            r *= k;
        }
        return r;
    }

    /** {@code G_0^(n)} at the points {@code idx} (indices into the kernel matrix {@code kernel}). */
    public static double gaussianValue(int[] idx, double[][] kernel) {
        int n = idx.length;
        if (n % 2 == 1) {
            return 0.0;
        }
        double total = 0;
        for (int[] m : matchings(n)) {
            double p = 1;
            for (int i = 0; i < n; i += 2) {
                p *= kernel[idx[m[i]]][idx[m[i + 1]]];
            }
            total += p;
        }
        return total;
    }

    static void requireEven(int n) {
        if (n < 2 || n > MAX_N || n % 2 != 0) {
            throw new InvalidInputException("n", n, "must be even and in [2, " + MAX_N + "] for Wick's theorem");
        }
    }
}
