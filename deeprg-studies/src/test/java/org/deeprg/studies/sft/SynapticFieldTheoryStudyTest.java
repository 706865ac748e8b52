package org.deeprg.studies.sft;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The QUICK study runs, is registered, and reaches the audited verdicts (docs/audit-lee2025.md). */
class SynapticFieldTheoryStudyTest {

    @Test
    void quickStudyReachesTheDocumentedVerdicts() {
        Result r = new SynapticFieldTheoryStudy().run(StudyContext.forTests(5));
        for (String fig : new String[] {"locality-example1", "locality-example2-j2", "locality-example2-j3", "example1-dispersion"}) {
            assertThat(r.figures()).anyMatch(f -> f.name().equals(fig));
        }
        assertThat(r.tables()).anyMatch(t -> t.name().equals("table-ii") && t.rows().size() == 11);
        Map<String, Claim> byId = r.claims().stream().collect(Collectors.toMap(Claim::id, c -> c));
        assertThat(byId).hasSize(r.claims().size()); // stable, unique ids
        Set<String> underConvention = Set.of("lee2025-eq5-high-viscosity-limit", "lee2025-table1-step-size-hubble",
                "lee2025-eq7-output-dynamics", "lee2025-eq11-sources", "lee2025-eq5-momentum-training");
        for (Claim c : r.claims()) {
            assertThat(c.paper()).isEqualTo("lee2025");
            if (c.kind() == ClaimKind.PAPER_CLAIM) {
                assertThat(c.ref()).as(c.id()).isNotBlank();
            }
            assertThat(c.verdict()).as(c.id()).isNotEqualTo(Verdict.NOT_COMPARABLE); // the paper prints a formula for each
            String id = c.id();
            if (id.equals("lee2025-eq15-17-continuum-limit")) {
                assertThat(c.verdict()).isEqualTo(Verdict.DISAGREES);
                assertThat(c.reason()).contains("corrected statement").contains("harmonic mean");
            } else if (id.equals("lee2025-table2-m2") || id.equals("lee2025-table2-j1")) {
                assertThat(c.verdict()).as(id).isEqualTo(Verdict.AGREES);
            } else if (id.startsWith("lee2025-table2-") || underConvention.contains(id)) {
                assertThat(c.verdict()).as(id + ": " + c.reason()).isEqualTo(Verdict.AGREES_UNDER_CONVENTION);
                assertThat(c.convention()).isNotBlank();
            } else {
                assertThat(c.verdict()).as(id + " : " + c.measured()).isEqualTo(Verdict.AGREES);
            }
        }
        assertThat(byId.keySet()).filteredOn(i -> i.startsWith("lee2025-table2-")).hasSize(11);
        assertThat(ServiceLoader.load(Study.class).stream().map(p -> p.type().getName()))
                .contains(SynapticFieldTheoryStudy.class.getName());
    }
}
