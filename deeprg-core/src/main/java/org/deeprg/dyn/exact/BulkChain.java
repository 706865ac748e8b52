package org.deeprg.dyn.exact;

import java.util.Arrays;
import java.util.Comparator;
import org.deeprg.InvalidInputException;
import org.deeprg.net.Activation;
import org.deeprg.dyn.Alphabet;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The infinite-depth bulk of a discrete dynamic-neuron network (Lee, Lee, Yi 2024, Sec. III translation symmetry,
 * Sec. V Eqs. 34-35): only the constraint terms, the same in every layer, so the chain of joint layer states
 * s_m (N neurons x L examples) has the per-layer transfer matrix
 * <pre>
 *   T(s, s') = sum_{W, b} exp(-betaV sum_l |h'_l - sigma(W h_l + b)|^2) = prod_i f_betaV(h(s), h'_{.,i})
 * </pre>
 * (see {@link LayerKernel}). With lambda_1 &gt; |lambda_2| &gt;= ... its eigenvalues (T &gt; 0 for finite betaV, so
 * lambda_1 is the simple Perron root):
 * <ul>
 *   <li>free energy per layer f = -ln lambda_1 (k_B T = 1 units of the constraint ensemble, i.e. ln Z / M -&gt; ln lambda_1);</li>
 *   <li>correlation length xi = 1 / ln(lambda_1 / |lambda_2|) in layers (0 when lambda_2 = 0);</li>
 *   <li>stationary connected correlations G(r) = l^T O (T/lambda_1)^r O r / (l^T r) - &lt;O&gt;^2 with l, r the left and
 *       right Perron vectors, decaying as exp(-r / xi) (Eq. 35).</li>
 * </ul>
 * For the Heaviside activation with neurons {0, 1} the chain also factorises through the pre-neurons
 * sigma^(m) = sigma(W^(m) h^(m) + b^(m)) in {0,1}^{N L}: T = P K with the counting matrix
 * P(h, sigma) = #{(W, b): sigma(W h_l + b) = sigma_l} and K(sigma, h') = exp(-betaV |h' - sigma|^2); the sigma chain
 * has transfer matrix K P (same nonzero spectrum) and gives G_sigma (footnote 12 of the paper).
 */
public final class BulkChain {
    /** Largest number of joint layer states (lumped eigen decomposition; O(S^3) for the sigma chain). */
    public static final int MAX_STATES = 1024;
    /** G_h values below this fraction of G_h(0) are at the round-off floor of the exact evaluation. */
    public static final double NOISE_FLOOR = 1e-11;
    /** Largest R S^2 (multiply-adds) for the correlation functions of {@link #run}. */
    public static final double MAX_CORRELATION_WORK = 5e9;

    private final NeuronStates states;
    private final double betaV;
    private final double[][] t;
    private final double[][] tSigma;
    private final Complex_F64[] eigenvalues;

    /**
     * The computation of {@code dyn chain}: spectrum of the bulk transfer matrix, free energy per layer, correlation
     * length, exact G_h(r) (and G_sigma(r) where defined) up to {@code spec.maxDistance()}, and the decay rate of
     * G_h at the largest distance above the round-off floor (Eqs. 34-35).
     *
     * @throws InvalidInputException if the chain has too many states, or R S^2 exceeds {@link #MAX_CORRELATION_WORK}
     */
    public static ChainResult run(ChainSpec spec, org.deeprg.run.RunContext context) {
        BulkChain chain = new BulkChain(spec.width(), spec.examples(), spec.activation(), spec.weightAlphabet(),
                spec.neuronAlphabet(), spec.betaV());
        double[][] ev = chain.eigenvalues();
        double[] re = new double[ev.length];
        double[] im = new double[ev.length];
        for (int k = 0; k < ev.length; k++) {
            re[k] = ev[k][0];
            im[k] = ev[k][1];
        }
        double s2 = (double) chain.states().count() * chain.states().count();
        if (spec.maxDistance() * s2 > MAX_CORRELATION_WORK) {
            throw new InvalidInputException("maxDistance", spec.maxDistance(), "G(r) up to r = R costs R S^2 = "
                    + String.format(java.util.Locale.ROOT, "%.2g", spec.maxDistance() * s2) + " multiply-adds with S = "
                    + chain.states().count() + " states; the limit is " + String.format(java.util.Locale.ROOT, "%.2g", MAX_CORRELATION_WORK));
        }
        double[] g = chain.correlationFunction(0, 0, spec.maxDistance());
        double[] gs = chain.hasSigmaChain() ? chain.sigmaCorrelationFunction(0, 0, spec.maxDistance()) : null;
        Double rate = null;
        for (int r = g.length - 2; r >= 0; r--) {
            if (Math.abs(g[r + 1]) > NOISE_FLOOR * Math.abs(g[0]) && Math.abs(g[r]) > NOISE_FLOOR * Math.abs(g[0])) {
                rate = Math.log(Math.abs(g[r] / g[r + 1]));
                break;
            }
        }
        return new ChainResult(chain.freeEnergyPerLayer(), chain.correlationLength(), re, im, chain.neuronMean(0, 0), g, gs, rate,
                chain.states().count());
    }

    /**
     * @param width          N
     * @param examples       L (copies of the chain coupled through the shared weights)
     * @param activation     sigma
     * @param weightAlphabet values of W and b
     * @param neuronAlphabet values of h
     * @param betaV          constraint coupling, finite and &gt;= 0
     */
    public BulkChain(int width, int examples, Activation activation, Alphabet weightAlphabet, Alphabet neuronAlphabet, double betaV) {
        InvalidInputException.requireInRange("width", width, 1, Integer.MAX_VALUE);
        InvalidInputException.requireInRange("examples", examples, 1, Integer.MAX_VALUE);
        InvalidInputException.requireNonNegative("betaV", betaV);
        this.betaV = betaV;
        this.states = new NeuronStates(neuronAlphabet, width, examples, "width");
        if (states.count() > MAX_STATES) {
            throw new InvalidInputException("width", width + " x " + examples, "the full spectrum of the bulk transfer matrix is "
                    + "computed for at most " + MAX_STATES + " joint layer states; this chain has " + states.count());
        }
        LayerKernel kernel = new LayerKernel(activation, weightAlphabet, width);
        int s = states.count();
        int cCount = states.columnCount();
        double[][] logF = new double[s][cCount];
        double[] tmp = new double[2];
        for (int a = 0; a < s; a++) {
            double[][] pat = kernel.patterns(states.values(a));
            for (int c = 0; c < cCount; c++) {
                LayerKernel.evaluate(pat, states.column(c), betaV, tmp);
                logF[a][c] = tmp[0];
            }
        }
        int[][] colIndex = new int[s][width];
        for (int b = 0; b < s; b++) {
            for (int i = 0; i < width; i++) {
                colIndex[b][i] = states.columnIndex(b, i);
            }
        }
        t = new double[s][s];
        for (int a = 0; a < s; a++) {
            for (int b = 0; b < s; b++) {
                double lt = 0;
                for (int i = 0; i < width; i++) {
                    lt += logF[a][colIndex[b][i]];
                }
                t[a][b] = Math.exp(lt);
            }
        }
        boolean binaryHeaviside = Activation.HEAVISIDE.equals(activation) && neuronAlphabet.equals(Alphabet.BINARY_NEURONS);
        if (binaryHeaviside) {
            double[][] logCount = new double[s][cCount];
            for (int a = 0; a < s; a++) {
                double[][] pat = kernel.patterns(states.values(a));
                for (int c = 0; c < cCount; c++) {
                    LayerKernel.evaluate(pat, states.column(c), Double.POSITIVE_INFINITY, tmp);
                    logCount[a][c] = tmp[0];
                }
            }
            double[][] p = new double[s][s];
            for (int a = 0; a < s; a++) {
                for (int b = 0; b < s; b++) {
                    double lp = 0;
                    for (int i = 0; i < width; i++) {
                        lp += logCount[a][colIndex[b][i]];
                    }
                    p[a][b] = Math.exp(lp);
                }
            }
            double[][] k = new double[s][s];
            for (int a = 0; a < s; a++) {
                for (int b = 0; b < s; b++) {
                    double pen = 0;
                    for (int l = 0; l < examples; l++) {
                        for (int i = 0; i < width; i++) {
                            double d = states.value(a, l, i) - states.value(b, l, i);
                            pen += d * d;
                        }
                    }
                    k[a][b] = Math.exp(-betaV * pen);
                }
            }
            tSigma = multiply(k, p);
        } else {
            tSigma = null;
        }
        eigenvalues = lumpedEigenvalues(t);
        Arrays.sort(eigenvalues, Comparator.comparingDouble((Complex_F64 c) -> -c.getMagnitude()).thenComparingDouble(c -> -c.real));
    }

    /**
     * All eigenvalues of T. The weights of a unit are summed over the whole alphabet, so rows of T repeat (for L = 1 a
     * row depends only on the number of active neurons): T = E G with E the S x C indicator of the C distinct rows and
     * G the distinct rows. The nonzero eigenvalues of E G are those of the C x C matrix G E, the remaining S - C are 0.
     * This avoids a dense eigen decomposition of a highly defective S x S matrix (which fails to converge for S >= 512).
     * Rows are grouped when equal to a relative 1e-12.
     */
    static Complex_F64[] lumpedEigenvalues(double[][] t) {
        int s = t.length;
        int[] cls = new int[s];
        java.util.List<Integer> reps = new java.util.ArrayList<>();
        for (int a = 0; a < s; a++) {
            cls[a] = -1;
            for (int c = 0; c < reps.size() && cls[a] < 0; c++) {
                double[] r = t[reps.get(c)];
                boolean same = true;
                for (int b = 0; b < s && same; b++) {
                    same = Math.abs(r[b] - t[a][b]) <= 1e-12 * Math.max(Math.abs(r[b]), Math.abs(t[a][b]));
                }
                if (same) {
                    cls[a] = c;
                }
            }
            if (cls[a] < 0) {
                cls[a] = reps.size();
                reps.add(a);
            }
        }
        int cCount = reps.size();
        double[][] ge = new double[cCount][cCount];
        for (int c = 0; c < cCount; c++) {
            double[] row = t[reps.get(c)];
            for (int b = 0; b < s; b++) {
                ge[c][cls[b]] += row[b];
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(cCount, false);
        if (!eig.decompose(new DMatrixRMaj(ge))) {
            throw new IllegalStateException("eigen decomposition of the lumped " + cCount + " x " + cCount + " bulk transfer matrix failed");
        }
        Complex_F64[] ev = new Complex_F64[s];
        for (int i = 0; i < cCount; i++) {
            ev[i] = eig.getEigenvalue(i);
        }
        for (int i = cCount; i < s; i++) {
            ev[i] = new Complex_F64(0, 0);
        }
        return ev;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][b[0].length];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < b.length; k++) {
                double x = a[i][k];
                if (x == 0) {
                    continue;
                }
                for (int j = 0; j < c[i].length; j++) {
                    c[i][j] += x * b[k][j];
                }
            }
        }
        return c;
    }

    /** The joint layer states. */
    public NeuronStates states() {
        return states;
    }

    public double betaV() {
        return betaV;
    }

    /** The transfer matrix T(s, s') (a copy). */
    public double[][] transferMatrix() {
        return Arrays.stream(t).map(double[]::clone).toArray(double[][]::new);
    }

    /** Eigenvalues sorted by decreasing modulus: [k] = {re, im}. */
    public double[][] eigenvalues() {
        double[][] r = new double[eigenvalues.length][];
        for (int i = 0; i < r.length; i++) {
            r[i] = new double[] {eigenvalues[i].real, eigenvalues[i].imaginary};
        }
        return r;
    }

    /** The Perron root lambda_1. */
    public double largestEigenvalue() {
        return eigenvalues[0].real;
    }

    /** f = -ln lambda_1 per layer. */
    public double freeEnergyPerLayer() {
        return -Math.log(largestEigenvalue());
    }

    /** xi = 1 / ln(lambda_1 / |lambda_2|) in layers; 0 for a single state or lambda_2 = 0. */
    public double correlationLength() {
        if (eigenvalues.length < 2) {
            return 0;
        }
        double r = eigenvalues[1].getMagnitude() / eigenvalues[0].getMagnitude();
        if (r <= 1e-300) {
            return 0;
        }
        return -1 / Math.log(r);
    }

    /** G_h(r) for neuron (l, i), r = 0..maxDistance (stationary bulk, exact). */
    public double[] correlationFunction(int l, int i, int maxDistance) {
        double[] o = new double[states.count()];
        for (int s = 0; s < o.length; s++) {
            o[s] = states.value(s, l, i);
        }
        return stationaryCorrelation(t, o, maxDistance);
    }

    /** Whether G_sigma is available (Heaviside with neurons {0, 1}). */
    public boolean hasSigmaChain() {
        return tSigma != null;
    }

    /** G_sigma(r) of the pre-neuron sigma^(m)_{l,i} (Heaviside, neurons {0,1}); r = 0..maxDistance. */
    public double[] sigmaCorrelationFunction(int l, int i, int maxDistance) {
        if (tSigma == null) {
            throw new IllegalStateException("G_sigma needs the Heaviside activation with neurons {0, 1}");
        }
        double[] o = new double[states.count()];
        for (int s = 0; s < o.length; s++) {
            o[s] = states.value(s, l, i);
        }
        return stationaryCorrelation(tSigma, o, maxDistance);
    }

    /** Mean &lt;h_{l,i}&gt; in the bulk. */
    public double neuronMean(int l, int i) {
        double[] o = new double[states.count()];
        for (int s = 0; s < o.length; s++) {
            o[s] = states.value(s, l, i);
        }
        double[][] lr = perron(t);
        double num = 0;
        double den = 0;
        for (int s = 0; s < o.length; s++) {
            num += lr[0][s] * o[s] * lr[1][s];
            den += lr[0][s] * lr[1][s];
        }
        return num / den;
    }

    /** Left ([0]) and right ([1]) Perron vectors of a positive matrix, by power iteration to machine precision. */
    static double[][] perron(double[][] m) {
        int n = m.length;
        double[] left = new double[n];
        double[] right = new double[n];
        Arrays.fill(left, 1);
        Arrays.fill(right, 1);
        double[] tmp = new double[n];
        long maxIterations = Math.max(1000, (long) (2e9 / ((double) n * n)));
        boolean converged = false;
        for (long it = 0; it < maxIterations; it++) {
            // right: m r ; left: l m
            double change = 0;
            Arrays.fill(tmp, 0);
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    tmp[a] += m[a][b] * right[b];
                }
            }
            change = Math.max(change, normaliseInto(tmp, right));
            Arrays.fill(tmp, 0);
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    tmp[b] += left[a] * m[a][b];
                }
            }
            change = Math.max(change, normaliseInto(tmp, left));
            if (change < 1e-15 && it > 10) {
                converged = true;
                break;
            }
        }
        if (!converged) {
            return new double[][] {perronVector(transpose(m)), perronVector(m)};
        }
        return new double[][] {left, right};
    }

    /** Right Perron vector by a dense eigen decomposition (fallback when power iteration is slow). */
    static double[] perronVector(double[][] m) {
        int n = m.length;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true);
        if (!eig.decompose(new DMatrixRMaj(m))) {
            throw new IllegalStateException("eigen decomposition failed");
        }
        int best = -1;
        for (int i = 0; i < eig.getNumberOfEigenvalues(); i++) {
            Complex_F64 c = eig.getEigenvalue(i);
            if (c.isReal() && (best < 0 || c.real > eig.getEigenvalue(best).real)) {
                best = i;
            }
        }
        DMatrixRMaj v = eig.getEigenVector(best);
        double[] r = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            r[i] = v.get(i, 0);
            sum += r[i];
        }
        for (int i = 0; i < n; i++) {
            r[i] /= sum;
        }
        return r;
    }

    static double[][] transpose(double[][] m) {
        double[][] t = new double[m[0].length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }

    private static double normaliseInto(double[] v, double[] target) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        double change = 0;
        for (int i = 0; i < v.length; i++) {
            double nv = v[i] / s;
            change = Math.max(change, Math.abs(nv - target[i]));
            target[i] = nv;
        }
        return change;
    }

    /** G(r) = &lt;O_0 O_r&gt; - &lt;O&gt;^2 in the stationary chain of the positive matrix m. */
    static double[] stationaryCorrelation(double[][] m, double[] o, int maxDistance) {
        int n = m.length;
        double[][] lr = perron(m);
        double[] left = lr[0];
        double[] right = lr[1];
        // lambda_1 from the right vector
        double lambda = 0;
        for (int b = 0; b < n; b++) {
            lambda += m[0][b] * right[b];
        }
        lambda /= right[0];
        double den = 0;
        double mean = 0;
        for (int s = 0; s < n; s++) {
            den += left[s] * right[s];
            mean += left[s] * o[s] * right[s];
        }
        mean /= den;
        double[] v = new double[n];
        for (int s = 0; s < n; s++) {
            v[s] = left[s] * (o[s] - mean);
        }
        double[] g = new double[maxDistance + 1];
        double[] w = new double[n];
        for (int r = 0; r <= maxDistance; r++) {
            double sum = 0;
            for (int s = 0; s < n; s++) {
                sum += v[s] * (o[s] - mean) * right[s];
            }
            g[r] = sum / den;
            Arrays.fill(w, 0);
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    w[b] += v[a] * m[a][b];
                }
            }
            for (int s = 0; s < n; s++) {
                v[s] = w[s] / lambda;
            }
        }
        return g;
    }
}
