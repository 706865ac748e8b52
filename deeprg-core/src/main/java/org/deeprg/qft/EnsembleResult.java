package org.deeprg.qft;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.deeprg.stats.Estimate;

/**
 * The JSON contract of {@code qft ensemble}: per width, every n-point function at every sorted multiset of points.
 *
 * @param activation   activation name
 * @param dIn          input dimension
 * @param depth        hidden layers
 * @param sigmaW       weight scale
 * @param sigmaB       bias scale
 * @param points       the input points (rows)
 * @param nets         networks per bag
 * @param bags         bags
 * @param maxN         largest n
 * @param widths       per-width results
 * @param exact        exact coefficients {@code G = c0 + c1/N + c2/N^2} per multiset (one hidden layer), empty otherwise
 * @param exactNote    why exact values are missing, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnsembleResult(String activation, int dIn, int depth, double sigmaW, double sigmaB, double[][] points,
                             int nets, int bags, int maxN, List<WidthResult> widths, List<ExactCoefficients> exact,
                             String exactNote) {

    /**
     * One width.
     *
     * @param width      N
     * @param deviations the normalised deviations {@code m_n = Delta G^(n) / G_0^(n)} averaged over the multisets of size n
     * @param functions  every n-point function
     */
    public record WidthResult(int width, List<Deviation> deviations, List<Function> functions) {
    }

    /**
     * The multiset-averaged normalised deviation (Sec. 3, Fig. 1).
     *
     * @param n       n
     * @param m       sampled average of m_n with the standard error over bags
     * @param exact   exact average of m_n at this width (null without exact values)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Deviation(int n, Estimate m, Double exact) {
    }

    /**
     * One n-point function {@code G^(n)(x_{i_1}, ..., x_{i_n})}.
     *
     * @param n                    n
     * @param points               sorted indices into the point list
     * @param mean                 mean over bags of the bag averages (Eq. 5)
     * @param stderr               its standard error (bag-to-bag scatter / sqrt(bags))
     * @param gaussian             Wick value {@code G_0^(n)} with the kernel K
     * @param exact                exact finite-width value (one hidden layer), null otherwise
     * @param deviation            {@code Delta G^(n) = mean - gaussian} (Eq. 6), standard error = stderr
     * @param normalisedDeviation  {@code m_n = Delta G / G_0}
     * @param normalisedStderr     its standard error
     * @param connected            connected function (n = 4, 6; jackknife-corrected), null otherwise
     * @param connectedStderr      its jackknife standard error
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Function(int n, int[] points, double mean, double stderr, double gaussian, Double exact,
                           double deviation, double normalisedDeviation, double normalisedStderr,
                           Double connected, Double connectedStderr) {
    }

    /**
     * Exact {@code G^(n) = c0 + c1/N + c2/N^2} (c0 is the Wick value; for n = 4, c2 = 0).
     *
     * @param n      n
     * @param points sorted point indices
     * @param c0     width-independent part
     * @param c1     coefficient of 1/N
     * @param c2     coefficient of 1/N^2
     */
    public record ExactCoefficients(int n, int[] points, double c0, double c1, double c2) {
    }
}
