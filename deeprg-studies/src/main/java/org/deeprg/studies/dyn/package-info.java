/**
 * The dynamic-neuron studies and presenters (Lee, Lee, Yi 2024): the paper studies {@code lee2024-exact-rg}
 * ({@link org.deeprg.studies.dyn.Lee2024ExactRgStudy}) and {@code lee2024-monte-carlo}
 * ({@link org.deeprg.studies.dyn.Lee2024MonteCarloStudy}) with their claims, and the presenters that turn the typed
 * results of {@code org.deeprg.dyn} into report results (summary lines, tables, figures):
 * {@link org.deeprg.studies.dyn.ExactReport}, {@link org.deeprg.studies.dyn.ChainReport},
 * {@link org.deeprg.studies.dyn.RgReport}, {@link org.deeprg.studies.dyn.DynMcReport}. Presentation only: the physics is
 * computed in core.
 */
package org.deeprg.studies.dyn;
