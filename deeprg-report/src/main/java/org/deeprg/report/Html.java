package org.deeprg.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeprg.result.Claim;
import org.deeprg.result.ClaimKind;
import org.deeprg.result.ClaimTally;
import org.deeprg.result.Figure;
import org.deeprg.result.Table;
import org.deeprg.result.Value;
import org.deeprg.result.Verdict;

/** Small HTML building blocks shared by result pages and the reproduce report. */
final class Html {
    static final int MAX_INLINE_ROWS = 40;
    /** A reason at least this long that occurs on two or more rows of a table is written once, as a note. */
    static final int NOTE_MIN_LENGTH = 60;
    /** Length of the short reasons in the summary table of the report. */
    static final int SHORT_REASON = 160;

    private Html() {
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String head(String title) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + escape(title) + "</title>\n"
                + "<style>\n"
                + "body{font-family:system-ui,-apple-system,'Segoe UI','DejaVu Sans',sans-serif;max-width:1180px;margin:1.5em auto;padding:0 1em;color:#1d1d1d;line-height:1.4}\n"
                + "h1{font-size:1.6em;margin-bottom:.3em}h2{border-bottom:2px solid #ddd;padding-bottom:.2em;margin-top:2em}h3{margin-top:1.6em}\n"
                + "a{color:#0b57a4}nav.top{font-size:.92em;margin-bottom:1em}.meta{color:#555;font-size:.92em}\n"
                + "table{border-collapse:collapse;margin:.8em 0;font-size:.9em}th,td{border:1px solid #ccc;padding:.3em .55em;text-align:left;vertical-align:top}\n"
                + "th{background:#f3f3f3}td.num{font-family:ui-monospace,'DejaVu Sans Mono',monospace;font-size:.92em;overflow-wrap:anywhere}td.count{text-align:right;font-variant-numeric:tabular-nums}\n"
                + "table.claims,table.attention{width:100%}table.claims td.num{width:12%}table.claims td:nth-child(2){width:27%}\n"
                + "tr.agrees td{background:#e6f5e6}tr.agrees-under-convention td{background:#e2f0f7}tr.disagrees td{background:#fbe3e3}\n"
                + "tr.inconclusive td{background:#fdf1d8}tr.not-comparable td{background:#efefef}\n"
                + ".verdict{font-weight:600;white-space:nowrap}.v{display:inline-block;padding:0 .45em;border-radius:.3em;border:1px solid #bbb;white-space:nowrap}\n"
                + ".v.agrees{background:#cdeccd}.v.agrees-under-convention{background:#cfe6f3}.v.disagrees{background:#f6c9c9}.v.inconclusive{background:#fbe2ad}.v.not-comparable{background:#e0e0e0}\n"
                + ".headline{font-size:1.12em;margin:.6em 0}.kind{color:#555;font-size:.85em}.unreliable{color:#9a4a00;font-weight:600}\n"
                + "td.ref{white-space:nowrap}.note-ref{font-size:.85em}.notes{font-size:.88em;color:#333}.notes li{margin:.2em 0}\n"
                + "tr:target td{outline:2px solid #0b57a4}\n"
                + "figure{display:inline-block;margin:1em 1em 1em 0;max-width:100%;vertical-align:top}figure img{max-width:100%;height:auto;border:1px solid #eee}\n"
                + "figcaption{font-size:.9em;color:#444;max-width:900px}.degenerate{border:1px dashed #c88;background:#fff7f7;padding:.6em .8em;max-width:880px}\n"
                + "pre{background:#f7f7f7;padding:.6em;overflow-x:auto;font-size:.82em}.summary li{font-family:ui-monospace,'DejaVu Sans Mono',monospace;font-size:.9em}\n"
                + ".failed{background:#fbe3e3;padding:.4em .6em}\n"
                + "@media print{body{max-width:none;margin:0;font-size:10pt}nav.top{display:none}a{color:inherit;text-decoration:none}"
                + "figure{page-break-inside:avoid}tr{page-break-inside:avoid}h2{page-break-after:avoid}pre{white-space:pre-wrap}}\n"
                + "</style></head><body>\n";
    }

