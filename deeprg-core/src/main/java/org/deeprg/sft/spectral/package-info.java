/** Extreme eigenvalues of Hessians given only by Hessian-vector products (Lanczos). */
package org.deeprg.sft.spectral;
