/**
 * The dynamic-neuron model of Lee, Lee, Yi (2024), shared by the exact, the renormalisation-group and the sampling
 * methods: the architecture ({@link org.deeprg.dyn.DynNetwork}: width N, depth M, the shared
 * {@link org.deeprg.net.Activation}), discrete value sets ({@link org.deeprg.dyn.Alphabet}), training examples
 * ({@link org.deeprg.dyn.Example}), weights and biases ({@link org.deeprg.dyn.DynParameters}) and the single definition
 * of H_original (Eqs. 7-8) and H_new = cost + lambda constraint (Eq. 13) in {@link org.deeprg.dyn.Hamiltonians}.
 *
 * <p>Methods: {@link org.deeprg.dyn.exact} (transfer matrices, exact ln Z and correlations), {@link org.deeprg.dyn.rg}
 * (decimation RG along depth, fixed points, exponents) and {@link org.deeprg.dyn.mc} (Metropolis, Langevin and MALA,
 * training as Gibbs sampling, the spin-glass limit). Each computation has the shape
 * {@code XxxResult run(XxxSpec spec, RunContext context)}; the presentation of the results lives in
 * {@code org.deeprg.studies.dyn}.
 */
package org.deeprg.dyn;
