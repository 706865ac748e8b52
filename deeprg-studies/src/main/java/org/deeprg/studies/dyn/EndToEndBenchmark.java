package org.deeprg.studies.dyn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deeprg.InvalidInputException;
import org.deeprg.net.Activation;
import org.deeprg.dyn.Alphabet;
import org.deeprg.dyn.DynNetwork;
import org.deeprg.dyn.Example;
import org.deeprg.dyn.exact.DiscreteDynModel;
import org.deeprg.dyn.exact.ExactDyn;
import org.deeprg.result.Result;
import org.deeprg.result.Table;
import org.deeprg.dyn.rg.DecimationMap;
import org.deeprg.run.RunContext;
import org.deeprg.stats.Format;

/**
 * End-to-end wall times of the two performance targets of issue 3: building and decimating the bond for N L = 8
 * (256 kept states per side) and exact ln Z at depth 10^6 (S = 256 joint layer states). Median of {@code repeats}
 * runs after one warm-up; wall-clock, single thread. Not physics (wall-clock timings are not reproducible numbers), so
 * it lives beside the studies: {@link #run(Spec, RunContext)} measures, {@link #report(Data)} presents.
 */
public final class EndToEndBenchmark {
    private EndToEndBenchmark() {
    }

    /**
     * JSON contract of {@code bench dyn-exact --json}.
     *
     * @param decimationSeconds median seconds to build P and decimate once, per shape "N x L" (N L = 8)
     * @param shapes            the shapes
     * @param logZSeconds       median seconds for ln Z of H_new, N = 4, L = 2, depth {@code depth}
     * @param depth             the depth
     * @param repeats           runs per measurement
     */
    public record Data(double[] decimationSeconds, List<String> shapes, double logZSeconds, long depth, int repeats) {
    }

    /**
     * The benchmark's settings.
     *
     * @param repeats timed runs per task (median reported), 1..1000
     * @param depth   depth of the ln Z task, &gt;= 1
     */
    public record Spec(int repeats, int depth) implements java.io.Serializable {
        public Spec {
            InvalidInputException.requireInRange("repeats", repeats, 1, 1000);
            InvalidInputException.requireInRange("depth", depth, 1, Integer.MAX_VALUE);
        }
    }

    /** Runs the benchmark (single thread, whatever the context's thread count). */
    public static Data run(Spec spec, RunContext context) {
        int repeats = spec.repeats();
        int depth = spec.depth();
        List<String> shapes = List.of("8x1", "4x2", "2x4");
        double[] dec = new double[shapes.size()];
        for (int s = 0; s < shapes.size(); s++) {
            String[] p = shapes.get(s).split("x");
            int n = Integer.parseInt(p[0]);
            int l = Integer.parseInt(p[1]);
            dec[s] = median(repeats, () -> {
                DecimationMap m = new DecimationMap(n, l, Alphabet.BINARY_WEIGHTS, 2);
                double[] k = m.bareCouplings(1.0);
                double[] x = new double[k.length];
                for (int i = 0; i < k.length; i++) {
                    x[i] = Math.exp(k[i]);
                }
                m.apply(x);
            });
        }
        List<Example> ex = new ArrayList<>();
        ex.add(new Example(new double[] {1, 0, 0, 0}, new double[] {0, 1, 0, 0}));
        ex.add(new Example(new double[] {0, 1, 0, 0}, new double[] {0, 0, 1, 0}));
        DiscreteDynModel model = new DiscreteDynModel(new DynNetwork(4, depth, Activation.HEAVISIDE), Alphabet.BINARY_WEIGHTS,
                Alphabet.BINARY_NEURONS, ex);
        double lz = median(repeats, () -> ExactDyn.logPartitionFunction(model, 1.0, 2.0));
        return new Data(dec, shapes, lz, depth, repeats);
    }

    /** The report of a benchmark run. */
    public static Result report(Data d) {
        Table.Builder tb = Table.builder("timings", "task", "median seconds", "target seconds");
        for (int s = 0; s < d.shapes().size(); s++) {
            tb.row("build P and decimate, N x L = " + d.shapes().get(s), d.decimationSeconds()[s], 1.0);
        }
        tb.row("ln Z of H_new, N = 4, L = 2 (S = 256), depth " + d.depth(), d.logZSeconds(), 1.0);
        return Result.builder("End-to-end benchmark: exact transfer matrices and decimation (issue 3 targets)")
                .data(d)
                .table(tb.build())
                .summary("build + decimate N L = 8: " + Format.plain(Arrays.stream(d.decimationSeconds()).max().orElse(0)) + " s (worst shape; target < 1 s)")
                .summary("ln Z at depth " + d.depth() + ", S = 256: " + Format.plain(d.logZSeconds()) + " s (target < 1 s)")
                .build();
    }

    private static double median(int repeats, Runnable task) {
        task.run();
        double[] t = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            task.run();
            t[r] = (System.nanoTime() - t0) * 1e-9;
        }
        Arrays.sort(t);
        return t[repeats / 2];
    }
}
