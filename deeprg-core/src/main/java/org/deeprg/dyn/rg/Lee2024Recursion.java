package org.deeprg.dyn.rg;

/**
 * The closed-form decimation of Lee, Lee, Yi (2024), Sec. IV, for N = L = 1, Heaviside (Eq. 16), W, b in {-1, 1},
 * h in {0, 1}, rescaling factor b = 2.
 *
 * <h2>Bond weight</h2>
 * Eq. 25 writes the bulk as -beta H = sum_m (A h sigma + B h + C sigma + D) with h = h^(m+1) and
 * sigma = sigma(W^(m) h^(m) + b^(m)); the dynamic-neuron Hamiltonian itself is the point
 * (A, B, C) = (2 betaV, -betaV, -betaV), since -betaV (h - sigma)^2 = -betaV (h + sigma - 2 h sigma) for h, sigma in {0,1}.
 *
 * <h2>Derivation of Eq. 26</h2>
 * Summing h_m = h^(m), W = W^(m), b = b^(m) with s = sigma(W h_m + b): for h_m = 0, s = sigma(b) is 0 for b = -1 and 1 for
 * b = 1 (two W each); for h_m = 1, s = sigma(W + b) is 0 only for W = b = -1. Hence, with e^A etc.,
 * <pre>
 *   Z(h, sigma) = e^{B h + C sigma} [ 2 + 2 e^{A h + C} + e^{A sigma + B} (1 + 3 e^{A h + C}) ],
 *   A' = ln Z(1,1) Z(0,0) / (Z(1,0) Z(0,1)),  B' = ln Z(1,0)/Z(0,0),  C' = ln Z(0,1)/Z(0,0),
 * </pre>
 * which is exactly Eq. 26 of the paper. In exponential coordinates (x, y, z) = (e^A, e^B, e^C) the map is rational
 * and is continued to negative x, y, z (the paper's "fictitious" couplings, Eq. 29).
 *
 * <h2>Eq. 21 as printed</h2>
 * At (A, B, C) = (2 betaV, -betaV, -betaV), u = e^betaV, the sum is
 * Z(h, sigma) = 2 + 3/u + 3/u^2 at (0,0), 2 + 5/u + 1/u^2 at (1,0), 1 + 5/u + 2/u^2 at (0,1), 3 + 3/u + 2/u^2 at (1,1):
 * bounded by the 8 configurations. The paper's Eqs. 21 and 24 equal this times u^{h + sigma}; the coefficient of h sigma
 * (the A of Eq. 24) is unaffected, the coefficients of h and sigma are shifted by +betaV. See {@link #bondSum} and
 * {@link #bondSumAsPrinted}.
 */
public final class Lee2024Recursion {
    /** The fictitious fixed point (e^A, e^B, e^C) = (3, -2/3, -1/3) of Eq. 29. */
    public static final double[] FICTITIOUS_FIXED_POINT = {3.0, -2.0 / 3.0, -1.0 / 3.0};

    private Lee2024Recursion() {
    }

    /** (A, B, C) of the bare dynamic-neuron bond at constraint coupling betaV: (2 betaV, -betaV, -betaV). */
    public static double[] initialCouplings(double betaV) {
        return new double[] {2 * betaV, -betaV, -betaV};
    }

    /** Eq. 26: (A, B, C) -&gt; (A', B', C') in log coordinates (real couplings). */
    public static double[] map(double[] abc) {
        double[] x = mapExp(new double[] {Math.exp(abc[0]), Math.exp(abc[1]), Math.exp(abc[2])});
        return new double[] {Math.log(x[0]), Math.log(x[1]), Math.log(x[2])};
    }

