/**
 * Synaptic field theory (Lee, Lee, Yi 2025): training with momentum as a damped field (Eqs. 4-10:
 * {@link org.deeprg.sft.Optimizer}, {@link org.deeprg.sft.MomentumMapping}, {@link org.deeprg.sft.DampedDynamics},
 * {@link org.deeprg.sft.DiscreteAction}), geometry and locality of the sources ({@link org.deeprg.sft.Embedding},
 * {@link org.deeprg.sft.Locality}), the two worked examples ({@link org.deeprg.sft.PerceptronExample},
 * {@link org.deeprg.sft.HiddenLayerExample}) and noisy training ({@link org.deeprg.sft.NoisyTraining}).
 */
package org.deeprg.sft;
