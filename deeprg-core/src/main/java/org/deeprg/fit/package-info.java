/**
 * Statistical fitting: Clauset-Shalizi-Newman power-law fits (continuous and discrete maximum likelihood,
 * x_min by minimising the Kolmogorov-Smirnov distance, bootstrap goodness of fit) and Vuong likelihood-ratio
 * tests against lognormal, exponential and truncated power-law alternatives.
 *
 * <p>Reference: A. Clauset, C. R. Shalizi, M. E. J. Newman, "Power-law distributions in empirical data",
 * SIAM Review 51, 661 (2009), cited below as CSN.
 */
package org.deeprg.fit;
