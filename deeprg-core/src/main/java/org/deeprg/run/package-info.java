/**
 * How a computation runs: {@link org.deeprg.run.RunContext} (random streams, threads, backend, progress), the
 * {@link org.deeprg.run.Backend} seam for indexed tasks ({@link org.deeprg.run.LocalBackend} by default), and the
 * {@link org.deeprg.run.Progress} sink.
 */
package org.deeprg.run;
