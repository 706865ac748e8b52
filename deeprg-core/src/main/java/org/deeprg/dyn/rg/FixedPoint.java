package org.deeprg.dyn.rg;

/**
 * An isolated fixed point of a {@link DecimationMap} with its linearisation (Lee, Lee, Yi 2024, Eqs. 27, 32-33).
 *
 * @param expCouplings    x*_S = e^{K*_S} in the map's coupling order (null if the kernel has zero entries)
 * @param kernel         K*(sigma, h) / K*(0, 0), flat index c = sigma | h << n, c = 1..4^n - 1
 * @param physical        whether every kernel entry is &gt; 0 (real couplings K*_S); otherwise "fictitious"
 * @param eigenvalues     real parts of the eigenvalues of dR/dx at x*, by decreasing modulus
 * @param eigenvaluesImaginary their imaginary parts
 * @param exponents       y_i = ln|lambda_i| / ln b (null where lambda_i = 0)
 * @param stable          whether every |lambda_i| &lt; 1 (an attractive fixed point)
 * @param relevant        number of relevant directions |lambda_i| &gt; 1
 * @param residual        |R(x*) - x*| (max norm)
 * @param correlationLength xi of the sigma-chain T = K* P (Infinity: critical, 0: trivial)
 */
public record FixedPoint(double[] expCouplings, double[] kernel, boolean physical, double[] eigenvalues, double[] eigenvaluesImaginary,
                         Double[] exponents, boolean stable, int relevant, double residual, double correlationLength) {

    /** Linearises {@code map} at exponential couplings {@code x}. */
    public static FixedPoint at(DecimationMap map, double[] x) {
        return at(map, FixedPointFinder.Chart.EXPONENTIAL, x);
    }

    /** Linearises {@code map} at {@code v} given in {@code chart}. */
    public static FixedPoint at(DecimationMap map, FixedPointFinder.Chart chart, double[] v) {
        double[] fx = chart.apply(map, v);
        double res = 0;
        for (int i = 0; i < v.length; i++) {
            res = Math.max(res, Math.abs(fx[i] - v[i]));
        }
        double[] kernel = chart == FixedPointFinder.Chart.KERNEL ? v.clone() : map.kernelFromExp(v);
        double[] x = chart == FixedPointFinder.Chart.EXPONENTIAL ? v.clone() : map.expFromKernel(v);
        boolean finite = true;
        for (double e : x) {
            finite &= Double.isFinite(e) && e != 0;
        }
        boolean physical = true;
        for (double e : kernel) {
            physical &= e > 0;
        }
        double[][] ev = Spectrum.eigenvalues(chart.jacobian(map, v));
        double[] re = new double[ev.length];
        double[] im = new double[ev.length];
        Double[] y = new Double[ev.length];
        boolean stable = true;
        int relevant = 0;
        for (int i = 0; i < ev.length; i++) {
            re[i] = ev[i][0];
            im[i] = ev[i][1];
            double mod = Math.hypot(re[i], im[i]);
            y[i] = mod < 1e-12 ? null : Math.log(mod) / Math.log(map.rescaling());
            stable &= mod < 1 - 1e-9;
            if (mod > 1 + 1e-9) {
                relevant++;
            }
        }
        double xi;
        try {
            xi = Spectrum.correlationLength(map.chainTransferMatrixKernel(kernel));
        } catch (IllegalStateException e) {
            xi = Double.NaN;
        }
        return new FixedPoint(finite ? x : null, kernel, physical, re, im, y, stable, relevant, res, Double.isFinite(xi) || Double.isInfinite(xi) ? xi : Double.NaN);
    }
}
