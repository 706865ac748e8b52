package org.deeprg.dyn.rg;

import java.util.ArrayList;
import java.util.List;
import org.deeprg.InvalidInputException;
import org.deeprg.net.Activation;
import org.deeprg.dyn.Alphabet;
import org.deeprg.dyn.exact.LayerKernel;
import org.deeprg.dyn.exact.LogSpace;
import org.deeprg.dyn.exact.NeuronStates;

/**
 * Decimation RG along depth for any width N, number of examples L, weight alphabet and rescaling factor b
 * (generalising Lee, Lee, Yi 2024, Sec. IV, Eqs. 20-27, which is N = L = 1, W, b in {-1, 1}, b = 2).
 *
 * <h2>Setting</h2>
 * Heaviside activation, neurons h in {0, 1}. The kept variables of one bond are sigma = sigma^(m-1) (the N L pre-neurons
 * sigma(W^(m-1) h^(m-1)_l + b^(m-1))) and h = h^(m) (N L neurons), n = N L bits each. The bond weight is
 * <pre>
 *   K(sigma, h) = exp(-beta H_bond(sigma, h)) = exp( sum_{S} K_S prod_{a in S} v_a ),   v = (sigma, h) in {0,1}^{2n},
 * </pre>
 * expanded in the complete multilinear basis of the 2n kept variables (dimension 4^n = 4^{N L}; the constant S = 0 is
 * dropped, leaving D = 4^n - 1 couplings). The bare dynamic-neuron bond is K_S = 2 betaV for S = {sigma_a, h_a},
 * K_S = -betaV for S = {sigma_a} and {h_a}, zero otherwise. Between bonds the weights W^(m), b^(m) are summed, which
 * gives the counting matrix P(h, sigma') = #{(W, b): sigma(W h_l + b) = sigma'_l for all l}.
 *
 * <h2>The map</h2>
 * Summing b - 1 intermediate layers (h, W, b of each) gives K' = (K P)^{b-1} K; -beta H' = ln K' is expanded in the
 * same basis (Moebius transform) and the constant dropped (normalisation by K'(0, 0)). For N = L = 1 and b = 2 with
 * variables (sigma, h) the couplings are C = K_{sigma}, B = K_{h}, A = K_{sigma h}, and the map is Eq. 26 (tested).
 * In exponential coordinates x_S = e^{K_S} the map is rational (products, sums, quotients of the x_S) and is continued
 * to negative x_S ("fictitious" couplings, Eq. 29). The chain transfer matrix of the sigma variables is T = K P and the
 * RG is exactly T' = T^b / K'(0,0), so xi(K') = xi(K) / b.
 *
 * <h2>Fixed manifold</h2>
 * If all sigma-h mixed couplings vanish, K = f(sigma) g(h) is rank one and K' = f(sigma) (g^T P f)^{b-1} g(h) is
 * again f(sigma) g(h) up to the constant: every such point is fixed. This manifold has dimension 2 (2^n - 1); for
 * N = L = 1 it is the plane e^A = 1 of Eq. 28.
 *
 * <p>Coupling index S (1..4^n - 1) is a bit mask: bits 0..n-1 are sigma_{l,i} (bit l N + i), bits n..2n-1 are
 * h_{l,i}. Instances are immutable and thread-safe.
 */
public final class DecimationMap {
    /** Largest n = N L (kept bits per side): K has 4^n entries. */
    public static final int MAX_BITS = 10;

    private final int width;
    private final int examples;
    private final int bits;
    private final int states;
    private final int rescaling;
    private final double[][] counting;
    private final double[][] logCounting;

