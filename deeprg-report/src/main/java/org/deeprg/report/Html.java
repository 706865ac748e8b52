package org.deeprg.report;

import java.util.List;
import org.deeprg.result.Claim;
import org.deeprg.result.Figure;
import org.deeprg.result.Table;

/** Small HTML building blocks shared by result pages and the reproduce report. */
final class Html {
    static final int MAX_INLINE_ROWS = 40;

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
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>" + escape(title) + "</title>\n"
                + "<style>\n"
                + "body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}\n"
                + "h1{font-size:1.6em}h2{border-bottom:2px solid #ddd;padding-bottom:.2em;margin-top:2em}h3{margin-top:1.5em}\n"
                + "table{border-collapse:collapse;margin:1em 0;font-size:.92em}th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}\n"
                + "th{background:#f3f3f3}td.num{font-family:ui-monospace,monospace}\n"
                + ".agrees{background:#e3f6e3}.disagrees{background:#fbe1e1}.not-comparable{background:#f4f0d9}\n"
                + "figure{display:inline-block;margin:1em 1em 1em 0;max-width:820px}figure img{max-width:100%;border:1px solid #eee}\n"
                + "figcaption{font-size:.9em;color:#444;max-width:800px}pre{background:#f7f7f7;padding:.6em;overflow-x:auto;font-size:.85em}\n"
                + ".summary li{font-family:ui-monospace,monospace;font-size:.92em}\n"
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
                + "  if (broken > 0) { var p = document.createElement('p'); p.className = 'disagrees';\n"
                + "    p.textContent = broken + ' plot(s) failed to load'; document.body.insertBefore(p, document.body.firstChild); }\n"
                + "});\n</script>\n</body></html>\n";
    }

    static void claimsTable(StringBuilder b, List<Claim> claims, String studyTitle) {
        if (claims.isEmpty()) {
            return;
        }
        b.append("<table class=\"claims\"><thead><tr>");
        if (studyTitle != null) {
            b.append("<th>study</th>");
        }
        b.append("<th>claim</th><th>paper</th><th>deeprg</th><th>verdict</th><th>how judged</th></tr></thead><tbody>\n");
        for (Claim c : claims) {
            String cls = c.verdict().words().replace(' ', '-');
            b.append("<tr class=\"").append(cls).append("\">");
            if (studyTitle != null) {
                b.append("<td>").append(escape(studyTitle)).append("</td>");
            }
            b.append("<td>").append(escape(c.statement())).append("</td>")
                    .append("<td class=\"num\">").append(escape(c.paperValue() == null ? "" : c.paperValue().text())).append("</td>")
                    .append("<td class=\"num\">").append(escape(c.measured() == null ? "" : c.measured().text())).append("</td>")
                    .append("<td class=\"verdict\">").append(escape(c.verdict().words())).append("</td>")
                    .append("<td>").append(escape(c.reason())).append("</td></tr>\n");
        }
        b.append("</tbody></table>\n");
    }

    static void figure(StringBuilder b, Figure f, String prefix) {
        b.append("<figure><a href=\"").append(prefix).append(f.name()).append(".svg\"><img src=\"")
                .append(prefix).append(f.name()).append(".png\" alt=\"").append(escape(f.title()))
                .append("\"></a><figcaption><b>").append(escape(f.title())).append(".</b> ")
                .append(escape(f.caption())).append(" (<a href=\"").append(prefix).append(f.name())
                .append(".svg\">SVG</a>)</figcaption></figure>\n");
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
                String s = o instanceof Double d ? org.deeprg.stats.Format.plain(d) : String.valueOf(o);
                b.append("<td class=\"num\">").append(escape(s)).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody></table>\n");
        if (t.rows().size() > n) {
            b.append("<p>First ").append(n).append(" rows shown; all in the CSV.</p>\n");
        }
    }
}
