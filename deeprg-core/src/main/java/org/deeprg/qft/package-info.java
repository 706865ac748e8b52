/**
 * Neural-network field theory (Erbin, Lahoche, Samary 2022; Halverson, Maiti, Stoner 2021): ensembles of random
 * networks, streaming n-point functions over sorted multisets of points, Gaussian-process kernels and Wick's theorem,
 * exact finite-width n-point functions, effective couplings u_4, u_6 of the local ansatz and the sigma_W flow.
 *
 * <h2>Computations</h2>
 * Every computation has the shape {@code XxxResult run(XxxSpec, RunContext)}: {@link org.deeprg.qft.Ensemble#run}
 * ({@link org.deeprg.qft.EnsembleSpec} to {@link org.deeprg.qft.EnsembleResult}), {@link org.deeprg.qft.CouplingScan#run}
 * ({@link org.deeprg.qft.CouplingSpec} to {@link org.deeprg.qft.CouplingResult}) and
 * {@link org.deeprg.qft.WetterichFlow#run} ({@link org.deeprg.qft.FlowSpec} to {@link org.deeprg.qft.FlowResult}).
 * Specs are validated, serialisable records; the sampling is a list of indexed tasks (width or sigma_W x bag x chunk)
 * run by {@link org.deeprg.run.RunContext#map}, each drawing from a stream split from its index, combined in index
 * order: the same seed gives the same numbers for any thread count and any backend.
 *
 * <h2>Activations</h2>
 * The shared {@link org.deeprg.net.Activation} ({@link org.deeprg.qft.NetworkSpec#ACTIVATIONS}); the Gauss-net
 * normalisation of Eq. 3 ({@code exp(-Var z(x))} per point) is applied here
 * ({@link org.deeprg.qft.NetworkSpec#gaussNetShift}).
 *
 * <h2>Hot loop</h2>
 * The sampler's kernels use {@code jdk.incubator.vector} when the JVM was started with
 * {@code --add-modules jdk.incubator.vector}; otherwise a scalar twin computes the same numbers to the last bit
 * (chosen once at class load, see {@code SamplerKernels}). Library callers need no JVM option.
 */
package org.deeprg.qft;