    /**
     * Closes the page. The script marks the body with the number of images and of images that failed to load
     * ({@code data-images}, {@code data-broken-images}) and shows a warning if any plot is broken; the browser
     * test reads these attributes.
     */
    static String foot() {
        return "<script>\nwindow.addEventListener('load', function () {\n"
                + "  var imgs = document.images, broken = 0;\n"
                + "  for (var i = 0; i < imgs.length; i++) { if (!imgs[i].complete || imgs[i].naturalWidth === 0) { broken++; } }\n"
                + "  document.body.setAttribute('data-images', String(imgs.length));\n"
                + "  document.body.setAttribute('data-broken-images', String(broken));\n"
                + "  if (broken > 0) { var p = document.createElement('p'); p.className = 'failed';\n"
                + "    p.textContent = broken + ' plot(s) failed to load'; document.body.insertBefore(p, document.body.firstChild); }\n"
                + "});\n</script>\n</body></html>\n";
    }

    /** A verdict as a coloured chip. */
    static String chip(Verdict v) {
        return "<span class=\"v " + v.key() + "\">" + escape(v.words()) + "</span>";
    }

    /** "12 claims: 8 agrees, 1 disagrees" with coloured chips; "none" when empty. */
    static String counts(ClaimTally.VerdictCounts c) {
        if (c.total() == 0) {
            return "none";
        }
        StringBuilder b = new StringBuilder().append(c.total()).append(": ");
        boolean first = true;
        for (Verdict v : Verdict.values()) {
            if (c.get(v) > 0) {
                b.append(first ? "" : " ").append("<span class=\"v ").append(v.key()).append("\">").append(c.get(v)).append(' ')
                        .append(escape(v.words())).append("</span>");
                first = false;
            }
        }
        return b.toString();
    }

    /** The HTML id of a claim's row: its id, or for a claim without one the fallback {@code prefix-index}. */
    static String rowId(Claim c, String fallbackPrefix, int index) {
        return c.id() != null ? c.id() : fallbackPrefix + "-" + (index + 1);
    }

    /** The human name of a kind (plural, for headings). */
    static String kindHeading(ClaimKind k) {
        return switch (k) {
            case PAPER_CLAIM -> "Paper claims";
            case SELF_CHECK -> "Self-checks (deeprg checking itself, not claims of the paper)";
            case GENERALISATION -> "Generalisations (deeprg beyond the paper)";
        };
    }

    /**
     * The claims of one study, grouped by kind (paper claims first), one table per kind. Row ids are the claim ids
     * (for claims without one, {@code fallbackPrefix-n} with n the claim's position in {@code claims}); a reason of
     * at least {@link #NOTE_MIN_LENGTH} characters that occurs on several rows is written once below the table and
     * referenced as a note.
     */
    static void claimsSection(StringBuilder b, List<Claim> claims, String fallbackPrefix, String headingTag) {
        Map<ClaimKind, List<Integer>> byKind = new LinkedHashMap<>();
        for (ClaimKind k : ClaimKind.values()) {
            byKind.put(k, new ArrayList<>());
        }
        for (int i = 0; i < claims.size(); i++) {
            byKind.get(claims.get(i).kind()).add(i);
        }
        for (Map.Entry<ClaimKind, List<Integer>> e : byKind.entrySet()) {
            claimsTable(b, claims, e.getValue(), fallbackPrefix, e.getKey(), headingTag);
        }
    }

