package org.deeprg.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeprg.json.Json;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The generic hostile-value harness of issue 15: walks every leaf computing command's numeric options through
 * picocli's {@link CommandSpec} model and tries NaN, +-Infinity, +-1e308, 0, -1 and 2^31 on each, on top of a small,
 * fast base configuration per command. The contract for every case: exit 0 with a result whose JSON has no more
 * missing (non-finite) numbers than the base run's, or exit 2 with exactly one stderr line naming the option; never
 * exit 4, never a stack trace, never a hang.
 *
 * <p>{@link #main} runs a list of cases in one JVM and appends one verdict line per case to a file (the test drives it
 * from a parent process so that a case that does not answer within its time limit can be killed).
 */
final class HostileValues {
    /** The hostile values tried on every numeric option. */
    static final List<String> VALUES = List.of("NaN", "Infinity", "-Infinity", "1e308", "-1e308", "0", "-1", "2147483648");

    /** Commands not covered: they do not compute a result (benchmarks are timing tools with their own guards). */
    static final List<String> SKIPPED_GROUPS = List.of("bench");

    private HostileValues() {
    }

    /** One case: the command path, the full argument list, the option tried (null for the base run) and the value. */
    record Case(String command, List<String> args, String option, String value) {
        String line() {
            return String.join("\u001f", args) + "\u001e" + command + "\u001e" + (option == null ? "" : option) + "\u001e" + (value == null ? "" : value);
        }

        static Case parse(String line) {
            String[] p = line.split("\u001e", -1);
            return new Case(p[1], List.of(p[0].split("\u001f", -1)), p[2].isEmpty() ? null : p[2], p[3].isEmpty() ? null : p[3]);
        }
    }

    /** Leaf computing commands (qualified names without "deeprg ") and their numeric options. */
    static Map<String, List<OptionSpec>> numericOptions() {
        Map<String, List<OptionSpec>> out = new LinkedHashMap<>();
        collect(DeepRg.commandLine(), out);
        return out;
    }

    private static void collect(CommandLine cl, Map<String, List<OptionSpec>> out) {
        CommandSpec spec = cl.getCommandSpec();
        String name = spec.qualifiedName(" ").replaceFirst("^deeprg ?", "");
        if (SKIPPED_GROUPS.stream().anyMatch(g -> name.equals(g) || name.startsWith(g + " "))) {
            return;
        }
        if (cl.getSubcommands().isEmpty()) {
            if (spec.userObject() instanceof ComputeCommand<?>) {
                List<OptionSpec> numeric = new ArrayList<>();
                for (OptionSpec o : spec.options()) {
                    if (isNumeric(o) && !o.hidden()) {
                        numeric.add(o);
                    }
                }
                out.put(name, numeric);
            }
            return;
        }
        for (CommandLine sub : new java.util.LinkedHashSet<>(cl.getSubcommands().values())) {
            collect(sub, out);
        }
    }

    static boolean isNumeric(OptionSpec o) {
        if (o.longestName().equals("--seed")) {
            return false; // every long is a valid seed
        }
        Class<?> t = o.type();
        if (isNumber(t)) {
            return true;
        }
        if (java.util.Collection.class.isAssignableFrom(t) || t.isArray()) {
            Class<?>[] aux = o.auxiliaryTypes();
            return aux.length > 0 && isNumber(aux[0]);
        }
        if (t == String.class) {
            // numbers given as text (lists, ladders): a default that reads as a number
            String d = o.defaultValue();
            return d != null && d.matches("-?[0-9.eE+-]+(,-?[0-9.eE+-]+)*");
        }
        return false;
    }

    private static boolean isNumber(Class<?> t) {
        return t == int.class || t == Integer.class || t == long.class || t == Long.class || t == double.class
                || t == Double.class || t == float.class || t == Float.class || t == short.class || t == Short.class;
    }

