package org.deeprg.result;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.deeprg.json.Json;
import org.junit.jupiter.api.Test;

class ClaimTallyTest {

    @Test
    void countsEachKindAndVerdictApart() throws Exception {
        Paper p = Paper.NNQFT_2022;
        List<Claim> claims = List.of(
                Claim.of(p, "a").ref("Eq. 1").statement("a").exact(1, 1, 0).build(),
                Claim.of(p, "b").ref("Eq. 2").statement("b").exact(1, 2, 0).build(),
                Claim.of(p, "c").ref("Eq. 3").statement("c").inconclusive("noise", "more networks").build(),
                Claim.of(p, "d").kind(ClaimKind.SELF_CHECK).statement("d").exact(1, 2, 0).build(),
                Claim.of(p, "e").kind(ClaimKind.GENERALISATION).statement("e").exact(1, 1, 0).build());
        ClaimTally t = ClaimTally.of(claims);
        assertThat(t.paperClaims().total()).isEqualTo(3);
        assertThat(t.paperClaims().get(Verdict.AGREES)).isEqualTo(1);
        assertThat(t.paperClaims().get(Verdict.DISAGREES)).isEqualTo(1);
        assertThat(t.paperClaims().get(Verdict.INCONCLUSIVE)).isEqualTo(1);
        assertThat(t.selfChecks().get(Verdict.DISAGREES)).isEqualTo(1);
        assertThat(t.generalisations().get(Verdict.AGREES)).isEqualTo(1);
        assertThat(t.all().total()).isEqualTo(5);
        assertThat(t.forKind(ClaimKind.SELF_CHECK)).isEqualTo(t.selfChecks());
        assertThat(t.lines()).containsExactly("paper claims: 3: 1 agrees, 1 disagrees, 1 inconclusive",
                "self-checks: 1: 1 disagrees", "generalisations: 1: 1 agrees");
        JsonNode j = Json.mapper().readTree(Json.write(t));
        assertThat(j.path("paperClaims").path("total").asInt()).isEqualTo(3);
        assertThat(j.path("paperClaims").path("agrees-under-convention").asInt()).isZero();
        assertThat(j.path("selfChecks").path("disagrees").asInt()).isEqualTo(1);
        assertThat(j.path("all").path("total").asInt()).isEqualTo(5);
        assertThat(ClaimTally.of(List.of()).lines()).containsExactly("paper claims: none");
    }
}
