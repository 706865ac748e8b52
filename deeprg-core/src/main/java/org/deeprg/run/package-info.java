/**
 * How a computation runs: {@link org.deeprg.run.RunContext} (random streams, threads, backend, progress), the
 * {@link org.deeprg.run.Backend} seam for indexed tasks ({@link org.deeprg.run.LocalBackend} by default; others, such as
 * the Spark backend of the {@code deeprg-spark} module, through {@link org.deeprg.run.BackendProvider} and
 * {@link org.deeprg.run.Backends}), what a shipped task must satisfy ({@link org.deeprg.run.Task},
 * {@link org.deeprg.run.TaskShipping}), how a job fails on a cluster ({@link org.deeprg.run.BackendException}), and
 * the {@link org.deeprg.run.Progress} sink.
 */
package org.deeprg.run;
