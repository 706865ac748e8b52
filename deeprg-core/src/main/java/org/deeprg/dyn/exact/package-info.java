/**
 * Exact statistical mechanics of discrete dynamic-neuron networks (Lee, Lee, Yi 2024, Secs. III-V): transfer matrices
 * along depth in log space ({@link org.deeprg.dyn.exact.ExactDyn}, {@link org.deeprg.dyn.exact.OriginalEnsemble}), the
 * infinite-depth bulk chain ({@link org.deeprg.dyn.exact.BulkChain}) and brute-force enumeration
 * ({@link org.deeprg.dyn.exact.BruteForce}) as the independent check.
 *
 * <p>Computations: {@link org.deeprg.dyn.exact.ExactDyn#run} ({@link org.deeprg.dyn.exact.ExactSpec} to
 * {@link org.deeprg.dyn.exact.ExactResult}: {@code dyn exact}) and {@link org.deeprg.dyn.exact.BulkChain#run}
 * ({@link org.deeprg.dyn.exact.ChainSpec} to {@link org.deeprg.dyn.exact.ChainResult}: {@code dyn chain}).
 */
package org.deeprg.dyn.exact;
