package org.deeprg.cli;

import org.deeprg.result.Claim;
import org.deeprg.result.Figure;
import org.deeprg.result.Result;
import org.deeprg.result.Series;
import org.deeprg.stats.Estimate;
import org.deeprg.result.Paper;
import org.deeprg.study.Study;
import org.deeprg.study.StudyContext;

/**
 * A test fixture for the report machinery (registered only on the test class path): the sample mean of
 * Gaussian draws checked against 0, with a log-log figure and one claim of each verdict.
 */
public final class ReportFixtureStudy implements Study {
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
    public Result run(StudyContext context) {
        var g = context.streams().gaussian();
        double[] xs = new double[1000];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = g.sample();
        }
        Estimate mean = Estimate.ofIndependent(xs);
        double[] n = {1, 10, 100, 1000};
        double[] y = {1, 0.1, 0.01, 0.001};
        return Result.builder(title()).data(java.util.Map.of("mean", mean))
                .claim(Claim.sampled("mean of N(0,1) draws is 0", 0.0, mean, 5))
                .claim(Claim.exact("2 + 2", 5, 4, 1e-12))
                .claim(Claim.notComparable("a convention-dependent number", "1", "2", "different normalisation"))
                .figure(Figure.of("decay", "A power law", "N", "1/N", "y = 1/N on log-log axes",
                        Series.line("1/N", n, y), Series.withErrors("data", n, y, new double[] {0.1, 0.01, 0.001, 0.0001}))
                        .withLogAxes(true, true))
                .summary("mean = " + mean.format()).build();
    }
}
