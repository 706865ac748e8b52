/**
 * Statistics of sampled numbers: {@link org.deeprg.stats.Estimate} (mean, standard error, variance, tau_int, R-hat,
 * samples, reliability, in one documented convention), autocorrelation times (Sokal), weighted and ordinary least
 * squares ({@link org.deeprg.stats.LinearFit}), jackknife, bootstrap and Gelman-Rubin R-hat
 * ({@link org.deeprg.stats.Resampling}), and the value(error) notation ({@link org.deeprg.stats.Format}).
 */
package org.deeprg.stats;
