package org.deeprg.cli;

import java.util.ArrayList;
import java.util.List;
import org.deeprg.result.Claim;
import org.deeprg.result.ClaimKind;
import org.deeprg.result.Figure;
import org.deeprg.result.Paper;
import org.deeprg.result.Result;
import org.deeprg.result.Series;
import org.deeprg.result.Value;
import org.deeprg.result.Verdict;
import org.deeprg.stats.Estimate;
import org.deeprg.study.Study;
import org.deeprg.study.StudyContext;

/**
 * A test fixture for the report machinery (registered only on the test class path): the sample mean of Gaussian
 * draws checked against 0, paper claims of each of the five verdicts (two sharing a long reason), a self-check, a
 * generalisation; figures of every style the renderer knows (log-log with a fit
 * and unreliable points, histogram bars, flows, a degenerate histogram).
 */
public final class ReportFixtureStudy implements Study {
    /** The reason shared by two claims (the report writes it once, as a note). */
    static final String SHARED_REASON = "the fixture's sampled value is below the noise of this tiny run, so no verdict at five "
            + "standard errors can be reached";

    @Override
    public String id() {
        return "report-fixture";
    }

    @Override
    public Paper paper() {
        return Paper.NNQFT_2022;
    }

    @Override
    public String title() {
        return "Report fixture (tests only)";
    }

    @Override
    @SuppressWarnings("deprecation")
    public Result run(StudyContext context) {
        var g = context.streams().gaussian();
        double[] xs = new double[1000];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = g.sample();
        }
        Estimate mean = Estimate.ofIndependent(xs);
        Paper p = paper();
        double[] n = {1, 10, 100, 1000};
        double[] y = {1, 0.1, 0.01, 0.001};
        List<Estimate> sampled = List.of(Estimate.of(1.05, 0.1, 50), Estimate.of(0.098, 0.01, 50), Estimate.of(0.0101, 0.001, 50),
                Estimate.of(0.0012, 0.0004, 50).unreliable("heavy tails"));
        double[] centres = new double[16];
        double[] counts = new double[16];
        for (double x : xs) {
            int b = (int) Math.floor((x + 4) / 0.5);
            if (b >= 0 && b < 16) {
                counts[b]++;
            }
        }
        for (int i = 0; i < 16; i++) {
            centres[i] = -4 + 0.25 + 0.5 * i;
        }
        List<Series> flows = new ArrayList<>();
        for (double[] start : new double[][] {{2, 0.5}, {0.2, 2}}) {
            double[] fx = new double[6];
            double[] fy = new double[6];
            fx[0] = start[0];
            fy[0] = start[1];
            for (int i = 1; i < 6; i++) {
                fx[i] = fx[i - 1] + 0.5 * (1 - fx[i - 1]);
                fy[i] = fy[i - 1] + 0.5 * (1 - fy[i - 1]);
            }
            flows.add(Series.flow("start (" + start[0] + ", " + start[1] + ")", fx, fy));
        }
        return Result.builder(title()).data(java.util.Map.of("mean", mean))
                .claim(Claim.of(p, "fixture-mean").ref("Eq. 1").statement("the mean of N(0,1) draws is 0").sampled(0.0, mean, 5,
                        "more draws").build())
                .claim(Claim.of(p, "fixture-sum").ref("Eq. 2").statement("2 + 2 = 5").exact(5, 4, 1e-12).build())
                .claim(Claim.of(p, "fixture-convention").ref("Eq. 3").statement("u_4 decreases as sigma_W^-2")
                        .paperValue(-2.0).measured(-2.0).convention("field normalised by the propagator residue Z0")
                        .verdict(Verdict.AGREES_UNDER_CONVENTION, "the slope is -2 once the field is normalised by Z0").build())
                .claim(Claim.of(p, "fixture-noise-a").ref("Fig. 1").statement("a sampled slope").paperValue(-1.0)
                        .measured(Value.of(Estimate.of(-0.5, 0.9, 20))).inconclusive(SHARED_REASON,
                                "1000 times more networks: ./deeprg qft ensemble --networks 1000000").build())
                .claim(Claim.of(p, "fixture-noise-b").ref("Fig. 1").statement("another sampled slope").paperValue(-1.0)
                        .measured(Value.of(Estimate.of(-0.7, 0.8, 20))).inconclusive(SHARED_REASON,
                                "1000 times more networks: ./deeprg qft ensemble --networks 1000000").build())
                .claim(Claim.of(p, "fixture-qualitative").ref("Sec. 3").statement("the theory is interesting")
                        .paperValue("stated").measured("nothing to compare")
                        .verdict(Verdict.NOT_COMPARABLE, "the paper gives no formula, sign or number").build())
                .claim(Claim.of(p, "fixture-selfcheck").kind(ClaimKind.SELF_CHECK).statement("sampled second moment = exact 1")
                        .exact(1, 1, 1e-12).build())
                .claim(Claim.of(p, "fixture-generalisation").kind(ClaimKind.GENERALISATION).statement("the mean of N(0,4) draws is 0")
                        .exact(0, 0, 1e-12).build())
                .figure(Figure.of("decay", "A power law in sigma_W", "N", "1/N", "y = 1/N on log-log axes",
                        Series.estimates("data", n, sampled), Series.line("data fit", n, y).fitOf("data"))
                        .withLogAxes(true, true))
                .figure(Figure.of("draws", "Histogram of the draws", "x", "count", "1000 standard normal draws",
                        Series.histogram("draws", centres, counts).asCounts()))
                .figure(new Figure("flow", "Flow to (1, 1)", "e^B", "e^A", false, false, flows, "two flows of a contraction"))
                .figure(Figure.of("spike", "All in one bin", "x", "count", "a degenerate histogram",
                        Series.histogram("one bin", new double[] {0, 1, 2}, new double[] {0, 1000, 0}).asCounts()))
                .summary("mean = " + mean.format()).build();
    }
}
