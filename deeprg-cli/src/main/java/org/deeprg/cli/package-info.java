/**
 * The {@code deeprg} command line (picocli): each command builds a validated spec from its options, calls the
 * library's {@code run(spec, RunContext)}, and hands the typed result to a presenter and the report writer.
 */
package org.deeprg.cli;
