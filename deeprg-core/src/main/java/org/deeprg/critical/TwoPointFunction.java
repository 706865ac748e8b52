package org.deeprg.critical;

import org.deeprg.InvalidInputException;
import org.deeprg.run.RunContext;
import org.deeprg.stats.LinearFit;
import org.jtransforms.fft.DoubleFFT_1D;
import org.jtransforms.fft.DoubleFFT_2D;
import org.jtransforms.fft.DoubleFFT_3D;

/**
 * Two-point function of the Gaussian theory (App. C, Eq. 62 without its overall factor; the paper prints beta,
 * while {@code <phi_k phi_l>_0} under the weight {@code exp(-beta H)} of Eq. 57 carries 1/beta, see
 * {@link TwoUnitIntegrals}):
 * \[ C(x) = \int \frac{d^dq}{(2\pi)^d} \frac{e^{iqx}}{r + g q^2}, \]
 * on a periodic hypercubic lattice of {@code L^d} sites with spacing {@code a}, by one inverse FFT:
 * \( C(x) = \frac{1}{(La)^d} \sum_k e^{2\pi i k\cdot n/L} / (r + g \hat q^2) \) with the lattice momentum
 * \( \hat q^2 = \sum_i (2/a)^2 \sin^2(q_i a/2) \), \( q_i = 2\pi k_i/(La) \) (the continuum integral as
 * {@code a -> 0}, {@code La -> infinity}).
 *
 * <h2>Off criticality (r &gt; 0)</h2>
 * \( C(x) \sim |x|^{-(d-1)/2} e^{-|x|/\xi} \) with \( \xi = \sqrt{g/r} \) (exact for d = 1 and 3, the
 * Ornstein-Zernike asymptote of \( K_0 \) for d = 2). The paper's Eq. 64 writes \( e^{-x\sqrt{g/r}} \), i.e. a decay
 * length \( \sqrt{r/g} \): that is the inverse of the correct one, as the Fourier transform of a Lorentzian of
 * width \( \sqrt{r/g} \) decays over \( \sqrt{g/r} \). The fit is a straight line through
 * \( \ln(C(x)\,x^{(d-1)/2}) \) against x, \( \xi = -1/\text{slope} \). On the lattice the exact decay length is
 * \( a/\mathrm{arccosh}(1 + r a^2/(2g)) \) ({@link TwoPointResult#latticeCorrelationLength}), within 0.5% of
 * \( \sqrt{g/r} \) at the default spacing \( a \le \xi/4 \).
 *
 * <h2>At criticality (r = 0)</h2>
 * \( C(x) \propto |x|^{-(d-2)} \) (Eq. 65; \( -\ln|x|/(2\pi g) \) for d = 2; \( -|x|/(2g) \) for d = 1), with
 * amplitude: \( -dC/d|x| = K |x|^{-(d-1)} \), \( K = \Gamma(d/2)/(2\pi^{d/2} g) \). On a finite periodic lattice
 * the q = 0 mode is infinite and is dropped; this adds the constant-curvature term \( |x|^2/(2 d g V) \)
 * (from \( -g\Delta C = \delta - 1/V \)) and an unknown additive constant. The term is subtracted exactly and the
 * constant is removed by fitting the finite difference \( C(x) - C(x+a) \approx -a\,C'(x + a/2) \):
 * a straight line through \( \ln(C(x) - C(x+a)) \) against \( \ln(x + a/2) \) has slope \( -(d-1) \), so
 * {@code decayExponent = -slope - 1} (= d - 2) and {@code amplitude = e^{intercept}/a} (= K).
 */
public final class TwoPointFunction {
    /** Largest number of lattice sites accepted ({@code L^d}); the FFT needs 16 bytes per site. */
    public static final long MAX_SITES = 1L << 23;

    private TwoPointFunction() {
    }

