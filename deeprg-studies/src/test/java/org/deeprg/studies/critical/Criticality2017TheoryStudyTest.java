package org.deeprg.studies.critical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import org.deeprg.result.Claim;
import org.deeprg.result.Result;
import org.deeprg.result.Verdict;
import org.deeprg.study.Study;
import org.deeprg.study.StudyContext;
import org.junit.jupiter.api.Test;

class Criticality2017TheoryStudyTest {
    @Test
    void quickStudyChecksEveryClaimAndIsRegistered() {
        Result r = new Criticality2017TheoryStudy().run(StudyContext.forTests(1));
        assertThat(r.claims()).hasSize(12);
        long disagree = r.claims().stream().filter(c -> c.verdict() == Verdict.DISAGREES).count();
        // Eq. 33 and Eq. 30 have no real solution; Eq. 64 as printed has the inverse decay length
        assertThat(disagree).isEqualTo(3);
        assertThat(r.claims().stream().filter(c -> c.verdict() == Verdict.DISAGREES).map(Claim::statement))
                .allMatch(s -> s.startsWith("Eq. 33") || s.startsWith("Eq. 30") || s.startsWith("Eq. 64"));
        Criticality2017TheoryStudy.Data d = (Criticality2017TheoryStudy.Data) r.data();
        assertThat(d.minimisedComponentResidualPositiveBeta()).isGreaterThanOrEqualTo(1.0 - 1e-9);
        assertThat(d.minimisedComponentResidualNegativeBeta()).isGreaterThanOrEqualTo(7.0 / 8.0 - 1e-9);
        assertThat(r.figures()).hasSize(3);
        assertThat(ServiceLoader.load(Study.class).stream().map(p -> p.type().getName()))
                .contains(Criticality2017TheoryStudy.class.getName());
    }
}
