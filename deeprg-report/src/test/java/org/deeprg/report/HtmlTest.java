package org.deeprg.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.deeprg.result.Claim;
import org.deeprg.result.ClaimKind;
import org.deeprg.result.Paper;
import org.deeprg.result.Value;
import org.deeprg.result.Verdict;
import org.deeprg.stats.Estimate;
import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void shortReasonsEndAtTheFirstSentenceNotAtAnAbbreviation() {
        assertThat(Html.shortReason("consequence of the extra factor u^(h+sigma) of Eq. 21. Eq. 26 itself is correct"))
                .isEqualTo("consequence of the extra factor u^(h+sigma) of Eq. 21.");
        assertThat(Html.shortReason("as in Fig. 7 and e.g. Sec. 3. The rest")).isEqualTo("as in Fig. 7 and e.g. Sec. 3.");
        String longOne = "word ".repeat(60).strip();
        assertThat(Html.shortReason(longOne)).hasSizeLessThanOrEqualTo(Html.SHORT_REASON + 2).endsWith(" …");
        assertThat(Html.shortReason(null)).isEmpty();
    }

    @Test
    void claimRowsHaveIdsVerdictClassesAndRepeatedReasonsBecomeNotes() {
        String reason = "derivative terms depend on the lattice spacing; no single spacing reproduces both conventions";
        Paper p = Paper.SYNAPTIC_FIELD_THEORY_2025;
        List<Claim> claims = List.of(
                Claim.of(p, "k1").ref("Table II").statement("K1").paperValue(1.0).measured(1.0).verdict(Verdict.NOT_COMPARABLE, reason).build(),
                Claim.of(p, "k2").ref("Table II").statement("K2").paperValue(1.0).measured(1.0).verdict(Verdict.NOT_COMPARABLE, reason).build(),
                Claim.of(p, "j2").ref("Table II").statement("J2").paperValue(1.0).measured(-1.0).verdict(Verdict.DISAGREES, "opposite sign")
                        .build(),
                Claim.of(p, "c").kind(ClaimKind.SELF_CHECK).statement("sampled = exact")
                        .measured(Value.of(Estimate.of(1, 0.1, 5).unreliable("heavy tails"))).verdict(Verdict.AGREES, "ok").build());
        StringBuilder b = new StringBuilder();
        Html.claimsSection(b, claims, "claim-s", "h3");
        String html = b.toString();
        assertThat(html).contains("<tr id=\"lee2025-k1\" class=\"not-comparable\">").contains("<tr id=\"lee2025-j2\" class=\"disagrees\">");
        assertThat(html.split(java.util.regex.Pattern.quote(reason), -1)).hasSize(2); // written once
        assertThat(html).contains("see note 1").contains("id=\"claim-s-paper-claim-note-1\"");
        // kinds apart, paper claims first
        assertThat(html.indexOf("Paper claims (3)")).isLessThan(html.indexOf("Self-checks"));
        assertThat(html).contains("(error bar unreliable)");
    }
}
