/**
 * The renormalisation group of the dynamic-neuron chain along depth (Lee, Lee, Yi 2024, Secs. IV-V): the closed-form
 * decimation of Eq. 26 ({@link org.deeprg.dyn.rg.Lee2024Recursion}, with Eqs. 21 and 24 as printed and as derived), the
 * general decimation map for any N, L, weight alphabet and rescaling factor in the multilinear basis
 * ({@link org.deeprg.dyn.rg.DecimationMap}), fixed points by deflated Newton ({@link org.deeprg.dyn.rg.FixedPointFinder}),
 * linearisation and exponents ({@link org.deeprg.dyn.rg.FixedPoint}, {@link org.deeprg.dyn.rg.Spectrum}).
 *
 * <p>Computation: {@link org.deeprg.dyn.rg.RgAnalysis#run} ({@link org.deeprg.dyn.rg.RgSpec} to
 * {@link org.deeprg.dyn.rg.RgResult}: {@code dyn rg}). The general RG flows of the other systems stay with them.
 */
package org.deeprg.dyn.rg;
