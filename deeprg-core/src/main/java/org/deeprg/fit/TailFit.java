package org.deeprg.fit;

/**
 * The maximum-likelihood power law of a sample's tail at the KS-optimal \( x_{min} \) (CSN Sec. 3).
 *
 * @param alpha           the exponent \( \alpha \) of \( p(x) \propto x^{-\alpha} \), \( x \ge x_{min} \)
 * @param alphaStderr     its standard error: \( (\alpha - 1)/\sqrt{n_{tail}} \) (continuous, CSN Eq. 3.2) or
 *                        \( 1/\sqrt{n_{tail}[\zeta''/\zeta - (\zeta'/\zeta)^2]} \) (discrete, CSN Eq. 3.6)
 * @param xmin            the lower bound of the power-law tail
 * @param ks              the Kolmogorov-Smirnov distance between the tail and the fitted law
 * @param nTail           number of data points \( \ge x_{min} \)
 * @param n               number of data points
 * @param discrete        true for the discrete (integer) power law with the Hurwitz-zeta normaliser
 * @param candidates      number of \( x_{min} \) candidates evaluated by the scan
 * @param exhaustive      true when every distinct value (with a tail of at least {@link PowerLaw#MIN_TAIL} points)
 *                        was evaluated, false when the multi-resolution scan was used (see {@link PowerLaw})
 */
public record TailFit(double alpha, double alphaStderr, double xmin, double ks, int nTail, int n, boolean discrete,
                      int candidates, boolean exhaustive) {
}
