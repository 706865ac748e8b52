/**
 * Sampling the dynamic-neuron ensemble (Lee, Lee, Yi 2024, Eqs. 3-6, 10-14, Appendix A).
 *
 * <ul>
 *   <li>The action on a flat layout: {@link org.deeprg.dyn.mc.DynEnsemble} (local action changes for Metropolis,
 *       analytic gradients for Langevin) on {@link org.deeprg.dyn.mc.DynLayout}; as a discrete model
 *       ({@link org.deeprg.dyn.mc.DynDiscreteModel}) and as an energy ({@link org.deeprg.dyn.mc.DynEnergy},
 *       {@link org.deeprg.dyn.mc.OriginalCostEnergy}); brute force for tests ({@link org.deeprg.dyn.mc.DynEnumeration}).</li>
 *   <li>Monte Carlo runs ({@code dyn mc}): {@link org.deeprg.dyn.mc.DynMonteCarlo#run} from
 *       {@link org.deeprg.dyn.mc.DynMcSpec} (the settings) to {@link org.deeprg.dyn.mc.DynMcResult}; chains as
 *       independent tasks advancing a {@link org.deeprg.dyn.mc.DynMcChainState} (the chain state and the checkpoint),
 *       checkpoint I/O in {@link org.deeprg.dyn.mc.DynMcCheckpoint}, the accumulators and estimators package-private.</li>
 *   <li>Training as Gibbs sampling: {@link org.deeprg.dyn.mc.GibbsTraining#run}.</li>
 *   <li>The Edwards-Anderson limit of Appendix A ({@code dyn spinglass}): {@link org.deeprg.dyn.mc.SpinGlassAnalysis#run}
 *       from {@link org.deeprg.dyn.mc.SpinGlassSpec} to {@link org.deeprg.dyn.mc.SpinGlassResult}, the couplings of
 *       Eq. A2 in {@link org.deeprg.dyn.mc.SpinGlassCouplings}.</li>
 * </ul>
 */
package org.deeprg.dyn.mc;
