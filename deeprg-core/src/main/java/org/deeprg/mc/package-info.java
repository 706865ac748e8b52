/**
 * Monte Carlo samplers: single-variable Metropolis for {@link org.deeprg.mc.DiscreteModel}s, overdamped
 * Langevin (plain and Metropolis-adjusted) for {@link org.deeprg.mc.DifferentiableEnergy}s, and parallel
 * tempering over a ladder of one coupling. Samplers hold settings; chains ({@link org.deeprg.mc.DiscreteState},
 * {@link org.deeprg.mc.LangevinSampler.Chain}) hold the running state; generators are passed per call.
 */
package org.deeprg.mc;
