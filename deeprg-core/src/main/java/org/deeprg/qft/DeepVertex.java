package org.deeprg.qft;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.deeprg.InvalidInputException;
import org.deeprg.net.Activation;

/**
 * The connected four-point function of a deep MLP at leading order in 1/N: the four-point vertex recursion of Roberts,
 * Yaida and Hanin ("The Principles of Deep Learning Theory", Cambridge 2022, Ch. 4), derived here in the form used.
 *
 * <h2>Setting</h2>
 * Preactivations {@code z^(1) = b + W_0 x} ({@code W_0 ~ N(0, sigmaW^2/d_in)}), {@code z^(l+1) = b + W_l g(z^(l))}
 * ({@code W_l ~ N(0, sigmaW^2/N)}, {@code b ~ N(0, sigmaB^2)}), L hidden layers of width N, output
 * {@code f = z^(L+1)}. Kernels on the points: {@code K^(1)_ab = sigmaB^2 + sigmaW^2 x_a.x_b/d_in},
 * {@code K^(l+1)_ab = sigmaB^2 + sigmaW^2 <g(z_a) g(z_b)>_{K^(l)}} (the NNGP recursion, {@link Kernel}).
 *
 * <h2>Derivation</h2>
 * Given layer l, the preactivations {@code z^(l+1)_i} of different neurons i are independent centred Gaussians with
 * the stochastic covariance ("metric") {@code G_ab = sigmaB^2 + (sigmaW^2/N) sum_j g(z^(l)_ja) g(z^(l)_jb)}. Hence
 * the connected four-point function of layer l+1 has the structure
 * {@code E[z_i1a z_i2b z_i3c z_i4d]_c = delta_i1i2 delta_i3i4 Cov(G_ab, G_cd) + (2 pairings)}, and we write
 * {@code Cov(G_ab, G_cd) = V^(l+1)_(ab)(cd) / N}. Expanding the covariance over neuron pairs j, k:
 * <ul>
 * <li>j = k (N terms): {@code (sigmaW^4/N^2) N [<g_a g_b g_c g_d> - <g_a g_b><g_c g_d>]_{K^(l)}} to leading order;</li>
 * <li>j != k (N(N-1) terms): neurons j and k of layer l are independent given layer l-1 with the common metric
 *     {@code G^(l)}, so {@code Cov(g_ja g_jb, g_kc g_kd) = Var_{G^(l)} of <g g>_{G^(l)}}, which by the delta method is
 *     {@code sum_{p, q} d<g_a g_b>/dK_p  d<g_c g_d>/dK_q  Cov(G^(l)_p, G^(l)_q)} with p, q running over the
 *     independent entries {@code (e <= f)} of the kernel: {@code V^(l)_pq / N}.</li>
 * </ul>
 * With the Jacobian of the kernel map {@code J_(ab),p = dK^(l+1)_ab / dK^(l)_p = sigmaW^2 d<g_a g_b>/dK_p}
 * (nonzero only for {@code p} inside {@code {a, b}}; derivatives by Price's theorem,
 * {@link GaussianExpectations#pairMomentGradient}) this is
 * <pre>
 *   V^(l+1) = sigmaW^4 [ <g_a g_b g_c g_d>_{K^(l)} - <g_a g_b>_{K^(l)} <g_c g_d>_{K^(l)} ] + J V^(l) J^T,    V^(1) = 0,
 * </pre>
 * the Roberts-Yaida-Hanin recursion (their Eq. 4.90 with equal widths; their {@code C_W = sigmaW^2}). For one input
 * it reads {@code V^(l+1) = sigmaW^4 (<g^4> - <g^2>^2) + chi_par^2 V^(l)} with {@code chi_par = dK^(l+1)/dK^(l)},
 * so V grows with depth (linearly for ReLU, where {@code chi_par = 1} at criticality) and the normalised connected
 * function scales as L/N. The network output's connected four-point function is
 * <pre>
 *   G_c^(4)(a, b, c, d) = (1/N) [V_(ab)(cd) + V_(ac)(bd) + V_(ad)(bc)] + O(1/N^2),     V = V^(L+1).
 * </pre>
 * At one hidden layer this is {@code (sigmaW^4/N)[3 M_abcd - M_ab M_cd - M_ac M_bd - M_ad M_bc]}, the exact c_1 of
 * {@link FiniteWidth} (tested), and the Gauss-net (first layer only) is covered there. Expectations at layers
 * {@code l >= 2} are Gaussian integrals over {@code K^(l)} ({@link GaussianExpectations#moment(Activation, double[][])}:
 * closed forms or Gauss-Hermite; GeLU and tanh by quadrature).
 */
public final class DeepVertex {
    private final NetworkSpec spec;
    private final int m;
    private final int pairs;
    /** The output kernel K^(L+1) (m x m). */
    private final double[][] kernel;
    /** V^(L+1) over point pairs (pairs x pairs). */
    private final double[][] vertex;

