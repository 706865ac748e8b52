package org.deeprg.result;

import java.util.List;

/**
 * A plot described as data; the report module renders it to SVG and PNG (XChart). Models and studies build
 * figures without depending on any plotting library.
 *
 * @param name    file stem ({@code [a-z0-9-]+}), e.g. {@code "fig1-m4-vs-width"}
 * @param title   plot title
 * @param xLabel  x-axis label with units
 * @param yLabel  y-axis label with units
 * @param logX    logarithmic x axis
 * @param logY    logarithmic y axis
 * @param series  the data; a series that is a {@link Series#fitOf(String) fit} must name a data series of this figure
 * @param caption one or two sentences shown under the plot in index.html
 */
public record Figure(String name, String title, String xLabel, String yLabel, boolean logX, boolean logY,
                     List<Series> series, String caption) {
    public Figure {
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("figure name must match [a-z0-9-]+, got " + name);
        }
        series = List.copyOf(series);
        for (Series s : series) {
            if (s.fitOf() != null && series.stream().noneMatch(d -> d.fitOf() == null && s.fitOf().equals(d.name()))) {
                throw new IllegalArgumentException("figure " + name + ": series " + s.name() + " is a fit of \"" + s.fitOf()
                        + "\", which is not a data series of this figure");
            }
        }
    }

    /** A linear-axes figure. */
    public static Figure of(String name, String title, String xLabel, String yLabel, String caption, Series... series) {
        return new Figure(name, title, xLabel, yLabel, false, false, List.of(series), caption);
    }

    /** Returns a copy with the given axis scales. */
    public Figure withLogAxes(boolean logX, boolean logY) {
        return new Figure(name, title, xLabel, yLabel, logX, logY, series, caption);
    }
}
