package org.deeprg.qft;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.deeprg.stats.Estimate;

/**
 * The JSON contract of {@code qft ensemble}: per width, every n-point function at every sorted multiset of points.
 *
 * @param activation      activation name
 * @param dIn             input dimension
 * @param depth           hidden layers
 * @param sigmaW          weight scale
 * @param sigmaB          bias scale
 * @param points          the input points (rows)
 * @param nets            networks per bag
 * @param bags            bags
 * @param maxN            largest n
 * @param estimator       plain (Eq. 5) or conditional (readout layer integrated analytically)
 * @param tailTest        how {@code stderrReliable} is decided ({@link HeavyTails})
 * @param widths          per-width results
 * @param exact           exact coefficients {@code G = c0 + c1/N + c2/N^2} per multiset (one hidden layer), empty otherwise
 * @param exactNote       why exact values are missing, or null
 * @param exactStderrNote why exact standard errors are missing, or null
 * @param perturbativeNote why the perturbative 1/N four-point values are missing, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnsembleResult(String activation, int dIn, int depth, double sigmaW, double sigmaB, double[][] points,
                             int nets, int bags, int maxN, String estimator, String tailTest, List<WidthResult> widths,
                             List<ExactCoefficients> exact, String exactNote, String exactStderrNote, String perturbativeNote) {

    /**
     * One width.
     *
     * @param width               N
     * @param deviations          the normalised deviations {@code m_n = Delta G^(n) / G_0^(n)} averaged over the multisets of size n
     * @param unreliableFunctions how many functions have an error bar flagged unreliable
     * @param vertex              the multiset-averaged normalised connected 4-point function, sampled and at leading
     *                            order in 1/N ({@link DeepVertex}); null when maxN &lt; 4
     * @param functions           every n-point function
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WidthResult(int width, List<Deviation> deviations, int unreliableFunctions, Vertex vertex, List<Function> functions) {
    }

    /**
     * The multiset-averaged normalised deviation (Sec. 3, Fig. 1).
     *
     * @param n       n
     * @param m       sampled average of m_n with the standard error over bags (flagged unreliable when any of its
     *                functions is)
     * @param exact   exact average of m_n at this width (null without exact values)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Deviation(int n, Estimate m, Double exact) {
    }

    /**
     * The normalised connected four-point function {@code v_4 = G_c^(4) / G_0^(4)} averaged over the 4-multisets
     * (equal to m_4 at one hidden layer, where {@code G^(2) = K}); its leading 1/N value grows like depth/width.
     *
     * @param sampled      from the bag means (jackknife error; flagged when any 4-point function is)
     * @param perturbative the leading-order value {@code (1/N) sum_3 V / G_0^(4)} of the four-point vertex
     *                     recursion ({@link DeepVertex}), or null when not available
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Vertex(Estimate sampled, Double perturbative) {
    }

    /**
     * One n-point function {@code G^(n)(x_{i_1}, ..., x_{i_n})}.
     *
     * @param n                    n
     * @param points               sorted indices into the point list
     * @param mean                 mean over bags of the bag averages (Eq. 5)
     * @param stderr               its standard error (bag-to-bag scatter / sqrt(bags))
     * @param stderrReliable       whether that standard error can be trusted ({@link HeavyTails}); it covers the
     *                             connected function and the deviations derived from it too
     * @param tailDiagnostic       the estimated excess kurtosis of one bag mean ({@link HeavyTails}; NaN if unknown)
     * @param unreliableBecause    why the standard error cannot be trusted, or null
     * @param exactStderr          the exact standard error of the plain estimator
     *                             {@code sqrt((G^(2n)(S+S) - G^(n)(S)^2) / (bags nets))} (Gauss-net, one hidden layer;
     *                             null otherwise)
     * @param gaussian             Wick value {@code G_0^(n)} with the kernel K
     * @param exact                exact finite-width value (one hidden layer), null otherwise
     * @param deviation            {@code Delta G^(n) = mean - gaussian} (Eq. 6), standard error = stderr
     * @param normalisedDeviation  {@code m_n = Delta G / G_0}
     * @param normalisedStderr     its standard error
     * @param connected            connected function (n = 4, 6; jackknife-corrected), null otherwise
     * @param connectedStderr      its jackknife standard error
     * @param connectedPerturbative for n = 4: the leading-order {@code G_c^(4) = (1/N) sum_3 V} of the four-point vertex
     *                             recursion ({@link DeepVertex}), null otherwise
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Function(int n, int[] points, double mean, double stderr, boolean stderrReliable, double tailDiagnostic,
                           String unreliableBecause, Double exactStderr, double gaussian, Double exact,
                           double deviation, double normalisedDeviation, double normalisedStderr,
                           Double connected, Double connectedStderr, Double connectedPerturbative) {
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
