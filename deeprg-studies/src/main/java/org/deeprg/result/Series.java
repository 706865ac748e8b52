package org.deeprg.result;

import java.util.List;
import java.util.Objects;
import org.deeprg.stats.Estimate;

/**
 * One data series of a {@link Figure}: points, optional error bars, and how to draw them. The report module renders
 * it; a study only says what the data are.
 *
 * <h2>What a study can say about a series</h2>
 * <ul>
 *   <li>{@link Style}: a plain line, markers, a histogram drawn as bars ({@link #histogram}), or a trajectory drawn
 *       with direction arrows and an open marker at its start ({@link #flow}).</li>
 *   <li>{@link #fitOf(String)}: this series is a fit (or model curve) of the named data series; it is drawn dashed
 *       in that series' colour, so each fit reads as belonging to its data.</li>
 *   <li>{@link #withUnreliable(boolean...)}: per point, whether its error bar cannot be trusted (heavy tails, too few effective
 *       samples, unconverged chains: {@link Estimate#stderrReliable()}); such points are drawn with hollow markers,
 *       explained in the legend, and flagged in the figure's CSV. {@link #estimates} fills it from the estimates.</li>
 *   <li>{@link #asCounts()}: the ordinates are counts (a histogram of counts, a rank-frequency plot); a series whose
 *       counts are all 1 carries no distribution and is reported as degenerate instead of being drawn as a flat line.</li>
 * </ul>
 *
 * @param name       legend label (plain text; TeX-like {@code sigma_W}, {@code \beta}, {@code ^2} are shown in Unicode)
 * @param x          abscissae; for a histogram the bin centres
 * @param y          ordinates (same length); for a histogram the count or density per bin
 * @param yError     symmetric error bars (same length) or null
 * @param style      how to draw it
 * @param unreliable per point: true where the error bar cannot be trusted (same length), or null when all can
 * @param fitOf      the name of the data series this series fits (drawn dashed in its colour), or null
 * @param counts     whether the ordinates are counts (enables the "every count is 1" degeneracy check)
 */
public record Series(String name, double[] x, double[] y, double[] yError, Style style, boolean[] unreliable,
                     String fitOf, boolean counts) {

    /** Drawing style. */
    public enum Style {
        /** A line through the points (no markers). */
        LINE,
        /** Markers only (with error bars if given). */
        MARKERS,
        /** A line with markers at the points. */
        LINE_AND_MARKERS,
        /**
         * Bars of a histogram: {@code x} are the bin centres (bin edges halfway between neighbouring centres, the
         * outer edges half a spacing outside), {@code y} the count or density per bin.
         */
        HISTOGRAM,
        /**
         * A trajectory in the order of its points (an RG flow, a training path): a line with arrows pointing along
         * the direction of the points and an open square at the first point.
         */
        FLOW
    }

    public Series {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(style, "style");
        if (x.length != y.length) {
            throw new IllegalArgumentException("series " + name + ": x has " + x.length + " points, y has " + y.length);
        }
        if (yError != null && yError.length != y.length) {
            throw new IllegalArgumentException("series " + name + ": error bars have " + yError.length + " points, y has " + y.length);
        }
        if (unreliable != null && unreliable.length != y.length) {
            throw new IllegalArgumentException("series " + name + ": reliability flags have " + unreliable.length
                    + " points, y has " + y.length);
        }
        if (fitOf != null && fitOf.equals(name)) {
            throw new IllegalArgumentException("series " + name + " cannot be a fit of itself");
        }
    }

    /** A series without reliability flags, fit pairing or count semantics (the original five components). */
    public Series(String name, double[] x, double[] y, double[] yError, Style style) {
        this(name, x, y, yError, style, null, null, false);
    }

    public static Series line(String name, double[] x, double[] y) {
        return new Series(name, x, y, null, Style.LINE);
    }

    public static Series markers(String name, double[] x, double[] y) {
        return new Series(name, x, y, null, Style.MARKERS);
    }

    public static Series withErrors(String name, double[] x, double[] y, double[] yError) {
        return new Series(name, x, y, yError, Style.MARKERS);
    }

    /**
     * Markers with error bars from sampled values: means, standard errors, and the points whose standard error
     * cannot be trusted ({@link Estimate#stderrReliable()} false) flagged, so they are drawn hollow and marked in CSV.
     */
    public static Series estimates(String name, double[] x, List<Estimate> values) {
        if (values.size() != x.length) {
            throw new IllegalArgumentException("series " + name + ": x has " + x.length + " points, values " + values.size());
        }
        double[] y = new double[x.length];
        double[] e = new double[x.length];
        boolean[] bad = new boolean[x.length];
        boolean any = false;
        for (int i = 0; i < x.length; i++) {
            Estimate v = values.get(i);
            y[i] = v.mean();
            e[i] = v.stderr();
            bad[i] = !v.stderrReliable();
            any |= bad[i];
        }
        return new Series(name, x, y, e, Style.MARKERS, any ? bad : null, null, false);
    }

    /** A histogram drawn as bars: bin centres and the count (or density) per bin. */
    public static Series histogram(String name, double[] binCentres, double[] heights) {
        return new Series(name, binCentres, heights, null, Style.HISTOGRAM);
    }

    /** A trajectory drawn with direction arrows and an open square at its first point. */
    public static Series flow(String name, double[] x, double[] y) {
        return new Series(name, x, y, null, Style.FLOW);
    }

    /** A copy drawn as a fit of the data series named {@code dataSeries}: dashed, in that series' colour. */
    public Series fitOf(String dataSeries) {
        return new Series(name, x, y, yError, style, unreliable, Objects.requireNonNull(dataSeries, "dataSeries"), counts);
    }

    /** A copy whose ordinates are declared to be counts (a series of all 1s is then reported as degenerate). */
    public Series asCounts() {
        return new Series(name, x, y, yError, style, unreliable, fitOf, true);
    }

    /** A copy with the points whose error bars cannot be trusted flagged ({@code flags[i]} true). */
    public Series withUnreliable(boolean... flags) {
        return new Series(name, x, y, yError, style, flags.clone(), fitOf, counts);
    }

    /** A copy with another drawing style. */
    public Series withStyle(Style s) {
        return new Series(name, x, y, yError, s, unreliable, fitOf, counts);
    }

    /** Whether point {@code i}'s error bar is flagged as untrustworthy. */
    public boolean isUnreliable(int i) {
        return unreliable != null && unreliable[i];
    }

    /** Whether any point's error bar is flagged as untrustworthy. */
    public boolean hasUnreliablePoints() {
        if (unreliable != null) {
            for (boolean b : unreliable) {
                if (b) {
                    return true;
                }
            }
        }
        return false;
    }
}
