/** Benchmarks of the synaptic-field-theory kernels (Hessian-vector products, Lanczos). */
package org.deeprg.bench.sft;
