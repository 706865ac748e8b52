package org.deeprg.sft.algebra;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A sparse multivariate polynomial with real coefficients, truncated by a {@link Grading}: every monomial whose
 * graded degree exceeds the limit is dropped as soon as it is produced. This is the exact algebra behind the cost
 * expansion of Eqs. 11-12 for polynomial activations (the truncation then only drops orders one does not ask for),
 * and, applied to truncated Taylor series of the activation, forward-mode "Taylor" automatic differentiation for
 * non-polynomial activations.
 *
 * <p>Variables are integers {@code 0..}; a monomial is the sorted array of its variables with repetition
 * ({@code x2^2 x5 = [2,2,5]}). Immutable.
 */
public final class Polynomial {
    /** A truncation rule: monomials with {@code sum_v weight(v) > maxDegree} (for any of the gradings) are dropped. */
    public record Grading(int[][] weights, int[] maxDegree) {
        /** Truncation by total degree: every variable weighs 1. */
        public static Grading totalDegree(int maxDegree) {
            return new Grading(null, new int[] {maxDegree});
        }

        /** Several gradings at once: {@code weights[g][v]} (variables beyond the array weigh 0). */
        public static Grading of(int[][] weights, int[] maxDegree) {
            return new Grading(weights, maxDegree);
        }

