package org.deeprg.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.deeprg.InvalidInputException;
import org.deeprg.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * The {@code deeprg} command. {@link #run(PrintWriter, PrintWriter, String...)} is the entry point for tests:
 * it returns the exit code and never calls {@link System#exit}.
 *
 * <p>Exit codes: 0 ok, 2 invalid input (one line on stderr naming the option or file, the value and what is
 * allowed), 4 internal error (stack trace only with {@code --stacktrace}).
 */
@Command(name = "deeprg", mixinStandardHelpOptions = true, versionProvider = DeepRg.VersionProvider.class,
        description = "Statistical physics and field theory of deep neural networks.%n",
        subcommands = {DynCommand.class, SftCommand.class, CriticalCommand.class, QftCommand.class,
                ReproduceCommand.class, BenchCommand.class},
        footer = {"%nExamples:", "  ./deeprg reproduce", "  ./deeprg dyn rg --preset lee2024", "  ./deeprg qft ensemble --preset erbin2022",
                "  ./deeprg critical powerlaw --input degrees.txt --json",
                "%nEvery computing command writes a result directory (result.json, provenance.json, CSV, SVG/PNG plots, index.html)",
                "under results/ unless --out is given. Add --stacktrace to see the stack trace of an internal error.",
                "Exit codes: 0 ok; 2 invalid input (one line on stderr naming the option or file; nothing computed or written);",
                "3 interrupted after writing a checkpoint (rerun with --resume); 4 internal error (or a --backend spark job that failed on the cluster);",
                "130 / 143 interrupted by SIGINT / SIGTERM without a checkpoint (nothing written)."})
public final class DeepRg {
    private static final ThreadLocal<List<String>> ARGS = ThreadLocal.withInitial(List::of);

    /** Command-line entry point. */
    public static void main(String[] args) {
        main(args, cl -> { });
    }

    /** As {@link #main(String[])}, with a hook to adjust the command tree (test fixtures run through the launcher). */
    static void main(String[] args, java.util.function.Consumer<CommandLine> customizer) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        Interrupts.install();
        int code = run(out, err, customizer, args);
        out.flush();
        err.flush();
        Interrupts.finished();
        Interrupts.StderrFilter.drain();
        System.exit(code);
    }

    /** Runs deeprg with {@code args}, writing to {@code out} and {@code err}; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, cl -> { }, args);
    }

    /** As {@link #run(PrintWriter, PrintWriter, String...)}, with a hook to adjust the command tree (tests register extra commands). */
    static int run(PrintWriter out, PrintWriter err, java.util.function.Consumer<CommandLine> customizer, String... args) {
        boolean stacktrace = Arrays.asList(args).contains("--stacktrace");
        String[] effective = Arrays.stream(args).filter(a -> !a.equals("--stacktrace")).toArray(String[]::new);
        ARGS.set(List.of(args));
        try {
            CommandLine cl = commandLine();
            customizer.accept(cl);
            cl.setOut(out);
            cl.setErr(err);
            cl.setParameterExceptionHandler((ex, a) -> {
                err.println("deeprg: " + oneLine(ex.getMessage()) + usageHint(ex.getCommandLine()));
                err.flush();
                return ExitCodes.INVALID_INPUT;
            });
            cl.setExecutionExceptionHandler((ex, cmd, parsed) -> handle(ex, err, stacktrace));
            int code;
            try {
                code = cl.execute(effective);
            } catch (OutOfMemoryError | StackOverflowError e) {
                // picocli lets Errors through; the memory budget should have refused the size up front (a bug if not)
                code = e instanceof OutOfMemoryError ? outOfMemory(err) : handle(new RuntimeException(e), err, stacktrace);
            }
            out.flush();
            err.flush();
            return code;
        } finally {
            ARGS.remove();
        }
    }

    /** The picocli model of the whole command tree. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new DeepRg());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpAutoWidth(true);
        return cl;
    }

    /** The arguments of the run in progress on this thread (for provenance). */
    static List<String> currentArgs() {
        return ARGS.get();
    }

    static int handle(Exception ex, PrintWriter err, boolean stacktrace) {
        Throwable t = ex;
        while (!(t instanceof InvalidInputException) && t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof InvalidInputException ie) {
            err.println("deeprg: " + describe(ie));
            if (stacktrace) {
                ex.printStackTrace(err);
            }
            err.flush();
            return ExitCodes.INVALID_INPUT;
        }
        for (Throwable b = ex; b != null && b.getCause() != b; b = b.getCause()) {
            if (b instanceof org.deeprg.run.BackendException be) {
                err.println("deeprg: backend " + be.backend() + ": " + oneLine(be.getMessage()));
                if (stacktrace) {
                    ex.printStackTrace(err);
                }
                err.flush();
                return ExitCodes.INTERNAL_ERROR;
            }
        }
        if (t instanceof OutOfMemoryError) {
            return outOfMemory(err);
        }
        err.println("deeprg: internal error: " + oneLine(String.valueOf(ex)) + (stacktrace ? "" : " (run again with --stacktrace for details)"));
        if (stacktrace) {
            ex.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.INTERNAL_ERROR;
    }

    private static int outOfMemory(PrintWriter err) {
        err.println("deeprg: internal error: out of memory (heap " + org.deeprg.io.Budget.human(Runtime.getRuntime().maxMemory())
                + "); give the JVM more with DEEPRG_JAVA_OPTS=-Xmx... or reduce the problem size");
        err.flush();
        return ExitCodes.INTERNAL_ERROR;
    }

    /** One line naming the option (from the camelCase parameter), the value and what is allowed. */
    static String describe(InvalidInputException ie) {
        if (ie.parameter() == null) {
            return oneLine(ie.allowed());
        }
        return "option " + optionName(ie.parameter()) + ": value '" + ie.value() + "' is not allowed: " + oneLine(ie.allowed());
    }

    /** {@code betaV} becomes {@code --beta-v}; names that already start with '-' are kept. */
    static String optionName(String parameter) {
        if (parameter.startsWith("-")) {
            return parameter;
        }
        return "--" + parameter.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code s} on one line (line breaks become "; "). */
    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        return s.replaceAll("\\s*[\\r\\n]+\\s*", "; ").trim();
    }

    private static String usageHint(CommandLine cl) {
        return " (see '" + cl.getCommandSpec().qualifiedName() + " --help')";
    }

    /** Version from the build. */
    public static final class VersionProvider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"deeprg " + Version.get(), "Java " + System.getProperty("java.runtime.version")};
        }
    }
}
