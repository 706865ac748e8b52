/**
 * Real-space renormalisation group along depth: the closed-form decimation of Lee, Lee, Yi (2024), Eq. 26
 * ({@link org.deeprg.rg.Lee2024Recursion}), the general decimation map in the multilinear basis
 * ({@link org.deeprg.rg.DecimationMap}), fixed points by deflated Newton ({@link org.deeprg.rg.FixedPointFinder}),
 * linearisation and exponents ({@link org.deeprg.rg.FixedPoint}).
 */
package org.deeprg.rg;
