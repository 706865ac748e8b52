package org.deeprg.train;

import java.util.List;
import org.deeprg.stats.Estimate;

/**
 * The outcome of the Sec. 3 experiment ({@link CriticalExperiment}); its JSON is {@code result.json} of
 * {@code critical experiment} and of the study {@code criticality2017-experiment}. Every number in it is a function of
 * the spec, the data, the seed and the BLAS implementation (no timings), so two runs give identical JSON.
 *
 * @param spec      what was run
 * @param blas      the BLAS implementation ({@link org.deeprg.numerics.Blas#describe()}): native and pure-Java BLAS round
 *                  differently
 * @param trainSet  name of the training set
 * @param trainSize training examples used
 * @param testSet   name of the test (inference) set
 * @param testSize  test examples used
 * @param widths    layer widths, input to output
 * @param runs      every trained network, seed by seed: seed 0 plain, seed 0 with each lambda, seed 1 plain, ...
 * @param seeds     per seed and regulariser strength, how much the critical network differs from the plain one
 * @param summaries per regulariser strength, the same over seeds with error bars, and the tests' outcomes per reading
 */
public record ExperimentResult(ExperimentSpec spec, String blas, String trainSet, int trainSize, String testSet, int testSize,
                               int[] widths, List<NetworkRun> runs, List<SeedComparison> seeds, List<Summary> summaries) {
    public ExperimentResult {
        runs = List.copyOf(runs);
        seeds = List.copyOf(seeds);
        summaries = List.copyOf(summaries);
    }

    /**
     * Plain against critical network of one seed (same initial weights, same batches).
     *
     * @param seed                   0-based seed
     * @param lambda                 regulariser strength of the critical network
     * @param testAccuracyPlain      after the last epoch
     * @param testAccuracyCritical   after the last epoch
     * @param penaltyPlain           Eq. 33 penalty summed over hidden layers, plain network
     * @param penaltyCritical        the same, critical network
     * @param penaltyFloor           its lower bound for beta > 0: the sum of the hidden widths (P >= N per layer,
     *                               reached at w = 0; docs/critical-experiment.md)
     * @param weightNormPlain        Frobenius norm of the hidden layers' incoming weights, plain
     * @param weightNormCritical     the same, critical
     * @param relativeWeightDistance ||W_critical - W_plain|| / ||W_plain|| over those weights
     */
    public record SeedComparison(int seed, double lambda, double testAccuracyPlain, double testAccuracyCritical, double penaltyPlain,
                                 double penaltyCritical, double penaltyFloor, double weightNormPlain, double weightNormCritical,
                                 double relativeWeightDistance) {
    }

    /**
     * Over seeds, for one regulariser strength (mean and standard error over independent seeds; with one seed the error
     * bar is flagged unreliable).
     *
     * @param lambda                    regulariser strength of the critical networks
     * @param testAccuracyPlain         test accuracy, plain
     * @param testAccuracyCritical      test accuracy, critical
     * @param testAccuracyDifference    critical minus plain, per seed
     * @param penaltyPlain              final penalty, plain
     * @param penaltyCritical           final penalty, critical
     * @param penaltyExcessRatio        (P_critical - floor)/(P_plain - floor): how much of the penalty above its floor
     *                                  the regulariser removed (1: nothing)
     * @param relativeWeightDistance    ||W_critical - W_plain|| / ||W_plain||
     * @param weightNormRatio           ||W_critical|| / ||W_plain||
     * @param readings                  per reading, the layers that pass its test in each network
     */
    public record Summary(double lambda, Estimate testAccuracyPlain, Estimate testAccuracyCritical, Estimate testAccuracyDifference,
                          Estimate penaltyPlain, Estimate penaltyCritical, Estimate penaltyExcessRatio,
                          Estimate relativeWeightDistance, Estimate weightNormRatio, List<ReadingSummary> readings) {
    }

    /**
     * One reading over seeds.
     *
     * @param quantity              the reading ({@link Diagnostic#key()})
     * @param figures               the paper's figures
     * @param test                  {@code powerLaw} (layers with power-law behaviour) or {@code bimodality} (layers whose
     *                              dip test rejects unimodality)
     * @param layers                hidden layers per network
     * @param plainLayers           layers passing the test, plain network, over seeds
     * @param criticalLayers        the same, critical network
     * @param plainJudgeable        layers with a distribution to judge (a fit exists, or a dip test ran), plain, summed over seeds
     * @param criticalJudgeable     the same, critical
     * @param plainPassing          layers passing, summed over seeds
     * @param criticalPassing       the same, critical
     */
    public record ReadingSummary(String quantity, String figures, String test, int layers, Estimate plainLayers,
                                 Estimate criticalLayers, int plainJudgeable, int criticalJudgeable, int plainPassing,
                                 int criticalPassing) {
    }

    /** The run of a seed and setting (0: plain, k: the k-th regulariser strength). */
    public NetworkRun run(int seed, int setting) {
        return runs.get(seed * spec.settings() + setting);
    }
}
