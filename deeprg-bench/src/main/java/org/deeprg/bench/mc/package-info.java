/**
 * JMH benchmarks of the Monte Carlo samplers (Metropolis updates per second, Langevin steps).
 */
package org.deeprg.bench.mc;