    /**
     * Runs the recursion for the architecture (any depth; its width is irrelevant at this order) on the points.
     *
     * @throws InvalidInputException when a Gaussian integral needs more than 4 directions (too many distinct points
     *                               in d_in &gt; 3 at the first layer)
     */
    public DeepVertex(NetworkSpec spec, double[][] points) {
        this.spec = spec;
        this.m = points.length;
        this.pairs = OneLayerEvaluator.pairs(m);
        double sw2 = spec.sigmaW() * spec.sigmaW();
        double sb2 = spec.sigmaB() * spec.sigmaB();
        Activation act = spec.activation();
        // layer 1 -> 2: first-layer expectations over the input points (any activation, the Gauss-net included)
        NetworkSpec first = spec.withDepth(1);
        double[][] k = Kernel.matrix(first, points);
        double[][] g2 = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = a; b < m; b++) {
                g2[a][b] = GaussianExpectations.productMoment(first, new double[][] {points[a], points[b]});
                g2[b][a] = g2[a][b];
            }
        }
        double[][] v = new double[pairs][pairs];
        Map<String, Double> four = new HashMap<>();
        for (int p = 0; p < pairs; p++) {
            int[] ab = pair(p);
            for (int q = p; q < pairs; q++) {
                int[] cd = pair(q);
                double m4 = four.computeIfAbsent(key(ab, cd), x -> GaussianExpectations.productMoment(first,
                        new double[][] {points[ab[0]], points[ab[1]], points[cd[0]], points[cd[1]]}));
                v[p][q] = sw2 * sw2 * (m4 - g2[ab[0]][ab[1]] * g2[cd[0]][cd[1]]);
                v[q][p] = v[p][q];
            }
        }
        // layers 2 .. L: propagate through the kernel map of the pointwise activation
        for (int layer = 2; layer <= spec.depth(); layer++) {
            double[][] next = new double[m][m];
            double[][] gg = new double[m][m];
            double[][] jac = new double[pairs][pairs];
            for (int p = 0; p < pairs; p++) {
                int a = pair(p)[0];
                int b = pair(p)[1];
                if (a == b) {
                    gg[a][a] = GaussianExpectations.pairMoment(act, k[a][a], k[a][a], k[a][a]);
                    next[a][a] = sb2 + sw2 * gg[a][a];
                    jac[p][OneLayerEvaluator.pairIndex(a, a, m)] = sw2 * GaussianExpectations.squareMomentDerivative(act, k[a][a]);
                } else {
                    gg[a][b] = GaussianExpectations.pairMoment(act, k[a][a], k[a][b], k[b][b]);
                    gg[b][a] = gg[a][b];
                    next[a][b] = sb2 + sw2 * gg[a][b];
                    next[b][a] = next[a][b];
                    double[] grad = GaussianExpectations.pairMomentGradient(act, k[a][a], k[a][b], k[b][b]);
                    jac[p][OneLayerEvaluator.pairIndex(a, a, m)] = sw2 * grad[0];
                    jac[p][OneLayerEvaluator.pairIndex(a, b, m)] = sw2 * grad[1];
                    jac[p][OneLayerEvaluator.pairIndex(b, b, m)] = sw2 * grad[2];
                }
            }
            double[][] propagated = multiply(multiply(jac, v), transpose(jac));
            four.clear();
            double[][] vNext = new double[pairs][pairs];
            for (int p = 0; p < pairs; p++) {
                int[] ab = pair(p);
                for (int q = p; q < pairs; q++) {
                    int[] cd = pair(q);
                    final double[][] kk = k;
                    double m4 = four.computeIfAbsent(key(ab, cd), x -> {
                        int[] idx = {ab[0], ab[1], cd[0], cd[1]};
                        double[][] cov = new double[4][4];
                        for (int i = 0; i < 4; i++) {
                            for (int j = 0; j < 4; j++) {
                                cov[i][j] = kk[idx[i]][idx[j]];
                            }
                        }
                        return GaussianExpectations.moment(act, cov);
                    });
                    vNext[p][q] = sw2 * sw2 * (m4 - gg[ab[0]][ab[1]] * gg[cd[0]][cd[1]]) + propagated[p][q];
                    vNext[q][p] = vNext[p][q];
                }
            }
            k = next;
            v = vNext;
        }
        this.kernel = k;
        this.vertex = v;
    }

    /** Whether the recursion is implemented for this architecture (the NN-QFT activations at any depth). */
    public static boolean supports(NetworkSpec spec) {
        return NetworkSpec.ACTIVATIONS.contains(spec.activation().name()) && (spec.depth() == 1 || !spec.gaussNet());
    }

    /** The infinite-width output kernel {@code K^(L+1)}. */
    public double[][] kernel() {
        return kernel;
    }

    /** {@code V_(ab)(cd)} of the output layer. */
    public double vertex(int a, int b, int c, int d) {
        return vertex[OneLayerEvaluator.pairIndex(Math.min(a, b), Math.max(a, b), m)][OneLayerEvaluator.pairIndex(Math.min(c, d), Math.max(c, d), m)];
    }

    /** {@code N G_c^(4)(a, b, c, d)} at leading order: {@code V_(ab)(cd) + V_(ac)(bd) + V_(ad)(bc)}. */
    public double connectedTimesWidth(int a, int b, int c, int d) {
        return vertex(a, b, c, d) + vertex(a, c, b, d) + vertex(a, d, b, c);
    }

    /** The leading-order connected four-point function at width N for a 4-multiset of point indices. */
    public double connected(int[] multiset, int width) {
        return connectedTimesWidth(multiset[0], multiset[1], multiset[2], multiset[3]) / width;
    }

    private int[] pair(int p) {
        for (int a = 0; a < m; a++) {
            int rowLength = m - a;
            if (p < rowLength) {
                return new int[] {a, a + p};
            }
            p -= rowLength;
        }
        throw new IllegalArgumentException("pair index out of range");
    }

    private static String key(int[] ab, int[] cd) {
        int[] s = {ab[0], ab[1], cd[0], cd[1]};
        Arrays.sort(s);
        return Arrays.toString(s);
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        int k = b.length;
        int w = b[0].length;
        double[][] out = new double[n][w];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < k; l++) {
                double x = a[i][l];
                if (x == 0) {
                    continue;
                }
                for (int j = 0; j < w; j++) {
                    out[i][j] += x * b[l][j];
                }
            }
        }
        return out;
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }
}
