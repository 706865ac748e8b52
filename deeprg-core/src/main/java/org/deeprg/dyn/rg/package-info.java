/**
 * Real-space renormalisation group along depth: the closed-form decimation of Lee, Lee, Yi (2024), Eq. 26
 * ({@link org.deeprg.dyn.rg.Lee2024Recursion}), the general decimation map in the multilinear basis
 * ({@link org.deeprg.dyn.rg.DecimationMap}), fixed points by deflated Newton ({@link org.deeprg.dyn.rg.FixedPointFinder}),
 * linearisation and exponents ({@link org.deeprg.dyn.rg.FixedPoint}).
 */
package org.deeprg.dyn.rg;
