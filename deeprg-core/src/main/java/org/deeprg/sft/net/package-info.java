/**
 * Layered networks with optional sparse connectivity (the paper's Eq. 1, biases as {@code W_i0}), the quadratic
 * cost of Eq. 2 with exact gradients and Hessian-vector products.
 */
package org.deeprg.sft.net;
