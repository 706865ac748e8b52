package org.deeprg.studies.critical;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.deeprg.result.Claim;
import org.deeprg.result.ClaimKind;
import org.deeprg.result.Result;
import org.deeprg.result.Verdict;
import org.deeprg.study.Study;
import org.deeprg.study.StudyContext;
import org.junit.jupiter.api.Test;

/**
 * The audit of the theory of "Criticality &amp; Deep Learning II" as the study reports it: every claim with a stable
 * id, a reference and one of the five verdicts, and the verdicts of docs/audit-criticality2017.md. The evidence of
 * each verdict is reproduced by the core tests named in that table; this test checks that the study states it.
 */
class Criticality2017TheoryStudyTest {
    /** The verdict of every paper claim (docs/audit-criticality2017.md, section "Theory"). */
    static final Map<String, Verdict> PAPER_VERDICTS = Map.ofEntries(
            Map.entry("criticality2017-eq13-gaussian-couplings", Verdict.AGREES_UNDER_CONVENTION),
            Map.entry("criticality2017-eq55-gaussian-couplings", Verdict.AGREES_UNDER_CONVENTION),
            Map.entry("criticality2017-eq41-hubbard-stratonovich", Verdict.DISAGREES),
            Map.entry("criticality2017-eq20-field-renormalisation", Verdict.AGREES),
            Map.entry("criticality2017-eq21-recursions", Verdict.AGREES),
            Map.entry("criticality2017-eq23-running-equations", Verdict.AGREES),
            Map.entry("criticality2017-eq26-flow-of-w", Verdict.AGREES),
            Map.entry("criticality2017-eq26-flow-of-h", Verdict.AGREES_UNDER_CONVENTION),
            Map.entry("criticality2017-eq27-field-vanishes", Verdict.AGREES),
            Map.entry("criticality2017-sec2.5-fixed-points", Verdict.AGREES),
            Map.entry("criticality2017-sec2.5-low-temperature", Verdict.DISAGREES),
            Map.entry("criticality2017-eq28-fixed-point", Verdict.AGREES),
            Map.entry("criticality2017-eq28-curie-weiss", Verdict.DISAGREES),
            Map.entry("criticality2017-eq29-neumann-series", Verdict.AGREES_UNDER_CONVENTION),
            Map.entry("criticality2017-eq30-truncation", Verdict.AGREES_UNDER_CONVENTION),
            Map.entry("criticality2017-eq30-critical-condition", Verdict.DISAGREES),
            Map.entry("criticality2017-eq33-component-form", Verdict.DISAGREES),
            Map.entry("criticality2017-eq33-solutions", Verdict.DISAGREES),
            Map.entry("criticality2017-eq33-induces-criticality", Verdict.DISAGREES),
            Map.entry("criticality2017-eq62-prefactor", Verdict.DISAGREES),
            Map.entry("criticality2017-eq64-decay-length", Verdict.DISAGREES),
            Map.entry("criticality2017-eq65-decay-exponent-d1", Verdict.AGREES),
            Map.entry("criticality2017-eq65-decay-exponent-d2", Verdict.AGREES),
            Map.entry("criticality2017-eq65-decay-exponent-d3", Verdict.AGREES));

    @Test
    void everyClaimHasAStableIdAReferenceAndTheAuditedVerdict() {
        Result r = new Criticality2017TheoryStudy().run(StudyContext.forTests(1));
        List<Claim> claims = r.claims();
        Set<String> ids = new HashSet<>();
        for (Claim c : claims) {
            assertThat(c.id()).as("claim id").isNotNull().startsWith("criticality2017-");
            assertThat(ids.add(c.id())).as("unique id %s", c.id()).isTrue();
            assertThat(c.paper()).isEqualTo("criticality2017");
            assertThat(c.kind()).isNotNull();
            assertThat(c.verdict()).as(c.id()).isNotEqualTo(Verdict.NOT_COMPARABLE).isNotEqualTo(Verdict.INCONCLUSIVE);
            assertThat(c.measured()).as(c.id()).isNotNull();
            assertThat(c.measured().value()).as("numeric measured value of %s", c.id()).isNotNull();
            assertThat(c.reason()).as(c.id()).isNotBlank();
            if (c.kind() == ClaimKind.PAPER_CLAIM) {
                assertThat(c.ref()).as(c.id()).isNotBlank();
                assertThat(c.paperValue()).as(c.id()).isNotNull();
            } else {
                // self-checks and generalisations are deeprg's own results: all of them hold
                assertThat(c.verdict()).as(c.id()).isEqualTo(Verdict.AGREES);
            }
        }
        Map<String, Verdict> paper = claims.stream().filter(c -> c.kind() == ClaimKind.PAPER_CLAIM)
                .collect(Collectors.toMap(Claim::id, Claim::verdict));
        assertThat(paper).isEqualTo(PAPER_VERDICTS);
        // every disagreement states the corrected form
        claims.stream().filter(c -> c.verdict() == Verdict.DISAGREES)
                .forEach(c -> assertThat(c.reason()).as(c.id()).containsIgnoringCase("correct"));

        Criticality2017TheoryStudy.Data d = (Criticality2017TheoryStudy.Data) r.data();
        assertThat(d.minimisedComponentResidualPositiveBeta()).isGreaterThanOrEqualTo(1.0 - 1e-9);
        assertThat(d.minimisedComponentResidualNegativeBeta()).isGreaterThanOrEqualTo(7.0 / 8.0 - 1e-9);
        assertThat(d.conditionSearch()).isNotEmpty();
        assertThat(r.figures()).hasSize(5);
        assertThat(ServiceLoader.load(Study.class).stream().map(p -> p.type().getName()))
                .contains(Criticality2017TheoryStudy.class.getName());
    }
}