        boolean accepts(int[] mono) {
            if (weights == null) {
                return mono.length <= maxDegree[0];
            }
            for (int g = 0; g < weights.length; g++) {
                int d = 0;
                int[] w = weights[g];
                for (int v : mono) {
                    d += v < w.length ? w[v] : 0;
                }
                if (d > maxDegree[g]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Monomial key with value equality. */
    public record Monomial(int[] vars) implements Comparable<Monomial> {
        @Override
        public boolean equals(Object o) {
            return o instanceof Monomial m && Arrays.equals(vars, m.vars);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(vars);
        }

        public int degree() {
            return vars.length;
        }

        @Override
        public int compareTo(Monomial o) {
            if (vars.length != o.vars.length) {
                return Integer.compare(vars.length, o.vars.length);
            }
            return Arrays.compare(vars, o.vars);
        }

        @Override
        public String toString() {
            return Arrays.toString(vars);
        }
    }

    private static final Monomial ONE = new Monomial(new int[0]);

    private final Map<Monomial, Double> terms;
    private final Grading grading;

    private Polynomial(Map<Monomial, Double> terms, Grading grading) {
        this.terms = terms;
        this.grading = grading;
    }

    public static Polynomial constant(double c, Grading g) {
        Map<Monomial, Double> t = new HashMap<>();
        if (c != 0) {
            t.put(ONE, c);
        }
        return new Polynomial(t, g);
    }

    /** {@code c * x_v}. */
    public static Polynomial variable(int v, double c, Grading g) {
        Map<Monomial, Double> t = new HashMap<>();
        Monomial m = new Monomial(new int[] {v});
        if (c != 0 && g.accepts(m.vars)) {
            t.put(m, c);
        }
        return new Polynomial(t, g);
    }

    public Grading grading() {
        return grading;
    }

    /** Coefficient of the monomial with the given variables (any order). */
    public double coefficient(int... vars) {
        int[] s = vars.clone();
        Arrays.sort(s);
        return terms.getOrDefault(new Monomial(s), 0.0);
    }

    public double constantTerm() {
        return terms.getOrDefault(ONE, 0.0);
    }

    /** Number of nonzero terms. */
    public int size() {
        return terms.size();
    }

    /** Unmodifiable view of the terms. */
    public Map<Monomial, Double> terms() {
        return Collections.unmodifiableMap(terms);
    }

    /** Terms sorted by degree then variables. */
    public List<Map.Entry<Monomial, Double>> sortedTerms() {
        List<Map.Entry<Monomial, Double>> l = new ArrayList<>(terms.entrySet());
        l.sort(Map.Entry.comparingByKey());
        return l;
    }

    public Polynomial plus(Polynomial o) {
        Map<Monomial, Double> t = new HashMap<>(terms);
        o.terms.forEach((m, c) -> t.merge(m, c, Double::sum));
        t.values().removeIf(c -> c == 0.0);
        return new Polynomial(t, grading);
    }

    public Polynomial plus(double c) {
        return plus(constant(c, grading));
    }

    public Polynomial times(double c) {
        Map<Monomial, Double> t = new HashMap<>();
        if (c != 0) {
            terms.forEach((m, v) -> t.put(m, v * c));
        }
        return new Polynomial(t, grading);
    }

    public Polynomial minus(Polynomial o) {
        return plus(o.times(-1));
    }

    public Polynomial times(Polynomial o) {
        Map<Monomial, Double> t = new HashMap<>(Math.max(16, terms.size() * 2));
        for (Map.Entry<Monomial, Double> a : terms.entrySet()) {
            int[] va = a.getKey().vars;
            double ca = a.getValue();
            for (Map.Entry<Monomial, Double> b : o.terms.entrySet()) {
                int[] m = merge(va, b.getKey().vars);
                if (grading.accepts(m)) {
                    t.merge(new Monomial(m), ca * b.getValue(), Double::sum);
                }
            }
        }
        t.values().removeIf(c -> c == 0.0);
        return new Polynomial(t, grading);
    }

    /**
     * {@code f(this)} where {@code f} is given by its Taylor coefficients about this polynomial's constant term:
     * {@code derivatives[k] = f^(k)(c0)}, so {@code f(c0 + d) = sum_k f^(k)(c0) d^k / k!} with {@code d = this - c0}.
     * For a polynomial {@code f} of degree {@code < derivatives.length} this is exact (up to the grading);
     * otherwise it is truncated Taylor-mode automatic differentiation, exact in every monomial the grading keeps
     * provided {@code derivatives.length - 1} is at least the maximal degree kept.
     */
    public Polynomial compose(double[] derivatives) {
        double c0 = constantTerm();
        Polynomial d = plus(-c0);
        Polynomial result = constant(derivatives[0], grading);
        Polynomial power = constant(1.0, grading);
        double factorial = 1;
        for (int k = 1; k < derivatives.length; k++) {
            power = power.times(d);
            factorial *= k;
            if (power.size() == 0) {
                break;
            }
            if (derivatives[k] != 0) {
                result = result.plus(power.times(derivatives[k] / factorial));
            }
        }
        return result;
    }

    /** Value at the point {@code x} (indexed by variable). */
    public double evaluate(double[] x) {
        double s = 0;
        for (Map.Entry<Monomial, Double> e : terms.entrySet()) {
            double p = e.getValue();
            for (int v : e.getKey().vars) {
                p *= x[v];
            }
            s += p;
        }
        return s;
    }

    /** Only the terms of the given total degree. */
    public Polynomial homogeneousPart(int degree) {
        Map<Monomial, Double> t = new HashMap<>();
        terms.forEach((m, c) -> {
            if (m.vars.length == degree) {
                t.put(m, c);
            }
        });
        return new Polynomial(t, grading);
    }

    /** Only the terms whose graded degree under {@code weights} equals {@code degree}. */
    public Polynomial gradedPart(int[] weights, int degree) {
        Map<Monomial, Double> t = new HashMap<>();
        terms.forEach((m, c) -> {
            int d = 0;
            for (int v : m.vars) {
                d += v < weights.length ? weights[v] : 0;
            }
            if (d == degree) {
                t.put(m, c);
            }
        });
        return new Polynomial(t, grading);
    }

    static int[] merge(int[] a, int[] b) {
        int[] m = new int[a.length + b.length];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length && j < b.length) {
            m[k++] = a[i] <= b[j] ? a[i++] : b[j++];
        }
        while (i < a.length) {
            m[k++] = a[i++];
        }
        while (j < b.length) {
            m[k++] = b[j++];
        }
        return m;
    }
}
