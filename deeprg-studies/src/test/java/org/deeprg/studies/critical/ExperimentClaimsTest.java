package org.deeprg.studies.critical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.deeprg.net.Activation;
import org.deeprg.result.Claim;
import org.deeprg.result.ClaimKind;
import org.deeprg.result.Verdict;
import org.deeprg.train.BimodalityTest;
import org.deeprg.train.CriticalExperiment;
import org.deeprg.train.DataSource;
import org.deeprg.train.Diagnostic;
import org.deeprg.train.DiagnosticFit;
import org.deeprg.train.EpochStats;
import org.deeprg.train.ExperimentResult;
import org.deeprg.train.ExperimentSpec;
import org.deeprg.train.NetworkRun;
import org.deeprg.train.TrainingSpec;
import org.junit.jupiter.api.Test;

/**
 * The verdict rules of {@link ExperimentClaims} on hand-made experiment outcomes: each rule (agrees, disagrees,
 * inconclusive for synthetic data, for an ineffective regulariser and for mixed evidence) is reached exactly when its
 * conditions hold.
 */
class ExperimentClaimsTest {
    static final int LAYERS = 4;
    static final int SEEDS = 3;

    /** A network whose pattern counts pass the power-law test in {@code powerLayers} layers, bimodal in {@code bimodalLayers}. */
    static NetworkRun run(String name, int seed, double lambda, double penalty, int powerLayers, int bimodalLayers, double rankDecades) {
        List<DiagnosticFit> fits = new ArrayList<>();
        List<BimodalityTest> dips = new ArrayList<>();
        List<NetworkRun.LayerSummary> layers = new ArrayList<>();
        for (int l = 1; l <= LAYERS; l++) {
            layers.add(new NetworkRun.LayerSummary(l, 100, 5000, 10_000, 0));
            for (Diagnostic d : Diagnostic.powerLawReadings()) {
                boolean pass = l <= powerLayers && (d == Diagnostic.PATTERN_COUNTS || d == Diagnostic.EXAMPLE_MEANS);
                fits.add(new DiagnosticFit(name, seed, l, d.key(), 10_000, true, null, 2.0, 0.01, 1.0, 100.0,
                        (int) Math.round(Math.pow(10, rankDecades)), 0.01, pass ? 0.5 : 0.0, 0.05, 40, d.discrete(), List.of(),
                        2.0, rankDecades, pass, pass ? "plausible" : "rejected"));
            }
            for (Diagnostic d : Diagnostic.bimodalityReadings()) {
                boolean bimodal = l <= bimodalLayers && d == Diagnostic.DEGREE_ABSOLUTE;
                dips.add(new BimodalityTest(name, seed, l, d.key(), "log10", 100, 0.05, bimodal ? 0.001 : 0.9, 0.001, 1000, 0, 1,
                        bimodal));
            }
        }
        EpochStats e = new EpochStats(1, 0.5, 0.8, 0.5, 0.8, penalty, List.of(penalty / 4, penalty / 4, penalty / 4, penalty / 4));
        return new NetworkRun(name, seed, lambda, List.of(e), 100, lambda > 0 ? 50 : 0, layers, fits, dips, null, List.of(), null);
    }

    /** Seeds x (plain, critical) with the given outcomes; {@code excess} is the critical penalty above its floor per seed. */
    static ExperimentResult result(DataSource data, int plainPower, int criticalPower, int plainBimodal, int criticalBimodal,
                                   double[] excess, double rankDecades) {
        TrainingSpec t = new TrainingSpec(TrainingSpec.PAPER_HIDDEN, Activation.RELU, 4, 128, 1e-3, 0, 1, 2);
        ExperimentSpec spec = new ExperimentSpec(data, t, List.of(1.0), SEEDS, 40, 1000);
        List<NetworkRun> runs = new ArrayList<>();
        List<NetworkRun> plain = new ArrayList<>();
        List<NetworkRun> critical = new ArrayList<>();
        List<ExperimentResult.SeedComparison> seeds = new ArrayList<>();
        for (int s = 0; s < SEEDS; s++) {
            NetworkRun p = run("plain", s, 0, 1320, plainPower, plainBimodal, rankDecades);
            NetworkRun c = run("critical", s, 1, 1300 + excess[s], criticalPower, criticalBimodal, rankDecades);
            runs.add(p);
            runs.add(c);
            plain.add(p);
            critical.add(c);
            seeds.add(new ExperimentResult.SeedComparison(s, 1, 0.85, 0.83, 1320, 1300 + excess[s], 1300, 53, 19, 0.8));
        }
        return new ExperimentResult(spec, "test", "fashion-mnist/train", 12_000, "fashion-mnist/test", 10_000,
                new int[] {784, 600, 400, 200, 100, 10}, runs, seeds, List.of(CriticalExperiment.summary(1, plain, critical, seeds)));
    }

