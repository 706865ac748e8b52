package org.deeprg.sft;

import org.deeprg.InvalidInputException;
import org.deeprg.mc.DifferentiableEnergy;
import org.deeprg.net.Dataset;
import org.deeprg.net.DenseNetwork;
import org.deeprg.net.Loss;
import org.deeprg.net.NetworkCost;
import org.deeprg.run.RunContext;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;

/**
 * The checks of the paper's mechanics (Eqs. 3-8) as library functions, shared by the study and the tests: each
 * compares two independent routes and returns a dimensionless residual.
 *
 * <ul>
 *   <li>{@link #eulerLagrangeResidual}: the variation of the discretised action of Eq. 8 (central differences of S,
 *       {@link DiscreteAction}) against Eq. 5 evaluated on an arbitrary smooth path;</li>
 *   <li>{@link #onShellResidual}: the same variation on a solution of Eq. 5 ({@link DampedDynamics});</li>
 *   <li>{@link #gradientDescentVsFlow}: Eq. 3 (gradient descent) against the gradient flow of Eq. 4 with
 *       {@code t = T};</li>
 *   <li>{@link #gradientDescentVsDampedFlow}: Eq. 3 against Eq. 5 with a given friction (the high-viscosity reading
 *       of Eq. 4: {@code gamma = 1/eta});</li>
 *   <li>{@link #outputEquationResidual}: the output dynamics of Eq. 7 for a network with a constant neural tangent
 *       kernel.</li>
 * </ul>
 */
public final class Mechanics {
    private Mechanics() {
    }

    /**
     * Eq. 5 from Eq. 8 on the arbitrary path {@code W(t) = a + b sin t + c t^2}: the three nodes
     * {@code t0 - h, t0, t0 + h}, the variation {@code dS/dW(t0)} of the discretised action by central differences
     * (step {@code eps}) divided by {@code -h e^{gamma t0}}, against {@code W'' + gamma W' + grad C} evaluated
     * analytically on the path at {@code t0}.
     *
     * @return {@code max_k |EL_k - Eq5_k| / max_k |Eq5_k|} (O(h^2))
     */
    public static double eulerLagrangeResidual(DifferentiableEnergy cost, double gamma, double[] a, double[] b, double[] c,
                                               double t0, double h, double eps) {
        int n = cost.dimension();
        double[][] path = new double[3][n];
        for (int k = 0; k < 3; k++) {
            double t = t0 + (k - 1) * h;
            for (int i = 0; i < n; i++) {
                path[k][i] = a[i] + b[i] * Math.sin(t) + c[i] * t * t;
            }
        }
        DiscreteAction s = new DiscreteAction(cost, gamma, t0 - h, h);
        double[] var = s.variation(path, 1, eps);
        double[] g = new double[n];
        cost.energyAndGradient(path[1], g);
        double err = 0;
        double scale = 0;
        for (int i = 0; i < n; i++) {
            double eq5 = -b[i] * Math.sin(t0) + 2 * c[i] + gamma * (b[i] * Math.cos(t0) + 2 * c[i] * t0) + g[i];
            double el = -var[i] / (h * Math.exp(gamma * t0));
            err = Math.max(err, Math.abs(el - eq5));
            scale = Math.max(scale, Math.abs(eq5));
        }
        return err / scale;
    }

    /**
     * The variation of the discretised action at node {@code node} of a solution of Eq. 5 (integrated from
     * {@code (w0, v0)} and sampled every {@code h} for {@code steps} steps), relative to the size of one force term
     * {@code h e^{gamma t} grad C}: small (O(h^2)) when the solutions of Eq. 5 make Eq. 8 stationary.
     */
    public static double onShellResidual(DifferentiableEnergy cost, double gamma, double[] w0, double[] v0, double h, int steps,
                                         int node, double eps) {
        int n = cost.dimension();
        DampedDynamics dyn = new DampedDynamics(cost, gamma);
        DampedDynamics.State[] st = dyn.integrate(w0, v0, steps * h, steps, 1e-12);
        double[][] path = new double[st.length][];
        for (int k = 0; k < st.length; k++) {
            path[k] = st[k].w();
        }
        DiscreteAction s = new DiscreteAction(cost, gamma, 0, h);
        double[] var = s.variation(path, node, eps);
        double[] g = new double[n];
        cost.energyAndGradient(path[node], g);
        double on = 0;
        double force = 0;
        for (int i = 0; i < n; i++) {
            on = Math.max(on, Math.abs(var[i]));
            force = Math.max(force, Math.abs(h * Math.exp(gamma * node * h) * g[i]));
        }
        return on / force;
    }

