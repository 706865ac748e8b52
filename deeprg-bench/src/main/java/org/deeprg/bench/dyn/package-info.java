/** JMH benchmarks of the exact dynamic-neuron transfer matrices and the decimation RG (issue 3 performance targets). */
package org.deeprg.bench.dyn;
