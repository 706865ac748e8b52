package org.deeprg.mc;

import static org.assertj.core.api.Assertions.assertThat;


/** Exact enumeration of Metropolis transition matrices of small {@link DiscreteModel}s (test helper). */
public final class TransitionMatrices {
    private TransitionMatrices() {
    }

    public static int stateCount(DiscreteModel m) {
        long n = 1;
        for (int v = 0; v < m.variableCount(); v++) {
            n *= m.values(v).length;
            if (n > 1 << 16) {
                throw new IllegalArgumentException("too many states for enumeration");
            }
        }
        return (int) n;
    }

    public static int[] decode(DiscreteModel m, int code) {
        int[] idx = new int[m.variableCount()];
        for (int v = 0; v < idx.length; v++) {
            int q = m.values(v).length;
            idx[v] = code % q;
            code /= q;
        }
        return idx;
    }

    public static double[] decodeValues(DiscreteModel m, int code) {
        int[] idx = decode(m, code);
        double[] x = new double[idx.length];
        for (int v = 0; v < idx.length; v++) {
            x[v] = m.values(v)[idx[v]];
        }
        return x;
    }

    public static int encode(DiscreteModel m, int[] idx) {
        int code = 0;
        for (int v = idx.length - 1; v >= 0; v--) {
            code = code * m.values(v).length + idx[v];
        }
        return code;
    }

    /** Normalised Boltzmann weights of every state. */
    public static double[] boltzmann(DiscreteModel m) {
        int n = stateCount(m);
        double[] lw = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < n; c++) {
            lw[c] = m.logWeight(decodeValues(m, c));
            max = Math.max(max, lw[c]);
        }
        double z = 0;
        double[] p = new double[n];
        for (int c = 0; c < n; c++) {
            p[c] = Math.exp(lw[c] - max);
            z += p[c];
        }
        for (int c = 0; c < n; c++) {
            p[c] /= z;
        }
        return p;
    }

    /** The transition matrix of one update of variable v, built from {@link MetropolisSampler#transitionProbability}. */
    public static double[][] singleVariable(DiscreteModel m, int v) {
        MetropolisSampler s = new MetropolisSampler(m);
        int n = stateCount(m);
        double[][] p = new double[n][n];
        for (int c = 0; c < n; c++) {
            int[] idx = decode(m, c);
            DiscreteState st = DiscreteState.ofIndices(m, idx);
            double stay = 1;
            for (int k = 0; k < m.values(v).length; k++) {
                if (k == idx[v]) {
                    continue;
                }
                int[] to = idx.clone();
                to[v] = k;
                double t = s.transitionProbability(st, v, k);
                p[c][encode(m, to)] += t;
                stay -= t;
            }
            p[c][c] += stay;
        }
        return p;
    }

    /** The transition matrix of one sweep (updates of variables 0..n-1 in order). */
    public static double[][] sweep(DiscreteModel m) {
        int n = stateCount(m);
        double[][] p = identity(n);
        for (int v = 0; v < m.variableCount(); v++) {
            p = multiply(p, singleVariable(m, v));
        }
        return p;
    }

    public static void assertDetailedBalance(double[][] p, double[] pi) {
        double worst = 0;
        int wa = -1;
        int wb = -1;
        for (int a = 0; a < pi.length; a++) {
            for (int b = a + 1; b < pi.length; b++) {
                double d = Math.abs(pi[a] * p[a][b] - pi[b] * p[b][a]);
                if (d > worst) {
                    worst = d;
                    wa = a;
                    wb = b;
                }
            }
        }
        assertThat(worst).as("largest violation of detailed balance, states %d <-> %d", wa, wb).isLessThan(1e-13);
    }

    public static void assertStochastic(double[][] p) {
        double worst = 0;
        for (double[] row : p) {
            double s = 0;
            for (double v : row) {
                if (v < -1e-15 || v > 1 + 1e-15) {
                    throw new AssertionError("transition probability out of [0, 1]: " + v);
                }
                s += v;
            }
            worst = Math.max(worst, Math.abs(s - 1));
        }
        assertThat(worst).as("largest deviation of a row sum from 1").isLessThan(1e-12);
    }

    public static void assertStationary(double[][] p, double[] pi) {
        for (int b = 0; b < pi.length; b++) {
            double s = 0;
            for (int a = 0; a < pi.length; a++) {
                s += pi[a] * p[a][b];
            }
            if (Math.abs(s - pi[b]) > 1e-12) {
                throw new AssertionError("pi P != pi at state " + b + ": " + s + " vs " + pi[b]);
            }
        }
    }

    static double[][] identity(int n) {
        double[][] p = new double[n][n];
        for (int i = 0; i < n; i++) {
            p[i][i] = 1;
        }
        return p;
    }

    static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double aik = a[i][k];
                if (aik == 0) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    c[i][j] += aik * b[k][j];
                }
            }
        }
        return c;
    }
}
