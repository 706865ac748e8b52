package org.deeprg.qft;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Effective couplings of the local ansatz Eq. 7, {@code S_int = u_4/4! int f^4 + u_6/6! int f^6} (the (2n)! factors
 * are in the action, so {@code u_4} is the coefficient that multiplies {@code int prod K_W} in the 4-point function,
 * as in Eq. 8), for the Gauss-net kernel {@code K_W(x, y) = sigmaW^2 exp(-sigmaW^2 |x-y|^2 / (2 d_in))} (Eq. 4).
 *
 * <p>Tree-level relations used (external legs are {@code K_W}; the 4!, 6! and the symmetry factor 1/2! cancel the
 * number of Wick contractions):
 * <pre>
 *   Delta G^(4)(1234)   = -u_4 I_4(1234)                                           (Eq. 8)
 *   G_c^(6)(123456)     = -u_6 I_6(123456) + u_4^2 sum_{10 splits abc|def} J(abc|def)
 * </pre>
 * with {@code I_n(x_1..x_n) = int d^d x prod_a K_W(x, x_a)} and the exchange integral
 * {@code J(abc|def) = int d^d x d^d y K_W(x,a)K_W(x,b)K_W(x,c) K_W(x,y) K_W(y,d)K_W(y,e)K_W(y,f)}.
 *
 * <p>Gaussian integrals (alpha = sigmaW^2/(2 d_in), xbar the mean of the points): since
 * {@code sum_a |x - x_a|^2 = n |x - xbar|^2 + sum_a |x_a - xbar|^2},
 * {@code I_n = sigmaW^{2n} (2 pi d_in / (n sigmaW^2))^{d_in/2} exp(-alpha sum_a |x_a - xbar|^2)}.
 * For J, per coordinate the exponent is {@code -(z^T M z - 2 b^T z + c)} with {@code M = alpha [[4,-1],[-1,4]]},
 * {@code b = alpha (S_abc, S_def)}, {@code c = alpha (Q_abc + Q_def)} (S sums, Q sums of squares), giving
 * {@code pi / sqrt(det M) exp(b^T M^-1 b - c)} per coordinate, times {@code sigmaW^14}.
 */
public final class Couplings {
    private Couplings() {
    }

    /**
     * The tree-level relation behind Eq. 8 in a zero-dimensional theory, {@code S = f^2/(2k) + u f^4/4!}: returns
     * {@code kappa_4 / (-u k^4)} with the connected four-point function {@code kappa_4 = <f^4> - 3 <f^2>^2} computed by
     * numerical integration. It tends to 1 as u goes to 0: with the 4! in the action, {@code Delta G^(4) = -u K^4} at
     * tree level with no extra factor (the 4! cancels the 4! ways of attaching the legs).
     */
    public static double zeroDimensionalTreeRatio(double k, double u) {
        double[] m = zeroDimensionalMoments(k, u, 0);
        return (m[1] - 3 * m[0] * m[0]) / (-u * k * k * k * k);
    }

    /** {@code <f^2>, <f^4>} of {@code exp(-f^2/(2k) - u f^4/4! - r f^2/2)} by the trapezoidal rule on a wide grid. */
    static double[] zeroDimensionalMoments(double k, double u, double r) {
        double lim = 14 * Math.sqrt(k);
        int n = 40_001;
        double h = 2 * lim / (n - 1);
        double z = 0;
        double m2 = 0;
        double m4 = 0;
        for (int i = 0; i < n; i++) {
            double f = -lim + i * h;
            double f2 = f * f;
            double w = Math.exp(-f2 / (2 * k) - u * f2 * f2 / 24 - r * f2 / 2) * (i == 0 || i == n - 1 ? 0.5 : 1);
            z += w;
            m2 += w * f2;
            m4 += w * f2 * f2;
        }
        return new double[] {m2 / z, m4 / z};
    }

    /** {@code I_n} of the points (rows of length d_in). */
    public static double integralOfKernels(double sigmaW, double[][] pts) {
        int n = pts.length;
        int d = pts[0].length;
        double sw2 = sigmaW * sigmaW;
        if (sw2 == 0) {
            return 0;
        }
        double spread = 0;
        for (int c = 0; c < d; c++) {
            double mean = 0;
            for (double[] p : pts) {
                mean += p[c];
            }
            mean /= n;
            for (double[] p : pts) {
                spread += (p[c] - mean) * (p[c] - mean);
            }
        }
        return Math.pow(sw2, n) * Math.pow(2 * Math.PI * d / (n * sw2), d / 2.0) * Math.exp(-sw2 / (2.0 * d) * spread);
    }

