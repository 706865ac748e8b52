/**
 * Readers for the file formats deeprg takes from outside: NumPy {@code .npy}/{@code .npz}, {@code .safetensors},
 * gzipped or plain IDX (MNIST, Fashion-MNIST) and CIFAR-10 binary batches.
 *
 * <p>Every reader treats its file as hostile: declared sizes are checked against the file length (or, for
 * compressed data, against the largest possible DEFLATE expansion) and against the memory available before
 * anything is allocated; truncated data, bad magic numbers, negative or overflowing sizes and unsupported types
 * are refused with an {@link org.deeprg.InvalidInputException} that names the file and what is wrong. No reader
 * ever throws anything else for malformed content (fuzzed with Jazzer).
 */
package org.deeprg.io;
