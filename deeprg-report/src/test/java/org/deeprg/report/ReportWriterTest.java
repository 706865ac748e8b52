package org.deeprg.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.deeprg.json.Json;
import org.deeprg.result.Claim;
import org.deeprg.result.ClaimKind;
import org.deeprg.result.Paper;
import org.deeprg.result.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    @Test
    void aFailedStudyIsReportedAndTheClaimsOfTheOthersAreCounted(@TempDir Path tmp) throws Exception {
        Paper p = Paper.DYNAMIC_NEURONS_2024;
        Result ok = Result.builder("ok").data(Map.of("x", 1))
                .claim(Claim.of(p, "eq21").ref("Eq. 21").statement("Z_m").exact(1, 2, 1e-12).build())
                .claim(Claim.of(p, "selfcheck").kind(ClaimKind.SELF_CHECK).statement("1 = 1").exact(1, 1, 0).build()).build();
        List<ReportWriter.StudyRun> runs = List.of(new ReportWriter.StudyRun("good", p, "Good study", ok, null, 1.5),
                new ReportWriter.StudyRun("bad", Paper.NNQFT_2022, "Bad study", null, "java.lang.IllegalStateException: boom", 0.1));
        Provenance prov = Provenance.capture(List.of("reproduce"), Map.of(), 1, 1, Instant.now()).finished(List.of());
        Path out = ReportWriter.write(tmp.resolve("r"), runs, prov, "QUICK");
        String html = Files.readString(out.resolve("index.html"));
        assertThat(html).contains("1 of 2 studies failed").contains("href=\"#study-bad\"").contains("boom");
        assertThat(html).contains("<tr id=\"lee2024-eq21\"").contains("href=\"#lee2024-eq21\"");
        // the self-check has its row anchor, and no attention line (it agrees and is no paper claim)
        assertThat(html).contains("<tr id=\"lee2024-selfcheck\"").doesNotContain("href=\"#lee2024-selfcheck\"");
        JsonNode summary = Json.mapper().readTree(out.resolve("result.json").toFile());
        assertThat(summary.path("failedStudies").asInt()).isEqualTo(1);
        assertThat(summary.path("counts").path("paperClaims").path("disagrees").asInt()).isEqualTo(1);
        assertThat(summary.path("counts").path("selfChecks").path("agrees").asInt()).isEqualTo(1);
        assertThat(summary.path("studies")).hasSize(2);
        assertThat(summary.path("studies").get(1).path("failure").asText()).contains("boom");
        JsonNode claims = Json.mapper().readTree(out.resolve("claims.json").toFile());
        assertThat(claims).hasSize(2);
        assertThat(claims.get(1).path("paper").asText()).isEqualTo("lee2024");
        assertThat(out.resolve("good/provenance.json")).exists();
        assertThat(out.resolve("bad")).doesNotExist();
    }
}
