/** JMH benchmarks of the NN-QFT ensemble kernels (mirrors org.deeprg.qft). */
package org.deeprg.bench.qft;
