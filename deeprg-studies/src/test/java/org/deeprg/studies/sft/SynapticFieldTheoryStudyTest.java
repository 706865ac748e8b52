package org.deeprg.studies.sft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import org.deeprg.result.Claim;
import org.deeprg.result.Result;
import org.deeprg.result.Verdict;
import org.deeprg.studies.sft.SynapticFieldTheoryStudy;
import org.deeprg.study.Study;
import org.deeprg.study.StudyContext;
import org.junit.jupiter.api.Test;

/** The QUICK study runs, is registered, and reaches the expected verdicts. */
class SynapticFieldTheoryStudyTest {

    @Test
    void quickStudyReachesTheDocumentedVerdicts() {
        Result r = new SynapticFieldTheoryStudy().run(StudyContext.forTests(5));
        for (String fig : new String[] {"locality-example1", "locality-example2-j2", "locality-example2-j3", "example1-dispersion"}) {
            assertThat(r.figures()).anyMatch(f -> f.name().equals(fig));
        }
        assertThat(r.tables()).anyMatch(t -> t.name().equals("table-ii") && t.rows().size() == 11);
        for (Claim c : r.claims()) {
            if (c.statement().startsWith("Eqs. 15-17")) {
                assertThat(c.verdict()).isEqualTo(Verdict.DISAGREES);
            } else if (c.statement().startsWith("Table II: J2") || c.statement().startsWith("Table II: J3")) {
                assertThat(c.verdict()).as(c.statement()).isIn(Verdict.DISAGREES, Verdict.NOT_COMPARABLE);
            } else if (c.statement().startsWith("Table II: K")) {
                assertThat(c.verdict()).isEqualTo(Verdict.NOT_COMPARABLE);
            } else {
                assertThat(c.verdict()).as(c.statement() + " : " + c.measured()).isEqualTo(Verdict.AGREES);
            }
        }
        assertThat(ServiceLoader.load(Study.class).stream().map(p -> p.type().getName()))
                .contains(SynapticFieldTheoryStudy.class.getName());
    }
}
