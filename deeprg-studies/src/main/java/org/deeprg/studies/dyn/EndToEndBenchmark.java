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
import org.deeprg.stats.Format;

/**
 * End-to-end wall times of the two performance targets of issue 3: building and decimating the bond for N L = 8
 * (256 kept states per side) and exact ln Z at depth 10^6 (S = 256 joint layer states). Median of {@code repeats}
 * runs after one warm-up; wall-clock, single thread.
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

    /** Runs the benchmark. */
    public static Result run(int repeats, int depth) {
        InvalidInputException.requireInRange("repeats", repeats, 1, 1000);
        InvalidInputException.requireInRange("depth", depth, 1, Integer.MAX_VALUE);
        List<String> shapes = List.of("8x1", "4x2", "2x4");
        double[] dec = new double[shapes.size()];
        Table.Builder tb = Table.builder("timings", "task", "median seconds", "target seconds");
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
            tb.row("build P and decimate, N x L = " + shapes.get(s), dec[s], 1.0);
        }
        List<Example> ex = new ArrayList<>();
        ex.add(new Example(new double[] {1, 0, 0, 0}, new double[] {0, 1, 0, 0}));
        ex.add(new Example(new double[] {0, 1, 0, 0}, new double[] {0, 0, 1, 0}));
        DiscreteDynModel model = new DiscreteDynModel(new DynNetwork(4, depth, Activation.HEAVISIDE), Alphabet.BINARY_WEIGHTS,
                Alphabet.BINARY_NEURONS, ex);
        double lz = median(repeats, () -> ExactDyn.logPartitionFunction(model, 1.0, 2.0));
        tb.row("ln Z of H_new, N = 4, L = 2 (S = 256), depth " + depth, lz, 1.0);
        return Result.builder("End-to-end benchmark: exact transfer matrices and decimation (issue 3 targets)")
                .data(new Data(dec, shapes, lz, depth, repeats))
                .table(tb.build())
                .summary("build + decimate N L = 8: " + Format.plain(Arrays.stream(dec).max().orElse(0)) + " s (worst shape; target < 1 s)")
                .summary("ln Z at depth " + depth + ", S = 256: " + Format.plain(lz) + " s (target < 1 s)")
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