    /**
     * @param width          N
     * @param examples       L
     * @param weightAlphabet values of W and b
     * @param rescaling      b &gt;= 2, the depth ratio of original and renormalised system (the paper's p = 2)
     */
    public DecimationMap(int width, int examples, Alphabet weightAlphabet, int rescaling) {
        InvalidInputException.requireInRange("width", width, 1, MAX_BITS);
        InvalidInputException.requireInRange("examples", examples, 1, MAX_BITS);
        InvalidInputException.requireInRange("rescaling", rescaling, 2, 1_000_000);
        if ((long) width * examples > MAX_BITS) {
            throw new InvalidInputException("width", width + " x " + examples, "decimation keeps 2^(N L) states per side and "
                    + "4^(N L) couplings; N L = " + ((long) width * examples) + " exceeds the limit " + MAX_BITS);
        }
        this.width = width;
        this.examples = examples;
        this.bits = width * examples;
        this.states = 1 << bits;
        this.rescaling = rescaling;
        NeuronStates ns = new NeuronStates(Alphabet.BINARY_NEURONS, width, examples, "width");
        LayerKernel kernel = new LayerKernel(Activation.HEAVISIDE, weightAlphabet, width);
        counting = new double[states][states];
        logCounting = new double[states][states];
        int cols = ns.columnCount();
        double[][] logF = new double[states][cols];
        double[] tmp = new double[2];
        for (int h = 0; h < states; h++) {
            double[][] pat = kernel.patterns(ns.values(h));
            for (int c = 0; c < cols; c++) {
                LayerKernel.evaluate(pat, ns.column(c), Double.POSITIVE_INFINITY, tmp);
                logF[h][c] = tmp[0];
            }
        }
        for (int h = 0; h < states; h++) {
            for (int s = 0; s < states; s++) {
                double lc = 0;
                for (int i = 0; i < width; i++) {
                    lc += logF[h][ns.columnIndex(s, i)];
                }
                logCounting[h][s] = lc;
                counting[h][s] = Math.exp(lc);
            }
        }
    }

    /** The paper's N = L = 1, W, b in {-1, 1}, b = 2. */
    public static DecimationMap lee2024() {
        return new DecimationMap(1, 1, Alphabet.BINARY_WEIGHTS, 2);
    }

    public int width() {
        return width;
    }

    public int examples() {
        return examples;
    }

    public int rescaling() {
        return rescaling;
    }

    /** n = N L. */
    public int bits() {
        return bits;
    }

    /** Number of couplings D = 4^n - 1. */
    public int dimension() {
        return states * states - 1;
    }

    /** The counting matrix P(h, sigma') (a copy). */
    public double[][] countingMatrix() {
        double[][] c = new double[states][];
        for (int i = 0; i < states; i++) {
            c[i] = counting[i].clone();
        }
        return c;
    }

    /** Whether coupling S mixes sigma and h variables. */
    public boolean isMixed(int coupling) {
        int sigmaPart = coupling & (states - 1);
        int hPart = coupling >>> bits;
        return sigmaPart != 0 && hPart != 0;
    }

    /** Label of coupling S (1-based index into the D couplings): e.g. "s1*h1" (sigma_{l,i} as s{l N + i + 1}). */
    public String label(int coupling) {
        List<String> parts = new ArrayList<>();
        for (int a = 0; a < bits; a++) {
            if ((coupling & (1 << a)) != 0) {
                parts.add("s" + (a + 1));
            }
        }
        for (int a = 0; a < bits; a++) {
            if ((coupling & (1 << (a + bits))) != 0) {
                parts.add("h" + (a + 1));
            }
        }
        return String.join("*", parts);
    }

    /** All D labels in coupling order. */
    public List<String> labels() {
        List<String> l = new ArrayList<>();
        for (int s = 1; s <= dimension(); s++) {
            l.add(label(s));
        }
        return l;
    }

    /** The bare dynamic-neuron bond -betaV |h - sigma|^2 as couplings K_S (log coordinates, length D). */
    public double[] bareCouplings(double betaV) {
        double[] k = new double[dimension()];
        for (int a = 0; a < bits; a++) {
            int s = 1 << a;
            int h = 1 << (a + bits);
            k[s - 1] = -betaV;
            k[h - 1] = -betaV;
            k[(s | h) - 1] = 2 * betaV;
        }
        return k;
    }

