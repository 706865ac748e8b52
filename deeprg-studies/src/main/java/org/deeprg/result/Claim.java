package org.deeprg.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Locale;
import java.util.Objects;
import org.deeprg.stats.Estimate;
import org.deeprg.stats.Format;

/**
 * One checkable claim, the paper's value, deeprg's value and the verdict: a row of the report and an object of
 * {@code claims.json}.
 *
 * @param id          stable identifier ({@code erbin2022-eq13-u4-slope}): the paper key, then the claim
 * @param paper       the paper's short key with its year ({@code lee2024}, {@code lee2025}, {@code criticality2017}, {@code erbin2022})
 * @param ref         where the paper makes it: {@code Eq. 21}, {@code Fig. 7}, {@code Table II}, {@code Sec. 3}, {@code App. A}
 * @param kind        paper claim, self-check or generalisation
 * @param statement   what is claimed, in one sentence
 * @param paperValue  the paper's value (number and text), or null for a self-check or generalisation
 * @param measured    deeprg's value (number with standard error, and text)
 * @param verdict     one of the five verdicts
 * @param convention  the convention the verdict is judged in (required for agrees-under-convention), or null
 * @param reason      how the verdict was reached (tolerance, number of standard errors, the evidence; for a
 *                    disagreement the corrected statement)
 * @param resolve     for an inconclusive verdict: what would decide it and the command that does it; else null
 */
@JsonPropertyOrder({"id", "paper", "ref", "kind", "statement", "paperValue", "measured", "verdict", "convention", "reason", "resolve"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Claim(String id, String paper, String ref, ClaimKind kind, String statement, Value paperValue, Value measured,
                    Verdict verdict, String convention, String reason, String resolve) {

    public Claim {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(id, "id (claims are built with Claim.of(paper, name))");
        Objects.requireNonNull(paper, "paper");
        Objects.requireNonNull(kind, "kind");
        if (verdict == Verdict.AGREES_UNDER_CONVENTION && (convention == null || convention.isBlank())) {
            throw new IllegalArgumentException("claim " + id + ": agrees-under-convention must name the convention");
        }
        if (verdict == Verdict.INCONCLUSIVE && (resolve == null || resolve.isBlank())) {
            throw new IllegalArgumentException("claim " + id + ": an inconclusive verdict must say what would resolve it");
        }
        if (!id.matches("[a-z0-9][a-z0-9.-]*")) {
            throw new IllegalArgumentException("claim id must match [a-z0-9.-]+, got " + id);
        }
    }

    /** Starts a claim of {@code paper} with the stable id {@code paper.shortKey() + "-" + name}. */
    public static Builder of(Paper paper, String name) {
        return new Builder(paper, name);
    }

    /** Fluent construction of a claim; {@link #build()} checks the vocabulary rules. */
    public static final class Builder {
        private final String id;
        private final String paper;
        private String ref;
        private ClaimKind kind = ClaimKind.PAPER_CLAIM;
        private String statement;
        private Value paperValue;
        private Value measured;
        private Verdict verdict;
        private String convention;
        private String reason;
        private String resolve;

        private Builder(Paper paper, String name) {
            this.paper = paper.shortKey();
            this.id = paper.shortKey() + "-" + name;
        }

        /** Where the paper makes the claim ({@code Eq. 21}); required for a paper claim. */
        public Builder ref(String r) {
            this.ref = r;
            return this;
        }

        public Builder kind(ClaimKind k) {
            this.kind = k;
            return this;
        }

        public Builder statement(String s) {
            this.statement = s;
            return this;
        }

        public Builder paperValue(Value v) {
            this.paperValue = v;
            return this;
        }

        public Builder paperValue(double v) {
            return paperValue(Value.of(v));
        }

        public Builder paperValue(String text) {
            return paperValue(Value.text(text));
        }

        public Builder measured(Value v) {
            this.measured = v;
            return this;
        }

        public Builder measured(Estimate e) {
            return measured(Value.of(e));
        }

        public Builder measured(double v) {
            return measured(Value.of(v));
        }

        public Builder measured(String text) {
            return measured(Value.text(text));
        }

        public Builder verdict(Verdict v, String why) {
            this.verdict = v;
            this.reason = why;
            return this;
        }

        /** The convention the verdict is judged in (and for agrees-under-convention, the one it needs). */
        public Builder convention(String c) {
            this.convention = c;
            return this;
        }

        /** Inconclusive: what would decide the claim, with the command. */
        public Builder inconclusive(String why, String whatWouldResolve) {
            this.verdict = Verdict.INCONCLUSIVE;
            this.reason = why;
            this.resolve = whatWouldResolve;
            return this;
        }

        /**
         * Judges a sampled value against the paper's number at {@code k} standard errors. An error bar flagged as
         * unreliable is never used as if it were reliable: the verdict is then inconclusive, with
         * {@code whatWouldResolve}.
         */
        public Builder sampled(double paperNumber, Estimate value, double k, String whatWouldResolve) {
            paperValue(paperNumber);
            measured(value);
            if (!value.stderrReliable()) {
                return inconclusive("the standard error of " + value.format() + " cannot be trusted (" + value.unreliableBecause()
                        + "), so it is not compared at " + k + " standard errors", whatWouldResolve);
            }
            double z = value.sigmasFrom(paperNumber);
            return verdict(z <= k ? Verdict.AGREES : Verdict.DISAGREES,
                    String.format(Locale.ROOT, "|difference| = %.2f standard errors (tolerance %.1f)", z, k));
        }

        /** Judges an exactly computed value against the paper's number at absolute tolerance {@code tol}. */
        public Builder exact(double paperNumber, double value, double tol) {
            paperValue(paperNumber);
            measured(value);
            double d = Math.abs(paperNumber - value);
            return verdict(d <= tol ? Verdict.AGREES : Verdict.DISAGREES,
                    String.format(Locale.ROOT, "|difference| = %.3g (tolerance %.1g, exact computation)", d, tol));
        }

        public Claim build() {
            if (kind == ClaimKind.PAPER_CLAIM && (ref == null || ref.isBlank())) {
                throw new IllegalStateException("paper claim " + id + " needs a reference (Eq., Fig., Table, Sec., App.)");
            }
            if (verdict == null) {
                throw new IllegalStateException("claim " + id + " has no verdict");
            }
            return new Claim(id, paper, ref, kind, statement, paperValue, measured, verdict, convention, reason, resolve);
        }
    }

    /** Text of a number for reports. */
    static String plain(double v) {
        return Format.plain(v);
    }
}
