package org.deeprg.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeprg.json.Json;
import org.deeprg.result.Claim;
import org.deeprg.result.ClaimKind;
import org.deeprg.result.ClaimTally;
import org.deeprg.result.Figure;
import org.deeprg.result.Paper;
import org.deeprg.result.Result;
import org.deeprg.result.Verdict;

/**
 * The {@code reproduce} report: one directory with a sub-directory per study (a full result directory each, with its
 * own provenance.json and a link back), the union of all claims as {@code claims.json}, a {@code result.json} with the
 * counts per kind and verdict, and a top-level {@code index.html} that can be scanned: per paper the counts of paper
 * claims by verdict and the paper's link, a table of every paper claim that does not simply agree (one line each,
 * linking to its row), then a section per paper with every claim, the paper's value, deeprg's value with its
 * uncertainty, the verdict and how it was judged, followed by the study's figures.
 */
public final class ReportWriter {
    private ReportWriter() {
    }

    /**
     * One study's outcome: its result, or the failure message if it threw.
     *
     * @param id      study id (sub-directory name)
     * @param paper   paper
     * @param title   study title
     * @param result  result, or null on failure
     * @param failure failure message, or null
     * @param seconds wall time
     */
    public record StudyRun(String id, Paper paper, String title, Result result, String failure, double seconds) {
        /** The study's claims (empty for a failed study). */
        public List<Claim> claims() {
            return result == null ? List.of() : result.claims();
        }
    }

    /** The spec recorded in a study's provenance.json inside a report. */
    public record StudySpec(String study, String title, String paper, String scale, String randomStream) {
    }

    /** Per-paper part of the summary: the paper and the counts of its studies' claims. */
    public record PaperSummary(String paper, String key, String link, String citation, ClaimTally counts) {
    }

    /** Per-study part of the summary ({@code paper}: the paper's key, its file stem in shared/papers). */
    public record StudySummary(String id, String paper, String title, double seconds, String failure, ClaimTally counts,
                               List<Claim> claims) {
    }

    /**
     * What the report's result.json holds: the counts of all claims by kind and verdict (the headline is
     * {@code counts.paperClaims}), per paper and per study.
     */
    public record Summary(String scale, int failedStudies, ClaimTally counts, List<PaperSummary> papers, List<StudySummary> studies) {
    }

    /** Writes the report atomically to {@code target}. */
    public static Path write(Path target, List<StudyRun> runs, Provenance provenance, String scale) throws IOException {
        return ResultWriter.atomically(target, tmp -> fill(tmp, runs, provenance, scale));
    }

    /** The counts of every claim of the runs by kind and verdict. */
    public static ClaimTally tally(List<StudyRun> runs) {
        List<Claim> all = new ArrayList<>();
        runs.forEach(r -> all.addAll(r.claims()));
        return ClaimTally.of(all);
    }

    /** The summary written as result.json. */
    public static Summary summary(List<StudyRun> runs, String scale) {
        List<Claim> all = new ArrayList<>();
        List<StudySummary> studies = new ArrayList<>();
        int failed = 0;
        for (StudyRun r : runs) {
            all.addAll(r.claims());
            failed += r.result() == null ? 1 : 0;
            studies.add(new StudySummary(r.id(), r.paper().key(), r.title(), r.seconds(), r.failure(), ClaimTally.of(r.claims()),
                    r.claims()));
        }
        List<PaperSummary> papers = new ArrayList<>();
        for (Paper p : Paper.values()) {
            List<Claim> cs = new ArrayList<>();
            runs.stream().filter(r -> r.paper() == p).forEach(r -> cs.addAll(r.claims()));
            papers.add(new PaperSummary(p.shortKey(), p.key(), p.link(), p.citation(), ClaimTally.of(cs)));
        }
        return new Summary(scale, failed, ClaimTally.of(all), papers, studies);
    }

