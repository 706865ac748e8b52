package org.deeprg.sft;

import java.util.Arrays;
import org.deeprg.InvalidInputException;
import org.deeprg.mc.DifferentiableEnergy;
import org.deeprg.net.Activation;
import org.deeprg.net.Dataset;
import org.deeprg.net.DenseNetwork;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Example 1 of the paper (Eqs. 13-17, Fig. 2): the periodic nearest-neighbour perceptron with linear activation
 * {@code sigma(z) = p z + q}. Data convention: S sites, output {@code y_i ~ sigma(w_{2i} x_i + w_{2i+1} x_{(i+1) mod S})},
 * cost {@code C = sum_l sum_i (y_i - sigma(...))^2} (no 1/L). The weight index {@code a = 0..2S-1} is the paper's
 * relabelling (Eq. 13 writes {@code W_{2i} X_{2i-1} + W_{2i+1} X_{2i+1}}: same structure, inputs on odd sites).
 *
 * <p><b>Eq. 14, derived.</b> C is quadratic: {@code C = C_min + (1/2) u^T H u} with {@code u = W - W*} (the shift of the
 * weights; {@code W*} minimises C, unique up to the null space of H, in which C is constant). The Hessian is
 * block diagonal with one 2x2 block per site: {@code H_{2i,2i} = 2p^2 sum_l x_i^2}, {@code H_{2i+1,2i+1} = 2p^2 sum_l x_{i+1}^2},
 * {@code H_{2i,2i+1} = 2p^2 sum_l x_i x_{i+1}}. Matching {@code sum_a [K_a (u_{a+1} - u_a)^2/2 + J_a u_a^2/2]} (periodic in
 * a) term by term gives {@code K_{2i} = -H_{2i,2i+1} = -2p^2 sum_l x_i x_{i+1}}, {@code K_{2i+1} = 0} (weights of
 * different outputs never couple), and {@code J_a = H_{aa} - K_a - K_{a-1}}, i.e.
 * {@code J_{2i} = 2p^2 sum_l (x_i^2 + x_i x_{i+1})}, {@code J_{2i+1} = 2p^2 sum_l (x_{i+1}^2 + x_i x_{i+1})}. The continuum
 * reading Eq. 17 takes {@code K(x), J(x)} at lattice spacing 1 per weight index; with momentum gamma each normal mode
 * {@code omega^2} (eigenvalue of H) obeys {@code u'' + gamma u' + omega^2 u = 0}.
 */
public final class PerceptronExample implements DifferentiableEnergy {
    /** Largest number of sites handled (dense 2S x 2S eigen-decomposition). */
    public static final int MAX_SITES = 2000;

    private final Dataset data;
    private final double p;
    private final double q;
    private final int sites;

    public PerceptronExample(Dataset data, double p, double q) {
        InvalidInputException.requireFinite("p", p);
        InvalidInputException.requireFinite("q", q);
        if (data.inputDimension() != data.outputDimension() || data.inputDimension() < 2) {
            throw new InvalidInputException("data", data.inputDimension() + " x " + data.outputDimension(), "S >= 2 inputs and S outputs");
        }
        InvalidInputException.requireInRange("sites", data.inputDimension(), 2, MAX_SITES);
        this.data = data;
        this.p = p;
        this.q = q;
        this.sites = data.inputDimension();
    }

    public int sites() {
        return sites;
    }

    public Dataset data() {
        return data;
    }

    public double p() {
        return p;
    }

    public double q() {
        return q;
    }

    @Override
    public int dimension() {
        return 2 * sites;
    }

    @Override
    public double energy(double[] w) {
        return energyAndGradient(w, null);
    }

    /** Direct evaluation from the data (Eq. 13); {@code g} may be null. */
    @Override
    public double energyAndGradient(double[] w, double[] g) {
        if (g != null) {
            Arrays.fill(g, 0);
        }
        double c = 0;
        for (int l = 0; l < data.size(); l++) {
            double[] x = data.inputRow(l);
            double[] y = data.targetRow(l);
            for (int i = 0; i < sites; i++) {
                int j = (i + 1) % sites;
                double r = y[i] - (p * (w[2 * i] * x[i] + w[2 * i + 1] * x[j]) + q);
                c += r * r;
                if (g != null) {
                    g[2 * i] += -2 * r * p * x[i];
                    g[2 * i + 1] += -2 * r * p * x[j];
                }
            }
        }
        return c;
    }

    /** The dense Hessian (2S x 2S), exact. */
    public double[][] hessian() {
        double[][] h = new double[2 * sites][2 * sites];
        for (int l = 0; l < data.size(); l++) {
            double[] x = data.inputRow(l);
            for (int i = 0; i < sites; i++) {
                int j = (i + 1) % sites;
                h[2 * i][2 * i] += 2 * p * p * x[i] * x[i];
                h[2 * i + 1][2 * i + 1] += 2 * p * p * x[j] * x[j];
                h[2 * i][2 * i + 1] += 2 * p * p * x[i] * x[j];
            }
        }
        for (int i = 0; i < sites; i++) {
            h[2 * i + 1][2 * i] = h[2 * i][2 * i + 1];
        }
        return h;
    }

    /** Bond couplings {@code K_a} of Eq. 14, bond a joining weights a and a+1 (mod 2S). */
    public double[] bondCouplings() {
        double[][] h = hessian();
        double[] k = new double[2 * sites];
        for (int a = 0; a < 2 * sites; a++) {
            k[a] = 0.0 - h[a][(a + 1) % (2 * sites)];
        }
        if (sites == 1) {
            throw new IllegalStateException();
        }
        return k;
    }

    /** On-site couplings {@code J_a} of Eq. 14. */
    public double[] siteCouplings() {
        double[][] h = hessian();
        double[] k = bondCouplings();
        int n = 2 * sites;
        double[] j = new double[n];
        for (int a = 0; a < n; a++) {
            j[a] = h[a][a] - k[a] - k[(a - 1 + n) % n];
        }
        return j;
    }

    /** The shift {@code W*}: the minimum-norm minimiser (2x2 pseudo-inverse per site). */
    public double[] shift() {
        double[][] h = hessian();
        double[] g = new double[2 * sites];
        energyAndGradient(new double[2 * sites], g);
        double[] w = new double[2 * sites];
        for (int i = 0; i < sites; i++) {
            double a = h[2 * i][2 * i];
            double b = h[2 * i][2 * i + 1];
            double d = h[2 * i + 1][2 * i + 1];
            double g0 = -g[2 * i];
            double g1 = -g[2 * i + 1];
            double det = a * d - b * b;
            double scale = Math.max(a + d, 1e-300);
            if (Math.abs(det) > 1e-12 * scale * scale) {
                w[2 * i] = (d * g0 - b * g1) / det;
                w[2 * i + 1] = (-b * g0 + a * g1) / det;
            } else if (a + d > 0) {
                // rank one: H = (a+d) e e^T with e the unit eigenvector; w = e (e.g)/(a+d)
                double e0 = Math.sqrt(a / (a + d));
                double e1 = Math.copySign(Math.sqrt(d / (a + d)), b == 0 ? 1 : b);
                double proj = (e0 * g0 + e1 * g1) / (a + d);
                w[2 * i] = e0 * proj;
                w[2 * i + 1] = e1 * proj;
            }
        }
        return w;
    }

    /** {@code C(W*)}, the constant dropped in Eq. 14. */
    public double minimumCost() {
        return energy(shift());
    }

    /**
     * Eq. 14 evaluated from the couplings: {@code C(W*) + sum_a [K_a (u_(a+1) - u_a)^2/2 + J_a u_a^2/2]} with
     * {@code u = W - W*} (periodic in a); equal to {@link #energy(double[])} when Eq. 14 holds.
     */
    public double equationFourteen(double[] w) {
        double[] k = bondCouplings();
        double[] j = siteCouplings();
        double[] star = shift();
        int n = dimension();
        double v = minimumCost();
        for (int a = 0; a < n; a++) {
            double ua = w[a] - star[a];
            double ub = w[(a + 1) % n] - star[(a + 1) % n];
            v += 0.5 * k[a] * (ub - ua) * (ub - ua) + 0.5 * j[a] * ua * ua;
        }
        return v;
    }

    /** Normal modes of training: eigenvalues {@code omega^2} of H ascending, with unit eigenvectors {@code vectors[mode][a]}. */
    public record Modes(double[] omega2, double[][] vectors) { }

    public Modes modes() {
        return eigen(hessian());
    }

    static Modes eigen(double[][] h) {
        int n = h.length;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(new DMatrixRMaj(h))) {
            throw new IllegalStateException("eigen-decomposition failed");
        }
        Integer[] order = new Integer[n];
        double[] val = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            val[i] = eig.getEigenvalue(i).real;
        }
        Arrays.sort(order, (x, y) -> Double.compare(val[x], val[y]));
        double[] w2 = new double[n];
        double[][] vec = new double[n][];
        for (int i = 0; i < n; i++) {
            w2[i] = val[order[i]];
            DMatrixRMaj v = eig.getEigenVector(order[i]);
            double nrm = 0;
            for (int a = 0; a < n; a++) {
                nrm += v.get(a, 0) * v.get(a, 0);
            }
            vec[i] = new double[n];
            for (int a = 0; a < n; a++) {
                vec[i][a] = v.get(a, 0) / Math.sqrt(nrm);
            }
        }
        return new Modes(w2, vec);
    }

    /** The same perceptron as a masked {@link DenseNetwork} (one layer, no bias); see {@link #paperIndex(DenseNetwork, int)}. */
    public DenseNetwork network() {
        boolean[][][] mask = new boolean[1][sites][sites];
        for (int i = 0; i < sites; i++) {
            mask[0][i][i] = true;
            mask[0][i][(i + 1) % sites] = true;
        }
        return new DenseNetwork(new int[] {sites, sites}, new Activation[] {Activation.Polynomial.linear(p, q)}, mask, new boolean[] {false});
    }

    /** The paper's index {@code a} of the network's parameter {@code k} (standard indexing -> relabelling). */
    public int paperIndex(DenseNetwork net, int k) {
        DenseNetwork.Label lab = net.label(k);
        int i = lab.row();
        int j = lab.column() - 1;
        return j == i ? 2 * i : 2 * i + 1;
    }

    /** The paper's embedding (Fig. 2): parameter k at {@code x = a} (its relabelled index), periodic with period 2S. */
    public Embedding paperEmbedding(DenseNetwork net) {
        double[][] c = new double[net.parameterCount()][1];
        for (int k = 0; k < c.length; k++) {
            c[k][0] = paperIndex(net, k);
        }
        return new Embedding("paper relabelling (Fig. 2)", c, new double[] {2.0 * sites});
    }

    /**
     * Closes a data set under cyclic translations of the sites (every example appears shifted by 0..S-1), making the
     * couplings translation invariant.
     */
    public static Dataset translationInvariant(Dataset d) {
        int s = d.inputDimension();
        double[][] x = new double[d.size() * s][s];
        double[][] y = new double[d.size() * s][s];
        for (int l = 0; l < d.size(); l++) {
            for (int t = 0; t < s; t++) {
                for (int i = 0; i < s; i++) {
                    x[l * s + t][i] = d.input(l, (i + t) % s);
                    y[l * s + t][i] = d.target(l, (i + t) % s);
                }
            }
        }
        return Dataset.of(x, y);
    }

    /**
     * Dispersion of the training modes for translation-invariant data.
     *
     * @param k             wave numbers per weight index (the paper's lattice, spacing 1), extended zone [-pi, pi]
     * @param exact         exact band of H assigned in the extended zone (lower band for |k| <= pi/2, upper beyond)
     * @param continuum     Eq. 17's {@code J + K k^2} with the site averages J = mean J_a, K = mean K_a
     * @param uniformLattice the lattice it pretends to be: {@code J + 2K(1 - cos k)}
     * @param meanJ         mean J_a
     * @param meanK         mean K_a over all bonds
     * @param couplingBondFraction fraction of bonds with {@code K_a != 0}
     * @param maxRelativeDeviation max over k of {@code |continuum - exact| / max(|exact|)}
     */
    public record Dispersion(double[] k, double[] exact, double[] continuum, double[] uniformLattice, double meanJ, double meanK,
                             double couplingBondFraction, double maxRelativeDeviation, double exactBandCurvature) { }

    /**
     * The long-wavelength stiffness of a periodic chain {@code sum_a K_a (u_(a+1) - u_a)^2 / 2} (Eq. 14's gradient term,
     * unit spacing per weight index): bonds in series add their compliances, so a mode of wave number {@code k -> 0}
     * costs {@code K_eff k^2 / 2} per site with {@code 1/K_eff = mean_a (1/K_a)} (the harmonic mean), not the
     * arithmetic mean that a continuum reading {@code K_i -> K(x)} of non-smooth couplings suggests. A missing bond
     * ({@code K_a = 0}) makes {@code K_eff = 0}: nothing propagates. (For Example 1, {@code K_(2i+1) = 0} always.)
     *
     * @return the harmonic mean of {@code k}; 0 if any entry is 0; NaN if the entries change sign
     */
    public static double longWavelengthStiffness(double[] k) {
        double inv = 0;
        boolean pos = false;
        boolean neg = false;
        for (double v : k) {
            if (v == 0) {
                return 0;
            }
            pos |= v > 0;
            neg |= v < 0;
            inv += 1 / v;
        }
        return pos && neg ? Double.NaN : k.length / inv;
    }

    /** Bloch analysis with the site (2 weights) as unit cell; requires translation-invariant couplings. */
    public Dispersion dispersion(int points) {
        double[][] h = hessian();
        int n = 2 * sites;
        double tol = 1e-9 * maxAbs(h);
        for (int i = 0; i < sites; i++) {
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < n; c++) {
                    int i2 = (2 * ((i + 1) % sites) + r) % n;
                    int c2 = (c + 2) % n;
                    if (Math.abs(h[2 * i + r][c] - h[i2][c2]) > tol) {
                        throw new InvalidInputException("data", "not translation invariant",
                                "data whose couplings are invariant under cyclic shifts of the sites (use --symmetrize)");
                    }
                }
            }
        }
        double[] kk = bondCouplings();
        double[] jj = siteCouplings();
        double meanK = Arrays.stream(kk).average().orElse(0);
        double meanJ = Arrays.stream(jj).average().orElse(0);
        long nonzero = Arrays.stream(kk).filter(v -> Math.abs(v) > tol).count();
        double[] ks = new double[points];
        double[] ex = new double[points];
        double[] co = new double[points];
        double[] un = new double[points];
        double scale = 0;
        for (int t = 0; t < points; t++) {
            double k = -Math.PI + 2 * Math.PI * t / (points - 1);
            ks[t] = k;
            // Bloch 2x2 at cell wave number kc = 2k (cell = 2 weight units): H_{r,c}(kc) = sum_R H[r][2R + c] e^{i kc R}
            double kc = 2 * k;
            double a = 0;
            double d = 0;
            double cre = 0;
            double cim = 0;
            for (int rcell = 0; rcell < sites; rcell++) {
                double ph = kc * (rcell <= sites / 2 ? rcell : rcell - sites);
                a += h[0][2 * rcell] * Math.cos(ph);
                d += h[1][2 * rcell + 1] * Math.cos(ph);
                cre += h[0][2 * rcell + 1] * Math.cos(ph);
                cim += h[0][2 * rcell + 1] * Math.sin(ph);
            }
            double mid = (a + d) / 2;
            double rad = Math.sqrt((a - d) * (a - d) / 4 + cre * cre + cim * cim);
            // extended zone: the in-phase (lower for K > 0) combination near k = 0, the other near the zone edge
            boolean inner = Math.abs(k) <= Math.PI / 2;
            double lower = mid - rad;
            double upper = mid + rad;
            double inPhase = meanK >= 0 ? lower : upper;
            double outPhase = meanK >= 0 ? upper : lower;
            ex[t] = inner ? inPhase : outPhase;
            co[t] = meanJ + meanK * k * k;
            un[t] = meanJ + 2 * meanK * (1 - Math.cos(k));
            scale = Math.max(scale, Math.abs(ex[t]));
        }
        double dev = 0;
        for (int t = 0; t < points; t++) {
            dev = Math.max(dev, Math.abs(co[t] - ex[t]) / Math.max(scale, 1e-300));
        }
        // curvature of the exact band at k = 0 (the stiffness the continuum calls K): second difference
        int mid0 = points / 2;
        double dk = ks[1] - ks[0];
        double curvature = points >= 3 ? (ex[mid0 + 1] - 2 * ex[mid0] + ex[mid0 - 1]) / (2 * dk * dk) : Double.NaN;
        return new Dispersion(ks, ex, co, un, meanJ, meanK, nonzero / (double) n, dev, curvature);
    }

    private static double maxAbs(double[][] h) {
        double m = 0;
        for (double[] r : h) {
            for (double v : r) {
                m = Math.max(m, Math.abs(v));
            }
        }
        return Math.max(m, 1e-300);
    }
}