    /** The exchange integral {@code J(abc|def)} (see class comment). */
    public static double exchangeIntegral(double sigmaW, double[][] left, double[][] right) {
        int d = left[0].length;
        double sw2 = sigmaW * sigmaW;
        if (sw2 == 0) {
            return 0;
        }
        double alpha = sw2 / (2.0 * d);
        double m11 = 4 * alpha;
        double m12 = -alpha;
        double det = m11 * m11 - m12 * m12;
        double result = Math.pow(sw2, 7);
        for (int c = 0; c < d; c++) {
            double sl = 0;
            double ql = 0;
            for (double[] p : left) {
                sl += p[c];
                ql += p[c] * p[c];
            }
            double sr = 0;
            double qr = 0;
            for (double[] p : right) {
                sr += p[c];
                qr += p[c] * p[c];
            }
            double b1 = alpha * sl;
            double b2 = alpha * sr;
            // b^T M^-1 b with M^-1 = [[m11, -m12], [-m12, m11]] / det
            double quad = (m11 * b1 * b1 - 2 * m12 * b1 * b2 + m11 * b2 * b2) / det;
            result *= Math.PI / Math.sqrt(det) * Math.exp(quad - alpha * (ql + qr));
        }
        return result;
    }

    /** {@code sum over the 10 splits of the six points into two triples of J}. */
    public static double exchangeSum(double sigmaW, double[][] six) {
        double total = 0;
        for (int mask = 0; mask < 64; mask++) {
            if (Integer.bitCount(mask) != 3 || (mask & 1) == 0) {
                continue;
            }
            double[][] l = new double[3][];
            double[][] r = new double[3][];
            int li = 0;
            int ri = 0;
            for (int i = 0; i < 6; i++) {
                if ((mask >> i & 1) != 0) {
                    l[li++] = six[i];
                } else {
                    r[ri++] = six[i];
                }
            }
            total += exchangeIntegral(sigmaW, l, r);
        }
        return total;
    }

    /**
     * Precomputed bookkeeping to turn a vector of slot means into the fit data (4-point deviations and the
     * K-subtracted 6-point connected function) without string lookups.
     */
    public static final class Design {
        final int[] slots4;
        final int[] slots6;
        final double[] gaussian;
        final double[] i4;
        final double[] i6;
        final double[] t6;
        final int[][] sub4;
        final double[][] subK;

        /**
         * @param layout slots with maxN >= 6
         * @param points the points
         * @param spec   Gauss-net architecture (sigmaW, sigmaB, d_in)
         */
        public Design(NPointLayout layout, double[][] points, NetworkSpec spec) {
            double[][] kernel = Kernel.matrix(spec, points);
            int slots = layout.slots();
            Map<String, Integer> slotOf = new HashMap<>();
            gaussian = new double[slots];
            int n4 = 0;
            int n6 = 0;
            for (int s = 0; s < slots; s++) {
                int[] ms = layout.multiset(s);
                slotOf.put(Arrays.toString(ms), s);
                gaussian[s] = Wick.gaussianValue(ms, kernel);
                if (ms.length == 4) {
                    n4++;
                } else if (ms.length == 6) {
                    n6++;
                }
            }
            slots4 = new int[n4];
            slots6 = new int[n6];
            i4 = new double[n4];
            i6 = new double[n6];
            t6 = new double[n6];
            sub4 = new int[n6][15];
            subK = new double[n6][15];
            int a = 0;
            int b = 0;
            for (int s = 0; s < slots; s++) {
                int[] ms = layout.multiset(s);
                if (ms.length == 4) {
                    slots4[a] = s;
                    i4[a++] = integralOfKernels(spec.sigmaW(), rows(points, ms));
                } else if (ms.length == 6) {
                    slots6[b] = s;
                    i6[b] = integralOfKernels(spec.sigmaW(), rows(points, ms));
                    t6[b] = exchangeSum(spec.sigmaW(), rows(points, ms));
                    int k = 0;
                    for (int i = 0; i < 6; i++) {
                        for (int j = i + 1; j < 6; j++) {
                            int[] rest = new int[4];
                            int r = 0;
                            for (int q = 0; q < 6; q++) {
                                if (q != i && q != j) {
                                    rest[r++] = ms[q];
                                }
                            }
                            Arrays.sort(rest);
                            sub4[b][k] = slotOf.get(Arrays.toString(rest));
                            subK[b][k] = kernel[ms[i]][ms[j]];
                            k++;
                        }
                    }
                    b++;
                }
            }
        }

