package org.deeprg.critical;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Classifies the couplings {@code w} of a layer into the cases of Sec. 2.5 and measures how far they are from
 * each criticality condition. All residuals are dimensionless root-mean-square values per unit,
 * \( \|X\|_F / \sqrt{N} \), of a matrix {@code X} that vanishes when the condition holds; with {@code x_i} the
 * eigenvalues of {@code a w} ({@link CouplingConvention#scale}):
 * <ul>
 *   <li>{@code flowResidual}: \( X = a w_\tau = 2 x(1-x)/(1-2x) \) (Eq. 26); infinite on the singularity.</li>
 *   <li>{@code highTemperatureResidual}: \( X = a w \); {@code lowTemperatureResidual}: \( X = aw - (aw)^2 \);
 *       {@code constantCouplingResidual}: \( X = 1 - a w \) (Eq. 28).</li>
 *   <li>{@code neumannResidual} (Eq. 30): \( X = 1 + a w + 2 (a w)^2 \), the fourth bullet after truncating the
 *       Neumann series of \( (1 - 2aw)^{-1} \) at second order. Per eigenvalue \( 1 + x + 2x^2 \ge 7/8 \) (its
 *       discriminant is \(1 - 8 < 0\)), so this residual is never below 7/8: Eq. 30 has no real symmetric
 *       solution. The series itself converges only for \( \rho(2aw) < 1 \) ({@code neumannSpectralRadius}).</li>
 *   <li>{@code componentResidual} (Eq. 33): \( X_{ij} = \delta_{ij}(a w_{ij} + 1) + 2a^2 (ww)_{ij} \), the
 *       square root of the {@link CriticalRegulariser} penalty over N; also at least 7/8 for the symmetric w analysed
 *       here (diagonal \( \ge 2x^2 + x + 1 \) with \( x = a w_{ii} \)). Non-symmetric w can solve Eq. 33 (even N
 *       only): see {@link CriticalityConditions}.</li>
 * </ul>
 *
 * @param units                    N
 * @param a                        the factor a (beta/N for Eq. 13)
 * @param minEigenvalue            smallest eigenvalue of a w
 * @param maxEigenvalue            largest eigenvalue of a w
 * @param flowResidual             RMS of a w_tau
 * @param highTemperatureResidual  RMS of a w
 * @param lowTemperatureResidual   RMS of a w - (a w)^2
 * @param constantCouplingResidual RMS of 1 - a w
 * @param neumannResidual          RMS of 1 + a w + 2 (a w)^2 (Eq. 30), >= 7/8
 * @param componentResidual        RMS of the Eq. 33 matrix, >= 7/8
 * @param neumannSpectralRadius    spectral radius of 2 a w
 * @param fixedPointCase           the case, or NOT_A_FIXED_POINT
 * @param nearestCase              the fixed point reached by moving each eigenvalue of a w to the nearer of 0, 1
 * @param tolerance                residual below which a condition counts as met
 * @param spectrum                 eigenvalues of a w, ascending (not in the JSON)
 */
public record CriticalityAnalysis(int units, double a, double minEigenvalue, double maxEigenvalue,
                                  double flowResidual, double highTemperatureResidual, double lowTemperatureResidual,
                                  double constantCouplingResidual, double neumannResidual, double componentResidual,
                                  double neumannSpectralRadius, FixedPointCase fixedPointCase,
                                  FixedPointCase nearestCase, double tolerance,
                                  @com.fasterxml.jackson.annotation.JsonIgnore double[] spectrum) {
    /** Lower bound of {@code neumannResidual} and {@code componentResidual} for every real symmetric w. */
    public static final double NO_SOLUTION_BOUND = 7.0 / 8.0;

    /** Default tolerance for "condition met". */
    public static final double DEFAULT_TOLERANCE = 1e-8;

    /** Analyses a layer with {@link #DEFAULT_TOLERANCE}. */
    public static CriticalityAnalysis of(LayerCouplings layer) {
        return of(layer, DEFAULT_TOLERANCE);
    }

    /** Analyses a layer; cost one symmetric eigen-decomposition and one N x N product. */
    public static CriticalityAnalysis of(LayerCouplings layer, double tolerance) {
        int n = layer.n();
        double a = layer.a();
        EigenDecomposition_F64<DMatrixRMaj> eig = CouplingFlow.eigen(layer.w(), n, false);
        double[] x = new double[n];
        for (int q = 0; q < n; q++) {
            x[q] = a * eig.getEigenvalue(q).getReal();
        }
        Arrays.sort(x);
        double flow = 0;
        double high = 0;
        double low = 0;
        double constant = 0;
        double neumann = 0;
        double radius = 0;
        for (double xi : x) {
            double f = 2 * xi * (1 - xi) / (1 - 2 * xi);
            flow += f * f;
            high += xi * xi;
            low += (xi - xi * xi) * (xi - xi * xi);
            constant += (1 - xi) * (1 - xi);
            double nm = 1 + xi + 2 * xi * xi;
            neumann += nm * nm;
            radius = Math.max(radius, Math.abs(2 * xi));
        }
        double[] wm = layer.w();
        double[] ww = new double[n * n];
        CriticalRegulariser.multiplyInto(wm, n, n, wm, n, ww);
        double comp = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double m = 2 * a * a * ww[i * n + j] + (i == j ? a * wm[i * n + i] + 1 : 0);
                comp += m * m;
            }
        }
        double rn = Math.sqrt(n);
        double flowRes = Double.isFinite(flow) ? Math.sqrt(flow) / rn : Double.POSITIVE_INFINITY;
        double highRes = Math.sqrt(high) / rn;
        double lowRes = Math.sqrt(low) / rn;
        double constRes = Math.sqrt(constant) / rn;
        // nearest fixed point: each eigenvalue of a w goes to the nearer of the eigenvalue fixed points 0 and 1
        int nearOne = 0;
        for (double xi : x) {
            if (xi > 0.5) {
                nearOne++;
            }
        }
        FixedPointCase nearest = nearOne == 0 ? FixedPointCase.TRIVIAL_HIGH_TEMPERATURE
                : nearOne == n ? FixedPointCase.CRITICAL_CONSTANT_COUPLING : FixedPointCase.TRIVIAL_LOW_TEMPERATURE;
        FixedPointCase kind = FixedPointCase.NOT_A_FIXED_POINT;
        if (flowRes <= tolerance && lowRes <= tolerance) {
            kind = highRes <= tolerance ? FixedPointCase.TRIVIAL_HIGH_TEMPERATURE
                    : constRes <= tolerance ? FixedPointCase.CRITICAL_CONSTANT_COUPLING
                    : FixedPointCase.TRIVIAL_LOW_TEMPERATURE;
        }
        return new CriticalityAnalysis(n, a, x[0], x[n - 1], flowRes, highRes, lowRes, constRes,
                Math.sqrt(neumann) / rn, Math.sqrt(comp) / rn, radius, kind, nearest, tolerance, x);
    }
}
