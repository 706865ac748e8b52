package org.deeprg.qft;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.deeprg.stats.Estimate;

/**
 * The JSON contract of {@code qft couplings}.
 *
 * @param convention        the normalisation of the couplings (the (2n)! factors)
 * @param flowNormalisation how the flow's couplings relate to Eq. 8's ({@link WetterichFlow}: {@code u^flow = Z0^-k u})
 * @param width             hidden width N
 * @param dIn               input dimension
 * @param sigmaB            bias scale
 * @param points            input points
 * @param nets              networks per bag
 * @param bags              bags
 * @param scan              one entry per sigmaW
 * @param u4Slope           slope of log|u_4| against log sigmaW (sampled and exact, both normalisations)
 * @param u6Slope           slope of log|u_6| against log sigmaW
 * @param exactSlopes       the exact (closed-form, noise-free) slopes over the run's sigmaW values in both normalisations
 */
public record CouplingResult(String convention, String flowNormalisation, int width, int dIn, double sigmaB, double[][] points,
                             int nets, int bags, List<ScanPoint> scan, Slope u4Slope, Slope u6Slope, ExactSlopes exactSlopes) {

    /**
     * One sigmaW.
     *
     * @param sigmaW              weight scale
     * @param u4                  u_4 of Eq. 8 averaged over all 4-multisets (sampled, error over bags; flagged when a
     *                            4-point function has heavy tails)
     * @param u4Fit               u_4 of the joint fit (jackknife error over bags)
     * @param u6Fit               u_6 of the joint fit (jackknife error)
     * @param covU4U6             jackknife covariance of (u4Fit, u6Fit)
     * @param chi2                chi^2 of the joint fit (diagonal weights)
     * @param dof                 its degrees of freedom
     * @param exactU4             u_4 of Eq. 8 from the exact finite-width functions (no sampling noise)
     * @param exactU4Fit          joint-fit u_4 on the exact functions (relative weights)
     * @param exactU6Fit          joint-fit u_6 on the exact functions
     * @param flowU4              Eq. 13 as Fig. 2 compares it: {@code u_4 ~ sigmaW^{4-d}} applied to Eq. 8's u_4, started at
     *                            the sampled u_4 with the smallest relative error
     * @param flowU6              the u_6 analogue ({@code sigmaW^{6-2d}}), started at the most precise joint-fit u_6
     * @param z0Inverse           {@code Z0^-1} of Eq. 9 ({@link WetterichFlow#z0Inverse})
     * @param exactU4Flow         the exact u_4 in the flow normalisation, {@code Z0^-2 exactU4}
     * @param exactU6Flow         the exact u_6 in the flow normalisation, {@code Z0^-3 exactU6Fit}
     * @param u4ExactStderr       the exact standard error of the sampled Eq. 8 u_4 at this run's statistics (from the
     *                            exact 8-point functions: the covariance of the per-network estimator)
     * @param networksToResolveU4 networks needed for |u_4| = 5 exact standard errors
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScanPoint(double sigmaW, Estimate u4, Estimate u4Fit, Estimate u6Fit, double covU4U6, double chi2, int dof,
                            double exactU4, double exactU4Fit, double exactU6Fit, double flowU4, double flowU6,
                            double z0Inverse, double exactU4Flow, double exactU6Flow, double u4ExactStderr,
                            double networksToResolveU4) {
    }

    /**
     * A power-law slope.
     *
     * @param measured     weighted fit of log|u| vs log sigmaW over the significant points with reliable error bars, in
     *                     Eq. 8's normalisation, with its error (null if fewer than 3)
     * @param measuredFlow the same in the flow normalisation ({@code measured + k(4 - d_in)}, k = 2 for u_4, 3 for u_6;
     *                     same error), or null
     * @param pointsUsed   how many sigmaW values were significant (|u| > 2 standard errors, reliable) and used
     * @param chi2         chi^2 of the fit
     * @param exact        the least-squares slope of the exact finite-width values, Eq. 8's normalisation (NaN if undefined)
     * @param exactFlow    the same in the flow normalisation
     * @param paper        the paper's claim, a statement about the flow normalisation (Eq. 13: 4 - d_in for u_4; 6 - 2 d_in for u_6)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Slope(Estimate measured, Estimate measuredFlow, int pointsUsed, double chi2, double exact, double exactFlow, double paper) {
    }

    /**
     * The exact slopes of log|u| against log sigmaW.
     *
     * @param u4 for u_4
     * @param u6 for u_6 (the joint fit on the exact functions)
     */
    public record ExactSlopes(SlopePair u4, SlopePair u6) {
    }

    /**
     * One slope in the two normalisations.
     *
     * @param eq8  with Eq. 8's bare kernels on the legs (the network output's coupling)
     * @param flow with the flow's field normalised by Z0 (Eqs. 9-13)
     */
    public record SlopePair(double eq8, double flow) {
    }
}