    private static void claimsTable(StringBuilder b, List<Claim> claims, List<Integer> rows, String fallbackPrefix, ClaimKind kind,
                                    String headingTag) {
        if (rows.isEmpty()) {
            return;
        }
        List<Claim> cs = new ArrayList<>();
        for (int i : rows) {
            cs.add(claims.get(i));
        }
        b.append('<').append(headingTag).append(" class=\"kind-heading\">").append(escape(kindHeading(kind))).append(" (")
                .append(cs.size()).append(")</").append(headingTag).append(">\n");
        // reasons repeated on several rows become notes
        Map<String, Integer> occurrences = new HashMap<>();
        for (Claim c : cs) {
            if (c.reason() != null && c.reason().length() >= NOTE_MIN_LENGTH) {
                occurrences.merge(c.reason(), 1, Integer::sum);
            }
        }
        Map<String, Integer> noteNumber = new LinkedHashMap<>();
        String notePrefix = fallbackPrefix + "-" + kind.key() + "-note-";
        boolean paper = kind == ClaimKind.PAPER_CLAIM;
        b.append("<table class=\"claims\"><thead><tr>");
        b.append("<th>ref</th><th>claim</th>");
        if (paper) {
            b.append("<th>paper</th>");
        } else {
            b.append("<th>reference value</th>");
        }
        b.append("<th>deeprg</th><th>verdict</th><th>how judged</th></tr></thead><tbody>\n");
        for (int r = 0; r < cs.size(); r++) {
            Claim c = cs.get(r);
            int index = rows.get(r);
            b.append("<tr id=\"").append(escape(rowId(c, fallbackPrefix, index))).append("\" class=\"").append(c.verdict().key())
                    .append("\">");
            b.append("<td class=\"ref\">").append(escape(c.ref())).append("</td>");
            b.append("<td>").append(escape(c.statement())).append("</td>");
            b.append("<td class=\"num\">").append(value(c.paperValue())).append("</td>");
            b.append("<td class=\"num\">").append(value(c.measured())).append("</td>");
            b.append("<td class=\"verdict\">").append(chip(c.verdict())).append("</td><td>");
            if (c.reason() != null && occurrences.getOrDefault(c.reason(), 0) >= 2) {
                int n = noteNumber.computeIfAbsent(c.reason(), k -> noteNumber.size() + 1);
                b.append("<a class=\"note-ref\" href=\"#").append(notePrefix).append(n).append("\">see note ").append(n).append("</a>");
            } else {
                b.append(escape(c.reason()));
            }
            if (c.convention() != null) {
                b.append("<br><b>Convention:</b> ").append(escape(c.convention()));
            }
            if (c.resolve() != null) {
                b.append("<br><b>What would decide it:</b> ").append(escape(c.resolve()));
            }
            b.append("</td></tr>\n");
        }
        b.append("</tbody></table>\n");
        if (!noteNumber.isEmpty()) {
            b.append("<ol class=\"notes\">\n");
            for (Map.Entry<String, Integer> e : noteNumber.entrySet()) {
                b.append("<li id=\"").append(notePrefix).append(e.getValue()).append("\">").append(escape(e.getKey())).append("</li>\n");
            }
            b.append("</ol>\n");
        }
    }

    /** A value's text, with a warning when its error bar cannot be trusted. */
    static String value(Value v) {
        if (v == null) {
            return "";
        }
        String t = escape(v.text());
        if (Boolean.FALSE.equals(v.stderrReliable())) {
            t += " <span class=\"unreliable\" title=\"the standard error cannot be trusted\">(error bar unreliable)</span>";
        }
        return t;
    }

    /** The first sentence of a reason, at most {@link #SHORT_REASON} characters. */
    static String shortReason(String reason) {
        if (reason == null) {
            return "";
        }
        String s = reason.strip();
        int end = sentenceEnd(s);
        if (end > 0 && end < SHORT_REASON) {
            s = s.substring(0, end + 1);
        }
        if (s.length() > SHORT_REASON) {
            int cut = s.lastIndexOf(' ', SHORT_REASON - 1);
            s = s.substring(0, cut > SHORT_REASON / 2 ? cut : SHORT_REASON - 1) + " …";
        }
        return s;
    }

