package org.deeprg.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.deeprg.InvalidInputException;
import org.deeprg.result.Claim;
import org.deeprg.result.ClaimKind;
import org.deeprg.result.Paper;
import org.deeprg.result.Figure;
import org.deeprg.result.Result;
import org.deeprg.result.Series;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultWriterTest {

    @Test
    void aFailingWriteLeavesNothingBehind(@TempDir Path tmp) {
        Path target = tmp.resolve("r");
        assertThatThrownBy(() -> ResultWriter.atomically(target, dir -> {
            Files.writeString(dir.resolve("result.json"), "{}");
            throw new IOException("disk full");
        })).hasMessageContaining("disk full");
        assertThat(target).doesNotExist();
        assertThat(tmp.toFile().list()).isEmpty();
    }

    @Test
    void inputFilesAreHashed(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("in.txt");
        Files.writeString(f, "abc");
        Provenance.InputFile h = Provenance.hash(f);
        // SHA-256("abc"), FIPS 180-2 test vector
        assertThat(h.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(h.bytes()).isEqualTo(3);
    }

    @Test
    void writesEveryFileAndRefusesForeignDirectories(@TempDir Path tmp) throws IOException {
        Result r = Result.builder("t").data(Map.of("x", 1)).build();
        Provenance p = Provenance.capture(List.of("a"), Map.of("k", 1), 5, 1, Instant.now()).finished(List.of());
        Path out = ResultWriter.write(tmp.resolve("out"), r, p);
        assertThat(ResultWriter.isDeeprgResult(out)).isTrue();
        Files.createDirectories(tmp.resolve("foreign"));
        Files.writeString(tmp.resolve("foreign/x"), "x");
        assertThatThrownBy(() -> ResultWriter.checkTarget(tmp.resolve("foreign"))).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aStudyPageInsideAReportLinksBackAndToItsProvenance(@TempDir Path tmp) throws IOException {
        double[] x = {1, 2, 3};
        Claim claim = Claim.of(Paper.NNQFT_2022, "sum").kind(ClaimKind.SELF_CHECK).statement("2 + 2 = 4").exact(4, 4, 1e-12).build();
        Result r = Result.builder("study").data(Map.of("x", 1)).claim(claim)
                .figure(Figure.of("fig", "t", "x", "y", "c", Series.line("a", x, x))).build();
        Provenance p = Provenance.capture(List.of("reproduce"), Map.of("k", 1), 5, 1, Instant.now()).finished(List.of());
        Files.createDirectories(tmp.resolve("s"));
        Map<String, PlotRenderer.Rendering> rs = ResultWriter.writeContents(tmp.resolve("s"), r, p.withSpec(Map.of("study", "s")),
                ResultPage.Context.inReport("s", Paper.NNQFT_2022));
        assertThat(rs.get("fig").drawn()).isTrue();
        String html = Files.readString(tmp.resolve("s/index.html"));
        assertThat(html).contains("href=\"../index.html#study-s\"").contains("href=\"provenance.json\"").contains(Paper.NNQFT_2022.link());
        assertThat(tmp.resolve("s/provenance.json")).exists();
        assertThat(tmp.resolve("s/fig.plot.csv")).exists();
        // the claim carries its paper
        assertThat(Files.readString(tmp.resolve("s/claims.json"))).contains("\"paper\" : \"erbin2022\"");
        // a stand-alone result has no link back
        ResultWriter.write(tmp.resolve("alone"), r, p);
        assertThat(Files.readString(tmp.resolve("alone/index.html"))).doesNotContain("back to the report");
    }

    @Test
    void defaultNamesClaimedInTheSameMillisecondNeverCollide(@TempDir Path tmp) throws IOException {
        Instant now = Instant.parse("2026-01-02T03:04:05.678Z");
        java.util.Set<Path> seen = new java.util.HashSet<>();
        List<ResultWriter.TargetClaim> claims = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ResultWriter.TargetClaim c = ResultWriter.claimDefault(tmp.resolve("results"), "dyn-mc", now);
            claims.add(c);
            assertThat(c.target().getFileName().toString()).matches("dyn-mc-20260102-030405-678-[0-9a-f]{4}");
            assertThat(seen.add(c.target())).isTrue();
        }
        Result r = Result.builder("t").data(Map.of("x", 1)).build();
        Path written = claims.get(0).write(r, null);
        assertThat(written.resolve("result.json")).exists();
        claims.forEach(ResultWriter.TargetClaim::close);
        try (var s = Files.list(tmp.resolve("results"))) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly(written.getFileName().toString());
        }
    }

    @Test
    void aClaimThatWroteNothingRemovesTheDirectoriesItCreated(@TempDir Path tmp) {
        ResultWriter.TargetClaim c = ResultWriter.claim(tmp.resolve("a/b/r"));
        assertThat(tmp.resolve("a/b/.r.lock")).exists();
        c.close();
        assertThat(tmp.resolve("a")).doesNotExist();
    }
}
