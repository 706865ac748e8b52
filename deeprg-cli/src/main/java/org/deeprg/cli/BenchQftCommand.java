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
import org.deeprg.qft.Estimator;
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
        description = {"End-to-end benchmark of 'qft ensemble --preset erbin2022' (optionally against the NumPy reference).",
                "With --estimators: the plain and the conditional estimator of m_4 side by side at Sec. 3's settings, per width: variance "
                        + "per network, CPU seconds per network, and the CPU seconds to reach a 1%% relative error of m_4."},
        footer = {"%nExamples:", "  ./deeprg bench qft", "  ./deeprg bench qft --numpy", "  ./deeprg bench qft --bags 2 --numpy",
                "  ./deeprg bench qft --estimators --widths 10,100,1000 --threads 1"})
public final class BenchQftCommand extends ComputeCommand<BenchQftCommand.BenchSpec> {
    /** Benchmark settings. */
    public record BenchSpec(int bags, int nets, boolean numpy, boolean exact, boolean estimators, List<Integer> widths, double sigmaB) {
    }

    /**
     * One width of the estimator comparison.
     *
     * @param width              N
     * @param estimator          plain or conditional
     * @param m4                 the multiset-averaged m_4 with its error over bags
     * @param exactM4            its exact value
     * @param variancePerNetwork the variance of one network's contribution ({@code stderr^2 bags nets})
     * @param cpuSecondsPerNetwork CPU seconds per network
     * @param cpuSecondsToOnePercent CPU seconds to reach a 1% relative error of m_4: {@code variance cpu/net / (0.01 m_4)^2}
     */
    public record EstimatorRow(int width, String estimator, org.deeprg.stats.Estimate m4, double exactM4, double variancePerNetwork,
                               double cpuSecondsPerNetwork, double cpuSecondsToOnePercent) {
    }

    /** JSON of the estimator comparison. */
    public record EstimatorBench(int bags, int nets, int threads, List<EstimatorRow> rows, List<Double> gainPerCpuSecond, String note) {
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

    @Option(names = "--estimators", description = "Compare the plain and the conditional estimator of m_4 instead (see the description).")
    boolean estimators;

    @Option(names = "--widths", split = ",", paramLabel = "N", description = "Widths of the estimator comparison (default: 10,100,1000).")
    List<Integer> widths;

    @Option(names = "--sigma-b", paramLabel = "S", description = "Bias scale of the estimator comparison (default: 1, Sec. 3; 0.3 gives light tails).")
    double sigmaB = 1.0;

    @Override
    protected BenchSpec spec() {
        InvalidInputException.requireInRange("bags", bags, 2, 1000);
        InvalidInputException.requireInRange("nets", nets, 2, 10_000_000);
        List<Integer> w = widths != null ? widths : List.of(10, 100, 1000);
        for (int x : w) {
            InvalidInputException.requireInRange("widths", x, 1, 100_000);
        }
        if (numpy && estimators) {
            throw new InvalidInputException("numpy", "with --estimators", "--numpy benchmarks the erbin2022 preset; use one of the two");
        }
        InvalidInputException.requireNonNegative("sigmaB", sigmaB);
        return new BenchSpec(bags, nets, numpy, exact, estimators, w, sigmaB);
    }

    @Override
    protected Result compute(BenchSpec spec, RunContext context) {
        if (spec.estimators()) {
            return compareEstimators(spec, context);
        }
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

    /** Plain against conditional at Sec. 3's settings (Gauss-net, sigma_b = sigma_W = 1, the six points, n <= 4). */
    private static Result compareEstimators(BenchSpec spec, RunContext context) {
        List<EstimatorRow> rows = new ArrayList<>();
        List<Double> gains = new ArrayList<>();
        Table.Builder t = Table.builder("estimators", "width N", "estimator", "m_4", "stderr", "stderr reliable", "exact m_4", "variance per network",
                "CPU s per network", "CPU s to 1% of m_4");
        org.deeprg.qft.NetworkSpec net = Erbin2022.sec3Network(1);
        net = org.deeprg.qft.NetworkSpec.oneLayer(1, 1, net.activation(), net.sigmaW(), spec.sigmaB());
        // warm-up (JIT) of both estimators, untimed
        for (Estimator e : Estimator.values()) {
            Ensemble.run(new EnsembleSpec(net, List.of(spec.widths().get(0)), Erbin2022.POINTS, 4, Math.max(64, spec.nets() / 10), 2, false, e),
                    context.split("warm-up"));
        }
        for (int w : spec.widths()) {
            EstimatorRow[] pair = new EstimatorRow[2];
            for (Estimator e : Estimator.values()) {
                EnsembleSpec es = new EnsembleSpec(net, List.of(w), Erbin2022.POINTS, 4, spec.nets(), spec.bags(), true, e);
                long cpu0 = processCpuNanos();
                EnsembleResult r = Ensemble.run(es, context.split(w).split(e.key()));
                double cpu = (processCpuNanos() - cpu0) / 1e9;
                EnsembleResult.Deviation d = r.widths().get(0).deviations().get(1);
                double n = (double) spec.nets() * spec.bags();
                double var = d.m().stderr() * d.m().stderr() * n;
                double perNet = cpu / n;
                double toOnePercent = var * perNet / Math.pow(0.01 * d.exact(), 2);
                EstimatorRow row = new EstimatorRow(w, e.key(), d.m(), d.exact(), var, perNet, toOnePercent);
                rows.add(row);
                pair[e.ordinal()] = row;
                t.row(w, e.key(), d.m().mean(), d.m().stderr(), d.m().stderrReliable(), d.exact(), var, perNet, toOnePercent);
            }
            gains.add(pair[0].cpuSecondsToOnePercent() / pair[1].cpuSecondsToOnePercent());
        }
        String note = "CPU time of the whole process (use --threads 1 for a clean per-estimator figure); machine possibly shared: provisional";
        EstimatorBench data = new EstimatorBench(spec.bags(), spec.nets(), context.threads(), rows, gains, note);
        Result.Builder b = Result.builder("Benchmark: plain against conditional estimator of m_4 (Gauss-net, sigma_W = 1, sigma_b = "
                + spec.sigmaB() + ", the six points of Sec. 3)").data(data).table(t.build());
        for (int i = 0; i < spec.widths().size(); i++) {
            EstimatorRow p = rows.get(2 * i);
            EstimatorRow c = rows.get(2 * i + 1);
            b.summary(String.format(Locale.ROOT, "N=%d: m_4 plain %s, conditional %s (exact %.4g); variance/net %.3g vs %.3g, CPU/net %.3g vs %.3g s; "
                            + "CPU to 1%%: %.3g vs %.3g s: conditional %.3gx cheaper", p.width(), p.m4().format(), c.m4().format(), p.exactM4(),
                    p.variancePerNetwork(), c.variancePerNetwork(), p.cpuSecondsPerNetwork(), c.cpuSecondsPerNetwork(), p.cpuSecondsToOnePercent(),
                    c.cpuSecondsToOnePercent(), gains.get(i)));
        }
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
