/**
 * deeprg: the statistical physics and field theory of deep neural networks. The root package holds what every
 * layer shares: {@link org.deeprg.InvalidInputException} (bad input named by parameter, value and what is allowed;
 * the command line maps it to one stderr line and exit code 2) and {@link org.deeprg.Version}.
 */
package org.deeprg;