    /** The bond weight K(sigma, h) for exponential couplings x (length D), as [sigma][h]. */
    public double[][] kernel(double[] x) {
        double[] a = new double[states * states];
        a[0] = 1;
        System.arraycopy(x, 0, a, 1, x.length);
        MultilinearBasis.zetaMultiplicative(a, 2 * bits);
        double[][] k = new double[states][states];
        for (int s = 0; s < states; s++) {
            for (int h = 0; h < states; h++) {
                k[s][h] = a[s | (h << bits)];
            }
        }
        return k;
    }

    /**
     * The RG map in exponential coordinates x_S = e^{K_S} (length D, any signs): x -&gt; x'. Entries of the result are
     * NaN or infinite where K' has zeros (outside the domain of the continued map).
     */
    public double[] apply(double[] x) {
        double[][] k = kernel(x);
        double[][] m = k;
        for (int r = 1; r < rescaling; r++) {
            m = multiply(multiply(m, counting), k);
        }
        double[] a = new double[states * states];
        double norm = m[0][0];
        for (int s = 0; s < states; s++) {
            for (int h = 0; h < states; h++) {
                a[s | (h << bits)] = m[s][h] / norm;
            }
        }
        MultilinearBasis.moebiusMultiplicative(a, 2 * bits);
        double[] out = new double[dimension()];
        System.arraycopy(a, 1, out, 0, out.length);
        return out;
    }

    /**
     * The RG map on real couplings K_S (log coordinates), computed entirely in log space (log-semiring products), so
     * couplings of order 10^3 (betaV up to 10^3) do not overflow.
     */
    public double[] applyLog(double[] k) {
        double[] a = new double[states * states];
        System.arraycopy(k, 0, a, 1, k.length);
        MultilinearBasis.zeta(a, 2 * bits);
        double[][] logK = new double[states][states];
        for (int s = 0; s < states; s++) {
            for (int h = 0; h < states; h++) {
                logK[s][h] = a[s | (h << bits)];
            }
        }
        double[][] m = logK;
        for (int r = 1; r < rescaling; r++) {
            m = logMultiply(logMultiply(m, logCounting), logK);
        }
        double norm = m[0][0];
        for (int s = 0; s < states; s++) {
            for (int h = 0; h < states; h++) {
                a[s | (h << bits)] = m[s][h] - norm;
            }
        }
        MultilinearBasis.moebius(a, 2 * bits);
        double[] out = new double[dimension()];
        System.arraycopy(a, 1, out, 0, out.length);
        return out;
    }

    /**
     * Jacobian dx'/dx at x in exponential coordinates by central differences with one Richardson extrapolation
     * (truncation O(h^4), h = 1e-3 (1 + |x_j|)): [i][j] = d x'_i / d x_j.
     */
    public double[][] jacobian(double[] x) {
        int d = dimension();
        double[][] j = new double[d][d];
        double[] xp = x.clone();
        for (int c = 0; c < d; c++) {
            double h = 1e-3 * (1 + Math.abs(x[c]));
            double[] d1 = centralDifference(xp, c, h);
            double[] d2 = centralDifference(xp, c, h / 2);
            for (int r = 0; r < d; r++) {
                j[r][c] = (4 * d2[r] - d1[r]) / 3;
            }
        }
        return j;
    }

    private double[] centralDifference(double[] x, int c, double h) {
        double keep = x[c];
        x[c] = keep + h;
        double[] plus = apply(x);
        x[c] = keep - h;
        double[] minus = apply(x);
        x[c] = keep;
        double[] r = new double[plus.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = (plus[i] - minus[i]) / (2 * h);
        }
        return r;
    }

