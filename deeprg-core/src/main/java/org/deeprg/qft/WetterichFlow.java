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
 *
 * <h2>Which coupling Eq. 13 speaks of: the field normalisation</h2>
 * Eq. 8 defines u_4 with four <em>bare</em> kernels {@code K_W} on the external legs: it is the coupling of the
 * network output {@code f} itself, whose propagator is {@code K_W}. The flow (Eqs. 10-12) instead fixes
 * {@code Gamma^(2) + r = Lambda^2 exp(p^2/Lambda^2)}, a propagator {@code Lambda^-2 exp(-p^2/Lambda^2)} with unit
 * coefficient of {@code p^2} in its inverse: the field of the flow is {@code phi = Z0^{1/2} f}, normalised by the residue
 * {@code Z0} of Eq. 9. In the paper's Fourier convention ({@code K(p) = (2 pi)^-d int d^dx e^{-ipx} K(x)}), Eq. 9 reads
 * {@code K_W(p) = A exp(-p^2/Lambda^2)} with {@code A = (sigmaW^2)^{1-d/2} (d/2pi)^{d/2}} and
 * {@code Lambda^2 = 2 sigmaW^2/d}; expanding {@code A (1 - p^2/Lambda^2) = (Z0^-1/Lambda^2)(1 - p^2/Lambda^2)} gives
 * <pre>
 *   Z0^-1 = A Lambda^2 = 2 (sigmaW^2)^{2 - d/2} d^{d/2 - 1} (2 pi)^{-d/2}        (d = 1: Z0^-1 = sqrt(2/pi) sigmaW^3).
 * </pre>
 * With {@code f = Z0^{-1/2} phi} the quadratic action {@code (1/2) f K_W^-1 f} becomes
 * {@code (1/2) phi Lambda^2 e^{p^2/Lambda^2} phi} (the flow's constraint) and the local couplings of Eq. 7 become
 * <pre>
 *   u_4^flow = Z0^-2 u_4^Eq.8,        u_6^flow = Z0^-3 u_6^Eq.8.
 * </pre>
 * Since {@code Z0^-1} is proportional to {@code sigmaW^{4-d}}, the exponents of the two normalisations differ by
 * exactly {@code 2(4-d)} for u_4 and {@code 3(4-d)} for u_6: Eq. 13's {@code u_4 ~ sigmaW^{4-d}} (flow normalisation)
 * is {@code u_4 ~ sigmaW^{-(4-d)}} in Eq. 8's, and the u_6 analogue {@code sigmaW^{6-2d}} is
 * {@code sigmaW^{-(6-d)}}. Canonical power counting belongs to the flow's field (kinetic term {@code p^2 phi^2} with
 * unit coefficient), so Eq. 13 is a statement about {@code u^flow} ({@link #z0Inverse}, tests in
 * {@code FlowNormalisationTest}).
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

    /**
     * {@code Z0^-1 = A Lambda^2}, the factor between the network output and the flow's field (class comment):
     * {@code u_4^flow = Z0^-2 u_4^Eq.8}, {@code u_6^flow = Z0^-3 u_6^Eq.8}.
     */
    public static double z0Inverse(double sigmaW, int dIn) {
        double sw2 = sigmaW * sigmaW;
        double a = Math.pow(sw2, 1 - dIn / 2.0) * Math.pow(dIn / (2 * Math.PI), dIn / 2.0);
        return a * 2 * sw2 / dIn;
    }

    /** {@code u_4} of the flow's field from Eq. 8's: {@code Z0^-2 u_4}. */
    public static double u4Flow(double u4Eq8, double sigmaW, int dIn) {
        double z = z0Inverse(sigmaW, dIn);
        return z * z * u4Eq8;
    }

    /** {@code u_6} of the flow's field from the Eq. 8-normalised one: {@code Z0^-3 u_6}. */
    public static double u6Flow(double u6Eq8, double sigmaW, int dIn) {
        double z = z0Inverse(sigmaW, dIn);
        return z * z * z * u6Eq8;
    }

    /** The exponent of {@code Z0^-1} in sigmaW: {@code 4 - d_in}. */
    public static double z0InverseExponent(int dIn) {
        return 4 - dIn;
    }

    /**
     * Eq. 10 in zero dimensions (the loop integral reduces to one mode): for {@code S = f^2/(2k) + u f^4/4!} with a mass
     * regulator {@code r f^2/2}, {@code G = <f^2>}, {@code Gamma^(2) = 1/G - r} and
     * {@code Gamma^(4) = -(<f^4> - 3 G^2)/G^4} at zero field, the exact flow is {@code dGamma^(2)/dr = -(1/2) Gamma^(4) G^2}
     * (no {@code Gamma^(3)} term: the theory is Z2 symmetric). Returns {@code {dGamma^(2)/dr by central differences,
     * -(1/2) Gamma^(4) G^2}}, two independent numbers that must agree.
     */
    public static double[] zeroDimensionalFlowCheck(double k, double u, double r) {
        double h = 1e-4;
        double[] plus = Couplings.zeroDimensionalMoments(k, u, r + h);
        double[] minus = Couplings.zeroDimensionalMoments(k, u, r - h);
        double lhs = ((1 / plus[0] - (r + h)) - (1 / minus[0] - (r - h))) / (2 * h);
        double[] m = Couplings.zeroDimensionalMoments(k, u, r);
        double g = m[0];
        double gamma4 = -(m[1] - 3 * g * g) / (g * g * g * g);
        return new double[] {lhs, -0.5 * gamma4 * g * g};
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
