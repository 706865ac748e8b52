/**
 * The studies of the dynamic-neurons paper (Lee, Lee, Yi 2024) with their claims, and the presenters of the exact,
 * RG and Monte Carlo results.
 */
package org.deeprg.studies.dyn;
