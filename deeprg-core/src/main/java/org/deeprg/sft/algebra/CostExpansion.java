package org.deeprg.sft.algebra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeprg.InvalidInputException;
import org.deeprg.net.Activation;
import org.deeprg.net.Dataset;
import org.deeprg.net.DenseNetwork;

/**
 * The expansion of the cost into sources, Eqs. 11-12: around a reference point {@code W0},
 * {@code C(W0 + w) = C(W0) + sum_a J1_a w_a + sum_{a,b} J2_ab w_a w_b + sum_{a,b,c} J3_abc w_a w_b w_c + ...}
 * with fully symmetric tensors summed over all ordered index tuples, so
 * {@code J_n = (1/n!) d^n C / dW^n}: {@code J1} is the gradient, {@code J2} half the Hessian.
 *
 * <p>The cost is built as a {@link Polynomial} in the shifts {@code w}, truncated at total degree {@code order}.
 * For polynomial activations every step is exact algebra; for tanh/sigmoid each neuron's activation is replaced by
 * its Taylor series about the neuron's reference pre-activation, which is truncated Taylor-mode automatic
 * differentiation: exact in every kept coefficient (not an approximation of derivatives).
 *
 * <p>Work grows like {@code examples * C(n + order, order)} for {@code n} parameters; larger problems are refused
 * (use {@link org.deeprg.net.NetworkCost#hessianVectorProduct} and Lanczos instead).
 */
public final class CostExpansion {
    /** Maximal {@code examples x monomials} handled. */
    public static final double MAX_WORK = 2e8;

    /** One monomial coefficient: {@code coefficient * prod_k w_{indices[k]}} with sorted indices. */
    public record Term(int[] indices, double coefficient) {
        /** The symmetric-tensor entry {@code J_n[indices]}: the coefficient divided by the number of distinct orderings. */
        public double tensorEntry() {
            int n = indices.length;
            double perms = factorial(n);
            int run = 1;
            for (int k = 1; k <= n; k++) {
                if (k < n && indices[k] == indices[k - 1]) {
                    run++;
                } else {
                    perms /= factorial(run);
                    run = 1;
                }
            }
            return coefficient / perms;
        }
    }

    private final Polynomial cost;
    private final int parameters;

    private CostExpansion(Polynomial cost, int parameters) {
        this.cost = cost;
        this.parameters = parameters;
    }

    /**
     * Expands the cost of {@code net} on {@code data} around {@code reference} to total degree {@code order} (1..4).
     */
    public static CostExpansion of(DenseNetwork net, Dataset data, double[] reference, int order) {
        InvalidInputException.requireInRange("order", order, 1, 4);
        int n = net.parameterCount();
        double monomials = binomial(n + order, order);
        if (monomials * data.size() > MAX_WORK) {
            throw new InvalidInputException("parameters", n,
                    String.format(java.util.Locale.ROOT, "at most %.0e examples x monomials for the polynomial expansion (here %.2e); "
                            + "use order 2 via Hessian-vector products (sft modes) for large nets", MAX_WORK, monomials * data.size()));
        }
        Polynomial.Grading g = Polynomial.Grading.totalDegree(order);
        int layers = net.layers();
        // weight polynomials W0 + w per layer entry
        Polynomial[][][] w = new Polynomial[layers][][];
        Polynomial[][] b = new Polynomial[layers][];
        for (int m = 0; m < layers; m++) {
            w[m] = new Polynomial[net.width(m + 1)][net.width(m)];
            b[m] = new Polynomial[net.width(m + 1)];
        }
        for (int k = 0; k < n; k++) {
            DenseNetwork.Label lab = net.label(k);
            Polynomial p = Polynomial.variable(k, 1.0, g).plus(reference[k]);
            if (lab.column() == 0) {
                b[lab.layer()][lab.row()] = p;
            } else {
                w[lab.layer()][lab.row()][lab.column() - 1] = p;
            }
        }
        Polynomial total = Polynomial.constant(0, g);
        for (int l = 0; l < data.size(); l++) {
            Polynomial[] h = new Polynomial[net.width(0)];
            for (int j = 0; j < h.length; j++) {
                h[j] = Polynomial.constant(data.input(l, j), g);
            }
            for (int m = 0; m < layers; m++) {
                Activation act = net.activation(m);
                Polynomial[] next = new Polynomial[net.width(m + 1)];
                for (int i = 0; i < next.length; i++) {
                    Polynomial a = b[m][i] != null ? b[m][i] : Polynomial.constant(0, g);
                    for (int j = 0; j < h.length; j++) {
                        if (w[m][i][j] != null) {
                            a = a.plus(w[m][i][j].times(h[j]));
                        }
                    }
                    next[i] = a.compose(act.derivatives(a.constantTerm(), order));
                }
                h = next;
            }
            for (int i = 0; i < h.length; i++) {
                Polynomial r = h[i].plus(-data.target(l, i));
                total = total.plus(r.times(r));
            }
        }
        return new CostExpansion(total, n);
    }

    /** The truncated cost polynomial in the shifts {@code w}. */
    public Polynomial polynomial() {
        return cost;
    }

    public int parameters() {
        return parameters;
    }

    /** {@code C(W0)}. */
    public double constant() {
        return cost.constantTerm();
    }

    /** The nonzero monomials of degree {@code n} (the source J_n), sorted. */
    public List<Term> source(int n) {
        List<Term> t = new ArrayList<>();
        for (Map.Entry<Polynomial.Monomial, Double> e : cost.sortedTerms()) {
            if (e.getKey().degree() == n) {
                t.add(new Term(e.getKey().vars(), e.getValue()));
            }
        }
        return t;
    }

    /** {@code J1} as a dense vector (the gradient at W0). */
    public double[] j1() {
        double[] j = new double[parameters];
        for (Term t : source(1)) {
            j[t.indices()[0]] = t.coefficient();
        }
        return j;
    }

    /** {@code J2} as a dense symmetric matrix (half the Hessian at W0). */
    public double[][] j2() {
        double[][] j = new double[parameters][parameters];
        for (Term t : source(2)) {
            double e = t.tensorEntry();
            j[t.indices()[0]][t.indices()[1]] = e;
            j[t.indices()[1]][t.indices()[0]] = e;
        }
        return j;
    }

    static double factorial(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }

    static double binomial(int n, int k) {
        double r = 1;
        for (int i = 1; i <= k; i++) {
            r = r * (n - k + i) / i;
        }
        return r;
    }
}
