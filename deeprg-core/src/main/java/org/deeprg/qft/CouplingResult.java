package org.deeprg.qft;

import java.util.List;
import org.deeprg.stats.Estimate;

/**
 * The JSON contract of {@code qft couplings}.
 *
 * @param convention the normalisation of the couplings (the (2n)! factors)
 * @param width      hidden width N
 * @param dIn        input dimension
 * @param sigmaB     bias scale
 * @param points     input points
 * @param nets       networks per bag
 * @param bags       bags
 * @param scan       one entry per sigmaW
 * @param u4Slope    slope of log|u_4| against log sigmaW
 * @param u6Slope    slope of log|u_6| against log sigmaW
 */
public record CouplingResult(String convention, int width, int dIn, double sigmaB, double[][] points, int nets, int bags,
                             List<ScanPoint> scan, Slope u4Slope, Slope u6Slope) {

    /**
     * One sigmaW.
     *
     * @param sigmaW    weight scale
     * @param u4        u_4 of Eq. 8 averaged over all 4-multisets (sampled, error over bags)
     * @param u4Fit     u_4 of the joint fit (jackknife error over bags)
     * @param u6Fit     u_6 of the joint fit (jackknife error)
     * @param covU4U6   jackknife covariance of (u4Fit, u6Fit)
     * @param chi2      chi^2 of the joint fit (diagonal weights)
     * @param dof       its degrees of freedom
     * @param exactU4   u_4 of Eq. 8 from the exact finite-width functions (no sampling noise)
     * @param exactU4Fit joint-fit u_4 on the exact functions (relative weights)
     * @param exactU6Fit joint-fit u_6 on the exact functions
     * @param flowU4    u_4 from the flow equation, started at the sampled Eq. 8 u_4 with the smallest relative error
     * @param flowU6    u_6 from the flow equation, started at the joint-fit u_6 with the smallest relative error
     */
    public record ScanPoint(double sigmaW, Estimate u4, Estimate u4Fit, Estimate u6Fit, double covU4U6, double chi2, int dof,
                            double exactU4, double exactU4Fit, double exactU6Fit, double flowU4, double flowU6) {
    }

    /**
     * A power-law slope.
     *
     * @param measured   weighted fit of log|u| vs log sigmaW over the significant points, with its error (null if fewer than 3)
     * @param pointsUsed how many sigmaW values were significant (|u| > 2 standard errors) and used
     * @param chi2       chi^2 of the fit
     * @param exact      the same fit on the exact finite-width values (least squares; NaN if not defined)
     * @param paper      the paper's claim (Eq. 13: 4 - d_in for u_4; 6 - 2 d_in for u_6)
     */
    public record Slope(Estimate measured, int pointsUsed, double chi2, double exact, double paper) {
    }
}
