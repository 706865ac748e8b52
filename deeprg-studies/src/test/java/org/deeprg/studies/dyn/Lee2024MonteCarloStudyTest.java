package org.deeprg.studies.dyn;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeprg.result.Result;
import org.deeprg.result.Verdict;
import org.deeprg.study.StudyContext;
import org.junit.jupiter.api.Test;

/** The reproduce study at QUICK scale: every claim is decided, the MC-vs-exact and Gibbs claims agree. */
class Lee2024MonteCarloStudyTest {
    @Test
    void quickStudyRuns() {
        Result r = new Lee2024MonteCarloStudy().run(StudyContext.forTests(20240601L).withThreads(2));
        assertThat(r.claims()).hasSize(4);
        assertThat(r.claims().get(0).verdict()).as(r.claims().get(0).toString()).isEqualTo(Verdict.AGREES);
        assertThat(r.claims().get(1).verdict()).as(r.claims().get(1).toString()).isEqualTo(Verdict.AGREES);
        assertThat(r.figures()).hasSizeGreaterThanOrEqualTo(5);
    }
}