    /**
     * Eq. 26 in exponential coordinates (x, y, z) = (e^A, e^B, e^C) -&gt; (e^A', e^B', e^C'), written as the paper prints
     * it; valid for any real (x, y, z) where no denominator vanishes.
     */
    public static double[] mapExp(double[] xyz) {
        double x = xyz[0];
        double y = xyz[1];
        double z = xyz[2];
        double n11 = 2 + 2 * x * z + x * y + 3 * x * x * y * z;
        double n10 = 2 + 2 * x * z + y + 3 * x * y * z;
        double n01 = 2 + 2 * z + x * y + 3 * x * y * z;
        double n00 = 2 + 2 * z + y + 3 * y * z;
        return new double[] {n11 * n00 / (n10 * n01), y * n10 / n00, z * n01 / n00};
    }

    /** Z(h, sigma) of Eq. 20 computed correctly at u = e^betaV (see class comment). */
    public static double bondSum(int h, int sigma, double u) {
        double total = 0;
        for (int hm = 0; hm <= 1; hm++) {
            for (int w = -1; w <= 1; w += 2) {
                for (int b = -1; b <= 1; b += 2) {
                    int s = w * hm + b >= 0 ? 1 : 0;
                    total += Math.pow(u, -(hm - sigma) * (hm - sigma)) * Math.pow(u, -(h - s) * (h - s));
                }
            }
        }
        return total;
    }

    /**
     * Eq. 20 summed by brute force with the on-site terms of the two kept variables left out: the bond weights are
     * {@code exp(-betaV [(h_m - sigma)^2 - sigma^2])} and {@code exp(-betaV [(h - s')^2 - h^2])}, i.e. only the terms of
     * {@code H_{m-1} + H_m} that contain a decimated variable (h_m, W^(m), b^(m)) are kept ("extracting the terms related
     * to W^(m), b^(m) and h^(m)", text before Eq. 20). Equals {@link #bondSumAsPrinted} exactly.
     */
    public static double bondSumWithoutKeptOnSiteTerms(int h, int sigma, double u) {
        double total = 0;
        for (int hm = 0; hm <= 1; hm++) {
            for (int w = -1; w <= 1; w += 2) {
                for (int b = -1; b <= 1; b += 2) {
                    int s = w * hm + b >= 0 ? 1 : 0;
                    total += Math.pow(u, -((hm - sigma) * (hm - sigma) - sigma * sigma)) * Math.pow(u, -((h - s) * (h - s) - h * h));
                }
            }
        }
        return total;
    }

    /**
     * The first {@code points} points of the flow of Eq. 26 in exponential coordinates starting at {@code start}:
     * element k is {@code R^k(start)}.
     */
    public static double[][] trajectoryExp(double[] start, int points) {
        double[][] out = new double[points][];
        double[] v = start.clone();
        for (int k = 0; k < points; k++) {
            out[k] = v;
            v = mapExp(v);
        }
        return out;
    }

    /** Eq. 21 as printed: 3 u^-2 u^{2h + 2 sigma} + u^-1 (u^{2 sigma} + 2 u^{2h}) + 2. */
    public static double bondSumAsPrinted(int h, int sigma, double u) {
        return 3 * Math.pow(u, -2) * Math.pow(u, 2 * h + 2 * sigma) + (Math.pow(u, 2 * sigma) + 2 * Math.pow(u, 2 * h)) / u + 2;
    }

    /** Eq. 24's printed coefficients (A, B, C) at u: A = ln[(3u^2+3u+2)(2u^2+3u+3)/((u^2+5u+2)(2u^2+5u+1))], B, C. */
    public static double[] eq24AsPrinted(double u) {
        double a = Math.log((3 * u * u + 3 * u + 2) * (2 * u * u + 3 * u + 3) / ((u * u + 5 * u + 2) * (2 * u * u + 5 * u + 1)));
        double b = Math.log(u * (2 * u * u + 5 * u + 1) / (2 * u * u + 3 * u + 3));
        double c = Math.log(u * (u * u + 5 * u + 2) / (2 * u * u + 3 * u + 3));
        return new double[] {a, b, c};
    }
}