    static final DataSource REAL = DataSource.fashionMnist(null, 12_000, 10_000);
    static final double[] EFFECTIVE = {2.0, 2.1, 2.2};

    static Map<String, Claim> claims(ExperimentResult r) {
        List<Claim> all = ExperimentClaims.claims(r, "test data", "");
        for (Claim c : all) {
            assertThat(c.id()).startsWith("criticality2017-");
            assertThat(c.ref()).isNotBlank();
            assertThat(c.kind()).isNotNull();
        }
        return all.stream().collect(Collectors.toMap(c -> c.id().substring("criticality2017-".length()), Function.identity()));
    }

    @Test
    void agreesWhenTheCriticalNetworksPassInMostLayersAndThePlainOnesDoNot() {
        Map<String, Claim> c = claims(result(REAL, 0, 3, 0, 4, EFFECTIVE, 4.0));
        assertThat(c.get("sec3-regulariser-effect").verdict()).isEqualTo(Verdict.AGREES);
        assertThat(c.get("sec3-regulariser-effect").kind()).isEqualTo(ClaimKind.SELF_CHECK);
        assertThat(c.get("fig3-fig4-activation-ranks").verdict()).isEqualTo(Verdict.AGREES);
        assertThat(c.get("fig5-fig6-mean-activation-ranks").verdict()).isEqualTo(Verdict.AGREES);
        assertThat(c.get("fig7-fig8-bimodal-degree").verdict()).isEqualTo(Verdict.AGREES);
        assertThat(c.get("fig6-four-decades").verdict()).isEqualTo(Verdict.AGREES);
        assertThat(c.get("sec3-test-accuracy").verdict()).isEqualTo(Verdict.NOT_COMPARABLE);
    }

    @Test
    void disagreesWhenTheRegulariserAddsNoPassingLayerAndTheTailIsShort() {
        Map<String, Claim> c = claims(result(REAL, 1, 1, 0, 0, EFFECTIVE, 2.0));
        assertThat(c.get("fig3-fig4-activation-ranks").verdict()).isEqualTo(Verdict.DISAGREES);
        assertThat(c.get("fig3-fig4-activation-ranks").reason()).contains("Corrected statement");
        assertThat(c.get("fig7-fig8-bimodal-degree").verdict()).isEqualTo(Verdict.DISAGREES);
        assertThat(c.get("fig6-four-decades").verdict()).isEqualTo(Verdict.DISAGREES);
        assertThat(c.get("fig6-four-decades").measured().value()).isEqualTo(2.0);
    }

    @Test
    void mixedEvidenceIsInconclusive() {
        // the regulariser adds bimodal layers (significantly) but not in most layers
        Map<String, Claim> c = claims(result(REAL, 0, 0, 0, 1, EFFECTIVE, 2.0));
        assertThat(c.get("fig7-fig8-bimodal-degree").verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(c.get("fig7-fig8-bimodal-degree").resolve()).contains("--full");
    }

    @Test
    void syntheticDataOrAnIneffectiveRegulariserGiveNoVerdictOnThePaper() {
        Map<String, Claim> synthetic = claims(result(DataSource.synthetic(12_000, 10_000), 0, 3, 0, 4, EFFECTIVE, 4.0));
        Map<String, Claim> weak = claims(result(REAL, 0, 3, 0, 4, new double[] {19.0, 21.0, 20.5}, 4.0));
        assertThat(weak.get("sec3-regulariser-effect").verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        for (Map<String, Claim> c : List.of(synthetic, weak)) {
            for (Claim x : c.values()) {
                if (x.kind() == ClaimKind.PAPER_CLAIM) {
                    assertThat(x.verdict()).as(x.id()).isEqualTo(Verdict.INCONCLUSIVE);
                    assertThat(x.resolve()).as(x.id()).contains("./deeprg reproduce --only criticality2017-experiment");
                }
            }
        }
        assertThat(synthetic.get("fig3-fig4-activation-ranks").resolve()).contains("sudo apt-get install dataset-fashion-mnist");
        assertThat(synthetic.get("fig3-fig4-activation-ranks").reason()).contains("SYNTHETIC");
    }
}
