/**
 * Training of feed-forward networks ({@link org.deeprg.net.DenseNetwork} with ReLU/ELU hidden layers,
 * {@link org.deeprg.net.Loss#SOFTMAX_CROSS_ENTROPY}, {@link org.deeprg.train.Adam}, mini-batches) with the critical
 * regulariser of arXiv:1705.11023 Sec. 3.1 ({@link org.deeprg.train.CriticalPenalty}), checkpoints, and the
 * power-law diagnostics of its Sec. 3.1 (activation pattern rank-frequency, ranked mean layer activations, weighted
 * node degrees).
 *
 * <p>Conventions: a dense layer maps a row vector {@code x} (length {@code in}) to {@code x W + b}, with
 * {@code W} stored row-major {@code in x out} ({@code W[i*out + j]}, {@link org.deeprg.net.NetworkParameters}).
 * Batches are row-major {@code batch x width}. Everything is double precision. Matrix products go through
 * {@link org.deeprg.numerics.Blas} (native OpenBLAS via JNI when installed, a pure-Java BLAS otherwise).
 */
package org.deeprg.train;
