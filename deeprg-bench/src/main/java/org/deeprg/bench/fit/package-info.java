/**
 * JMH benchmarks of the power-law statistics (org.deeprg.fit): the exact x_min scan at 10^5 to 10^7 points, the full
 * analysis with every alternative, and the bootstrap. The NumPy peer is {@code bench/python/powerlaw_numpy.py}.
 */
package org.deeprg.bench.fit;
