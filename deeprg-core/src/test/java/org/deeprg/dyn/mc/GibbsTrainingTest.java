package org.deeprg.dyn.mc;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeprg.run.RunContext;
import org.junit.jupiter.api.Test;

/** Eq. 4: Langevin training samples exp(-beta E); the chi-square test can also reject. */
class GibbsTrainingTest {

    @Test
    void exactBinProbabilitiesAreNormalisedAndSymmetricForAZeroCost() {
        GibbsTraining.Spec s = GibbsTraining.defaultSpec(1000, 1);
        double[] p = GibbsTraining.exactBinProbabilities(s);
        double sum = 0;
        for (double v : p) {
            sum += v;
        }
        assertThat(sum).isBetween(0.99, 1.0 + 1e-9);
    }

    @Test
    void langevinTrainingHistogramPassesTheChiSquareTest() {
        GibbsTraining.Spec s = GibbsTraining.defaultSpec(200_000, 2);
        GibbsTraining.HistogramTest t = GibbsTraining.langevinTraining(s, RunContext.of(17));
        assertThat(t.pValue()).as("chi2 %.1f / %d dof, tau %.2f", t.chiSquare(), t.degreesOfFreedom(), t.tauInt()).isGreaterThan(1e-3);
        assertThat(t.samples()).isEqualTo(2 * 200_000 / 40);
        // the chains behind the test carry their R-hat and pass the reliability criteria (else the study is inconclusive)
        assertThat(t.parameterMean().rHat()).isFinite();
        assertThat(t.parameterMean().samples()).isEqualTo(t.samples());
        assertThat(t.unreliableBecause()).isNull();
    }

    /** Chains too short for their autocorrelation make the chi-square test untrustworthy: flagged, not judged. */
    @Test
    void tooShortChainsFlagTheChiSquareTestAsUnreliable() {
        GibbsTraining.HistogramTest t = GibbsTraining.langevinTraining(GibbsTraining.defaultSpec(400, 2), RunContext.of(17));
        assertThat(t.unreliableBecause()).isNotNull();
    }

    @Test
    void theChiSquareTestRejectsAWrongDistribution() {
        GibbsTraining.Spec s = GibbsTraining.defaultSpec(200_000, 2);
        GibbsTraining.HistogramTest t = GibbsTraining.langevinTraining(s, RunContext.of(17));
        // the exact marginal of a 40% stronger regulariser (a 16% narrower prior) must be rejected
        GibbsTraining.Spec other = new GibbsTraining.Spec(s.network(), s.examples(), s.beta(), 0.35, 0.35, s.stepSize(), s.steps(),
                s.chains(), s.thin(), s.parameter(), s.bins(), s.range(), s.grid());
        double[] wrong = GibbsTraining.exactBinProbabilities(other);
        double chi2 = 0;
        for (int b = 0; b < wrong.length; b++) {
            double ex = wrong[b] * t.samples();
            double ob = t.observed()[b] * t.samples();
            chi2 += (ob - ex) * (ob - ex) / ex;
        }
        assertThat(chi2 / (2 * t.tauInt())).isGreaterThan(60);
    }
}