    private static void fill(Path tmp, List<StudyRun> runs, Provenance provenance, String scale) throws IOException {
        Map<String, Map<String, PlotRenderer.Rendering>> renderings = new java.util.HashMap<>();
        List<Claim> all = new ArrayList<>();
        for (StudyRun run : runs) {
            all.addAll(run.claims());
            if (run.result() != null) {
                Path sub = tmp.resolve(run.id());
                Files.createDirectories(sub);
                Provenance p = provenance.withSpec(new StudySpec(run.id(), run.title(), run.paper().shortKey(),
                        scale.toLowerCase(Locale.ROOT), "root seed split by the study id \"" + run.id() + "\""));
                if (!run.result().inputFiles().isEmpty()) {
                    p = p.withInputFiles(run.result().inputFiles());
                }
                renderings.put(run.id(), ResultWriter.writeContents(sub, run.result(), p, ResultPage.Context.inReport(run.id(), run.paper())));
            }
        }
        Summary summary = summary(runs, scale);
        Files.writeString(tmp.resolve("result.json"), Json.write(summary) + "\n", StandardCharsets.UTF_8);
        Files.writeString(tmp.resolve("claims.json"), Json.write(all) + "\n", StandardCharsets.UTF_8);
        Files.writeString(tmp.resolve("provenance.json"), Json.write(provenance) + "\n", StandardCharsets.UTF_8);
        Files.writeString(tmp.resolve("index.html"), page(runs, provenance, summary, renderings), StandardCharsets.UTF_8);
    }

