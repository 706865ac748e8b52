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
import org.deeprg.result.Figure;
import org.deeprg.result.Result;
import org.deeprg.result.Verdict;
import org.deeprg.result.Paper;

/**
 * The {@code reproduce} report: one directory with a sub-directory per study (a full result directory each)
 * and a top-level {@code index.html} with a section per paper listing every checked claim, the paper's value,
 * deeprg's value with its uncertainty and the verdict, followed by the study's figures.
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
    }

    /** Counts of verdicts, serialised into the report's result.json. */
    public record Counts(int agrees, int disagrees, int notComparable, int failedStudies) {
    }

    /** What the report's result.json holds. */
    public record Summary(String scale, Counts counts, List<StudySummary> studies) {
    }

    /** Per-study part of the summary. */
    public record StudySummary(String id, String paper, String title, double seconds, String failure, List<Claim> claims) {
    }

    /** Writes the report atomically to {@code target}. */
    public static Path write(Path target, List<StudyRun> runs, Provenance provenance, String scale) throws IOException {
        return ResultWriter.atomically(target, tmp -> fill(tmp, runs, provenance, scale));
    }

    private static void fill(Path tmp, List<StudyRun> runs, Provenance provenance, String scale) throws IOException {
        int agrees = 0;
        int disagrees = 0;
        int nc = 0;
        int failed = 0;
        List<StudySummary> studies = new ArrayList<>();
        for (StudyRun run : runs) {
            List<Claim> claims = run.result() == null ? List.of() : run.result().claims();
            if (run.result() != null) {
                Path sub = tmp.resolve(run.id());
                Files.createDirectories(sub);
                ResultWriter.writeContents(sub, run.result(), null, run.title());
            } else {
                failed++;
            }
            for (Claim c : claims) {
                switch (c.verdict()) {
                    case AGREES, AGREES_UNDER_CONVENTION -> agrees++;
                    case DISAGREES -> disagrees++;
                    case NOT_COMPARABLE, INCONCLUSIVE -> nc++;
                }
            }
            studies.add(new StudySummary(run.id(), run.paper().key(), run.title(), run.seconds(), run.failure(), claims));
        }
        Counts counts = new Counts(agrees, disagrees, nc, failed);
        Files.writeString(tmp.resolve("result.json"), Json.write(new Summary(scale, counts, studies)) + "\n", StandardCharsets.UTF_8);
        Files.writeString(tmp.resolve("provenance.json"), Json.write(provenance) + "\n", StandardCharsets.UTF_8);
        Files.writeString(tmp.resolve("index.html"), page(runs, provenance, counts, scale), StandardCharsets.UTF_8);
    }

    static String page(List<StudyRun> runs, Provenance prov, Counts counts, String scale) {
        StringBuilder b = new StringBuilder(Html.head("deeprg reproduce report"));
        b.append("<h1>deeprg: reproduction of four papers on the physics of deep networks</h1>\n");
        b.append("<p>Scale: <b>").append(Html.escape(scale.toLowerCase(Locale.ROOT))).append("</b>. Claims checked: ")
                .append(counts.agrees() + counts.disagrees() + counts.notComparable()).append(" — <span class=\"agrees\">")
                .append(counts.agrees()).append(" agree</span>, <span class=\"disagrees\">").append(counts.disagrees())
                .append(" disagree</span>, <span class=\"not-comparable\">").append(counts.notComparable())
                .append(" not comparable</span>");
        if (counts.failedStudies() > 0) {
            b.append(", <b>").append(counts.failedStudies()).append(" studies failed</b>");
        }
        b.append(". Each sampled value is given as value(error) with the standard error in the last digits; ")
                .append("the verdict column says how it was judged. Every study's data, CSV tables and plots are in its sub-directory.</p>\n");
        Map<Paper, List<StudyRun>> byPaper = new EnumMap<>(Paper.class);
        for (StudyRun r : runs) {
            byPaper.computeIfAbsent(r.paper(), k -> new ArrayList<>()).add(r);
        }
        b.append("<ul>\n");
        for (Paper p : Paper.values()) {
            b.append("<li><a href=\"#").append(p.key()).append("\">").append(Html.escape(p.citation())).append("</a></li>\n");
        }
        b.append("</ul>\n");
        for (Paper p : Paper.values()) {
            b.append("<section id=\"").append(p.key()).append("\" class=\"paper\">\n<h2>").append(Html.escape(p.citation())).append("</h2>\n");
            List<StudyRun> rs = byPaper.getOrDefault(p, List.of());
            if (rs.isEmpty()) {
                b.append("<p>No study of this paper is implemented yet.</p>\n</section>\n");
                continue;
            }
            List<Claim> all = new ArrayList<>();
            for (StudyRun r : rs) {
                if (r.result() != null) {
                    all.addAll(r.result().claims());
                }
            }
            long agree = all.stream().filter(c -> c.verdict() == Verdict.AGREES).count();
            long disagree = all.stream().filter(c -> c.verdict() == Verdict.DISAGREES).count();
            b.append("<p class=\"paper-counts\">").append(all.size()).append(" claims checked: ").append(agree)
                    .append(" agree, ").append(disagree).append(" disagree, ").append(all.size() - agree - disagree)
                    .append(" not comparable.</p>\n");
            for (StudyRun r : rs) {
                b.append("<h3>").append(Html.escape(r.title())).append(" <small>(").append(String.format(Locale.ROOT, "%.1f s", r.seconds()))
                        .append(", <a href=\"").append(r.id()).append("/index.html\">details</a>)</small></h3>\n");
                if (r.result() == null) {
                    b.append("<p class=\"disagrees\">The study failed: ").append(Html.escape(r.failure())).append("</p>\n");
                    continue;
                }
                for (String s : r.result().summary()) {
                    b.append("<p>").append(Html.escape(s)).append("</p>\n");
                }
                Html.claimsTable(b, r.result().claims(), null);
                for (Figure f : r.result().figures()) {
                    Html.figure(b, f, r.id() + "/");
                }
            }
            b.append("</section>\n");
        }
        b.append("<h2>Provenance</h2>\n<pre>").append(Html.escape(Json.write(prov))).append("</pre>\n");
        b.append(Html.foot());
        return b.toString();
    }

    /** Number of claims with the given verdict (for tests and the CLI summary). */
    public static long count(List<StudyRun> runs, Verdict v) {
        return runs.stream().filter(r -> r.result() != null).flatMap(r -> r.result().claims().stream())
                .filter(c -> c.verdict() == v).count();
    }
}