        private static double[][] rows(double[][] points, int[] ms) {
            double[][] r = new double[ms.length][];
            for (int i = 0; i < ms.length; i++) {
                r[i] = points[ms[i]];
            }
            return r;
        }

        /** {@code Delta G^(4)} per 4-multiset from slot means. */
        public double[] deviation4(double[] means) {
            double[] out = new double[slots4.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = means[slots4[i]] - gaussian[slots4[i]];
            }
            return out;
        }

        /**
         * {@code G^(6) - G_0^(6) - sum_15 Delta G^(4) K}: the connected 6-point function with the exact kernel as
         * 2-point function (its expectation is the 6th cumulant exactly).
         */
        public double[] connected6(double[] means) {
            double[] out = new double[slots6.length];
            for (int i = 0; i < out.length; i++) {
                double v = means[slots6[i]] - gaussian[slots6[i]];
                for (int k = 0; k < 15; k++) {
                    int s4 = sub4[i][k];
                    v -= (means[s4] - gaussian[s4]) * subK[i][k];
                }
                out[i] = v;
            }
            return out;
        }

        /** {@code u_4} of Eq. 8 averaged over the 4-multisets. */
        public double u4Average(double[] means) {
            double[] d4 = deviation4(means);
            double s = 0;
            for (int i = 0; i < d4.length; i++) {
                s += -d4[i] / i4[i];
            }
            return s / d4.length;
        }

        /**
         * Joint weighted least-squares fit of {@code (u_4, u_6)} to the 4-point deviations and the connected 6-point
         * function (tree-level model of the class comment) by Gauss-Newton.
         *
         * @param means  slot means
         * @param sigma4 standard errors of the 4-point data (weights)
         * @param sigma6 standard errors of the 6-point data
         * @return {@code {u4, u6, chi2}}
         */
        public double[] fit(double[] means, double[] sigma4, double[] sigma6) {
            double[] d4 = deviation4(means);
            double[] c6 = connected6(means);
            // start: u4 from 4-point data alone (linear), u6 from the 6-point data given u4
            double num = 0;
            double den = 0;
            for (int i = 0; i < d4.length; i++) {
                double w = 1 / (sigma4[i] * sigma4[i]);
                num += -d4[i] * i4[i] * w;
                den += i4[i] * i4[i] * w;
            }
            double u4 = num / den;
            double u6 = 0;
            for (int iter = 0; iter < 50; iter++) {
                double a11 = 0;
                double a12 = 0;
                double a22 = 0;
                double g1 = 0;
                double g2 = 0;
                for (int i = 0; i < d4.length; i++) {
                    double w = 1 / (sigma4[i] * sigma4[i]);
                    double r = d4[i] + u4 * i4[i];
                    double j1 = -i4[i];
                    a11 += w * j1 * j1;
                    g1 += w * j1 * r;
                }
                for (int i = 0; i < c6.length; i++) {
                    double w = 1 / (sigma6[i] * sigma6[i]);
                    double r = c6[i] - (-u6 * i6[i] + u4 * u4 * t6[i]);
                    double j1 = 2 * u4 * t6[i];
                    double j2 = -i6[i];
                    a11 += w * j1 * j1;
                    a12 += w * j1 * j2;
                    a22 += w * j2 * j2;
                    g1 += w * j1 * r;
                    g2 += w * j2 * r;
                }
                double det = a11 * a22 - a12 * a12;
                double du4 = (a22 * g1 - a12 * g2) / det;
                double du6 = (a11 * g2 - a12 * g1) / det;
                u4 += du4;
                u6 += du6;
                if (Math.abs(du4) <= 1e-13 * Math.abs(u4) && Math.abs(du6) <= 1e-13 * Math.abs(u6) + 1e-300) {
                    break;
                }
            }
            double chi2 = 0;
            for (int i = 0; i < d4.length; i++) {
                double r = (d4[i] + u4 * i4[i]) / sigma4[i];
                chi2 += r * r;
            }
            for (int i = 0; i < c6.length; i++) {
                double r = (c6[i] - (-u6 * i6[i] + u4 * u4 * t6[i])) / sigma6[i];
                chi2 += r * r;
            }
            return new double[] {u4, u6, chi2};
        }

        /** Number of 4-point data. */
        public int size4() {
            return slots4.length;
        }

        /** Number of 6-point data. */
        public int size6() {
            return slots6.length;
        }
    }
}