    /**
     * Computes C(x) by FFT and fits it (deterministic: the context's streams are not used).
     *
     * @param spec    the couplings, the dimension and the lattice
     * @param context the run context (nothing random is drawn; the FFT is JTransforms' own)
     * @return C(x) along the first axis with the fitted correlation length (r &gt; 0) or exponent (r = 0)
     * @throws InvalidInputException if the lattice is too small for a fit window of four points
     */
    public static TwoPointResult run(TwoPointSpec spec, RunContext context) {
        int d = spec.dimension();
        int l = spec.latticeSites();
        double a = spec.latticeSpacing();
        double[] c = alongAxis(d, l, a, spec.r(), spec.g());
        int half = l / 2;
        double[] x = new double[half + 1];
        for (int i = 0; i <= half; i++) {
            x[i] = i * a;
        }
        if (spec.r() > 0) {
            double xi = Math.sqrt(spec.g() / spec.r());
            double from = 2 * xi;
            double to = Math.min(d == 3 ? 6 * xi : 8 * xi, 0.3 * l * a);
            int i0 = (int) Math.ceil(from / a);
            int i1 = (int) Math.floor(to / a);
            requireWindow(i0, i1, spec);
            double[] fx = new double[i1 - i0 + 1];
            double[] fy = new double[fx.length];
            for (int i = i0; i <= i1; i++) {
                fx[i - i0] = x[i];
                fy[i - i0] = Math.log(c[i] * Math.pow(x[i], (d - 1) / 2.0));
            }
            LinearFit fit = LinearFit.ordinary(fx, fy);
            double length = -1 / fit.slope();
            double lengthErr = fit.slopeStderr() / (fit.slope() * fit.slope());
            double lattice = a / acosh(1 + spec.r() * a * a / (2 * spec.g()));
            return new TwoPointResult(d, spec.r(), spec.g(), l, a, x, c, x[i0], x[i1], fit, length, lengthErr, xi, lattice,
                    null, null, null, null, null);
        }
        // r = 0: subtract the zero-mode curvature |x|^2/(2 d g V) and fit the finite difference
        double volume = Math.pow(l * a, d);
        for (int i = 0; i <= half; i++) {
            c[i] -= x[i] * x[i] / (2 * d * spec.g() * volume);
        }
        // fit windows (lattice units): lattice artefacts of the Laplacian decay as 1/x^2 relative (largest in
        // d = 3, hence the later start), periodic images grow as (x/L)^(d+2) beyond the subtracted curvature
        int i0 = 8;
        int i1 = d == 3 ? Math.max(i0 + 4, 3 * l / 16) : l / 16;
        requireWindow(i0, i1, spec);
        double[] fx = new double[i1 - i0 + 1];
        double[] fy = new double[fx.length];
        for (int i = i0; i <= i1; i++) {
            fx[i - i0] = Math.log(x[i] + a / 2);
            fy[i - i0] = Math.log((c[i] - c[i + 1]) / a);
        }
        LinearFit fit = LinearFit.ordinary(fx, fy);
        double exponent = -fit.slope() - 1;
        double amplitudeTheory = org.hipparchus.special.Gamma.gamma(d / 2.0) / (2 * Math.pow(Math.PI, d / 2.0)
                * spec.g());
        return new TwoPointResult(d, 0, spec.g(), l, a, x, c, x[i0], x[i1], fit, null, null, null, null, exponent,
                fit.slopeStderr(), (double) (d - 2), Math.exp(fit.intercept()), amplitudeTheory);
    }

    private static void requireWindow(int i0, int i1, TwoPointSpec spec) {
        if (i1 - i0 < 3 || i1 + 1 > spec.latticeSites() / 2) {
            throw new InvalidInputException("sites", spec.latticeSites(), "a lattice large enough for a fit window "
                    + "of at least 4 points (increase --sites or decrease --spacing)");
        }
    }

    private static double acosh(double z) {
        return Math.log(z + Math.sqrt(z * z - 1));
    }

    /**
     * C at lattice points n e_1, n = 0 .. L/2, by an inverse FFT of the lattice propagator over the whole
     * {@code L^d} lattice. At r = 0 the q = 0 term is dropped.
     */
    static double[] alongAxis(int d, int l, double a, double r, double g) {
        double[] s2 = new double[l];
        for (int k = 0; k < l; k++) {
            double sin = Math.sin(Math.PI * k / l);
            s2[k] = 4 * sin * sin / (a * a);
        }
        double norm = 1 / Math.pow(l * a, d);
        int half = l / 2;
        double[] out = new double[half + 1];
        switch (d) {
            case 1 -> {
                double[] z = new double[2 * l];
                for (int k = 0; k < l; k++) {
                    z[2 * k] = propagator(r, g, s2[k], k == 0);
                }
                new DoubleFFT_1D(l).complexInverse(z, false);
                for (int n = 0; n <= half; n++) {
                    out[n] = norm * z[2 * n];
                }
            }
            case 2 -> {
                double[] z = new double[2 * l * l];
                for (int k1 = 0; k1 < l; k1++) {
                    for (int k2 = 0; k2 < l; k2++) {
                        z[2 * (k1 * l + k2)] = propagator(r, g, s2[k1] + s2[k2], k1 == 0 && k2 == 0);
                    }
                }
                new DoubleFFT_2D(l, l).complexInverse(z, false);
                for (int n = 0; n <= half; n++) {
                    out[n] = norm * z[2 * (n * l)];
                }
            }
            default -> {
                double[] z = new double[2 * l * l * l];
                for (int k1 = 0; k1 < l; k1++) {
                    for (int k2 = 0; k2 < l; k2++) {
                        for (int k3 = 0; k3 < l; k3++) {
                            z[2 * ((k1 * l + k2) * l + k3)] = propagator(r, g, s2[k1] + s2[k2] + s2[k3],
                                    k1 == 0 && k2 == 0 && k3 == 0);
                        }
                    }
                }
                new DoubleFFT_3D(l, l, l).complexInverse(z, false);
                for (int n = 0; n <= half; n++) {
                    out[n] = norm * z[2 * (n * l * l)];
                }
            }
        }
        return out;
    }

    private static double propagator(double r, double g, double q2, boolean zeroMode) {
        if (zeroMode && r == 0) {
            return 0;
        }
        return 1 / (r + g * q2);
    }
}
