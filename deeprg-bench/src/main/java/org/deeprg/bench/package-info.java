/**
 * JMH benchmarks of deeprg's hot paths (run {@code java -jar deeprg-bench/target/benchmarks.jar NAME}): the training
 * step of the paper's network ({@link org.deeprg.bench.TrainingStepBenchmark}), the critical regulariser's two
 * kernels ({@link org.deeprg.bench.RegulariserKernelBenchmark}, {@link org.deeprg.bench.CriticalRegulariserBenchmark}),
 * random streams and the power-law x_min scan; per-system benchmarks live in the sub-packages. Numbers and commands:
 * docs/PERFORMANCE.md.
 */
package org.deeprg.bench;
