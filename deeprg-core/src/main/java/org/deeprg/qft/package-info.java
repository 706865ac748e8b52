/**
 * Neural-network field theory (Erbin, Lahoche, Samary 2022; Halverson, Maiti, Stoner 2021): ensembles of random
 * networks, streaming n-point functions over sorted multisets of points, Gaussian-process kernels and Wick's theorem,
 * exact finite-width n-point functions, effective couplings u_4, u_6 of the local ansatz and the sigma_W flow.
 * Hot loops use {@code jdk.incubator.vector} (run with {@code --add-modules jdk.incubator.vector}).
 */
package org.deeprg.qft;