    /**
     * Eq. 3 against Eq. 4: {@code steps} steps of gradient descent {@code W_(T+1) = W_T - eta grad C(W_T)} and the
     * gradient flow {@code dW/dt = -eta grad C(W)} (Dormand-Prince 8(5,3), tolerance 1e-11) with the step count as
     * time, {@code t = T}.
     *
     * @return {@code max_T |W_T - W(t = T)|_inf / max_T |W(T) - W(0)|_inf} (O(eta) for fixed {@code eta * steps})
     */
    public static double gradientDescentVsFlow(DifferentiableEnergy cost, double[] w0, double eta, int steps) {
        InvalidInputException.requirePositive("learningRate", eta);
        int n = cost.dimension();
        OrdinaryDifferentialEquation flow = new OrdinaryDifferentialEquation() {
            private final double[] g = new double[n];

            @Override
            public int getDimension() {
                return n;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                cost.energyAndGradient(y, g);
                double[] d = new double[n];
                for (int k = 0; k < n; k++) {
                    d[k] = -eta * g[k];
                }
                return d;
            }
        };
        double[][] flowAt = sampleAtIntegerTimes(flow, w0.clone(), steps, 1e-11);
        double[][] gd = Optimizer.GRADIENT_DESCENT.run(cost, w0, eta, 0, steps);
        double dev = 0;
        double span = 0;
        for (int t = 1; t <= steps; t++) {
            double[] w = flowAt[t];
            for (int k = 0; k < n; k++) {
                dev = Math.max(dev, Math.abs(gd[t][k] - w[k]));
                span = Math.max(span, Math.abs(w[k] - w0[k]));
            }
        }
        return dev / span;
    }

