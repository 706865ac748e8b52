/**
 * Sampling the dynamic-neuron ensemble (Lee, Lee, Yi 2024, Eqs. 3-6, 10-14, Appendix A): the DyN action on a flat
 * layout ({@link org.deeprg.dyn.mc.DynEnsemble}), Metropolis / Langevin / MALA runs with parallel tempering over betaV,
 * checkpoints and exact resume ({@link org.deeprg.dyn.mc.DynMonteCarlo}), training as Gibbs sampling
 * ({@link org.deeprg.dyn.mc.GibbsTraining}), the Edwards-Anderson limit ({@link org.deeprg.dyn.mc.SpinGlassAnalysis})
 * and the {@code lee2024-monte-carlo} study.
 */
package org.deeprg.dyn.mc;
