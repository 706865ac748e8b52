package org.deeprg.studies.dyn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.deeprg.result.Claim;
import org.deeprg.result.Result;
import org.deeprg.result.Verdict;
import org.deeprg.study.StudyContext;
import org.junit.jupiter.api.Test;

/** The reproduce study at quick scale: which claims agree, which disagree, and that the generalisations are reported. */
class Lee2024ExactRgStudyTest {
    @Test
    void claimsHaveTheExpectedVerdicts() {
        Result r = new Lee2024ExactRgStudy().run(StudyContext.forTests(1));
        List<Claim> claims = r.claims();
        List<Claim> disagree = claims.stream().filter(c -> c.verdict() == Verdict.DISAGREES).toList();
        assertThat(disagree).extracting(Claim::statement).allMatch(s -> s.startsWith("Eq. 21") || s.startsWith("Eq. 24: coefficients B"));
        assertThat(disagree).hasSize(2);
        assertThat(claims.stream().filter(c -> c.verdict() == Verdict.NOT_COMPARABLE).count()).isEqualTo(3);
        assertThat(claims).anyMatch(c -> c.statement().startsWith("Eq. 33: Jacobian") && c.verdict() == Verdict.AGREES);
        assertThat(claims).anyMatch(c -> c.statement().startsWith("Eq. 29") && c.verdict() == Verdict.AGREES);
        assertThat(r.figures()).extracting(f -> f.name()).contains("flow-plane", "flow-fictitious", "xi-scaling", "betav-limit");
    }
}
