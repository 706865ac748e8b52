package org.deeprg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.deeprg.json.Json;
import org.deeprg.result.ClaimKind;
import org.deeprg.result.Paper;
import org.deeprg.result.Verdict;
import org.deeprg.study.Studies;
import org.deeprg.study.Study;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reproduce report: its structure, the counts per kind and verdict, claims.json against its schema for every
 * registered study (one real {@code reproduce} at quick scale), and rendering in a real (headless Chromium) browser:
 * no broken image, and a screenshot of one page per paper that is neither blank nor cut.
 */
class ReproduceReportTest {


    /** A directory shared by the tests of the class (deleted after the last). */
    @TempDir
    static Path classTmp;

    /** The report of every registered study (including the fixture), written once, by the first test that needs it. */
    private static Path full;
    private static CliRun fullRun;

    private static synchronized void reproduceEveryStudy() {
        if (full == null) {
            full = classTmp.resolve("full");
            fullRun = CliRun.of("reproduce", "--out", full.toString(), "--quiet");
        }
    }

    @Test
    void reportCountsClaimsPerKindAndVerdict(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("report");
        CliRun r = CliRun.of("reproduce", "--only", "report-fixture", "--out", out.toString(), "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        // the console: the headline (paper claims by verdict), then the other kinds, then the report
        assertThat(r.out()).contains("1 studies")
                .contains("paper claims: 6: 1 agrees, 1 agrees-under-convention, 1 disagrees, 2 inconclusive, 1 not-comparable")
                .contains("self-checks: 1: 1 agrees").contains("generalisations: 1: 1 agrees")
                .doesNotContain("unclassified").contains("report: " + out.resolve("index.html"));
        assertThat(r.out().indexOf("paper claims")).isLessThan(r.out().indexOf("self-checks"));

        JsonNode summary = Json.mapper().readTree(out.resolve("result.json").toFile());
        JsonNode paper = summary.path("counts").path("paperClaims");
        assertThat(paper.path("total").asInt()).isEqualTo(6);
        assertThat(paper.path("agrees").asInt()).isEqualTo(1);
        assertThat(paper.path("agrees-under-convention").asInt()).isEqualTo(1);
        assertThat(paper.path("disagrees").asInt()).isEqualTo(1);
        assertThat(paper.path("inconclusive").asInt()).isEqualTo(2);
        assertThat(paper.path("not-comparable").asInt()).isEqualTo(1);
        assertThat(summary.path("counts").path("selfChecks").path("agrees").asInt()).isEqualTo(1);
        assertThat(summary.path("counts").path("generalisations").path("total").asInt()).isEqualTo(1);
        assertThat(summary.path("counts").has("unclassified")).isFalse();
        assertThat(summary.path("failedStudies").asInt()).isZero();
        JsonNode erbin = null;
        for (JsonNode p : summary.path("papers")) {
            if (p.path("paper").asText().equals("erbin2022")) {
                erbin = p;
            }
        }
        assertThat(erbin).isNotNull();
        assertThat(erbin.path("counts").path("paperClaims").path("total").asInt()).isEqualTo(6);

        // --json prints the same counts
        CliRun j = CliRun.of("reproduce", "--only", "report-fixture", "--out", tmp.resolve("json").toString(), "--quiet", "--json");
        JsonNode js = Json.mapper().readTree(j.out());
        assertThat(js.path("counts").path("paperClaims").path("disagrees").asInt()).isEqualTo(1);
        assertThat(js.path("failedStudies").asInt()).isZero();

        // the union of the claims at the top
        JsonNode claims = Json.mapper().readTree(out.resolve("claims.json").toFile());
        assertThat(claims.size()).isEqualTo(8);
        for (JsonNode c : claims) {
            assertThat(c.path("paper").asText()).isEqualTo("erbin2022");
        }
        assertThat(out.resolve("report-fixture/claims.json")).exists();
    }

    @Test
    void reportCanBeScanned(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("report");
        assertThat(CliRun.of("reproduce", "--only", "report-fixture", "--out", out.toString(), "--quiet").code()).isZero();
        String html = Files.readString(out.resolve("index.html"));
        assertThat(HtmlCheck.problems(html)).as("structure of index.html").isEmpty();
        assertThat(HtmlCheck.problems(Files.readString(out.resolve("report-fixture/index.html")))).isEmpty();
        for (Paper p : Paper.values()) {
            assertThat(html).contains("id=\"" + p.key() + "\"");
            if (p.link() != null) {
                assertThat(html).contains("href=\"" + p.link() + "\"");
            }
        }
        // one line per paper claim that does not simply agree, linking to its row (rows have the claim ids)
        String attention = between(html, "id=\"attention\"", "</table>");
        for (String id : List.of("erbin2022-fixture-sum", "erbin2022-fixture-convention", "erbin2022-fixture-noise-a",
                "erbin2022-fixture-noise-b", "erbin2022-fixture-qualitative")) {
            assertThat(attention).contains("href=\"#" + id + "\"");
            assertThat(html).contains("<tr id=\"" + id + "\"");
        }
        assertThat(attention).doesNotContain("erbin2022-fixture-mean").doesNotContain("fixture-selfcheck");
        // the five verdicts have their CSS classes
        for (Verdict v : Verdict.values()) {
            assertThat(html).contains("tr." + v.key()).contains("class=\"" + v.key() + "\"");
        }
        // a reason shared by two rows is written once per table (as a note), not on every row
        assertThat(count(html, ReportFixtureStudy.SHARED_REASON)).isEqualTo(2); // the summary table's note and the study table's note
        String page = Files.readString(out.resolve("report-fixture/index.html"));
        assertThat(count(page, ReportFixtureStudy.SHARED_REASON)).isEqualTo(1);
        // the study page links back to the report and to its own provenance, which exists
        assertThat(page).contains("href=\"../index.html#study-report-fixture\"").contains("href=\"provenance.json\"");
        JsonNode prov = Json.mapper().readTree(out.resolve("report-fixture/provenance.json").toFile());
        assertThat(prov.path("tool").asText()).isEqualTo("deeprg");
        assertThat(prov.path("spec").path("study").asText()).isEqualTo("report-fixture");
        assertThat(html).contains("id=\"study-report-fixture\"");
        // figures: drawn ones as images with their data, the degenerate one explained instead of drawn
        assertThat(out.resolve("report-fixture/decay.png")).exists();
        assertThat(out.resolve("report-fixture/decay.svg")).exists();
        assertThat(out.resolve("report-fixture/decay.plot.csv")).exists();
        assertThat(out.resolve("report-fixture/spike.png")).doesNotExist();
        assertThat(out.resolve("report-fixture/spike.plot.csv")).exists();
        assertThat(html).contains("Not drawn: its only series is degenerate");
        // the unreliable point is flagged in the figure's CSV
        assertThat(Files.readString(out.resolve("report-fixture/decay.plot.csv"))).contains("y error reliable").contains(",false,");
        assertThat(out.resolve("provenance.json")).exists();
    }

    @Test
    void theStructureCheckFindsBrokenPages() {
        assertThat(HtmlCheck.problems("<p><b>x</b></p><img src=\"a.png\"><br>")).isEmpty();
        assertThat(HtmlCheck.problems("<p><b>x</p>")).isNotEmpty();
        assertThat(HtmlCheck.problems("<p id=\"a\"></p><p id=\"a\"></p>")).containsExactly("duplicate id a");
        assertThat(HtmlCheck.problems("<a href=\"#b\">b</a>")).containsExactly("link to missing #b");
        assertThat(HtmlCheck.problems("<div>")).isNotEmpty();
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
     * claims.json of a real reproduce of every registered study follows the schema: an array of objects with a
     * unique id, the paper's short key, a kind, a statement, a verdict from the vocabulary, a reference for paper
     * claims, numbers as JSON numbers; agrees-under-convention names its convention and inconclusive says what would
     * resolve it. A claim without id, kind or reference is refused.
     */
    @Test
    void claimsOfEveryStudyFollowTheSchema() throws Exception {
        reproduceEveryStudy();
        assertThat(fullRun.code()).as(fullRun.err()).isZero();
        Set<String> papers = new HashSet<>();
        for (Paper p : Paper.values()) {
            papers.add(p.shortKey());
        }
        Set<String> verdicts = new HashSet<>();
        for (Verdict v : Verdict.values()) {
            verdicts.add(v.key());
        }
        Set<String> kinds = new HashSet<>();
        for (ClaimKind k : ClaimKind.values()) {
            kinds.add(k.key());
        }
        JsonNode union = Json.mapper().readTree(full.resolve("claims.json").toFile());
        assertThat(union.isArray()).isTrue();
        int perStudy = 0;
        Map<String, Integer> legacy = new TreeMap<>();
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (Study s : Studies.all()) {
            Path f = full.resolve(s.id()).resolve("claims.json");
            if (!Files.exists(f)) {
                continue;
            }
            JsonNode claims = Json.mapper().readTree(f.toFile());
            assertThat(claims.isArray()).as(f.toString()).isTrue();
            for (JsonNode c : claims) {
                perStudy++;
                String where = s.id() + ": " + c.path("statement").asText();
                boolean isLegacy = !c.has("id") && !c.has("kind") && !c.has("ref");
                if (isLegacy) {
                    legacy.merge(s.id(), 1, Integer::sum);
                } else {
                    if (!c.path("id").isTextual() || !ids.add(c.path("id").asText())) {
                        problems.add(where + ": id missing or not unique: " + c.path("id"));
                    }
                    if (!kinds.contains(c.path("kind").asText())) {
                        problems.add(where + ": kind " + c.path("kind"));
                    }
                    if (c.path("kind").asText().equals("paper-claim") && c.path("ref").asText("").isBlank()) {
                        problems.add(where + ": a paper claim without ref");
                    }
                    if (!c.path("id").asText().startsWith(c.path("paper").asText() + "-")) {
                        problems.add(where + ": id does not start with the paper key");
                    }
                }
                if (!papers.contains(c.path("paper").asText())) {
                    problems.add(where + ": paper " + c.path("paper"));
                }
                if (!c.path("paper").asText().equals(s.paper().shortKey())) {
                    problems.add(where + ": paper " + c.path("paper") + " in a study of " + s.paper().shortKey());
                }
                if (c.path("statement").asText("").isBlank()) {
                    problems.add(where + ": no statement");
                }
                String v = c.path("verdict").asText();
                if (!verdicts.contains(v)) {
                    problems.add(where + ": verdict " + c.path("verdict"));
                }
                if (v.equals("agrees-under-convention") && c.path("convention").asText("").isBlank()) {
                    problems.add(where + ": agrees-under-convention without a convention");
                }
                if (v.equals("inconclusive") && c.path("resolve").asText("").isBlank()) {
                    problems.add(where + ": inconclusive without what would resolve it");
                }
                for (String field : List.of("paperValue", "measured")) {
                    JsonNode val = c.path(field);
                    if (val.isMissingNode()) {
                        continue;
                    }
                    for (String num : List.of("value", "stderr")) {
                        if (val.has(num) && !val.get(num).isNumber()) {
                            problems.add(where + ": " + field + "." + num + " is not a JSON number: " + val.get(num));
                        }
                    }
                    if (val.has("stderrReliable") && !val.get("stderrReliable").isBoolean()) {
                        problems.add(where + ": " + field + ".stderrReliable is not a boolean");
                    }
                    if (!val.path("text").isTextual()) {
                        problems.add(where + ": " + field + " has no text");
                    }
                }
            }
        }
        assertThat(problems).as("schema violations").isEmpty();
        assertThat(union.size()).as("the top-level claims.json is the union of the studies'").isEqualTo(perStudy);
        int legacyTotal = legacy.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("claims.json schema: " + perStudy + " claims, " + legacyTotal + " legacy (no id/kind/ref) by study: " + legacy);
        assertThat(legacy).as("studies with legacy claims (rewrite them with Claim.of)").isEmpty();
        // the console and result.json count the same claims
        JsonNode summary = Json.mapper().readTree(full.resolve("result.json").toFile());
        int counted = 0;
        for (String kind : List.of("paperClaims", "selfChecks", "generalisations")) {
            counted += summary.path("counts").path(kind).path("total").asInt();
        }
        assertThat(counted).isEqualTo(perStudy);
        assertThat(fullRun.out()).contains("paper claims: ");
    }

    /**
     * Opens the report in headless Chromium and reads back the DOM after load: every plot image must have loaded
     * (the page's own script counts broken images) and the claims tables must be there. Skipped only outside CI when
     * Chromium is not installed; in CI (.ci/run installs Debian's chromium) it must run.
     */
    @Test
    void reportRendersInHeadlessChromiumWithoutBrokenImages(@TempDir Path tmp) throws Exception {
        Path chromium = chromium();
        Path out = tmp.resolve("report");
        assertThat(CliRun.of("reproduce", "--only", "report-fixture", "--out", out.toString(), "--quiet").code()).isZero();
        String dom = dumpDom(chromium, out.resolve("index.html"), tmp.resolve("profile"));
        Matcher images = Pattern.compile("data-images=\"(\\d+)\"").matcher(dom);
        Matcher broken = Pattern.compile("data-broken-images=\"(\\d+)\"").matcher(dom);
        assertThat(images.find()).as("the page's load script ran").isTrue();
        assertThat(Integer.parseInt(images.group(1))).isEqualTo(3); // decay, draws, flow; the degenerate spike is not drawn
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

    /**
     * The report of every study has no broken image, and a screenshot of one study page per paper (and of the
     * report's top) is a full-size, non-blank picture: many distinct colours, a real share of non-white pixels.
     */
    @Test
    void onePagePerPaperLooksRightInHeadlessChromium(@TempDir Path tmp) throws Exception {
        Path chromium = chromium();
        reproduceEveryStudy();
        assertThat(fullRun.code()).as(fullRun.err()).isZero();
        assertThat(HtmlCheck.problems(Files.readString(full.resolve("index.html")))).as("structure of the full report").isEmpty();
        String dom = dumpDom(chromium, full.resolve("index.html"), tmp.resolve("profile"));
        Matcher broken = Pattern.compile("data-broken-images=\"(\\d+)\"").matcher(dom);
        assertThat(broken.find()).as("the page's load script ran").isTrue();
        assertThat(broken.group(1)).as("broken images in the full report").isEqualTo("0");

        Map<String, Path> pages = new LinkedHashMap<>();
        pages.put("report", full.resolve("index.html"));
        for (Paper p : Paper.values()) {
            for (Study s : Studies.all()) {
                if (s.paper() == p && !s.id().equals("report-fixture") && !pages.containsKey(p.shortKey())
                        && Files.exists(full.resolve(s.id()).resolve("index.html"))) {
                    pages.put(p.shortKey(), full.resolve(s.id()).resolve("index.html"));
                }
            }
            assertThat(pages).as("a study page of " + p.shortKey()).containsKey(p.shortKey());
        }
        Path shots = Path.of("target", "report-screenshots");
        Files.createDirectories(shots);
        for (Map.Entry<String, Path> e : pages.entrySet()) {
            Path png = shots.resolve(e.getKey() + ".png");
            Files.deleteIfExists(png);
            screenshot(chromium, e.getValue(), png, tmp.resolve("profile-" + e.getKey()));
            assertThat(png).as("screenshot of " + e.getValue()).exists();
            BufferedImage img = ImageIO.read(png.toFile());
            assertThat(img.getWidth()).isEqualTo(SHOT_WIDTH);
            assertThat(img.getHeight()).isEqualTo(SHOT_HEIGHT);
            Set<Integer> colours = new HashSet<>();
            long nonWhite = 0;
            for (int y = 0; y < img.getHeight(); y += 2) {
                for (int x = 0; x < img.getWidth(); x += 2) {
                    int rgb = img.getRGB(x, y) & 0xFFFFFF;
                    colours.add(rgb);
                    if (rgb != 0xFFFFFF) {
                        nonWhite++;
                    }
                }
            }
            double share = nonWhite / (img.getWidth() / 2.0 * img.getHeight() / 2.0);
            assertThat(colours.size()).as("distinct colours in " + png).isGreaterThan(200);
            assertThat(share).as("non-white share of " + png).isBetween(0.03, 0.9);
        }
    }

    static final int SHOT_WIDTH = 1280;
    static final int SHOT_HEIGHT = 2400;

    private static Path chromium() {
        Path chromium = Path.of("/usr/bin/chromium");
        boolean ci = "true".equals(System.getenv("CI"));
        if (!ci) {
            assumeTrue(Files.isExecutable(chromium), "chromium not installed (apt-get install chromium)");
        }
        return chromium;
    }

    private static List<String> chromiumCommand(Path chromium, Path profile) {
        return new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--allow-file-access-from-files", "--virtual-time-budget=10000"));
    }

    static String dumpDom(Path chromium, Path page, Path profile) throws Exception {
        List<String> cmd = chromiumCommand(chromium, profile);
        cmd.add("--dump-dom");
        cmd.add(page.toUri().toString());
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }

    static void screenshot(Path chromium, Path page, Path png, Path profile) throws Exception {
        List<String> cmd = chromiumCommand(chromium, profile);
        cmd.add("--hide-scrollbars");
        cmd.add("--window-size=" + SHOT_WIDTH + "," + SHOT_HEIGHT);
        cmd.add("--screenshot=" + png.toAbsolutePath());
        cmd.add(page.toUri().toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    }

    private static String between(String s, String from, String to) {
        int a = s.indexOf(from);
        assertThat(a).as(from).isNotNegative();
        int z = s.indexOf(to, a);
        return s.substring(a, z);
    }

    private static int count(String s, String sub) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) {
            n++;
        }
        return n;
    }
}
