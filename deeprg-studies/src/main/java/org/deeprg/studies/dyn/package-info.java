/**
 * The studies of the dynamic-neurons paper (Lee, Lee, Yi 2024) with their claims, and the presenters of the exact,
 * RG and Monte Carlo results: the paper studies {@code lee2024-exact-rg}
 * ({@link org.deeprg.studies.dyn.Lee2024ExactRgStudy}) and {@code lee2024-monte-carlo}
 * ({@link org.deeprg.studies.dyn.Lee2024MonteCarloStudy}), and the presenters that turn the typed results of
 * {@code org.deeprg.dyn} into report results (summary lines, tables, figures):
 * {@link org.deeprg.studies.dyn.ExactReport}, {@link org.deeprg.studies.dyn.ChainReport},
 * {@link org.deeprg.studies.dyn.RgReport}, {@link org.deeprg.studies.dyn.DynMcReport}. Presentation only: the physics is
 * computed in core. The audit of every claim is docs/audit-lee2024.md.
 */
package org.deeprg.studies.dyn;
