package org.deeprg.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command group invoked without a subcommand: one line naming the subcommands, exit code 2. */
abstract class GroupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String names = String.join(", ", spec.subcommands().keySet());
        spec.commandLine().getErr().println("deeprg: '" + spec.qualifiedName() + "' needs a subcommand"
                + (names.isEmpty() ? "" : ", one of: " + names) + " (see '" + spec.qualifiedName() + " --help')");
        spec.commandLine().getErr().flush();
        return ExitCodes.INVALID_INPUT;
    }
}
