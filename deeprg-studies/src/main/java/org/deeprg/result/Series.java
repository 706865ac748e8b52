package org.deeprg.result;

/**
 * One data series of a {@link Figure}.
 *
 * @param name   legend label
 * @param x      abscissae
 * @param y      ordinates (same length)
 * @param yError symmetric error bars (same length) or null
 * @param style  how to draw it
 */
public record Series(String name, double[] x, double[] y, double[] yError, Style style) {
    /** Drawing style. */
    public enum Style { LINE, MARKERS, LINE_AND_MARKERS }

    public Series {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series " + name + ": x has " + x.length + " points, y has " + y.length);
        }
        if (yError != null && yError.length != y.length) {
            throw new IllegalArgumentException("series " + name + ": error bars have " + yError.length + " points, y has " + y.length);
        }
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
}
