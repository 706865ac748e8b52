package org.deeprg.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deeprg.result.Figure;
import org.deeprg.result.Series;

/**
 * Which series (and figures) carry no picture worth drawing:
 * <ul>
 *   <li>a series with no finite point (all NaN);</li>
 *   <li>a histogram with all its values in one bin (a single spike) or with every bin empty;</li>
 *   <li>a series of {@link Series#asCounts() counts} that are all 1 (each value occurs once: no distribution);</li>
 *   <li>a line or flow through fewer than two distinct points.</li>
 * </ul>
 * A figure is degenerate when no series can be drawn, when every series with points is degenerate, or when all its
 * points together are fewer than two distinct points; it is then not drawn, and the page says why. A figure with
 * only some degenerate series is drawn, and the legend names the ones left out and why.
 */
public final class Degeneracy {
    private Degeneracy() {
    }

    /**
     * The outcome for one figure.
     *
     * @param figure why the whole figure is not drawn, or null when it is drawn
     * @param series per series (by index in the figure) why it is left out, for the degenerate ones only
     */
    public record Check(String figure, Map<Integer, String> series) {
        /** Whether the figure is drawn. */
        public boolean drawable() {
            return figure == null;
        }
    }

    /** Checks a figure on the points that can be shown ({@code keep[i][j]}: point j of series i is finite, positive on a log axis). */
    public static Check check(Figure f, boolean[][] keep) {
        Map<Integer, String> reasons = new LinkedHashMap<>();
        Set<List<Double>> distinct = new HashSet<>();
        int withPoints = 0;
        for (int i = 0; i < f.series().size(); i++) {
            Series s = f.series().get(i);
            int n = 0;
            for (int j = 0; j < s.x().length; j++) {
                if (keep[i][j]) {
                    n++;
                    if (distinct.size() < 3) {
                        distinct.add(List.of(s.x()[j], s.y()[j]));
                    }
                }
            }
            String why = series(s, keep[i]);
            if (why != null) {
                reasons.put(i, why);
            }
            if (n > 0) {
                withPoints++;
            }
        }
        if (withPoints == 0) {
            return new Check("it has no finite point to draw", reasons);
        }
        if (distinct.size() < 2 && f.series().stream().noneMatch(s -> s.style() == Series.Style.HISTOGRAM)) {
            return new Check("it has fewer than two distinct points", reasons);
        }
        int degenerateWithPoints = 0;
        for (Map.Entry<Integer, String> e : reasons.entrySet()) {
            if (!e.getValue().equals(NO_POINTS)) {
                degenerateWithPoints++;
            }
        }
        if (degenerateWithPoints == withPoints) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<Integer, String> e : reasons.entrySet()) {
                if (!e.getValue().equals(NO_POINTS)) {
                    parts.add(f.series().get(e.getKey()).name() + ": " + e.getValue());
                }
            }
            return new Check(withPoints == 1 ? "its only series is degenerate — " + parts.get(0)
                    : "every series is degenerate — " + String.join("; ", parts), reasons);
        }
        return new Check(null, reasons);
    }

    static final String NO_POINTS = "no finite point";

    /** Why this series is degenerate on its kept points, or null. */
    static String series(Series s, boolean[] keep) {
        int n = 0;
        Set<List<Double>> distinct = new HashSet<>();
        boolean allOne = true;
        int nonEmptyBins = 0;
        double total = 0;
        for (int j = 0; j < s.x().length; j++) {
            if (!keep[j]) {
                continue;
            }
            n++;
            distinct.add(List.of(s.x()[j], s.y()[j]));
            allOne &= s.y()[j] == 1;
            if (s.y()[j] != 0) {
                nonEmptyBins++;
                total += s.y()[j];
            }
        }
        if (n == 0) {
            return NO_POINTS;
        }
        if (s.style() == Series.Style.HISTOGRAM) {
            if (nonEmptyBins == 0) {
                return "every bin is empty";
            }
            if (nonEmptyBins == 1) {
                return "all values fall in one bin (a single spike" + (s.counts() ? " of " + Math.round(total) + ")" : ")");
            }
        }
        if (s.counts() && allOne) {
            return "every count is 1 (each of the " + n + " values occurs once: no distribution)";
        }
        if ((s.style() == Series.Style.LINE || s.style() == Series.Style.FLOW) && distinct.size() < 2) {
            return "a line through a single point";
        }
        return null;
    }
}
