package org.deeprg.result;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Claims counted by kind and verdict: the headline of a report is about {@link #paperClaims() paper claims}; deeprg's
 * {@link #selfChecks() self-checks} and {@link #generalisations() generalisations} are counted separately.
 *
 * @param paperClaims     statements the paper makes
 * @param selfChecks      deeprg checking itself (sampled against exact, two algorithms)
 * @param generalisations deeprg beyond the paper
 */
@JsonPropertyOrder({"paperClaims", "selfChecks", "generalisations"})
public record ClaimTally(VerdictCounts paperClaims, VerdictCounts selfChecks, VerdictCounts generalisations) {

    /** Counts the claims. */
    public static ClaimTally of(Collection<Claim> claims) {
        int[][] n = new int[ClaimKind.values().length][Verdict.values().length];
        for (Claim c : claims) {
            n[c.kind().ordinal()][c.verdict().ordinal()]++;
        }
        return new ClaimTally(new VerdictCounts(n[ClaimKind.PAPER_CLAIM.ordinal()]), new VerdictCounts(n[ClaimKind.SELF_CHECK.ordinal()]),
                new VerdictCounts(n[ClaimKind.GENERALISATION.ordinal()]));
    }

    /** The counts of one kind. */
    public VerdictCounts forKind(ClaimKind kind) {
        return switch (kind) {
            case PAPER_CLAIM -> paperClaims;
            case SELF_CHECK -> selfChecks;
            case GENERALISATION -> generalisations;
        };
    }

    /** All claims of every kind. */
    @JsonProperty("all")
    public VerdictCounts all() {
        int[] n = new int[Verdict.values().length];
        for (VerdictCounts c : List.of(paperClaims, selfChecks, generalisations)) {
            for (Verdict v : Verdict.values()) {
                n[v.ordinal()] += c.get(v);
            }
        }
        return new VerdictCounts(n);
    }

    /**
     * Console lines: the paper claims first (the headline), then self-checks and generalisations where there are any.
     */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("paper claims: " + paperClaims.describe());
        if (selfChecks.total() > 0) {
            out.add("self-checks: " + selfChecks.describe());
        }
        if (generalisations.total() > 0) {
            out.add("generalisations: " + generalisations.describe());
        }
        return out;
    }

    /** Number of claims per verdict; JSON {@code {"total": n, "agrees": a, "agrees-under-convention": ...}}. */
    public static final class VerdictCounts {
        private final int[] counts;

        VerdictCounts(int[] counts) {
            this.counts = counts.clone();
        }

        /** Claims with verdict {@code v}. */
        public int get(Verdict v) {
            return counts[v.ordinal()];
        }

        /** All claims of this kind. */
        public int total() {
            int t = 0;
            for (int c : counts) {
                t += c;
            }
            return t;
        }

        /** {@code "12: 8 agrees, 1 disagrees, 3 inconclusive"} (verdicts with no claims left out), or {@code "none"}. */
        public String describe() {
            if (total() == 0) {
                return "none";
            }
            StringBuilder b = new StringBuilder().append(total()).append(": ");
            boolean first = true;
            for (Verdict v : Verdict.values()) {
                if (get(v) > 0) {
                    b.append(first ? "" : ", ").append(get(v)).append(' ').append(v.key());
                    first = false;
                }
            }
            return b.toString();
        }

        /** The JSON form: total, then each of the five verdicts by its key. */
        @JsonValue
        public Map<String, Integer> asMap() {
            Map<String, Integer> m = new LinkedHashMap<>();
            m.put("total", total());
            for (Verdict v : Verdict.values()) {
                m.put(v.key(), get(v));
            }
            return m;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof VerdictCounts c && java.util.Arrays.equals(counts, c.counts);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(counts);
        }

        @Override
        public String toString() {
            return describe();
        }
    }
}
