package org.deeprg.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Consumer;
import picocli.CommandLine;

/** Runs the CLI in-process and captures exit code, stdout and stderr. */
public record CliRun(int code, String out, String err) {

    public static CliRun of(String... args) {
        return with(cl -> { }, args);
    }

    static CliRun with(Consumer<CommandLine> customizer, String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = DeepRg.run(new PrintWriter(o), new PrintWriter(e), customizer, args);
        return new CliRun(code, o.toString(), e.toString());
    }

    /** Number of non-empty lines on stderr. */
    public long errLines() {
        return err.lines().filter(l -> !l.isBlank()).count();
    }
}
