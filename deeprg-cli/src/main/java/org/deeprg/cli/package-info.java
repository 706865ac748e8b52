/**
 * The {@code deeprg} command line (picocli): one class per subcommand, shared options from mixins. A command that
 * computes ({@link org.deeprg.cli.ComputeCommand}) only builds its validated spec from the options, calls the physics
 * {@code run(spec, RunContext)} and hands the typed result to a presenter of the studies layer; bad input is one
 * stderr line and exit code 2 ({@link org.deeprg.cli.ExitCodes}).
 */
package org.deeprg.cli;