    private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile("[.](?=\\s+[A-Z(\"])");
    private static final java.util.Set<String> ABBREVIATIONS = java.util.Set.of("eq", "eqs", "fig", "figs", "sec", "secs", "app",
            "ref", "refs", "no", "vs", "cf", "e.g", "i.e", "approx", "resp", "et al", "al");

    /**
     * The index of the full stop that ends the first sentence, or -1: a full stop followed by a space and a capital,
     * not after an abbreviation ({@code Eq. 21}, {@code Fig. 7}, {@code e.g. A}).
     */
    static int sentenceEnd(String s) {
        java.util.regex.Matcher m = SENTENCE_END.matcher(s);
        while (m.find()) {
            int i = m.start();
            int w = i;
            while (w > 0 && (Character.isLetter(s.charAt(w - 1)) || s.charAt(w - 1) == '.')) {
                w--;
            }
            String word = s.substring(w, i).toLowerCase(java.util.Locale.ROOT);
            if (!ABBREVIATIONS.contains(word)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A figure: the image linking to its SVG, or for a degenerate figure a note saying why it is not drawn; the
     * caption; notes on left-out series and dropped points.
     */
    static void figure(StringBuilder b, Figure f, PlotRenderer.Rendering r, String prefix) {
        String title = TexToUnicode.convert(f.title());
        if (r != null && !r.drawn()) {
            b.append("<figure class=\"degenerate\" id=\"fig-").append(f.name()).append("\"><figcaption><b>")
                    .append(escape(title)).append(".</b> Not drawn: ").append(escape(r.degenerate()))
                    .append(". The data are in <a href=\"").append(prefix).append(f.name()).append(".plot.csv\">")
                    .append(f.name()).append(".plot.csv</a>. ").append(escape(f.caption())).append("</figcaption></figure>\n");
            return;
        }
        b.append("<figure id=\"fig-").append(f.name()).append("\"><a href=\"").append(prefix).append(f.name()).append(".svg\"><img src=\"")
                .append(prefix).append(f.name()).append(".png\" alt=\"").append(escape(title)).append("\"");
        if (r != null && r.width() > 0) {
            b.append(" width=\"").append(r.width()).append("\" height=\"").append(r.height()).append("\"");
        }
        b.append(" loading=\"lazy\"></a><figcaption><b>").append(escape(title)).append(".</b> ")
                .append(escape(f.caption()));
        if (r != null && !r.notes().isEmpty()) {
            b.append(" <i>").append(escape(String.join("; ", r.notes()))).append(".</i>");
        }
        b.append(" (<a href=\"").append(prefix).append(f.name()).append(".svg\">SVG</a>, <a href=\"").append(prefix).append(f.name())
                .append(".plot.csv\">data</a>)</figcaption></figure>\n");
    }

    static void table(StringBuilder b, Table t, String prefix) {
        b.append("<h3>").append(escape(t.name())).append(" (<a href=\"").append(prefix).append(t.name())
                .append(".csv\">CSV</a>, ").append(t.rows().size()).append(" rows)</h3>\n<table><thead><tr>");
        for (String c : t.columns()) {
            b.append("<th>").append(escape(c)).append("</th>");
        }
        b.append("</tr></thead><tbody>\n");
        int n = Math.min(t.rows().size(), MAX_INLINE_ROWS);
        for (int i = 0; i < n; i++) {
            b.append("<tr>");
            for (Object o : t.rows().get(i)) {
                b.append("<td class=\"num\">").append(cell(o)).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody></table>\n");
        if (t.rows().size() > n) {
            b.append("<p>First ").append(n).append(" rows shown; all in the CSV.</p>\n");
        }
    }

    private static String cell(Object o) {
        if (o instanceof Double d) {
            return escape(org.deeprg.stats.Format.plain(d));
        }
        if (o instanceof org.deeprg.stats.Estimate e) {
            return value(Value.of(e));
        }
        if (o instanceof Value v) {
            return value(v);
        }
        return escape(String.valueOf(o));
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f s", s);
    }
}