    /**
     * The RG map in kernel coordinates: k = the entries K(sigma, h) / K(0, 0) for flat index c = sigma | h << n,
     * c = 1..4^n - 1 (so k_{c-1} = K(c)). A polynomial chart that, unlike the exponential couplings, also contains
     * kernels with zero entries; eigenvalues of the linearisation at a fixed point are the same in both charts.
     */
    public double[] applyKernel(double[] k) {
        double[][] kk = new double[states][states];
        for (int s = 0; s < states; s++) {
            for (int h = 0; h < states; h++) {
                int c = s | (h << bits);
                kk[s][h] = c == 0 ? 1 : k[c - 1];
            }
        }
        double[][] m = kk;
        for (int r = 1; r < rescaling; r++) {
            m = multiply(multiply(m, counting), kk);
        }
        double[] out = new double[dimension()];
        double norm = m[0][0];
        for (int s = 0; s < states; s++) {
            for (int h = 0; h < states; h++) {
                int c = s | (h << bits);
                if (c != 0) {
                    out[c - 1] = m[s][h] / norm;
                }
            }
        }
        return out;
    }

    /** Kernel coordinates of exponential couplings x (multiplicative zeta transform). */
    public double[] kernelFromExp(double[] x) {
        double[] a = new double[states * states];
        a[0] = 1;
        System.arraycopy(x, 0, a, 1, x.length);
        MultilinearBasis.zetaMultiplicative(a, 2 * bits);
        return java.util.Arrays.copyOfRange(a, 1, a.length);
    }

    /** Exponential couplings of kernel coordinates k (multiplicative Moebius; NaN/infinite where K has zeros). */
    public double[] expFromKernel(double[] k) {
        double[] a = new double[states * states];
        a[0] = 1;
        System.arraycopy(k, 0, a, 1, k.length);
        MultilinearBasis.moebiusMultiplicative(a, 2 * bits);
        return java.util.Arrays.copyOfRange(a, 1, a.length);
    }

    /** Jacobian of {@link #applyKernel} (central differences with Richardson extrapolation). */
    public double[][] jacobianKernel(double[] k) {
        int d = dimension();
        double[][] j = new double[d][d];
        double[] kp = k.clone();
        for (int c = 0; c < d; c++) {
            double h = 1e-3 * (1 + Math.abs(k[c]));
            double[] d1 = centralDifferenceKernel(kp, c, h);
            double[] d2 = centralDifferenceKernel(kp, c, h / 2);
            for (int r = 0; r < d; r++) {
                j[r][c] = (4 * d2[r] - d1[r]) / 3;
            }
        }
        return j;
    }

    private double[] centralDifferenceKernel(double[] x, int c, double h) {
        double keep = x[c];
        x[c] = keep + h;
        double[] plus = applyKernel(x);
        x[c] = keep - h;
        double[] minus = applyKernel(x);
        x[c] = keep;
        double[] r = new double[plus.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = (plus[i] - minus[i]) / (2 * h);
        }
        return r;
    }

    /**
     * The full-rank fixed point K* = P^{-1} / (P^{-1})(0, 0) in kernel coordinates (null when P is singular or
     * (P^{-1})(0,0) = 0). For b = 2: K' = K P K is proportional to K exactly when K P is proportional to an idempotent;
     * the identity gives K P = I. Linearising, (K* + d) P (K* + d) = K* + 2 d + O(d^2) (general b: K* + b d), so every
     * eigenvalue of the linearised map is b: y_i = 1 for all 4^n - 1 directions. For N = L = 1 this is Eq. 29.
     */
    public double[] inverseCountingFixedPoint() {
        org.ejml.data.DMatrixRMaj p = new org.ejml.data.DMatrixRMaj(counting);
        org.ejml.data.DMatrixRMaj inv = new org.ejml.data.DMatrixRMaj(states, states);
        if (!org.ejml.dense.row.CommonOps_DDRM.invert(p, inv)) {
            return null;
        }
        double cond = org.ejml.dense.row.NormOps_DDRM.conditionP2(p);
        if (!(cond < 1e12)) {
            return null;
        }
        double norm = inv.get(0, 0);
        if (Math.abs(norm) < 1e-12) {
            return null;
        }
        double[] k = new double[dimension()];
        for (int s = 0; s < states; s++) {
            for (int h = 0; h < states; h++) {
                int c = s | (h << bits);
                if (c != 0) {
                    k[c - 1] = inv.get(s, h) / norm;
                }
            }
        }
        return k;
    }

