package org.deeprg.studies.dyn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.deeprg.result.Claim;
import org.deeprg.result.ClaimKind;
import org.deeprg.result.Result;
import org.deeprg.result.Verdict;
import org.deeprg.study.StudyContext;
import org.junit.jupiter.api.Test;

/** The reproduce study at quick scale: the verdict of every claim (docs/audit-lee2024.md) and the generalisations. */
class Lee2024ExactRgStudyTest {
    @Test
    void claimsHaveTheExpectedVerdicts() {
        Result r = new Lee2024ExactRgStudy().run(StudyContext.forTests(1));
        List<Claim> claims = r.claims();
        Map<String, Claim> byId = claims.stream().collect(Collectors.toMap(Claim::id, Function.identity()));
        assertThat(byId).hasSize(claims.size());
        for (Claim c : claims) {
            assertThat(c.paper()).isEqualTo("lee2024");
            assertThat(c.id()).startsWith("lee2024-");
            if (c.kind() == ClaimKind.PAPER_CLAIM) {
                assertThat(c.ref()).as(c.id()).isNotBlank();
                assertThat(c.verdict()).as(c.id() + ": " + c.reason()).isNotEqualTo(Verdict.NOT_COMPARABLE);
            }
        }
        // Eq. 21 and Eq. 24's B, C hold with the kept variables' on-site terms left out of Z_m (named convention)
        for (String id : List.of("lee2024-eq21-bond-sum", "lee2024-eq24-b", "lee2024-eq24-c")) {
            assertThat(byId.get(id).verdict()).as(id).isEqualTo(Verdict.AGREES_UNDER_CONVENTION);
            assertThat(byId.get(id).convention()).contains("on-site");
        }
        assertThat(byId.get("lee2024-eq21-bond-sum").reason()).contains("u^(h+sigma)").contains("unaffected");
        assertThat(byId.get("lee2024-eq24-a").verdict()).isEqualTo(Verdict.AGREES);
        assertThat(byId.get("lee2024-eq33-jacobian").verdict()).isEqualTo(Verdict.AGREES);
        for (String c : List.of("a", "b", "c")) {
            assertThat(byId.get("lee2024-eq29-exp-" + c).verdict()).isEqualTo(Verdict.AGREES);
        }
        assertThat(byId.get("lee2024-sec4-unstable-fixed-points-expected").verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(claims.stream().filter(c -> c.verdict() == Verdict.DISAGREES)).isEmpty();
        List<Claim> general = claims.stream().filter(c -> c.kind() == ClaimKind.GENERALISATION).toList();
        assertThat(general).hasSize(3).allMatch(c -> c.verdict() == Verdict.NOT_COMPARABLE);
        assertThat(r.figures()).extracting(f -> f.name()).contains("flow-plane", "flow-fictitious", "xi-scaling", "betav-limit");
    }
}
