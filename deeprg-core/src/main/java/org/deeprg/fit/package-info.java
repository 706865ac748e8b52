/**
 * Power-law statistics after Clauset, Shalizi and Newman (SIAM Review 51, 661 (2009), "CSN"): the one implementation
 * in deeprg.
 *
 * <ul>
 * <li>{@link org.deeprg.fit.PowerLaw}: the entry points ({@code run(PowerLawSpec, RunContext)},
 *     {@code analyse(double[], PowerLawOptions, RunContext)}, {@code fit}) and the bootstraps;</li>
 * <li>the exact x_min scan: {@code XminScan} (candidates, exponents, KS terms) and {@code KsScan} (branch and bound,
 *     equal to a brute-force scan bit for bit);</li>
 * <li>the fitted laws, all {@link org.deeprg.fit.TailDistribution}s with densities, CDFs and random draws: power law,
 *     exponential, stretched exponential, lognormal (and positive lognormal), truncated power law; their maximum-likelihood
 *     fits on a tail ({@code Fitter}) with exact discrete normalisations ({@code DiscreteSum},
 *     {@link org.deeprg.fit.HurwitzZeta});</li>
 * <li>{@link org.deeprg.fit.ModelComparison}: Vuong's test, Wilks' for nested pairs;</li>
 * <li>{@link org.deeprg.fit.PowerLawResult}: the typed result (the JSON of {@code critical powerlaw}); the older
 *     {@link org.deeprg.fit.PowerLawFit} form read by the criticality experiment.</li>
 * </ul>
 * See docs/powerlaw.md.
 */
package org.deeprg.fit;
