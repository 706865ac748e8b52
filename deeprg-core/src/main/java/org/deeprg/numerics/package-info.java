/**
 * Numerical foundation shared by the physics packages: {@link org.deeprg.numerics.Blas}, the one switch to BLAS
 * (native OpenBLAS through JNI when installed, netlib's pure-Java BLAS otherwise; {@code -Ddeeprg.blas=java|native}).
 */
package org.deeprg.numerics;
