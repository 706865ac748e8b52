package org.deeprg.studies.dyn;

import org.deeprg.dyn.exact.ExactSpec;

import java.util.ArrayList;
import java.util.List;
import org.deeprg.InvalidInputException;
import org.deeprg.dyn.exact.DiscreteDynModel;
import org.deeprg.dyn.exact.ExactDyn;
import org.deeprg.result.Figure;
import org.deeprg.result.Result;
import org.deeprg.result.Series;
import org.deeprg.result.Table;
import org.deeprg.stats.Format;

/** The computation of {@code dyn exact}: ln Z, ln Z_original, exact expectations and the betaV -> infinity table. */
public final class ExactRun {
    /** Largest M S for which expectation values (messages) are computed by the command. */
    public static final long EXPECTATION_LIMIT = 2_000_000L;

    /** Largest depth for which neuron means are listed in the JSON. */
    public static final int MAX_LISTED_LAYERS = 100;

    /** The betaV -> infinity table is skipped above this estimated work per ln Z. */
    public static final double CONVERGENCE_WORK = 2e9;

    private ExactRun() {
    }

    /**
     * JSON contract of {@code dyn exact --json}.
     *
     * @param logZ                 ln Z of H_new at (beta, betaV)
     * @param logZOriginal         ln Z_original at beta (null when the forward pass reaches too many states)
     * @param meanCost             &lt;cost&gt; (null when depth x states is too large for messages)
     * @param meanConstraint       &lt;constraint&gt; (null likewise)
     * @param neuronMeans          &lt;h^(m)_{l,i}&gt; as [M+1][L][N] (null likewise, or when M &gt; 100)
     * @param states               joint layer states q_h^{N L}
     * @param convergence          ln Z_new(betaV') - ln Z_original for betaV' in {@code convergenceBetaV} (null when
     *                             one ln Z costs more than 2e9 multiply-adds)
     * @param convergenceBetaV     the betaV' grid of the convergence table
     */
    public record Data(double logZ, Double logZOriginal, Double meanCost, Double meanConstraint, double[][][] neuronMeans,
                       int states, double[] convergence, double[] convergenceBetaV) {
    }

    /** Runs the spec. */
    public static Result run(ExactSpec spec) {
        DiscreteDynModel model = spec.model();
        ExactDyn exact = ExactDyn.solve(model, spec.beta(), spec.betaV());
        double logZ = exact.logPartitionFunction();
        Double orig = null;
        String origNote = null;
        try {
            orig = ExactDyn.logPartitionFunctionOriginal(model, spec.beta());
        } catch (InvalidInputException e) {
            origNote = e.allowed();
        }
        Double cost = null;
        Double constraint = null;
        double[][][] means = null;
        if ((long) spec.depth() * exact.states().count() <= EXPECTATION_LIMIT) {
            cost = exact.meanCost();
            constraint = exact.meanConstraint();
            if (spec.depth() <= MAX_LISTED_LAYERS) {
                means = exact.neuronMeans();
            }
        }
        double[] grid = {0, 0.5, 1, 2, 4, 8, 16, 32, 64};
        double[] gap = new double[grid.length];
        Table.Builder tb = Table.builder("betav-limit", "betaV", "lnZ_new", "lnZ_original", "lnZ_new - lnZ_original");
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        boolean cheap = org.deeprg.dyn.exact.LogSpace.estimatedWork(exact.states().count(), spec.depth() - 1L) < CONVERGENCE_WORK;
        for (int k = 0; k < grid.length && cheap; k++) {
            double lz = ExactDyn.logPartitionFunction(model, spec.beta(), grid[k]);
            gap[k] = orig == null ? Double.NaN : lz - orig;
            tb.row(grid[k], lz, orig == null ? "n/a" : orig, orig == null ? "n/a" : gap[k]);
            if (orig != null && gap[k] > 0) {
                xs.add(grid[k]);
                ys.add(gap[k]);
            }
        }
        Result.Builder b = Result.builder("Exact partition function of H_new (dynamic neurons, transfer matrices)")
                .data(new Data(logZ, orig, cost, constraint, means, exact.states().count(), cheap ? gap : null, cheap ? grid : null))
                .summary("ln Z_new(beta=" + Format.plain(spec.beta()) + ", betaV=" + Format.plain(spec.betaV()) + ") = " + Format.plain(logZ))
                .summary("ln Z_original(beta=" + Format.plain(spec.beta()) + ") = " + (orig == null ? "n/a (" + origNote + ")" : Format.plain(orig)));
        if (cheap) {
            b.table(tb.build());
        }
        if (cost != null) {
            b.summary("<cost> = " + Format.plain(cost) + ", <constraint> = " + Format.plain(constraint));
        }
        if (!xs.isEmpty()) {
            b.figure(Figure.of("betav-limit", "Z_new -> Z_original as betaV grows", "betaV", "ln Z_new - ln Z_original",
                    "Exact transfer-matrix ln Z_new(beta, betaV) minus ln Z_original(beta) (log y axis); the gap vanishes as betaV -> infinity "
                            + "because only configurations with h = forward pass survive.",
                    Series.line("gap", xs.stream().mapToDouble(Double::doubleValue).toArray(), ys.stream().mapToDouble(Double::doubleValue).toArray()))
                    .withLogAxes(false, true));
        }
        return b.build();
    }
}
