/**
 * The network layer shared by deeprg's systems: one activation type, one dense feed-forward network, one data set,
 * the losses, and the two ways to differentiate a network.
 *
 * <ul>
 *   <li>{@link org.deeprg.net.Activation}: the one sealed activation type (values, derivatives to any order, the
 *       derivative written with the activation's value, Gaussian-kernel capabilities, parsing with clear errors).</li>
 *   <li>{@link org.deeprg.net.DenseNetwork}: an immutable architecture (widths, one activation per layer, optional
 *       connectivity masks, per-layer biases) with the standard indexing of its flat parameter vector
 *       ({@link org.deeprg.net.DenseNetwork#label(int)}), a one-example forward pass at a flat vector, and batched
 *       forward/backward passes through BLAS ({@link org.deeprg.net.DenseNetwork#forward},
 *       {@link org.deeprg.net.DenseNetwork#backward}, {@link org.deeprg.net.DenseNetwork#lossAndGradient}) on a
 *       {@link org.deeprg.net.Batch} of work arrays.</li>
 *   <li>{@link org.deeprg.net.NetworkParameters}: the parameter values in the BLAS layout (per layer an
 *       {@code in x out} weight matrix and a bias vector), what an optimiser updates; converts exactly to and from the
 *       flat vector.</li>
 *   <li>{@link org.deeprg.net.Loss}: per-example losses with gradient and Hessian-vector product
 *       ({@link org.deeprg.net.Loss#SQUARED_ERROR}: Eq. 2 of the synaptic-field-theory paper;
 *       {@link org.deeprg.net.Loss#SOFTMAX_CROSS_ENTROPY}: classification training).</li>
 *   <li>{@link org.deeprg.net.NetworkCost}: the summed loss over a {@link org.deeprg.net.Dataset} as a function of
 *       the flat vector, with exact gradients and Hessian-vector products (Pearlmutter's R-operator) in blocks on
 *       {@link org.deeprg.run.RunContext#mapLocal}; bit-identical for any thread count.</li>
 *   <li>{@link org.deeprg.net.Dataset}: inputs (row-major) with real targets or class labels;
 *       {@link org.deeprg.net.Weights}: random points of parameter space.</li>
 * </ul>
 * Matrix products go through {@link org.deeprg.numerics.Blas}.
 */
package org.deeprg.net;
