/**
 * The network layer shared by the four systems: the one {@link org.deeprg.net.Activation} type (values,
 * derivatives to any order, Gaussian-kernel capabilities, parsing with clear errors).
 */
package org.deeprg.net;
