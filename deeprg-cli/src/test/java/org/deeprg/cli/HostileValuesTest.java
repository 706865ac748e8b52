package org.deeprg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every leaf computing command, every numeric option, every hostile value (see {@link HostileValues}). Each command's
 * cases run in a child JVM; a case that gives no answer within {@link #CASE_SECONDS} seconds is a failure ("no
 * answer") and the child is restarted after it. The verdict lines are written to
 * {@code target/hostile-values.txt}.
 */
class HostileValuesTest {
    /** Longest time one case may take (with the small base configurations below, an accepted case takes a second). */
    static final int CASE_SECONDS = 30;

    /**
     * Known failures, each with the system that owns the spec (the specs move into core with issue 10; their owners
     * state ranges with org.deeprg.Domain and remove their lines here). Format: {@code command | --option=value | owner
     * | why}. A listed case that gives no answer is not run (it would cost the time limit); a listed case that passes now
     * is reported in target/hostile-values.txt ("now passes: remove it from the list"), and a failure that is not listed
     * fails the test.
     */
    static final String KNOWN = "hostile-values-known.txt";

    @TempDir
    Path tmp;

    /** Small, fast base arguments per command (required inputs included). */
    private Map<String, List<String>> bases() throws IOException {
        Path pl = tmp.resolve("pl.txt");
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= 300; i++) {
            b.append(Math.floor(1000 / Math.pow(i, 0.8))).append('\n');
        }
        Files.writeString(pl, b);
        Path csv = Files.writeString(tmp.resolve("perceptron.csv"), "x0,x1,y0,y1\n1,0,0.5,0.2\n0,1,0.1,0.7\n0.5,0.5,0.3,0.3\n");
        Path w = tmp.resolve("w.npy");
        Files.write(w, npy3x4());
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("dyn exact", List.of("--width", "1", "--depth", "3", "--example", "1:1"));
        m.put("dyn chain", List.of("--max-distance", "4"));
        m.put("dyn rg", List.of("--preset", "general", "--starts", "4"));
        m.put("dyn mc", List.of("--depth", "3", "--sweeps", "200", "--chains", "2", "--max-distance", "2"));
        m.put("dyn spinglass", List.of("--width", "2", "--depth", "3", "--samples", "4", "--sweeps", "100"));
        m.put("sft perceptron", List.of("--data", csv.toString()));
        m.put("sft expand", List.of("--widths", "2,2,1", "--examples", "4"));
        m.put("sft locality", List.of("--example", "mlp", "--widths", "2,2,1", "--embedding", "standard"));
        m.put("sft modes", List.of("--widths", "2,3,1", "--examples", "4", "--eigenvalues", "2"));
        m.put("critical couplings", List.of("--weights", w.toString()));
        m.put("critical correlation", List.of("--dim", "1"));
        m.put("critical powerlaw", List.of("--input", pl.toString(), "--bootstrap", "4"));
        m.put("critical train", List.of("--data", "synthetic", "--hidden", "8", "--epochs", "1", "--train-count", "64",
                "--test-count", "32", "--batch-size", "16"));
        m.put("critical experiment", List.of("--data", "synthetic", "--hidden", "8", "--epochs", "1", "--train-count", "64",
                "--test-count", "32", "--batch-size", "16", "--bootstrap", "4"));
        m.put("qft ensemble", List.of("--nets", "200", "--bags", "2"));
        m.put("qft couplings", List.of("--nets", "200", "--bags", "2"));
        return m;
    }

    private static byte[] npy3x4() {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }";
        int pad = (64 - (10 + dict.length() + 1) % 64) % 64;
        byte[] h = (dict + " ".repeat(pad) + "\n").getBytes(StandardCharsets.ISO_8859_1);
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.allocate(10 + h.length + 96).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        bb.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.ISO_8859_1)).put((byte) 1).put((byte) 0).putShort((short) h.length).put(h);
        for (int i = 0; i < 12; i++) {
            bb.putDouble(Math.sin(i + 1));
        }
        return bb.array();
    }

    @Test
    void everyNumericOptionOfEveryCommandRefusesHostileValuesOrGivesAFiniteResult() throws Exception {
        Map<String, List<OptionSpec>> commands = HostileValues.numericOptions();
        Map<String, List<String>> bases = bases();
        assertThat(bases.keySet()).as("every leaf computing command has a base configuration here")
                .containsAll(commands.keySet().stream().filter(c -> !c.equals("work")).toList());
        Map<String, String> known = known();
        List<String> verdicts = new ArrayList<>();
        for (Map.Entry<String, List<OptionSpec>> e : commands.entrySet()) {
            List<String> base = bases.get(e.getKey());
            if (base == null) {
                continue;
            }
            List<HostileValues.Case> run = new ArrayList<>();
            for (HostileValues.Case c : HostileValues.cases(e.getKey(), e.getValue(), base)) {
                String k = key(c);
                if (known.containsKey(k) && known.get(k).contains("no answer")) {
                    verdicts.add("known (not run) " + String.join(" ", c.args()) + " -> " + known.get(k));
                } else {
                    run.add(c);
                }
            }
            List<String> got = runInChild(run);
            for (int i = 0; i < got.size(); i++) {
                String k = key(run.get(i));
                String v = got.get(i);
                if (known.containsKey(k)) {
                    verdicts.add(v.startsWith("FAIL") ? "known " + v + " [" + known.get(k) + "]"
                            : v + " [now passes: remove '" + k + "' from " + KNOWN + "]");
                } else {
                    verdicts.add(v);
                }
            }
        }
        Path report = Path.of("target", "hostile-values.txt");
        Files.createDirectories(report.getParent());
        Files.write(report, verdicts);
        List<String> failures = verdicts.stream().filter(v -> v.startsWith("FAIL")).toList();
        assertThat(verdicts.size()).isGreaterThan(100);
        assertThat(failures).as(failures.size() + " of " + verdicts.size() + " cases fail (all in " + report.toAbsolutePath() + ")")
                .isEmpty();
    }

    private static String key(HostileValues.Case c) {
        return c.command() + " | " + (c.option() == null ? "(base)" : c.option() + "=" + c.value());
    }

    private static Map<String, String> known() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (var in = HostileValuesTest.class.getResourceAsStream(KNOWN)) {
            if (in == null) {
                return out;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\|", 4);
                out.put(f[0].trim() + " | " + f[1].trim(), f.length > 3 ? f[2].trim() + ": " + f[3].trim() : line);
            }
        }
        return out;
    }

    /** Runs the cases in child JVMs, restarting after a case that does not answer in time. */
    private List<String> runInChild(List<HostileValues.Case> cases) throws Exception {
        List<String> verdicts = new ArrayList<>();
        int next = 0;
        while (next < cases.size()) {
            Path in = Files.createTempFile(tmp, "cases", ".txt");
            Path out = Files.createTempFile(tmp, "verdicts", ".txt");
            Files.write(in, cases.subList(next, cases.size()).stream().map(HostileValues.Case::line).toList());
            Path results = Files.createDirectories(tmp.resolve("r" + next + "-" + System.nanoTime()));
            ProcessBuilder pb = new ProcessBuilder(Processes.java().toString(), "-Xmx1g", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "--add-modules", "jdk.incubator.vector", "-cp", Processes.classPath(),
                    HostileValues.class.getName(), in.toString(), out.toString(), results.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            Process p = pb.start();
            long lastChange = System.nanoTime();
            int seen = 0;
            boolean killed = false;
            while (true) {
                boolean exited = p.waitFor(100, TimeUnit.MILLISECONDS);
                List<String> lines = Files.readAllLines(out);
                if (lines.size() != seen) {
                    seen = lines.size();
                    lastChange = System.nanoTime();
                }
                if (exited) {
                    break;
                }
                if (System.nanoTime() - lastChange > TimeUnit.SECONDS.toNanos(CASE_SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    p.waitFor();
                    killed = true;
                    break;
                }
            }
            List<String> lines = Files.readAllLines(out);
            int done = 0;
            for (String l : lines) {
                if (!l.equals("START")) {
                    verdicts.add(l);
                    done++;
                }
            }
            next += done;
            if (next < cases.size() && (killed || lines.size() > 0 && lines.get(lines.size() - 1).equals("START") || done == 0)) {
                HostileValues.Case c = cases.get(next);
                verdicts.add("FAIL " + String.join(" ", c.args()) + " -> " + (killed ? "no answer within " + CASE_SECONDS + " s"
                        : "the child JVM died (exit " + p.exitValue() + ")"));
                next++;
            }
        }
        return verdicts;
    }
}
