/**
 * Result directories (result.json, provenance.json, claims.json, CSV, SVG/PNG plots rendered with XChart,
 * index.html), written atomically, and the HTML report of {@code deeprg reproduce}. The plots:
 * {@link org.deeprg.report.PlotRenderer} with {@link org.deeprg.report.AxisTicks} (ranges and tick labels),
 * {@link org.deeprg.report.TexToUnicode} (labels), {@link org.deeprg.report.Palette} (colours) and
 * {@link org.deeprg.report.Degeneracy} (figures not worth drawing).
 */
package org.deeprg.report;
