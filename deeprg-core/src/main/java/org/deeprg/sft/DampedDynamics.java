package org.deeprg.sft;

import org.deeprg.InvalidInputException;
import org.deeprg.mc.DifferentiableEnergy;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;

/**
 * Training with momentum in continuous time, Eq. 5: {@code W'' + gamma W' + dC/dW = 0}, the Euler-Lagrange
 * equation of the action Eq. 8, {@code S = int dt e^{gamma t} (W'^2/2 - C)}.
 *
 * <p>Along a solution the mechanical energy {@code E = W'^2/2 + C} obeys {@code dE/dt = -gamma W'^2} (multiply Eq. 5
 * by W'). The adaptive Dormand-Prince 8(5,3) integrator (Hipparchus) integrates the augmented state
 * {@code (W, W', S, D)} with {@code S' = e^{gamma t}(W'^2/2 - C)} (the action accumulated so far) and
 * {@code D' = gamma W'^2} (energy dissipated so far), so the dissipation identity {@code E(t) + D(t) = E(0)} is a
 * check of the integration rather than an assumption.
 *
 * <p>{@link #conformalLeapfrog} is the structure-preserving alternative for long runs: exact damping flow
 * {@code v <- e^{-gamma h/2} v} around a velocity-Verlet step (second order, conformal symplectic).
 */
public final class DampedDynamics {
    /** One sampled state. */
    public record State(double t, double[] w, double[] velocity, double cost, double energy, double action, double dissipated) { }

    private final DifferentiableEnergy cost;
    private final double gamma;

    public DampedDynamics(DifferentiableEnergy cost, double gamma) {
        InvalidInputException.requireNonNegative("gamma", gamma);
        this.cost = cost;
        this.gamma = gamma;
    }

    public double gamma() {
        return gamma;
    }

    /**
     * Integrates from {@code (w0, v0)} at t = 0 and samples {@code samples + 1} equally spaced states up to
     * {@code tEnd}, with relative and absolute tolerance {@code tolerance}.
     */
    public State[] integrate(double[] w0, double[] v0, double tEnd, int samples, double tolerance) {
        InvalidInputException.requirePositive("tEnd", tEnd);
        InvalidInputException.requireInRange("samples", samples, 1, 10_000_000);
        int n = cost.dimension();
        OrdinaryDifferentialEquation ode = new OrdinaryDifferentialEquation() {
            private final double[] g = new double[n];

            @Override
            public int getDimension() {
                return 2 * n + 2;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                double[] w = java.util.Arrays.copyOfRange(y, 0, n);
                double c = cost.energyAndGradient(w, g);
                double[] d = new double[2 * n + 2];
                double v2 = 0;
                for (int k = 0; k < n; k++) {
                    double v = y[n + k];
                    d[k] = v;
                    d[n + k] = -gamma * v - g[k];
                    v2 += v * v;
                }
                d[2 * n] = Math.exp(gamma * t) * (0.5 * v2 - c);
                d[2 * n + 1] = gamma * v2;
                return d;
            }
        };
        double dt = tEnd / samples;
        DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-12 * dt, dt, tolerance, tolerance);
        double[] y = new double[2 * n + 2];
        System.arraycopy(w0, 0, y, 0, n);
        System.arraycopy(v0, 0, y, n, n);
        State[] out = new State[samples + 1];
        out[0] = state(0, y, n);
        ODEState s = new ODEState(0, y);
        for (int i = 1; i <= samples; i++) {
            ODEStateAndDerivative r = integrator.integrate(ode, s, i * dt);
            out[i] = state(r.getTime(), r.getPrimaryState(), n);
            s = new ODEState(r.getTime(), r.getPrimaryState());
        }
        return out;
    }

    private State state(double t, double[] y, int n) {
        double[] w = java.util.Arrays.copyOfRange(y, 0, n);
        double[] v = java.util.Arrays.copyOfRange(y, n, 2 * n);
        double c = cost.energy(w);
        double e = c + 0.5 * dot(v, v);
        return new State(t, w, v, c, e, y[2 * n], y[2 * n + 1]);
    }

    /**
     * {@code steps} steps of the conformal leapfrog with time step {@code h}; returns the weights at every step.
     * Velocity {@code v0} per unit time.
     */
    public double[][] conformalLeapfrog(double[] w0, double[] v0, double h, int steps) {
        InvalidInputException.requirePositive("timeStep", h);
        int n = cost.dimension();
        if ((long) (steps + 1) * n > 50_000_000L) {
            throw new InvalidInputException("steps", steps, "at most " + (50_000_000L / n - 1) + " recorded steps for " + n + " weights");
        }
        double[][] out = new double[steps + 1][];
        double[] w = w0.clone();
        double[] v = v0.clone();
        double[] g = new double[n];
        double damp = Math.exp(-gamma * h / 2);
        cost.energyAndGradient(w, g);
        out[0] = w.clone();
        for (int t = 1; t <= steps; t++) {
            for (int k = 0; k < n; k++) {
                v[k] = damp * v[k] - 0.5 * h * g[k];
                w[k] += h * v[k];
            }
            cost.energyAndGradient(w, g);
            for (int k = 0; k < n; k++) {
                v[k] = damp * (v[k] - 0.5 * h * g[k]);
            }
            out[t] = w.clone();
        }
        return out;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
