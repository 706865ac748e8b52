package org.deeprg.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deeprg.InvalidInputException;
import org.deeprg.qft.Ensemble;
import org.deeprg.qft.EnsembleResult;
import org.deeprg.qft.EnsembleSpec;
import org.deeprg.studies.qft.Erbin2022;
import org.deeprg.result.Result;
import org.deeprg.result.Table;
import org.deeprg.study.Scale;
import org.deeprg.run.RunContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code deeprg bench qft}: end-to-end wall and CPU time of the erbin2022 preset (sampling and analysis), networks and
 * hidden-neuron evaluations per second, and optionally the NumPy reference (bench/python/qft_erbin2022_numpy.py) on the
 * same settings for the speed-up.
 */
@Command(name = "qft", mixinStandardHelpOptions = true,
        description = "End-to-end benchmark of 'qft ensemble --preset erbin2022' (optionally against the NumPy reference).",
        footer = {"%nExamples:", "  ./deeprg bench qft", "  ./deeprg bench qft --numpy", "  ./deeprg bench qft --bags 2 --numpy"})
public final class BenchQftCommand extends ComputeCommand<BenchQftCommand.BenchSpec> {
    /** Benchmark settings. */
    public record BenchSpec(int bags, int nets, boolean numpy, boolean exact) {
    }

    /** JSON of the benchmark. */
    public record BenchResult(int bags, int nets, List<Integer> widths, int threads, double wallSeconds, double cpuSeconds,
                              double networksPerSecond, double neuronEvaluationsPerSecond, Double numpyWallSeconds,
                              Double numpyCpuSeconds, Double speedup, String note) {
    }

    @Option(names = "--bags", paramLabel = "B", description = "Bags (default: 20, the preset).")
    int bags = 20;

    @Option(names = "--nets", paramLabel = "K", description = "Networks per bag (default: 30000, the preset).")
    int nets = 30_000;

    @Option(names = "--numpy", description = "Also run the NumPy reference (python3 with numpy) with the same bags and nets.")
    boolean numpy;

    @Option(names = "--exact", description = "Include the exact finite-width values in the timed analysis (default: yes).", negatable = true)
    boolean exact = true;

    @Override
    protected BenchSpec spec() {
        InvalidInputException.requireInRange("bags", bags, 2, 1000);
        InvalidInputException.requireInRange("nets", nets, 2, 10_000_000);
        return new BenchSpec(bags, nets, numpy, exact);
    }

    @Override
    protected Result compute(BenchSpec spec, RunContext context) {
        EnsembleSpec p = Erbin2022.ensemble(Scale.FULL);
        EnsembleSpec es = new EnsembleSpec(p.network(), p.widths(), p.points(), p.maxN(), spec.nets(), spec.bags(), spec.exact());
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        EnsembleResult r = Ensemble.run(es, context);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (processCpuNanos() - cpu0) / 1e9;
        long networks = (long) spec.bags() * spec.nets() * es.widths().size();
        long neurons = 0;
        for (int w : es.widths()) {
            neurons += (long) w * spec.bags() * spec.nets();
        }
        Double npWall = null;
        Double npCpu = null;
        String note = "machine shared with other jobs: compare wall and CPU times of runs taken back to back";
        if (spec.numpy()) {
            double[] np = runNumpy(spec);
            npWall = np[0];
            npCpu = np[1];
        }
        BenchResult data = new BenchResult(spec.bags(), spec.nets(), es.widths(), context.threads(), wall, cpu, networks / wall,
                neurons / wall, npWall, npCpu, npWall == null ? null : npWall / wall, note);
        Result.Builder b = Result.builder("Benchmark: qft ensemble --preset erbin2022").data(data)
                .summary(String.format(Locale.ROOT, "deeprg: %.2f s wall, %.2f s CPU, %d threads (%.3g networks/s, %.3g neuron evaluations/s)",
                        wall, cpu, context.threads(), networks / wall, neurons / wall))
                .summary(String.format(Locale.ROOT, "check: G2 at N=%d, points (0,0) = %s", r.widths().get(0).width(),
                        org.deeprg.stats.Format.withError(r.widths().get(0).functions().get(0).mean(), r.widths().get(0).functions().get(0).stderr())));
        if (npWall != null) {
            b.summary(String.format(Locale.ROOT, "numpy:  %.2f s wall, %.2f s CPU; speed-up (wall) %.1fx", npWall, npCpu, npWall / wall));
        }
        b.table(Table.builder("timings", "implementation", "wall s", "cpu s").row("deeprg", wall, cpu)
                .row("numpy", npWall == null ? "" : npWall, npCpu == null ? "" : npCpu).build());
        return b.build();
    }

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0;
    }

    private static double[] runNumpy(BenchSpec spec) {
        String home = System.getProperty("deeprg.home", ".");
        Path script = Path.of(home, "bench", "python", "qft_erbin2022_numpy.py");
        if (!Files.isRegularFile(script)) {
            throw new InvalidInputException("--numpy", script, "the NumPy reference script is missing");
        }
        List<String> cmd = new ArrayList<>(List.of("python3", script.toString(), "--bags", Integer.toString(spec.bags()),
                "--nets", Integer.toString(spec.nets())));
        try {
            Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(proc.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int rc = proc.waitFor();
            Matcher m = Pattern.compile("wall ([0-9.]+) s cpu ([0-9.]+) s").matcher(out);
            if (rc != 0 || !m.find()) {
                throw new InvalidInputException("--numpy", "python3", "the NumPy reference failed: " + out.lines().reduce((a, c) -> c).orElse(""));
            }
            return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))};
        } catch (IOException e) {
            throw new InvalidInputException("--numpy", "python3", "cannot run python3: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