    static String page(List<StudyRun> runs, Provenance prov, Summary summary, Map<String, Map<String, PlotRenderer.Rendering>> renderings) {
        StringBuilder b = new StringBuilder(Html.head("deeprg reproduce report"));
        ClaimTally counts = summary.counts();
        b.append("<h1>deeprg: reproduction of four papers on the physics of deep networks</h1>\n");
        b.append("<p class=\"meta\">Scale <b>").append(Html.escape(summary.scale().toLowerCase(Locale.ROOT))).append("</b> · seed ")
                .append(prov.seed()).append(" · deeprg ").append(Html.escape(prov.version()));
        if (prov.gitCommit() != null) {
            b.append(" (").append(prov.gitCommit(), 0, 10).append(Boolean.TRUE.equals(prov.gitDirty()) ? ", uncommitted changes" : "")
                    .append(")");
        }
        b.append(" · ").append(summary.studies().size()).append(" studies · ").append(Html.escape(when(prov.start())))
                .append(" · <a href=\"claims.json\">claims.json</a> · <a href=\"result.json\">result.json</a> · "
                        + "<a href=\"provenance.json\">provenance.json</a></p>\n");
        if (summary.failedStudies() > 0) {
            b.append("<p class=\"failed\"><b>").append(summary.failedStudies()).append(" of ").append(summary.studies().size())
                    .append(" studies failed</b>: ");
            List<String> f = new ArrayList<>();
            for (StudyRun r : runs) {
                if (r.result() == null) {
                    f.add("<a href=\"#study-" + r.id() + "\">" + Html.escape(r.id()) + "</a>");
                }
            }
            b.append(String.join(", ", f)).append(".</p>\n");
        }
        b.append("<p class=\"headline\"><b>Paper claims</b> (statements the papers make) ").append(Html.counts(counts.paperClaims()))
                .append("</p>\n");
        ResultPage.other(b, counts);
        b.append("<p class=\"kind\">Verdicts: ").append(Html.chip(Verdict.AGREES)).append(" within the stated tolerance; ")
                .append(Html.chip(Verdict.AGREES_UNDER_CONVENTION)).append(" once the named convention is fixed; ")
                .append(Html.chip(Verdict.DISAGREES)).append(" the paper's statement is wrong (the corrected one is given); ")
                .append(Html.chip(Verdict.INCONCLUSIVE)).append(" this run cannot decide (what would is given); ")
                .append(Html.chip(Verdict.NOT_COMPARABLE)).append(" the paper gives nothing checkable. Sampled values are "
                        + "value(error) with the standard error in the last digits.</p>\n");

        // per paper: the link and the counts of paper claims by verdict (other kinds apart)
        b.append("<table class=\"papers\"><thead><tr><th>paper</th><th>paper claims by verdict</th><th>self-checks</th>"
                + "<th>generalisations</th>");
        b.append("</tr></thead><tbody>\n");
        for (PaperSummary ps : summary.papers()) {
            Paper p = paper(ps.key());
            b.append("<tr><td><a href=\"#").append(p.key()).append("\"><b>").append(Html.escape(p.shortKey())).append("</b></a> ")
                    .append(Html.escape(shortCitation(p)));
            if (p.link() != null) {
                b.append(" — <a href=\"").append(Html.escape(p.link())).append("\">").append(Html.escape(linkText(p.link()))).append("</a>");
            }
            b.append("</td><td>").append(Html.counts(ps.counts().paperClaims())).append("</td><td>")
                    .append(Html.counts(ps.counts().selfChecks())).append("</td><td>").append(Html.counts(ps.counts().generalisations()))
                    .append("</td>");
            b.append("</tr>\n");
        }
        b.append("</tbody></table>\n");

        attention(b, runs, ClaimKind.PAPER_CLAIM, "Paper claims that do not simply agree");

        Map<Paper, List<StudyRun>> byPaper = new EnumMap<>(Paper.class);
        for (StudyRun r : runs) {
            byPaper.computeIfAbsent(r.paper(), k -> new ArrayList<>()).add(r);
        }
        for (Paper p : Paper.values()) {
            b.append("<section id=\"").append(p.key()).append("\" class=\"paper\">\n<h2>").append(Html.escape(p.citation())).append("</h2>\n");
            if (p.link() != null) {
                b.append("<p class=\"meta\"><a href=\"").append(Html.escape(p.link())).append("\">").append(Html.escape(p.link()))
                        .append("</a></p>\n");
            }
            List<StudyRun> rs = byPaper.getOrDefault(p, List.of());
            if (rs.isEmpty()) {
                b.append("<p>No study of this paper was run.</p>\n</section>\n");
                continue;
            }
            List<Claim> pc = new ArrayList<>();
            rs.forEach(r -> pc.addAll(r.claims()));
            ClaimTally t = ClaimTally.of(pc);
            b.append("<p class=\"headline\">Paper claims: ").append(Html.counts(t.paperClaims())).append("</p>\n");
            ResultPage.other(b, t);
            for (StudyRun r : rs) {
                b.append("<h3 id=\"study-").append(r.id()).append("\">").append(Html.escape(r.title())).append("</h3>\n<p class=\"meta\">")
                        .append(Html.escape(r.id())).append(" · ").append(Html.seconds(r.seconds()));
                if (r.result() != null) {
                    b.append(" · <a href=\"").append(r.id()).append("/index.html\">study page</a> · <a href=\"").append(r.id())
                            .append("/claims.json\">claims.json</a> · <a href=\"").append(r.id()).append("/result.json\">result.json</a> · <a href=\"")
                            .append(r.id()).append("/provenance.json\">provenance.json</a>");
                }
                b.append("</p>\n");
                if (r.result() == null) {
                    b.append("<p class=\"failed\">The study failed: ").append(Html.escape(r.failure())).append("</p>\n");
                    continue;
                }
                if (!r.result().summary().isEmpty()) {
                    b.append("<ul class=\"summary\">\n");
                    for (String s : r.result().summary()) {
                        b.append("<li>").append(Html.escape(s)).append("</li>\n");
                    }
                    b.append("</ul>\n");
                }
                Html.claimsSection(b, r.claims(), "claim-" + r.id(), "h4");
                Map<String, PlotRenderer.Rendering> rs2 = renderings.getOrDefault(r.id(), Map.of());
                for (Figure f : r.result().figures()) {
                    Html.figure(b, f, rs2.get(f.name()), r.id() + "/");
                }
            }
            b.append("</section>\n");
        }
        b.append("<h2>Provenance</h2>\n<pre>").append(Html.escape(Json.write(prov))).append("</pre>\n");
        b.append(Html.foot());
        return b.toString();
    }

