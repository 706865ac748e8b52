package org.deeprg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deeprg.json.Json;
import org.deeprg.result.Paper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reproduce report: structure, verdict counts, and rendering in a real (headless Chromium) browser. */
class ReproduceReportTest {

    @Test
    void reportHasASectionPerPaperAndCountsVerdicts(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("report");
        CliRun r = CliRun.of("reproduce", "--only", "report-fixture", "--out", out.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("report: " + out.resolve("index.html"));
        String html = Files.readString(out.resolve("index.html"));
        for (Paper p : Paper.values()) {
            assertThat(html).contains("id=\"" + p.key() + "\"");
        }
        JsonNode summary = Json.mapper().readTree(out.resolve("result.json").toFile());
        assertThat(summary.path("counts").path("agrees").asInt()).isEqualTo(1);
        assertThat(summary.path("counts").path("disagrees").asInt()).isEqualTo(1);
        assertThat(summary.path("counts").path("notComparable").asInt()).isEqualTo(1);
        assertThat(out.resolve("report-fixture/decay.png")).exists();
        assertThat(out.resolve("report-fixture/decay.svg")).exists();
        assertThat(out.resolve("provenance.json")).exists();
    }

    @Test
    void unknownStudyIsInvalidInput(@TempDir Path tmp) {
        CliRun r = CliRun.of("reproduce", "--only", "no-such-study", "--out", tmp.resolve("x").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).isEqualTo(1);
        assertThat(r.err()).contains("--only").contains("no-such-study");
        assertThat(tmp.resolve("x")).doesNotExist();
    }

    /**
     * Opens the report in headless Chromium and reads back the DOM after load: every plot image must have
     * loaded (the page's own script counts broken images) and the claims tables must be there. Skipped only
     * outside CI when Chromium is not installed; in CI (.ci/run installs Debian's chromium) it must run.
     */
    @Test
    void reportRendersInHeadlessChromiumWithoutBrokenImages(@TempDir Path tmp) throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        boolean ci = "true".equals(System.getenv("CI"));
        if (!ci) {
            assumeTrue(Files.isExecutable(chromium), "chromium not installed (apt-get install chromium)");
        }
        Path out = tmp.resolve("report");
        assertThat(CliRun.of("reproduce", "--only", "report-fixture", "--out", out.toString(), "--quiet").code()).isZero();
        String dom = dumpDom(chromium, out.resolve("index.html"), tmp.resolve("profile"));
        Matcher images = Pattern.compile("data-images=\"(\\d+)\"").matcher(dom);
        Matcher broken = Pattern.compile("data-broken-images=\"(\\d+)\"").matcher(dom);
        assertThat(images.find()).as("the page's load script ran").isTrue();
        assertThat(Integer.parseInt(images.group(1))).isPositive();
        assertThat(broken.find()).isTrue();
        assertThat(broken.group(1)).as("broken images").isEqualTo("0");
        assertThat(dom).contains("class=\"claims\"").contains("agrees").contains("disagrees");

        // and the check can fail: delete a plot and the browser reports it broken
        Files.delete(out.resolve("report-fixture/decay.png"));
        String dom2 = dumpDom(chromium, out.resolve("index.html"), tmp.resolve("profile2"));
        Matcher broken2 = Pattern.compile("data-broken-images=\"(\\d+)\"").matcher(dom2);
        assertThat(broken2.find()).isTrue();
        assertThat(broken2.group(1)).isEqualTo("1");
    }

    static String dumpDom(Path chromium, Path page, Path profile) throws Exception {
        List<String> cmd = List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--allow-file-access-from-files", "--virtual-time-budget=10000",
                "--dump-dom", page.toUri().toString());
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }
}
