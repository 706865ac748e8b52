/**
 * Deterministic splittable random streams ({@link org.deeprg.random.RandomStreams}): one root seed per run, a child
 * stream per task by index, so numbers never depend on threads, backend or partitioning.
 */
package org.deeprg.random;
