package org.deeprg.sft;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeprg.InvalidInputException;
import org.deeprg.sft.algebra.Polynomial;
import org.deeprg.net.Activation;
import org.deeprg.net.Dataset;
import org.deeprg.net.DenseNetwork;

/**
 * Example 2 of the paper (Eqs. 18-19, Table II, Fig. 3): S inputs, S hidden neurons, S outputs on a ring; hidden
 * neuron {@code j+1/2} sees inputs j and j+1 through a quadratic activation {@code sigma(z) = p z^2 + q z + r};
 * output i is linear in the hidden neurons {@code i-1/2} and {@code i+1/2}; no biases.
 *
 * <p><b>Eq. 18 as read here.</b> With the paper's relabelling (inputs/outputs at index 4i+1, hidden neurons at 4i+3,
 * every weight at the midpoint of its connection):
 * {@code C = sum_{i,l} [Y_i - W2_{4i} sigma(W1_{4i-2} X_{i-1} + W1_{4i} X_i) - W2_{4i+2} sigma(W1_{4i+2} X_i + W1_{4i+4} X_{i+1})]^2}.
 * The extracted text prints {@code W^(2)_{4i-2}} in the first argument; that would make a first-layer weight
 * second-layer and break the shared hidden neuron, so it is read as the first-layer {@code W^(1)_{4i-2}} (the only
 * reading in which the two sigma arguments describe the same neurons for neighbouring i).
 *
 * <p><b>Continuum convention (deeprg).</b> Lattice spacing a = distance between neighbouring inputs (one site,
 * four index units); site i sits at {@code x_i = i a}; a weight with paper index n sits at {@code x = (n - 1) a/4},
 * i.e. W1 at offsets {@code -3a/4, -a/4, +a/4, +3a/4} and W2 at {@code -+a/4} from the site; data
 * {@code X_{i+-1} = X(x_i +- a)}; {@code sum_i -> int dx / a}. Fields and data are Taylor expanded to second order in
 * derivatives in total; terms up to quadratic order in {@code (w1, w2)} are kept. Every coefficient with
 * {@code n_d} derivatives then carries {@code a^{n_d - 1}}. L = (1/2)(w1'^2 + w2'^2) - C density, so the entries of
 * Eq. 19 (written with minus signs) are coefficients of the cost density.
 *
 * <p><b>The paper's convention, inferred.</b> Table II is reproduced in magnitude when Taylor steps are counted in
 * index units ({@code X_{i+1} - X_i = 4a dX}) but the measure is {@code sum_i -> int dx / a}: a lattice spacing of one
 * index unit in derivatives and of one site in the measure. No single lattice spacing gives both, so the comparison
 * of derivative terms is NOT_COMPARABLE; deeprg reports its own consistent coefficients and the factor
 * {@code 4^{n_d}} by which the inferred convention differs.
 */
public final class HiddenLayerExample {
    /** Symbolic variables of the continuum expansion. */
    public static final String[] VARIABLES = {"w1", "∂w1", "∂²w1", "w2", "∂w2", "∂²w2", "X", "∂X", "∂²X", "Y", "p", "q", "r"};
    static final int W1 = 0;
    static final int W2 = 3;
    static final int X = 6;
    static final int Y = 9;
    static final int P = 10;
    static final int Q = 11;
    static final int R = 12;
    private static final int[] FIELD_DEGREE = {1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0};
    private static final int[] DERIVATIVES = {0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 0, 0, 0};

    private final Dataset data;
    private final double p;
    private final double q;
    private final double r;
    private final int sites;

    public HiddenLayerExample(Dataset data, double p, double q, double r) {
        InvalidInputException.requireFinite("p", p);
        InvalidInputException.requireFinite("q", q);
        InvalidInputException.requireFinite("r", r);
        if (data.inputDimension() != data.outputDimension() || data.inputDimension() < 2) {
            throw new InvalidInputException("data", data.inputDimension() + " x " + data.outputDimension(), "S >= 2 inputs and S outputs");
        }
        this.data = data;
        this.p = p;
        this.q = q;
        this.r = r;
        this.sites = data.inputDimension();
    }

    public int sites() {
        return sites;
    }

    public Dataset data() {
        return data;
    }

