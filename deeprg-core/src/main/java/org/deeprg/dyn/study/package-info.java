/**
 * Specs, runs and the {@code reproduce} study of the exact dynamic-neuron computations: {@code dyn exact}
 * ({@link org.deeprg.dyn.study.ExactRun}), {@code dyn chain} ({@link org.deeprg.dyn.study.ChainRun}), {@code dyn rg}
 * ({@link org.deeprg.dyn.study.RgRun}) and {@link org.deeprg.dyn.study.Lee2024ExactRgStudy}.
 */
package org.deeprg.dyn.study;
