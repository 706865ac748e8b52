package org.deeprg.dyn.rg;

import java.io.Serializable;
import java.util.List;

/**
 * Result of {@link RgAnalysis#run(RgSpec, org.deeprg.run.RunContext)}: the JSON contract of {@code dyn rg --json}.
 * Exact up to the numerical tolerances stated per entry (Newton residuals, Richardson-extrapolated Jacobians).
 *
 * @param preset             lee2024 or general
 * @param width              N
 * @param examples           L
 * @param alphabet           weight alphabet
 * @param rescaling          b
 * @param couplingLabels     labels of the exponential couplings (lee2024: e^A (h sigma), e^B (h), e^C (sigma))
 * @param fixedPoints        isolated fixed points (no marginal direction) found by deflated Newton
 * @param fixedManifolds     manifolds of fixed points: the factorised manifold (analytic, verified) and those found
 * @param fullRankFixedPoint K* = P^{-1} (normalised) when P is invertible, linearised (null otherwise)
 * @param critical           critical scaling at the first isolated fixed point with a relevant direction (or the
 *                           full-rank one); null if there is none
 * @param countingMatrixRank rank of P(h, sigma)
 */
public record RgResult(String preset, int width, int examples, double[] alphabet, int rescaling, List<String> couplingLabels,
                       List<Point> fixedPoints, List<Manifold> fixedManifolds, Point fullRankFixedPoint,
                       CriticalScaling critical, int countingMatrixRank) implements Serializable {

    /**
     * One fixed point and its linearisation (Eqs. 27, 32-33).
     *
     * @param expCouplings         x* (for lee2024: (e^A, e^B, e^C); otherwise in {@code couplingLabels} order; null if
     *                             K* has zeros)
     * @param kernel               K*(sigma, h)/K*(0,0), flat index sigma | h &lt;&lt; n, from 1
     * @param eigenvalues          real parts of the eigenvalues of the linearised map, by decreasing modulus
     * @param eigenvaluesImaginary imaginary parts
     * @param exponents            y_i = ln|lambda_i| / ln b (null for lambda_i = 0)
     * @param stable               every |lambda_i| &lt; 1
     * @param physical             every kernel entry &gt; 0 (real couplings)
     * @param relevant             number of |lambda_i| &gt; 1
     * @param marginal             number of |lambda_i| = 1 (tangent directions of a fixed manifold; 0 for isolated
     *                             points)
     * @param residual             max |R(x*) - x*|
     * @param correlationLength    xi of T = K* P (Infinity when |lambda_2| = |lambda_1|)
     * @param critical             xi numerically infinite (&gt; 1e12)
     */
    public record Point(double[] expCouplings, double[] kernel, double[] eigenvalues, double[] eigenvaluesImaginary,
                        Double[] exponents, boolean stable, boolean physical, int relevant, int marginal, double residual,
                        double correlationLength, boolean critical) implements Serializable {

        /** The moduli |lambda_i| of the eigenvalues, by decreasing size. */
        public double[] moduli() {
            double[] m = new double[eigenvalues.length];
            for (int i = 0; i < m.length; i++) {
                m[i] = Math.hypot(eigenvalues[i], eigenvaluesImaginary[i]);
            }
            return m;
        }
    }

    /**
     * A manifold of fixed points.
     *
     * @param description       what it is
     * @param dimension         its dimension (number of marginal eigenvalues at its points)
     * @param samples           number of points checked (random points for analytic manifolds, Newton roots for found ones)
     * @param maxResidual       max |R(x) - x| over the samples
     * @param eigenvalueModuli  the moduli of the linearised map at one sample point, by decreasing size
     * @param correlationLength xi of T = K P at the sample (0: rank one, Infinity: critical)
     * @param physical          whether the sample has real couplings (positive kernel)
     */
    public record Manifold(String description, int dimension, int samples, double maxResidual, double[] eigenvalueModuli,
                           double correlationLength, boolean physical) implements Serializable {
    }

    /**
     * Critical scaling at an isolated fixed point (Sec. V, Eqs. 36-39).
     *
     * @param nu                 1 / y_1 from the leading relevant eigenvalue (Eq. 38)
     * @param decayExponent      -2 d + 2 y_B with d = 1 and y_B = ln|dx'_B/dx_B| / ln b along the field coupling of h_1
     *                           (the paper's B) in exponential coordinates (Eq. 39); in kernel coordinates (entry
     *                           K(0, h_1 = 1)) when the kernel has zeros
     * @param deltas             distances |x_A - x_A*| of the numerical check
     * @param correlationLengths xi of T = K P at x* + delta e_A (exact transfer matrices)
     * @param fittedSlope        slope of ln xi against ln delta over the five smallest deltas (compare -nu)
     * @param fittedSlopeStderr  its standard error from the fit residuals
     */
    public record CriticalScaling(double nu, double decayExponent, double[] deltas, double[] correlationLengths, double fittedSlope,
                                  double fittedSlopeStderr) implements Serializable {
    }
}
