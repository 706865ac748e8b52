package org.deeprg.studies.dyn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.deeprg.result.Claim;
import org.deeprg.result.ClaimKind;
import org.deeprg.result.Result;
import org.deeprg.result.Verdict;
import org.deeprg.study.StudyContext;
import org.junit.jupiter.api.Test;

/** The reproduce study at QUICK scale: every claim is decided, the MC-vs-exact and Gibbs claims agree. */
class Lee2024MonteCarloStudyTest {
    @Test
    void quickStudyRuns() {
        Result r = new Lee2024MonteCarloStudy().run(StudyContext.forTests(20240601L).withThreads(2));
        Map<String, Claim> byId = r.claims().stream().collect(Collectors.toMap(Claim::id, Function.identity()));
        assertThat(byId).hasSize(r.claims().size());
        Claim mc = byId.get("lee2024-mc-metropolis-vs-exact");
        assertThat(mc.verdict()).as(mc.toString()).isEqualTo(Verdict.AGREES);
        assertThat(mc.kind()).isEqualTo(ClaimKind.SELF_CHECK);
        Claim gibbs = byId.get("lee2024-eq4-gibbs-distribution");
        assertThat(gibbs.verdict()).as(gibbs.toString()).isEqualTo(Verdict.AGREES_UNDER_CONVENTION);
        assertThat(byId.get("lee2024-eq10-12-dyn-marginal").verdict().isAgreement()).isTrue();
        assertThat(byId.get("lee2024-app-a-eq-a2-structure").verdict()).isEqualTo(Verdict.AGREES);
        assertThat(byId.get("lee2024-app-a-eq-a2-coefficients").verdict()).isEqualTo(Verdict.DISAGREES);
        assertThat(byId.get("lee2024-app-a-eq-a2-coefficients").measured().value()).isEqualTo(-0.5);
        assertThat(byId.get("lee2024-app-a-eq-a2-omitted-terms").verdict()).isEqualTo(Verdict.DISAGREES);
        assertThat(byId.get("lee2024-app-a-replica-overlaps").kind()).isEqualTo(ClaimKind.GENERALISATION);
        for (Claim c : r.claims()) {
            if (c.kind() == ClaimKind.PAPER_CLAIM) {
                assertThat(c.ref()).isNotBlank();
                assertThat(c.verdict()).isNotEqualTo(Verdict.NOT_COMPARABLE);
            }
        }
        assertThat(r.figures()).hasSizeGreaterThanOrEqualTo(5);
    }
}