    /** The masked two-layer network. */
    public DenseNetwork network() {
        boolean[][][] mask = new boolean[2][sites][sites];
        for (int j = 0; j < sites; j++) {
            mask[0][j][j] = true;
            mask[0][j][(j + 1) % sites] = true;
            mask[1][j][(j - 1 + sites) % sites] = true;
            mask[1][j][j] = true;
        }
        return new DenseNetwork(new int[] {sites, sites, sites},
                new Activation[] {Activation.Polynomial.quadratic(p, q, r), Activation.LINEAR}, mask, new boolean[] {false, false});
    }

    /** The paper's index n (Fig. 3 relabelling, periodic mod 4S) of network parameter k. */
    public int paperIndex(DenseNetwork net, int k) {
        DenseNetwork.Label l = net.label(k);
        int col = l.column() - 1;
        if (l.layer() == 0) {
            int j = l.row();
            return col == j ? 4 * j + 2 : Math.floorMod(4 * (j + 1), 4 * sites);
        }
        int i = l.row();
        return col == i ? 4 * i + 2 : 4 * i;
    }

    /** Field (1 or 2) of parameter k. */
    public int field(DenseNetwork net, int k) {
        return net.label(k).layer() + 1;
    }

    /** The paper's embedding: x = n (index units), periodic with period 4S; both fields share the line. */
    public Embedding paperEmbedding(DenseNetwork net) {
        double[][] c = new double[net.parameterCount()][1];
        for (int k = 0; k < c.length; k++) {
            c[k][0] = paperIndex(net, k);
        }
        return new Embedding("paper relabelling (Fig. 3)", c, new double[] {4.0 * sites});
    }

    // ---------------------------------------------------------------- continuum expansion (Eq. 19)

    /** The site cost density (a = 1) as a polynomial in field jets, data jets and p, q, r; see the class comment. */
    public static Polynomial siteDensity() {
        Polynomial.Grading g = Polynomial.Grading.of(new int[][] {FIELD_DEGREE, DERIVATIVES}, new int[] {2, 2});
        Polynomial sigmaA = sigma(g, field(g, W1, -0.75).times(data(g, -1)).plus(field(g, W1, -0.25).times(data(g, 0))));
        Polynomial sigmaB = sigma(g, field(g, W1, 0.25).times(data(g, 0)).plus(field(g, W1, 0.75).times(data(g, 1))));
        Polynomial z = field(g, W2, -0.25).times(sigmaA).plus(field(g, W2, 0.25).times(sigmaB));
        Polynomial res = Polynomial.variable(Y, 1, g).minus(z);
        return res.times(res);
    }

    private static Polynomial sigma(Polynomial.Grading g, Polynomial h) {
        Polynomial pp = Polynomial.variable(P, 1, g);
        Polynomial qq = Polynomial.variable(Q, 1, g);
        Polynomial rr = Polynomial.variable(R, 1, g);
        return pp.times(h).times(h).plus(qq.times(h)).plus(rr);
    }

    /** {@code f(x_i + o a) = f + o f' + o^2/2 f''} for the field whose jet starts at {@code base}. */
    private static Polynomial field(Polynomial.Grading g, int base, double o) {
        return Polynomial.variable(base, 1, g).plus(Polynomial.variable(base + 1, o, g)).plus(Polynomial.variable(base + 2, o * o / 2, g));
    }

    private static Polynomial data(Polynomial.Grading g, int shift) {
        return field(g, X, shift);
    }

    /** One term of Eq. 19: field monomial and its coefficient, a sum of data terms. */
    public record ContinuumTerm(int[] fieldMonomial, List<DataTerm> coefficient) {
        public String fieldName() {
            return monomialName(fieldMonomial, "1");
        }

        public String describe() {
            return HiddenLayerExample.describe(coefficient);
        }
    }

    /**
     * {@code coefficient * sum_l (prod data vars) * prod(p,q,r) * a^{aPower}} ({@code sum_l 1 = N_l}).
     *
     * @param derivatives total derivative order n_d of the term (fields + data)
     */
    public record DataTerm(double coefficient, int[] dataMonomial, int aPower, int derivatives) { }

