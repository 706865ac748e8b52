/**
 * JMH benchmarks of deeprg's hot paths and end-to-end jobs (run: {@code java -jar deeprg-bench/target/benchmarks.jar});
 * the numbers and commands are recorded in docs/PERFORMANCE.md.
 */
package org.deeprg.bench;
