/**
 * Result directories (result.json, provenance.json, claims.json, CSV, SVG/PNG plots rendered with XChart,
 * index.html), written atomically, and the HTML report of {@code deeprg reproduce}.
 */
package org.deeprg.report;