    /** All terms of the continuum Lagrangian's cost density, in deeprg's convention, grouped by field monomial. */
    public static List<ContinuumTerm> continuumTerms() {
        Polynomial d = siteDensity();
        Map<String, List<DataTerm>> groups = new LinkedHashMap<>();
        Map<String, int[]> fields = new LinkedHashMap<>();
        for (Map.Entry<Polynomial.Monomial, Double> e : d.sortedTerms()) {
            int[] vars = e.getKey().vars();
            List<Integer> f = new ArrayList<>();
            List<Integer> rest = new ArrayList<>();
            int nd = 0;
            for (int v : vars) {
                nd += DERIVATIVES[v];
                if (FIELD_DEGREE[v] == 1) {
                    f.add(v);
                } else {
                    rest.add(v);
                }
            }
            int[] fa = f.stream().mapToInt(Integer::intValue).toArray();
            String key = java.util.Arrays.toString(fa);
            fields.putIfAbsent(key, fa);
            groups.computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new DataTerm(e.getValue(), rest.stream().mapToInt(Integer::intValue).toArray(), nd - 1, nd));
        }
        List<ContinuumTerm> out = new ArrayList<>();
        List<String> keys = new ArrayList<>(groups.keySet());
        keys.sort((x, y) -> {
            int[] a = fields.get(x);
            int[] b = fields.get(y);
            return a.length != b.length ? Integer.compare(a.length, b.length) : java.util.Arrays.compare(a, b);
        });
        for (String k : keys) {
            out.add(new ContinuumTerm(fields.get(k), groups.get(k)));
        }
        return out;
    }

    /** The terms of the inferred paper convention: every coefficient times {@code 4^{n_d}}. */
    public static List<DataTerm> toInferredPaperConvention(List<DataTerm> terms) {
        List<DataTerm> out = new ArrayList<>();
        for (DataTerm t : terms) {
            out.add(new DataTerm(t.coefficient() * Math.pow(4, t.derivatives()), t.dataMonomial(), t.aPower(), t.derivatives()));
        }
        return out;
    }

    static String monomialName(int[] vars, String empty) {
        if (vars.length == 0) {
            return empty;
        }
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < vars.length) {
            int j = i;
            while (j < vars.length && vars[j] == vars[i]) {
                j++;
            }
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(VARIABLES[vars[i]]);
            if (j - i > 1) {
                b.append('^').append(j - i);
            }
            i = j;
        }
        return b.toString();
    }

    /** Text of a coefficient, e.g. {@code -8 q a^-1 Σ_l X Y}. */
    public static String describe(List<DataTerm> terms) {
        StringBuilder b = new StringBuilder();
        for (DataTerm t : terms) {
            List<Integer> params = new ArrayList<>();
            List<Integer> dat = new ArrayList<>();
            for (int v : t.dataMonomial()) {
                if (v >= P) {
                    params.add(v);
                } else {
                    dat.add(v);
                }
            }
            double c = t.coefficient();
            b.append(b.length() == 0 ? (c < 0 ? "-" : "") : (c < 0 ? " - " : " + "));
            b.append(num(Math.abs(c)));
            String pn = monomialName(params.stream().mapToInt(Integer::intValue).toArray(), "");
            if (!pn.isEmpty()) {
                b.append(' ').append(pn);
            }
            if (t.aPower() != 0) {
                b.append(" a^").append(t.aPower());
            }
            String dn = monomialName(dat.stream().mapToInt(Integer::intValue).toArray(), "");
            b.append(dn.isEmpty() ? " N_l" : " Σ_l " + dn);
        }
        return b.length() == 0 ? "0" : b.toString();
    }

    static String num(double c) {
        if (c == Math.rint(c)) {
            return String.format(Locale.ROOT, "%.0f", c);
        }
        return String.format(Locale.ROOT, "%.6g", c);
    }

    /**
     * Evaluates the truncated density {@code sum_l sum_terms} at one point: {@code fieldJets = (w1, w1', w1'', w2, w2', w2'')},
     * {@code dataJets[l] = (X, X', X'', Y)}, lattice spacing a; returns {@code a * density} (the site's share).
     */
    public double siteShare(List<ContinuumTerm> terms, double[] fieldJets, double[][] dataJets, double a) {
        double s = 0;
        for (ContinuumTerm t : terms) {
            double f = 1;
            for (int v : t.fieldMonomial()) {
                f *= fieldJets[v];
            }
            for (DataTerm d : t.coefficient()) {
                double sum = 0;
                for (double[] ex : dataJets) {
                    double m = d.coefficient();
                    for (int v : d.dataMonomial()) {
                        m *= v == P ? p : v == Q ? q : v == R ? r : ex[v - X];
                    }
                    sum += m;
                }
                s += f * sum * Math.pow(a, d.aPower() + 1);
            }
        }
        return s;
    }

    // ---------------------------------------------------------------- continuum against lattice

    /**
     * How a continuum Lagrangian is laid onto the lattice of Fig. 3 for comparison with the network's cost. Positions
     * are the same in every convention (site i at {@code x = i/S}, a weight with paper index n at {@code x = (n-1)/(4S)},
     * period 1); what differs is the lattice spacing the coefficients are written with and the sign of {@code w2}.
     */
    public enum Convention {
        /**
         * deeprg's: {@code a} = one site ({@code 1/S}), every site contributes {@code a} times the density
         * ({@code sum_i -> int dx/a}), {@code w2 = W^(2)}.
         */
        SITE_SPACING(false, false),
        /**
         * The paper's, derived from Table II: {@code a} = one index unit of Fig. 3 ({@code 1/(4S)}; neighbouring sites are
         * {@code 4a} apart, so Taylor steps are {@code 4a dX}), each site's cost equals {@code a} times the density
         * (Eq. 15's {@code sum_i -> int dx / a} counting one site per index unit: {@code int V dx = 4 C}, an overall
         * normalisation of the potential, i.e. a choice of time unit), and {@code w2 = -W^(2)} (equivalently
         * {@code Y -> -Y}: the cost is even under the joint flip, so the terms odd in Y are exactly the terms odd in w2).
         */
        INDEX_UNIT_FLIPPED(true, true),
        /** As {@link #INDEX_UNIT_FLIPPED} without the sign of {@code w2} (shows that the sign convention is needed). */
        INDEX_UNIT(true, false),
        /** Site spacing with {@code w2 = -W^(2)} (shows that the index-unit lattice spacing is needed). */
        SITE_SPACING_FLIPPED(false, true);

        private final boolean indexUnit;
        private final boolean flipped;

        Convention(boolean indexUnit, boolean flipped) {
            this.indexUnit = indexUnit;
            this.flipped = flipped;
        }

        /** The lattice spacing {@code a} at S sites. */
        public double spacing(int sites) {
            return indexUnit ? 1.0 / (4 * sites) : 1.0 / sites;
        }

        /** Whether {@code w2 = -W^(2)}. */
        public boolean flipped() {
            return flipped;
        }
    }

    /** The terms of Eq. 19 with Table II's coefficients as printed (cost-density coefficients: {@code m^2/2} for w2^2). */
    public static List<ContinuumTerm> tableIITerms() {
        List<ContinuumTerm> out = new ArrayList<>();
        for (TableEntry e : tableII()) {
            int[] f = e.fieldMonomial().clone();
            java.util.Arrays.sort(f);
            out.add(new ContinuumTerm(f, e.paper()));
        }
        return out;
    }

    /** Smooth periodic test field {@code w1} and its first two derivatives ({@code d = 0, 1, 2}) at x (period 1). */
    static double smoothW1(double x, int d) {
        double k = 2 * Math.PI;
        return switch (d) {
            case 0 -> 0.3 + 0.5 * Math.sin(k * x);
            case 1 -> 0.5 * k * Math.cos(k * x);
            default -> -0.5 * k * k * Math.sin(k * x);
        };
    }

    /** Smooth periodic test field {@code w2}. */
    static double smoothW2(double x, int d) {
        double k = 2 * Math.PI;
        return switch (d) {
            case 0 -> -0.2 + 0.4 * Math.cos(k * x) + 0.1 * Math.sin(2 * k * x);
            case 1 -> -0.4 * k * Math.sin(k * x) + 0.2 * k * Math.cos(2 * k * x);
            default -> -0.4 * k * k * Math.cos(k * x) - 0.4 * k * k * Math.sin(2 * k * x);
        };
    }

    /** Smooth periodic input data of example l. */
    static double smoothX(int l, double x, int d) {
        double k = 2 * Math.PI;
        double ph = 0.7 * l;
        return switch (d) {
            case 0 -> 0.5 + Math.sin(k * x + ph);
            case 1 -> k * Math.cos(k * x + ph);
            default -> -k * k * Math.sin(k * x + ph);
        };
    }

    /** Smooth periodic target data of example l. */
    static double smoothY(int l, double x) {
        return -0.3 + Math.cos(2 * Math.PI * x + 1.3 * l);
    }

    /**
     * A continuum Lagrangian's cost terms against the lattice network of Fig. 3 on smooth periodic fields and data (two
     * examples; the fields scaled by an amplitude e): the constant, linear and quadratic parts in e of the network's
     * exact cost (back-propagation through the masked network, parts by fourth-order differences, which are exact
     * for the quartic cost) against {@code sum_i a V(x_i)} with the terms' density V in the given convention.
     *
     * @return relative errors of the constant, linear and quadratic parts (they vanish as S grows when the terms and the
     *         convention describe the lattice)
     */
    public static double[] latticeComparison(int sites, double p, double q, double r, List<ContinuumTerm> terms, Convention convention) {
        int examples = 2;
        double[][] xs = new double[examples][sites];
        double[][] ys = new double[examples][sites];
        for (int l = 0; l < examples; l++) {
            for (int i = 0; i < sites; i++) {
                xs[l][i] = smoothX(l, i * (1.0 / sites), 0);
                ys[l][i] = smoothY(l, i * (1.0 / sites));
            }
        }
        HiddenLayerExample ex = new HiddenLayerExample(Dataset.of(xs, ys), p, q, r);
        DenseNetwork net = ex.network();
        org.deeprg.net.NetworkCost cost = org.deeprg.net.NetworkCost.of(net, ex.data(), org.deeprg.run.RunContext.of(0));
        double[] w = new double[net.parameterCount()];
        double siteA = 1.0 / sites;
        for (int k = 0; k < w.length; k++) {
            double x = (ex.paperIndex(net, k) - 1) * siteA / 4;
            w[k] = ex.field(net, k) == 1 ? smoothW1(x, 0) : smoothW2(x, 0);
        }
        double eps = 1e-3;
        double[] lattice = parts(e -> cost.energy(scaled(w, e)), eps);
        double a = convention.spacing(sites);
        double s2 = convention.flipped() ? -1 : 1;
        double[] cont = parts(e -> {
            double sum = 0;
            for (int i = 0; i < sites; i++) {
                double x = i * siteA;
                double[] f = {e * smoothW1(x, 0), e * smoothW1(x, 1), e * smoothW1(x, 2),
                        s2 * e * smoothW2(x, 0), s2 * e * smoothW2(x, 1), s2 * e * smoothW2(x, 2)};
                double[][] dj = new double[examples][];
                for (int l = 0; l < examples; l++) {
                    dj[l] = new double[] {smoothX(l, x, 0), smoothX(l, x, 1), smoothX(l, x, 2), smoothY(l, x)};
                }
                sum += ex.siteShare(terms, f, dj, a);
            }
            return sum;
        }, eps);
        double[] err = new double[3];
        for (int part = 0; part < 3; part++) {
            err[part] = Math.abs(lattice[part] - cont[part]) / Math.abs(lattice[part]);
        }
        return err;
    }

    private static double[] scaled(double[] w, double e) {
        double[] o = w.clone();
        for (int k = 0; k < o.length; k++) {
            o[k] *= e;
        }
        return o;
    }

    /** Constant, linear and quadratic coefficients of a quartic polynomial by fourth-order central differences. */
    private static double[] parts(java.util.function.DoubleUnaryOperator c, double eps) {
        double c0 = c.applyAsDouble(0);
        double cp = c.applyAsDouble(eps);
        double cm = c.applyAsDouble(-eps);
        double cp2 = c.applyAsDouble(2 * eps);
        double cm2 = c.applyAsDouble(-2 * eps);
        return new double[] {c0, (8 * (cp - cm) - (cp2 - cm2)) / (12 * eps),
                (-cp2 + 16 * cp - 30 * c0 + 16 * cm - cm2) / (12 * eps * eps) / 2};
    }

    // ---------------------------------------------------------------- Table II

    /** One entry of Table II: the coefficient of {@code fieldMonomial} in the cost density, as the paper states it. */
    public record TableEntry(String name, String term, int[] fieldMonomial, List<DataTerm> paper) { }

    /** Table II transcribed (C-density coefficients; {@code -1/2 m^2 w2^2} in L means {@code m^2/2} here). */
    public static List<TableEntry> tableII() {
        List<TableEntry> t = new ArrayList<>();
        t.add(new TableEntry("m^2 (as m^2/2)", "w2^2", new int[] {W2, W2}, List.of(new DataTerm(4, new int[] {R, R}, -1, 0))));
        t.add(new TableEntry("J1", "1", new int[] {}, List.of(new DataTerm(1, new int[] {Y, Y}, -1, 0))));
        t.add(new TableEntry("J2", "w2", new int[] {W2}, List.of(new DataTerm(4, new int[] {Y, R}, -1, 0))));
        t.add(new TableEntry("J3", "w1 w2", new int[] {W1, W2}, List.of(new DataTerm(8, new int[] {X, Y, Q}, -1, 0),
                new DataTerm(32, new int[] {X + 2, Y, Q}, 1, 2))));
        t.add(new TableEntry("K1", "w2 ∂w1", new int[] {W1 + 1, W2}, List.of(new DataTerm(48, new int[] {X + 1, Y, Q}, 1, 2))));
        t.add(new TableEntry("K2", "w2 ∂²w2", new int[] {W2, W2 + 2}, List.of(new DataTerm(4, new int[] {R, R}, 1, 2))));
        t.add(new TableEntry("K3", "w2 ∂²w1", new int[] {W1 + 2, W2}, List.of(new DataTerm(20, new int[] {X, Y, Q}, 1, 2))));
        t.add(new TableEntry("K4", "∂w2 ∂w1", new int[] {W1 + 1, W2 + 1}, List.of(new DataTerm(16, new int[] {X, Y, Q}, 1, 2))));
        t.add(new TableEntry("K5", "w1 ∂w2", new int[] {W1, W2 + 1}, List.of(new DataTerm(16, new int[] {X + 1, Y, Q}, 1, 2))));
        t.add(new TableEntry("K6", "∂²w2", new int[] {W2 + 2}, List.of(new DataTerm(2, new int[] {Y, R}, 1, 2))));
        t.add(new TableEntry("K7", "w1 ∂²w2", new int[] {W1, W2 + 2}, List.of(new DataTerm(4, new int[] {X, Y, Q}, 1, 2))));
        return t;
    }

    /** How a Table II entry compares. */
    public enum Match { EQUAL, OPPOSITE_SIGN, DIFFERENT }

    /** Compares two coefficient lists as polynomials in the data (terms keyed by sorted data monomial and a-power). */
    public static Match compare(List<DataTerm> mine, List<DataTerm> paper) {
        Map<String, Double> a = canonical(mine);
        Map<String, Double> b = canonical(paper);
        if (!a.keySet().equals(b.keySet())) {
            return Match.DIFFERENT;
        }
        boolean equal = true;
        boolean opposite = true;
        for (String k : a.keySet()) {
            double x = a.get(k);
            double y = b.get(k);
            equal &= Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(y));
            opposite &= Math.abs(x + y) <= 1e-12 * Math.max(1, Math.abs(y));
        }
        return equal ? Match.EQUAL : opposite ? Match.OPPOSITE_SIGN : Match.DIFFERENT;
    }

    private static Map<String, Double> canonical(List<DataTerm> terms) {
        Map<String, Double> m = new java.util.TreeMap<>();
        for (DataTerm t : terms) {
            int[] s = t.dataMonomial().clone();
            java.util.Arrays.sort(s);
            m.merge(java.util.Arrays.toString(s) + "a" + t.aPower(), t.coefficient(), Double::sum);
        }
        m.values().removeIf(v -> v == 0.0);
        return m;
    }

    /** The deeprg coefficient of a field monomial (empty list if the term is absent). */
    public static List<DataTerm> coefficientOf(List<ContinuumTerm> terms, int[] fieldMonomial) {
        int[] s = fieldMonomial.clone();
        java.util.Arrays.sort(s);
        for (ContinuumTerm t : terms) {
            if (java.util.Arrays.equals(t.fieldMonomial(), s)) {
                return t.coefficient();
            }
        }
        return List.of();
    }
}
