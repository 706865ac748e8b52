package org.deeprg.dyn.mc;

import java.util.ArrayList;
import java.util.List;
import org.deeprg.mc.DiscreteModel;

/**
 * Ising spins {@code s_a in {-1, 1}} with weight {@code exp(-beta H)}, {@code H = sum J_ab s_a s_b + sum K_a s_a}
 * ({@link SpinGlassCouplings}), as a {@link DiscreteModel} for Metropolis: flipping spin a changes the log weight
 * by {@code -beta (s'_a - s_a) (K_a + sum_b J_ab s_b)}, a local field over the neighbours (adjacency lists).
 */
public final class EdwardsAndersonModel implements DiscreteModel {
    private static final double[] SPIN = {-1, 1};
    private final SpinGlassCouplings couplings;
    private final double beta;
    private final int[][] neighbours;
    private final double[][] strengths;

    public EdwardsAndersonModel(SpinGlassCouplings couplings, double beta) {
        this.couplings = couplings;
        this.beta = beta;
        int n = couplings.spins();
        List<List<double[]>> adj = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            adj.add(new ArrayList<>());
        }
        for (SpinGlassCouplings.Bond b : couplings.couplings()) {
            adj.get(b.a()).add(new double[] {b.b(), b.j()});
            adj.get(b.b()).add(new double[] {b.a(), b.j()});
        }
        neighbours = new int[n][];
        strengths = new double[n][];
        for (int a = 0; a < n; a++) {
            List<double[]> l = adj.get(a);
            neighbours[a] = new int[l.size()];
            strengths[a] = new double[l.size()];
            for (int k = 0; k < l.size(); k++) {
                neighbours[a][k] = (int) l.get(k)[0];
                strengths[a][k] = l.get(k)[1];
            }
        }
    }

    public SpinGlassCouplings couplings() {
        return couplings;
    }

    @Override
    public int variableCount() {
        return couplings.spins();
    }

    @Override
    public double[] values(int v) {
        return SPIN;
    }

    @Override
    public double logWeight(double[] s) {
        return -beta * couplings.energy(s);
    }

    @Override
    public double logWeightChange(double[] s, int a, double newValue) {
        double field = couplings.fields()[a];
        int[] nb = neighbours[a];
        double[] j = strengths[a];
        for (int k = 0; k < nb.length; k++) {
            field += j[k] * s[nb[k]];
        }
        return -beta * (newValue - s[a]) * field;
    }
}
