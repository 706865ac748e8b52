package org.deeprg.report;

import java.util.List;
import java.util.Map;
import org.deeprg.json.Json;
import org.deeprg.result.Claim;
import org.deeprg.result.ClaimTally;
import org.deeprg.result.Figure;
import org.deeprg.result.Paper;
import org.deeprg.result.Result;
import org.deeprg.result.Table;

/** The {@code index.html} of one result directory: a command's result, or a study's page inside a reproduce report. */
public final class ResultPage {
    private ResultPage() {
    }

    /**
     * Where a page sits.
     *
     * @param reportLink link from the page back to the report (null for a stand-alone result)
     * @param paper      the paper of the study (fills the paper of claims written without one), or null
     */
    public record Context(String reportLink, Paper paper) {
        /** A stand-alone result directory. */
        public static final Context STANDALONE = new Context(null, null);

        /** A study's sub-directory of a reproduce report (the report's index.html is one level up). */
        public static Context inReport(String studyId, Paper paper) {
            return new Context("../index.html#study-" + studyId, paper);
        }

        /** The result's claims. */
        List<Claim> claims(Result r) {
            return r.claims();
        }
    }

    static String html(Result r, List<Claim> claims, Provenance prov, Map<String, PlotRenderer.Rendering> renderings, Context ctx) {
        StringBuilder b = new StringBuilder(Html.head("deeprg: " + r.title()));
        b.append("<nav class=\"top\">");
        if (ctx.reportLink() != null) {
            b.append("<a href=\"").append(Html.escape(ctx.reportLink())).append("\">← back to the report</a> · ");
        }
        files(b, r, prov, claims);
        b.append("</nav>\n");
        b.append("<h1>").append(Html.escape(r.title())).append("</h1>\n");
        if (ctx.paper() != null) {
            b.append("<p class=\"meta\">Paper: ").append(Html.escape(ctx.paper().citation()));
            if (ctx.paper().link() != null) {
                b.append(" — <a href=\"").append(Html.escape(ctx.paper().link())).append("\">").append(Html.escape(ctx.paper().link()))
                        .append("</a>");
            }
            b.append("</p>\n");
        }
        if (!r.summary().isEmpty()) {
            b.append("<ul class=\"summary\">\n");
            for (String s : r.summary()) {
                b.append("<li>").append(Html.escape(s)).append("</li>\n");
            }
            b.append("</ul>\n");
        }
        if (!claims.isEmpty()) {
            ClaimTally t = ClaimTally.of(claims);
            b.append("<h2>Claims</h2>\n<p class=\"headline\">Paper claims: ").append(Html.counts(t.paperClaims())).append("</p>\n");
            other(b, t);
            Html.claimsSection(b, claims, "claim", "h3");
        }
        if (!r.figures().isEmpty()) {
            b.append("<h2>Figures</h2>\n");
            for (Figure f : r.figures()) {
                Html.figure(b, f, renderings.get(f.name()), "");
            }
        }
        for (Table t : r.tables()) {
            Html.table(b, t, "");
        }
        b.append("<h2>Files</h2>\n<p>");
        files(b, r, prov, claims);
        b.append("</p>\n");
        if (prov != null) {
            b.append("<h2>Provenance</h2>\n<pre>").append(Html.escape(Json.write(prov))).append("</pre>\n");
        }
        b.append(Html.foot());
        return b.toString();
    }

    /** The self-checks and generalisations in one line (nothing when there are none). */
    static void other(StringBuilder b, ClaimTally t) {
        StringBuilder o = new StringBuilder();
        if (t.selfChecks().total() > 0) {
            o.append("Self-checks: ").append(Html.counts(t.selfChecks())).append(". ");
        }
        if (t.generalisations().total() > 0) {
            o.append("Generalisations: ").append(Html.counts(t.generalisations())).append(". ");
        }
        if (o.length() > 0) {
            b.append("<p class=\"kind\">").append(o.toString().strip()).append("</p>\n");
        }
    }

    private static void files(StringBuilder b, Result r, Provenance prov, List<Claim> claims) {
        b.append("<a href=\"result.json\">result.json</a>");
        if (prov != null) {
            b.append(" · <a href=\"provenance.json\">provenance.json</a>");
        }
        if (!claims.isEmpty()) {
            b.append(" · <a href=\"claims.json\">claims.json</a>");
        }
        for (Table t : r.tables()) {
            b.append(" · <a href=\"").append(t.name()).append(".csv\">").append(t.name()).append(".csv</a>");
        }
    }
}
