package org.deeprg.sft;

import org.deeprg.mc.DifferentiableEnergy;

/**
 * The action of Eq. 8, {@code S = int dt e^{gamma t} [W'^2/2 - C(W)]}, on a path sampled at {@code t_k = t0 + k h}
 * (midpoint rule for the kinetic term, trapezoid for the potential):
 * {@code S_h = sum_k h e^{gamma t_{k+1/2}} [ |W_{k+1} - W_k|^2/(2h^2) - (C(W_k) + C(W_{k+1}))/2 ]}.
 *
 * <p>Its variation at an interior node, divided by {@code -h e^{gamma t_k}}, is
 * {@code (e^{gamma h/2}(W_{k+1} - W_k) - e^{-gamma h/2}(W_k - W_{k-1}))/h^2 + cosh(gamma h/2) grad C(W_k)}
 * {@code = W'' + gamma W' + grad C + O(h^2)}: the Euler-Lagrange equation of Eq. 8 is Eq. 5. {@link #variation} computes
 * the variation by central finite differences of {@link #value} (no use of this formula), so tests can check it.
 */
public final class DiscreteAction {
    private final DifferentiableEnergy cost;
    private final double gamma;
    private final double t0;
    private final double h;

    public DiscreteAction(DifferentiableEnergy cost, double gamma, double t0, double h) {
        this.cost = cost;
        this.gamma = gamma;
        this.t0 = t0;
        this.h = h;
    }

    /** {@code S_h} of the path {@code path[k][component]}. */
    public double value(double[][] path) {
        double s = 0;
        for (int k = 0; k + 1 < path.length; k++) {
            double kin = 0;
            for (int i = 0; i < path[k].length; i++) {
                double d = path[k + 1][i] - path[k][i];
                kin += d * d;
            }
            double tm = t0 + (k + 0.5) * h;
            s += h * Math.exp(gamma * tm) * (kin / (2 * h * h) - 0.5 * (cost.energy(path[k]) + cost.energy(path[k + 1])));
        }
        return s;
    }

    /**
     * {@code dS/dW_k[i]} at interior node {@code k} by central differences with step {@code eps} (only the two
     * affected intervals are re-evaluated).
     */
    public double[] variation(double[][] path, int k, double eps) {
        int n = path[k].length;
        double[] d = new double[n];
        double[][] local = {path[k - 1].clone(), path[k].clone(), path[k + 1].clone()};
        DiscreteAction shifted = new DiscreteAction(cost, gamma, t0 + (k - 1) * h, h);
        for (int i = 0; i < n; i++) {
            double keep = local[1][i];
            local[1][i] = keep + eps;
            double up = shifted.value(local);
            local[1][i] = keep - eps;
            double down = shifted.value(local);
            local[1][i] = keep;
            d[i] = (up - down) / (2 * eps);
        }
        return d;
    }

    /** Time of node k. */
    public double time(int k) {
        return t0 + k * h;
    }
}
