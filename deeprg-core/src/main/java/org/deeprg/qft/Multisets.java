package org.deeprg.qft;

import java.util.ArrayList;
import java.util.List;

/**
 * Sorted multisets of point indices: the inequivalent arguments of a symmetric n-point function.
 * For {@code m} points there are {@code C(m + n - 1, n)} of size {@code n} (21, 126, 462 for six points and
 * n = 2, 4, 6), listed in lexicographic order, which is also the order of a depth-first enumeration.
 */
public final class Multisets {
    private Multisets() {
    }

    /** All sorted multisets of size {@code n} from {@code {0..points-1}}, lexicographic. */
    public static List<int[]> of(int points, int n) {
        List<int[]> out = new ArrayList<>();
        int[] cur = new int[n];
        fill(points, n, 0, 0, cur, out);
        return out;
    }

    private static void fill(int points, int n, int pos, int start, int[] cur, List<int[]> out) {
        if (pos == n) {
            out.add(cur.clone());
            return;
        }
        for (int k = start; k < points; k++) {
            cur[pos] = k;
            fill(points, n, pos + 1, k, cur, out);
        }
    }

    /** {@code C(points + n - 1, n)}. */
    public static long count(int points, int n) {
        long c = 1;
        for (int i = 1; i <= n; i++) {
            c = c * (points + i - 1) / i;
        }
        return c;
    }
}