    /**
     * Integrates {@code ode} from {@code y0} at t = 0 to {@code t = steps} in one pass (Dormand-Prince 8(5,3), relative and
     * absolute tolerance {@code tolerance}) and returns the state at every integer time, from the integrator's dense
     * output (no restart at the sample times).
     */
    static double[][] sampleAtIntegerTimes(OrdinaryDifferentialEquation ode, double[] y0, int steps, double tolerance) {
        double[][] at = new double[steps + 1][];
        at[0] = y0.clone();
        DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-12, steps, tolerance, tolerance);
        int[] next = {1};
        integrator.addStepHandler(interpolator -> {
            double end = interpolator.getCurrentState().getTime();
            while (next[0] <= steps && next[0] <= end + 1e-9) {
                at[next[0]] = interpolator.getInterpolatedState(Math.min(next[0], end)).getPrimaryState();
                next[0]++;
            }
        });
        integrator.integrate(ode, new ODEState(0, y0), steps);
        for (int t = next[0]; t <= steps; t++) { // the final time, if rounding left it out
            at[t] = at[t - 1];
        }
        return at;
    }

    /**
     * Eq. 3 against Eq. 5 with friction {@code gamma}: gradient descent with step {@code eta} and the damped motion
     * {@code W'' + gamma W' + grad C = 0} started on its slow manifold ({@code W'(0) = -grad C(W0)/gamma}), time
     * {@code t = T}. For {@code gamma = 1/eta} (the high-viscosity reading of Eq. 4) the deviation is O(eta); for
     * any other friction it is O(1).
     *
     * @return {@code max_T |W_T - W(t = T)|_inf / max_T |W_T - W_0|_inf}
     */
    public static double gradientDescentVsDampedFlow(DifferentiableEnergy cost, double[] w0, double eta, double gamma, int steps) {
        InvalidInputException.requirePositive("learningRate", eta);
        InvalidInputException.requirePositive("gamma", gamma);
        int n = cost.dimension();
        double[] g = new double[n];
        cost.energyAndGradient(w0, g);
        double[] v0 = new double[n];
        for (int k = 0; k < n; k++) {
            v0[k] = -g[k] / gamma;
        }
        // W'' + gamma W' + grad C = 0 as a first-order system in (W, V) (no action integral: e^{gamma t} would overflow)
        OrdinaryDifferentialEquation eq5 = new OrdinaryDifferentialEquation() {
            private final double[] grad = new double[n];

            @Override
            public int getDimension() {
                return 2 * n;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                cost.energyAndGradient(java.util.Arrays.copyOfRange(y, 0, n), grad);
                double[] d = new double[2 * n];
                for (int k = 0; k < n; k++) {
                    d[k] = y[n + k];
                    d[n + k] = -gamma * y[n + k] - grad[k];
                }
                return d;
            }
        };
        double[] y0 = new double[2 * n];
        System.arraycopy(w0, 0, y0, 0, n);
        System.arraycopy(v0, 0, y0, n, n);
        double[][] at = sampleAtIntegerTimes(eq5, y0, steps, 1e-10);
        double[][] gd = Optimizer.GRADIENT_DESCENT.run(cost, w0, eta, 0, steps);
        double dev = 0;
        double span = 0;
        for (int t = 1; t <= steps; t++) {
            double[] y = at[t];
            for (int k = 0; k < n; k++) {
                dev = Math.max(dev, Math.abs(gd[t][k] - y[k]));
                span = Math.max(span, Math.abs(gd[t][k] - w0[k]));
            }
        }
        return dev / span;
    }

    /**
     * The output dynamics of Eq. 7 for a network whose neural tangent kernel is constant (a single linear layer:
     * {@code Z = W X + b}, so {@code J = dZ/dW} does not depend on W). Along a solution of Eq. 5 (sampled every
     * {@code dt}), {@code Z''} is taken by second differences of the sampled outputs, {@code Z'} by central differences,
     * {@code Theta = J J^T} from the Jacobian by central differences of the outputs, and
     * {@code dC/dZ = 2 (Z - Y)} (Eq. 2). Returns the residuals of
     * {@code Z'' + s gamma Z' + Theta dC/dZ} for {@code s = +1} and {@code s = -1}, each relative to
     * {@code max |Theta dC/dZ|}: Eq. 7, {@code Z'' - beta Z' + Theta dC/dZ = 0}, holds with {@code beta = -s gamma}
     * for the sign whose residual vanishes (O(dt^2)).
     *
     * @param net a one-layer network with the identity activation
     */
    public static double[] outputEquationResidual(DenseNetwork net, Dataset data, double gamma, double[] w0, double[] v0,
                                                  double dt, int node) {
        if (net.layers() != 1 || !org.deeprg.net.Activation.LINEAR.equals(net.activation(0))) {
            throw new InvalidInputException("network", net.toString(), "one linear layer (constant neural tangent kernel)");
        }
        NetworkCost cost = new NetworkCost(net, data, Loss.SQUARED_ERROR, RunContext.of(0), NetworkCost.BLOCK);
        DampedDynamics.State[] st = new DampedDynamics(cost, gamma).integrate(w0, v0, (node + 1) * dt, node + 1, 1e-13);
        int nz = data.size() * net.outputs();
        double[] zm = outputs(net, data, st[node - 1].w());
        double[] z0 = outputs(net, data, st[node].w());
        double[] zp = outputs(net, data, st[node + 1].w());
        int p = net.parameterCount();
        double[][] jac = new double[nz][p];
        double[] w = st[node].w();
        for (int k = 0; k < p; k++) {
            double[] a = w.clone();
            double[] b = w.clone();
            a[k] += 1e-4;
            b[k] -= 1e-4;
            double[] za = outputs(net, data, a);
            double[] zb = outputs(net, data, b);
            for (int i = 0; i < nz; i++) {
                jac[i][k] = (za[i] - zb[i]) / 2e-4;
            }
        }
        double[] dcdz = new double[nz];
        for (int i = 0; i < nz; i++) {
            dcdz[i] = 2 * (z0[i] - data.targets()[i]);
        }
        double[] force = new double[nz];
        for (int i = 0; i < nz; i++) {
            double s = 0;
            for (int j = 0; j < nz; j++) {
                double theta = 0;
                for (int k = 0; k < p; k++) {
                    theta += jac[i][k] * jac[j][k];
                }
                s += theta * dcdz[j];
            }
            force[i] = s;
        }
        double plus = 0;
        double minus = 0;
        double scale = 0;
        for (int i = 0; i < nz; i++) {
            double zdd = (zp[i] - 2 * z0[i] + zm[i]) / (dt * dt);
            double zd = (zp[i] - zm[i]) / (2 * dt);
            plus = Math.max(plus, Math.abs(zdd + gamma * zd + force[i]));
            minus = Math.max(minus, Math.abs(zdd - gamma * zd + force[i]));
            scale = Math.max(scale, Math.abs(force[i]));
        }
        return new double[] {plus / scale, minus / scale};
    }

    /** All outputs of the data set, example by example. */
    private static double[] outputs(DenseNetwork net, Dataset data, double[] w) {
        int o = net.outputs();
        double[] z = new double[data.size() * o];
        for (int l = 0; l < data.size(); l++) {
            System.arraycopy(net.output(w, data.inputRow(l)), 0, z, l * o, o);
        }
        return z;
    }
}
