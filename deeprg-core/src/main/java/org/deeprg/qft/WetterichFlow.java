package org.deeprg.qft;

import java.util.ArrayList;
import java.util.List;
import org.deeprg.run.RunContext;
import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;

/**
 * The active-RG flow of Sec. 4 in the paper's truncation, integrated numerically.
 *
 * <p>The Wetterich equation Eq. 10 for {@code Gamma^(2)} with the Litim regulator Eq. 12,
 * {@code r_Lambda(p^2) = alpha (Lambda^2 - p^2) theta(Lambda^2 - p^2)}, and the constraint that
 * {@code Gamma^(2) + r = Lambda^2 exp(p^2/Lambda^2)} (the propagator is fixed by the network, Eq. 9, with the scale
 * {@code Lambda^2 = 2 sigmaW^2 / d_in} read off the Gaussian kernel in momentum space): {@code Lambda d r/d Lambda}
 * is supported on {@code q^2 < Lambda^2} only, so at zero order in the external momenta the loop integral
 * {@code int_{q < Lambda} d^d q Lambda dr/dLambda G^2} is a pure number times {@code Lambda^d}. The couplings then
 * carry only their canonical dimensions, {@code [u_4] = 4 - d_in} and {@code [u_6] = 6 - 2 d_in} (in units of
 * {@code Lambda ~ sigmaW}), which is the paper's result Eq. 13:
 * <pre>
 *   sigmaW du_4/dsigmaW = (4 - d_in) u_4,      sigmaW du_6/dsigmaW = (6 - 2 d_in) u_6.
 * </pre>
 * This class integrates that system in {@code t = ln sigmaW} with an adaptive Dormand-Prince 8(5,3) integrator
 * (tolerance 1e-12), from measured initial values; the closed-form solution {@code u ~ sigmaW^{dimension}} is the
 * test of the integration. No anomalous dimension or loop correction is included: this is the paper's truncation.
 */
public final class WetterichFlow {
    private final int dIn;

    /** @param dIn input dimension d_in */
    public WetterichFlow(int dIn) {
        this.dIn = dIn;
    }

    /** Integrates the flow of a {@link FlowSpec} from its starting point to each of its sigma_W (no randomness). */
    public static FlowResult run(FlowSpec spec, RunContext context) {
        WetterichFlow flow = new WetterichFlow(spec.dIn());
        List<FlowResult.Point> points = new ArrayList<>();
        for (double s : spec.sigmaWs()) {
            double[] u = flow.integrate(spec.sigmaStart(), spec.u4Start(), spec.u6Start(), s);
            points.add(new FlowResult.Point(s, u[0], u[1]));
        }
        return new FlowResult(flow.dimensionU4(), flow.dimensionU6(), points);
    }

    /** Canonical scaling dimension of {@code u_4}: {@code 4 - d_in}. */
    public double dimensionU4() {
        return 4 - dIn;
    }

    /** Canonical scaling dimension of {@code u_6}: {@code 6 - 2 d_in}. */
    public double dimensionU6() {
        return 6 - 2.0 * dIn;
    }

    /**
     * Integrates from {@code (sigmaStart, u4, u6)} to {@code sigmaEnd} (either direction).
     *
     * @return {@code {u4, u6}} at sigmaEnd
     */
    public double[] integrate(double sigmaStart, double u4, double u6, double sigmaEnd) {
        if (sigmaStart == sigmaEnd) {
            return new double[] {u4, u6};
        }
        OrdinaryDifferentialEquation eq = new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return 2;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                return new double[] {dimensionU4() * y[0], dimensionU6() * y[1]};
            }
        };
        DormandPrince853Integrator integrator = new DormandPrince853Integrator(1e-10, 10.0, 1e-300, 1e-12);
        ODEStateAndDerivative end = integrator.integrate(eq, new ODEState(Math.log(sigmaStart), new double[] {u4, u6}),
                Math.log(sigmaEnd));
        return end.getPrimaryState();
    }
}
