package org.deeprg.studies.qft;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.deeprg.net.Activation;
import org.deeprg.qft.Ensemble;
import org.deeprg.qft.EnsembleResult;
import org.deeprg.qft.EnsembleSpec;
import org.deeprg.qft.Estimator;
import org.deeprg.qft.NetworkSpec;
import org.deeprg.result.Figure;
import org.deeprg.result.Paper;
import org.deeprg.result.Result;
import org.deeprg.result.Series;
import org.deeprg.result.Table;
import org.deeprg.stats.Estimate;
import org.deeprg.study.Scale;
import org.deeprg.study.Study;
import org.deeprg.study.StudyContext;

/**
 * The paper's "future direction" of more hidden layers (Sec. 5): sampled deep ensembles (conditional estimator)
 * against the leading-1/N four-point vertex recursion of Roberts, Yaida and Hanin ({@link org.deeprg.qft.DeepVertex}),
 * the normalised connected 4-point function against depth over width. A generalisation, not a paper claim.
 */
public final class Erbin2022DeepStudy implements Study {
    /** Tolerance of the next order: the relative O(L/N) correction allowed is this times L/N. */
    public static final double NEXT_ORDER = 3.0;
    /** The input point. */
    static final double[][] POINT = {{1.0}};

    /**
     * One deep ensemble.
     *
     * @param activation     activation
     * @param depth          hidden layers L
     * @param width          N
     * @param depthOverWidth L/N
     * @param sigmaW         weight scale
     * @param sigmaB         bias scale
     * @param sampled        the sampled normalised connected 4-point function G_c^(4)/G_0^(4) (jackknife over bags)
     * @param perturbative   its leading-order value (null if not available)
     * @param criticalRelu   whether this is ReLU at sigma_W^2 = 2, sigma_b = 0 (where the value is 5 L/N)
     */
    public record Point(String activation, int depth, int width, double depthOverWidth, double sigmaW, double sigmaB, Estimate sampled,
                        Double perturbative, boolean criticalRelu) {
    }

    /**
     * The study's data.
     *
     * @param nets   networks per bag
     * @param bags   bags
     * @param points every (activation, depth, width)
     */
    public record Data(int nets, int bags, List<Point> points) {
    }

    @Override
    public String id() {
        return "erbin2022-deep";
    }

    @Override
    public Paper paper() {
        return Paper.NNQFT_2022;
    }

    @Override
    public String title() {
        return "NN-QFT beyond one hidden layer: the connected 4-point function against depth/width (Sec. 5's future direction)";
    }

    @Override
    public Result run(StudyContext context) {
        boolean full = context.scale() == Scale.FULL;
        List<Integer> widths = full ? List.of(25, 50, 100) : List.of(16, 32);
        List<Integer> depths = full ? List.of(1, 2, 4, 8) : List.of(1, 2, 4);
        int nets = full ? 4000 : 2000;
        int bags = full ? 20 : 10;
        List<Point> points = new ArrayList<>();
        int cell = 0;
        for (Activation a : List.of(Activation.RELU, Activation.TANH)) {
            double sw = a == Activation.RELU ? Math.sqrt(2) : 1.0;
            double sb = 0.0;
            for (int depth : depths) {
                NetworkSpec net = new NetworkSpec(1, 1, depth, a, sw, sb);
                EnsembleSpec spec = new EnsembleSpec(net, widths, POINT, 4, nets, bags, false, Estimator.CONDITIONAL);
                EnsembleResult r = Ensemble.run(spec, context.run().split(cell++));
                for (EnsembleResult.WidthResult w : r.widths()) {
                    points.add(new Point(a.name(), depth, w.width(), depth / (double) w.width(), sw, sb, w.vertex().sampled(),
                            w.vertex().perturbative(), a == Activation.RELU));
                }
            }
        }
        Result.Builder b = Result.builder(title()).data(new Data(nets, bags, points));
        Table.Builder t = Table.builder("deep-vertex", "activation", "depth L", "width N", "L/N", "G_c4/G_0^(4) sampled", "stderr",
                "stderr reliable", "1/N vertex", "(sampled - vertex)/vertex");
        for (Point p : points) {
            t.row(p.activation(), p.depth(), p.width(), p.depthOverWidth(), p.sampled().mean(), p.sampled().stderr(), p.sampled().stderrReliable(),
                    p.perturbative() == null ? "" : p.perturbative(),
                    p.perturbative() == null ? "" : (p.sampled().mean() - p.perturbative()) / p.perturbative());
        }
        b.table(t.build());
        List<Series> series = new ArrayList<>();
        for (String a : List.of("relu", "tanh")) {
            List<Point> ps = points.stream().filter(p -> p.activation().equals(a)).sorted(Comparator.comparingDouble(Point::depthOverWidth)).toList();
            series.add(Series.withErrors(a + " sampled (conditional estimator)", ps.stream().mapToDouble(Point::depthOverWidth).toArray(),
                    ps.stream().mapToDouble(p -> p.sampled().mean()).toArray(), ps.stream().mapToDouble(p -> p.sampled().stderr()).toArray()));
            List<Point> pert = ps.stream().filter(p -> p.perturbative() != null).toList();
            series.add(Series.markers(a + " leading 1/N vertex recursion", pert.stream().mapToDouble(Point::depthOverWidth).toArray(),
                    pert.stream().mapToDouble(Point::perturbative).toArray()));
        }
        b.figure(new Figure("deep-vertex-vs-depth-over-width", "Normalised connected 4-point function against depth/width", "L/N",
                "G_c^(4)/G_0^(4) at x = 1", false, false, series,
                "Deep MLPs (critical ReLU sigma_W^2 = 2, sigma_b = 0, where the leading value is 5 L/N; tanh sigma_W = 1, sigma_b = 0) at one input: "
                        + "sampled with the conditional estimator (errors over bags) against the Roberts-Yaida-Hanin four-point vertex at leading "
                        + "order in 1/N. The deviation grows like (L/N)^2: the next order."));
        Erbin2022Claims.deepClaims(b, points);
        for (Point p : points) {
            b.summary(String.format(Locale.ROOT, "%s L=%d N=%d (L/N=%.3f): sampled %s, 1/N vertex %s", p.activation(), p.depth(), p.width(),
                    p.depthOverWidth(), p.sampled().format(), p.perturbative() == null ? "-" : String.format(Locale.ROOT, "%.4g", p.perturbative())));
        }
        return b.build();
    }
}
