/**
 * Synaptic field theory (Lee, Lee, Yi 2025): training with momentum as a damped field (Eqs. 4-10:
 * {@link org.deeprg.sft.Optimizer}, {@link org.deeprg.sft.MomentumMapping}, {@link org.deeprg.sft.DampedDynamics},
 * {@link org.deeprg.sft.DiscreteAction}, and the checks of {@link org.deeprg.sft.Mechanics}), geometry and locality of
 * the sources ({@link org.deeprg.sft.Embedding}, {@link org.deeprg.sft.Locality}), the two worked examples
 * ({@link org.deeprg.sft.PerceptronExample}, {@link org.deeprg.sft.HiddenLayerExample}) and noisy training
 * ({@link org.deeprg.sft.NoisyTraining}). Networks, data and exact Hessian-vector products come from
 * {@code org.deeprg.net}.
 *
 * <p>The computations behind the {@code sft} commands have the shape {@code XxxResult run(XxxSpec, RunContext)}:
 * {@link org.deeprg.sft.PerceptronAnalysis} (Example 1 on a data file), {@link org.deeprg.sft.SourceExpansion}
 * (sources J1..J4), {@link org.deeprg.sft.LocalityAnalysis} (locality under an embedding) and
 * {@link org.deeprg.sft.NormalModes} (extreme Hessian eigenvalues by Lanczos); their specs are validated records
 * ({@link org.deeprg.sft.SftNetworkSpec} describes a general network, its data and reference point).
 */
package org.deeprg.sft;
