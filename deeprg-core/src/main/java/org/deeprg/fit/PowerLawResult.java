package org.deeprg.fit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;
import org.deeprg.stats.Estimate;

/**
 * A complete Clauset-Shalizi-Newman analysis of one sample: the power-law fit at the KS-optimal (or given)
 * \( x_{min} \), bootstrap uncertainties, the goodness-of-fit p-value, every requested alternative fitted on the same
 * tail with its likelihood-ratio test against the power law, and any further pairwise tests. Its JSON is
 * {@code result.json} of {@code deeprg critical powerlaw}.
 *
 * @param n               number of values in the sample (including any above \( x_{max} \))
 * @param aboveXmax       values above \( x_{max} \), left out of every fit (0 when unbounded)
 * @param discrete        discrete (integer) or continuous analysis
 * @param xminSelection   "scan" (KS minimum over every distinct value), "scan in [A, B]", or "fixed"
 * @param xminCandidates  number of \( x_{min} \) candidates the exact scan minimised over (1 when fixed)
 * @param xmax            the upper bound of a bounded fit, or null
 * @param alpha           the power-law exponent on the tail
 * @param alphaStderr     its standard error (CSN Eqs. 3.2 and 3.6; observed information for bounded fits)
 * @param alphaEstimator  "maximumLikelihood", or "closedForm" (discrete, CSN Eq. 3.7)
 * @param alphaClosedForm discrete fits: CSN Eq. 3.7 at the same \( x_{min} \), beside the exact MLE; null otherwise
 * @param xmin            the lower bound of the tail
 * @param nTail           values in the tail \( [x_{min}, x_{max}] \)
 * @param ks              the two-sided Kolmogorov-Smirnov distance of the fit
 * @param logLikelihood   the power law's log-likelihood on the tail
 * @param uncertainty     bootstrap standard errors of \( x_{min} \), \( \alpha \), KS and \( n_{tail} \)
 * @param goodnessOfFit   the bootstrap p-value
 * @param alternatives    one object per alternative: parameters, standard errors, log-likelihood, test against the
 *                        power law
 * @param comparisons     further pairwise tests asked for
 * @param powerLaw        the fitted power law (not in the JSON)
 * @param fits            every fitted alternative with its distribution (not in the JSON), in the order of
 *                        {@code alternatives}
 * @param sortedData      the analysed sample in ascending order (not in the JSON; held, not copied: do not modify),
 *                        for plots
 */
public record PowerLawResult(int n, int aboveXmax, boolean discrete, String xminSelection, int xminCandidates, Double xmax,
                             double alpha, double alphaStderr, String alphaEstimator, Double alphaClosedForm,
                             double xmin, int nTail, double ks, double logLikelihood,
                             Uncertainty uncertainty, GoodnessOfFit goodnessOfFit,
                             List<Alternative> alternatives, List<ModelComparison> comparisons,
                             @JsonIgnore FittedModel powerLaw, @JsonIgnore List<FittedModel> fits,
                             @JsonIgnore double[] sortedData) {
    public PowerLawResult {
        alternatives = List.copyOf(alternatives);
        comparisons = List.copyOf(comparisons);
        fits = List.copyOf(fits);
    }

    /**
     * One alternative distribution fitted to the tail.
     *
     * @param name           the model
     * @param parameters     fitted parameters (null entries: infinite at the optimum, see note)
     * @param standardErrors their standard errors (observed information; null on a binding constraint)
     * @param logLikelihood  its log-likelihood on the tail (null when the fit failed)
     * @param note           what is special about this fit, or null
     * @param vsPowerLaw     the likelihood-ratio test of the power law (first) against it (second): R > 0 favours the
     *                       power law; null when the fit failed
     */
    public record Alternative(Model name, Map<String, Double> parameters, Map<String, Double> standardErrors,
                              Double logLikelihood, String note, ModelComparison vsPowerLaw) {
    }

    /**
     * Bootstrap standard errors (CSN Sec. 3.3): the analysis repeated on resamples of the data drawn with replacement;
     * each estimate's mean is the value on the data, its standard error the standard deviation over the resamples.
     *
     * @param resamples number of resamples (0: not computed)
     * @param xmin      of \( x_{min} \) (null when not computed)
     * @param alpha     of \( \alpha \)
     * @param ks        of the KS distance
     * @param nTail     of \( n_{tail} \)
     * @param note      why there are none, or what limits them
     */
    public record Uncertainty(int resamples, Estimate xmin, Estimate alpha, Estimate ks, Estimate nTail, String note) {
    }

    /**
     * The goodness-of-fit test (CSN Sec. 4.1).
     *
     * @param resamples number of semi-parametric synthetic samples (0: not computed)
     * @param pValue    the fraction of them whose own fit is at least as far (KS) from its law as the data's is from
     *                  the fitted law, with its binomial standard error \( \sqrt{p(1-p)/B} \); null when not computed
     * @param plausible \( p \ge 0.1 \) (CSN's rule); null when not computed
     * @param note      why it was not computed, or null
     */
    public record GoodnessOfFit(int resamples, Estimate pValue, Boolean plausible, String note) {
    }

    /** The alternative of the given model, or null. */
    public Alternative alternative(Model model) {
        for (Alternative a : alternatives) {
            if (a.name() == model) {
                return a;
            }
        }
        return null;
    }

    /** The fitted alternative of the given model (with its distribution), or null. */
    public FittedModel fit(Model model) {
        for (FittedModel f : fits) {
            if (f.model() == model) {
                return f;
            }
        }
        return null;
    }

    /** The bootstrap p-value, or NaN when not computed. */
    @JsonIgnore
    public double pValue() {
        return goodnessOfFit.pValue() == null ? Double.NaN : goodnessOfFit.pValue().mean();
    }
}