    /**
     * The table of claims of a kind that do not simply agree, one line each with a short reason, linking to their
     * rows; a short reason shared by several rows is written once, as a note under the table.
     */
    private static void attention(StringBuilder b, List<StudyRun> runs, ClaimKind kind, String heading) {
        List<String[]> rows = new ArrayList<>(); // paper, ref, statement, verdict key, short reason, convention, row id
        for (StudyRun r : runs) {
            List<Claim> cs = r.claims();
            for (int i = 0; i < cs.size(); i++) {
                Claim c = cs.get(i);
                if (c.kind() == kind && c.verdict() != Verdict.AGREES) {
                    rows.add(new String[] {r.paper().shortKey(), c.ref(), c.statement(), c.verdict().key(), Html.shortReason(c.reason()),
                        c.convention() == null ? null : Html.shortReason(c.convention()), Html.rowId(c, "claim-" + r.id(), i)});
                }
            }
        }
        String id = "attention";
        if (rows.isEmpty()) {
            if (kind == ClaimKind.PAPER_CLAIM) {
                b.append("<h2 id=\"").append(id).append("\">").append(Html.escape(heading)).append("</h2>\n<p>None.</p>\n");
            }
            return;
        }
        Map<String, Integer> occurrences = new java.util.HashMap<>();
        for (String[] row : rows) {
            if (row[4].length() >= Html.NOTE_MIN_LENGTH) {
                occurrences.merge(row[4], 1, Integer::sum);
            }
        }
        Map<String, Integer> notes = new java.util.LinkedHashMap<>();
        b.append("<h2 id=\"").append(id).append("\">").append(Html.escape(heading)).append(" (").append(rows.size()).append(")</h2>\n");
        b.append("<table class=\"attention\"><thead><tr><th>paper</th><th>ref</th><th>claim</th><th>verdict</th><th>why (short)</th>"
                + "<th></th></tr></thead><tbody>\n");
        for (String[] row : rows) {
            b.append("<tr class=\"").append(row[3]).append("\"><td>").append(Html.escape(row[0])).append("</td><td class=\"ref\">")
                    .append(Html.escape(row[1])).append("</td><td>").append(Html.escape(row[2])).append("</td><td class=\"verdict\">")
                    .append(Html.chip(verdict(row[3]))).append("</td><td>");
            if (occurrences.getOrDefault(row[4], 0) >= 2) {
                int n = notes.computeIfAbsent(row[4], k -> notes.size() + 1);
                b.append("<a class=\"note-ref\" href=\"#").append(id).append("-note-").append(n).append("\">see note ").append(n)
                        .append("</a>");
            } else {
                b.append(Html.escape(row[4]));
            }
            if (row[5] != null) {
                b.append(" <i>Convention: ").append(Html.escape(row[5])).append("</i>");
            }
            b.append("</td><td><a href=\"#").append(Html.escape(row[6])).append("\">row</a></td></tr>\n");
        }
        b.append("</tbody></table>\n");
        if (!notes.isEmpty()) {
            b.append("<ol class=\"notes\">\n");
            for (Map.Entry<String, Integer> e : notes.entrySet()) {
                b.append("<li id=\"").append(id).append("-note-").append(e.getValue()).append("\">").append(Html.escape(e.getKey()))
                        .append("</li>\n");
            }
            b.append("</ol>\n");
        }
    }

    private static Verdict verdict(String key) {
        for (Verdict v : Verdict.values()) {
            if (v.key().equals(key)) {
                return v;
            }
        }
        throw new IllegalArgumentException(key);
    }

    private static Paper paper(String key) {
        for (Paper p : Paper.values()) {
            if (p.key().equals(key)) {
                return p;
            }
        }
        throw new IllegalArgumentException(key);
    }

    /** The title part of a citation (between the first pair of quotes), or the citation. */
    private static String shortCitation(Paper p) {
        String c = p.citation();
        int a = c.indexOf('"');
        int z = a < 0 ? -1 : c.indexOf('"', a + 1);
        return a >= 0 && z > a ? c.substring(a + 1, z) : c;
    }

    private static String linkText(String link) {
        return link.replaceFirst("^https?://(doi\\.org/|arxiv\\.org/abs/)", link.contains("arxiv") ? "arXiv:" : "doi:");
    }

    /** An ISO instant as {@code 2026-11-30 16:13 UTC}. */
    private static String when(String instant) {
        try {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC)
                    .format(java.time.Instant.parse(instant));
        } catch (RuntimeException e) {
            return instant;
        }
    }
}
