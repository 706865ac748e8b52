package org.deeprg.fit;

/**
 * The maximum-likelihood power law of a sample's tail at its \( x_{min} \) (KS-optimal, or fixed), CSN Sec. 3.
 *
 * @param alpha       the exponent \( \alpha \) of \( p(x) \propto x^{-\alpha} \) on the tail
 * @param alphaStderr its standard error: \( (\alpha - 1)/\sqrt{n_{tail}} \) (continuous, CSN Eq. 3.2),
 *                    \( 1/\sqrt{n_{tail}\,\partial^2_\alpha\ln Z} \) (discrete, CSN Eq. 3.6; bounded fits likewise with
 *                    their normaliser)
 * @param xmin        the lower bound of the tail
 * @param ks          the two-sided Kolmogorov-Smirnov distance between the tail and the fitted law
 * @param nTail       number of data points in \( [x_{min}, x_{max}] \)
 * @param n           number of data points (all of them, including any above \( x_{max} \))
 * @param discrete    true for the discrete (integer) power law
 * @param xmax        upper bound of a bounded fit, {@code +infinity} when unbounded
 * @param candidates  number of \( x_{min} \) candidates the scan minimised over (1 for a fixed \( x_{min} \))
 * @param start       index of the first tail value in the sorted sample
 */
public record TailFit(double alpha, double alphaStderr, double xmin, double ks, int nTail, int n, boolean discrete,
                      double xmax, int candidates, int start) {
    /** The fitted law as a distribution on the tail. */
    public PowerLawDistribution distribution() {
        return new PowerLawDistribution(alpha, new Support(xmin, xmax, discrete));
    }
}
