package org.deeprg.dyn.rg;

/**
 * The complete multilinear basis of functions of n binary variables v_0..v_{n-1} in {0, 1}: every function
 * g(v) = sum_{S} K_S prod_{a in S} v_a (2^n coefficients, one per subset S, S = 0 the constant). Configurations and
 * subsets are both bit masks. The coefficients follow from the values by the Moebius transform
 * K_S = sum_{T subset S} (-1)^{|S| - |T|} g(T), the values from the coefficients by the zeta transform
 * g(c) = sum_{S subset c} K_S. The multiplicative versions act on exp(g) and exp(K) and continue to negative
 * ("fictitious") exponential couplings. All transforms are in place, O(n 2^n).
 */
public final class MultilinearBasis {
    private MultilinearBasis() {
    }

    /** Values from coefficients (in place): g(c) = sum_{S subset c} K_S. */
    public static void zeta(double[] a, int n) {
        for (int j = 0; j < n; j++) {
            int bit = 1 << j;
            for (int c = 0; c < a.length; c++) {
                if ((c & bit) != 0) {
                    a[c] += a[c ^ bit];
                }
            }
        }
    }

    /** Coefficients from values (in place): K_S = sum_{T subset S} (-1)^{|S|-|T|} g(T). */
    public static void moebius(double[] a, int n) {
        for (int j = 0; j < n; j++) {
            int bit = 1 << j;
            for (int c = 0; c < a.length; c++) {
                if ((c & bit) != 0) {
                    a[c] -= a[c ^ bit];
                }
            }
        }
    }

    /** exp(g(c)) = prod_{S subset c} exp(K_S) (in place, on exponentials). */
    public static void zetaMultiplicative(double[] a, int n) {
        for (int j = 0; j < n; j++) {
            int bit = 1 << j;
            for (int c = 0; c < a.length; c++) {
                if ((c & bit) != 0) {
                    a[c] *= a[c ^ bit];
                }
            }
        }
    }

    /** exp(K_S) = prod_{T subset S} exp(g(T))^{(-1)^{|S|-|T|}} (in place, on exponentials). */
    public static void moebiusMultiplicative(double[] a, int n) {
        for (int j = 0; j < n; j++) {
            int bit = 1 << j;
            for (int c = 0; c < a.length; c++) {
                if ((c & bit) != 0) {
                    a[c] /= a[c ^ bit];
                }
            }
        }
    }
}