    /**
     * Distance of kernel coordinates from the factorised (rank-one) manifold: the residuals
     * r(sigma, h) = K(sigma, h) - K(sigma, 0) K(0, h) for sigma, h != 0 (with K(0,0) = 1), and the gradient of
     * sum r^2 (written into {@code gradient}, length D). Returns sum r^2.
     */
    public double factorisedResidual(double[] k, double[] gradient) {
        java.util.Arrays.fill(gradient, 0);
        double sum = 0;
        for (int s = 1; s < states; s++) {
            for (int h = 1; h < states; h++) {
                int c = s | (h << bits);
                int cs = s;
                int ch = h << bits;
                double r = k[c - 1] - k[cs - 1] * k[ch - 1];
                sum += r * r;
                gradient[c - 1] += 2 * r;
                gradient[cs - 1] -= 2 * r * k[ch - 1];
                gradient[ch - 1] -= 2 * r * k[cs - 1];
            }
        }
        return sum;
    }

    /**
     * The sigma-chain transfer matrix T = K P of couplings x: its eigenvalues give the correlation length
     * xi = 1/ln(|lambda_1|/|lambda_2|) of the bulk with this bond.
     */
    public double[][] chainTransferMatrix(double[] x) {
        return multiply(kernel(x), counting);
    }

    /** T = K P for kernel coordinates k. */
    public double[][] chainTransferMatrixKernel(double[] k) {
        double[][] kk = new double[states][states];
        for (int s = 0; s < states; s++) {
            for (int h = 0; h < states; h++) {
                int c = s | (h << bits);
                kk[s][h] = c == 0 ? 1 : k[c - 1];
            }
        }
        return multiply(kk, counting);
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int m = b[0].length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            double[] ci = c[i];
            for (int k = 0; k < b.length; k++) {
                double v = a[i][k];
                if (v == 0) {
                    continue;
                }
                double[] bk = b[k];
                for (int j = 0; j < m; j++) {
                    ci[j] += v * bk[j];
                }
            }
        }
        return c;
    }

    /**
     * Log-semiring product C(i, j) = ln sum_k exp(A(i, k) + B(k, j)). Fast path: rows of A and columns of B are
     * rescaled by their maxima, multiplied in linear arithmetic (no exponential in the O(S^3) loop) and the logs taken;
     * entries whose rescaled sum falls below {@code 1e-250} (where terms may have underflowed) are recomputed exactly
     * by log-sum-exp.
     */
    static double[][] logMultiply(double[][] a, double[][] b) {
        int n = a.length;
        int kk = b.length;
        int m = b[0].length;
        double[] rowMax = new double[n];
        double[] colMax = new double[m];
        java.util.Arrays.fill(colMax, Double.NEGATIVE_INFINITY);
        double[][] ea = new double[n][kk];
        for (int i = 0; i < n; i++) {
            double mx = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < kk; k++) {
                mx = Math.max(mx, a[i][k]);
            }
            rowMax[i] = mx;
            for (int k = 0; k < kk; k++) {
                ea[i][k] = mx == Double.NEGATIVE_INFINITY ? 0 : Math.exp(a[i][k] - mx);
            }
        }
        for (int k = 0; k < kk; k++) {
            for (int j = 0; j < m; j++) {
                colMax[j] = Math.max(colMax[j], b[k][j]);
            }
        }
        double[][] eb = new double[kk][m];
        for (int k = 0; k < kk; k++) {
            for (int j = 0; j < m; j++) {
                eb[k][j] = colMax[j] == Double.NEGATIVE_INFINITY ? 0 : Math.exp(b[k][j] - colMax[j]);
            }
        }
        double[][] lin = multiply(ea, eb);
        double[][] c = new double[n][m];
        double[] column = new double[kk];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double v = lin[i][j];
                if (v > 1e-250) {
                    c[i][j] = rowMax[i] + colMax[j] + Math.log(v);
                } else {
                    for (int k = 0; k < kk; k++) {
                        column[k] = a[i][k] + b[k][j];
                    }
                    c[i][j] = LogSpace.logSumExp(column);
                }
            }
        }
        return c;
    }
}