    /** The cases of one command: the base run first, then every numeric option with every hostile value. */
    static List<Case> cases(String command, List<OptionSpec> options, List<String> base) {
        List<Case> cases = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of(command.split(" ")));
        cases.add(new Case(command, concat(head, base), null, null));
        for (OptionSpec o : options) {
            for (String v : VALUES) {
                List<String> args = new ArrayList<>(head);
                // the base's own value of this option is replaced
                for (int i = 0; i < base.size(); i++) {
                    if (base.get(i).equals(o.longestName()) || List.of(o.names()).contains(base.get(i))) {
                        i++;
                        continue;
                    }
                    args.add(base.get(i));
                }
                args.add(o.longestName() + "=" + v);
                cases.add(new Case(command, args, o.longestName(), v));
            }
        }
        return cases;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Runs the cases listed in {@code args[0]} with results under {@code args[2]}; appends verdicts to {@code args[1]}. */
    public static void main(String[] args) throws IOException {
        List<Case> cases = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8).stream().filter(l -> !l.isEmpty())
                .map(Case::parse).toList();
        Path results = Path.of(args[1]);
        Path outRoot = Path.of(args[2]);
        Map<String, Integer> baseMissing = new LinkedHashMap<>();
        int k = 0;
        for (Case c : cases) {
            Path out = outRoot.resolve("c" + System.nanoTime() + "-" + k++);
            List<String> a = new ArrayList<>(c.args());
            a.addAll(List.of("--out", out.toString(), "--quiet", "--threads", "1"));
            Files.writeString(results, "START\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            StringWriter o = new StringWriter();
            StringWriter e = new StringWriter();
            int code;
            try {
                code = DeepRg.run(new PrintWriter(o), new PrintWriter(e), ReliabilityFixtures::add, a.toArray(String[]::new));
            } catch (Throwable t) {
                code = -1;
                e.write("uncaught " + t);
            }
            String verdict = judge(c, code, e.toString(), out, baseMissing);
            Files.writeString(results, verdict.replace('\n', ' ') + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            ResultsCleanup.delete(out);
        }
    }

    /** "ok ..." or "FAIL ..." for one case. */
    static String judge(Case c, int code, String err, Path out, Map<String, Integer> baseMissing) {
        String what = String.join(" ", c.args());
        long lines = err.lines().filter(l -> !l.isBlank()).count();
        String first = err.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        if (code == 0) {
            Path json = out.resolve("result.json");
            if (!Files.isRegularFile(json)) {
                return "FAIL " + what + " -> exit 0 without result.json";
            }
            int missing;
            try {
                String text = Files.readString(json);
                if (text.contains("NaN") || text.contains("Infinity")) {
                    return "FAIL " + what + " -> result.json holds NaN/Infinity";
                }
                missing = countMissing(Json.mapper().readTree(text));
            } catch (IOException ex) {
                return "FAIL " + what + " -> unreadable result.json: " + ex.getMessage();
            }
            if (c.option() == null) {
                baseMissing.put(c.command(), missing);
                return "ok base " + what + " (" + missing + " missing values)";
            }
            int base = baseMissing.getOrDefault(c.command(), 0);
            if (missing > base) {
                return "FAIL " + what + " -> exit 0 but " + missing + " numbers are missing (null) where the base run has "
                        + base + ": the value is outside the range where the computation is meaningful";
            }
            return "ok 0 " + what;
        }
        if (code == 2) {
            if (c.option() == null) {
                return "FAIL base " + what + " -> exit 2: " + first;
            }
            if (lines != 1 || err.contains("\tat ") || err.contains("Exception")) {
                return "FAIL " + what + " -> exit 2 but " + lines + " stderr lines: " + first;
            }
            if (!first.contains(c.option())) {
                return "FAIL " + what + " -> exit 2 without naming " + c.option() + ": " + first;
            }
            return "ok 2 " + what;
        }
        return "FAIL " + what + " -> exit " + code + ": " + first;
    }

    /**
     * Number of unexpected missing numbers in a result JSON tree: generic {@code <name>Reason} strings (a NaN or an
     * overflow no record documented) and nulls inside arrays that have no reason beside them. A reason the record
     * documents ({@code @Missing}, {@code MissingReasons}) is a stated outcome and does not count.
     */
    static int countMissing(JsonNode n) {
        int count = 0;
        if (n.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getKey().endsWith("Reason") && f.getValue().isTextual()) {
                    String r = f.getValue().asText();
                    if (r.startsWith("not computed (the computation") || r.startsWith("not representable")
                            || r.contains("entries were not computed or overflowed")) {
                        count++;
                    }
                } else if (!n.has(f.getKey() + "Reason")) {
                    count += countMissing(f.getValue());
                }
            }
        } else if (n.isArray()) {
            for (JsonNode x : n) {
                count += x.isNull() ? 1 : countMissing(x);
            }
        }
        return count;
    }

    /** Deletes a result directory of a case. */
    static final class ResultsCleanup {
        private ResultsCleanup() {
        }

        static void delete(Path p) {
            if (Files.exists(p)) {
                org.deeprg.report.ResultWriter.deleteTree(p);
            }
        }
    }
}
