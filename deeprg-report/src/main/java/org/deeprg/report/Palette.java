package org.deeprg.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deeprg.result.Series;

/**
 * Series colours: ten well separated colours (the Tableau 10 set, all dark enough to read on white), then as many
 * more as needed, each chosen greedily to be as far as possible in CIELAB from every colour before it and from white.
 * A fit ({@link Series#fitOf()}) takes the colour of its data series instead of a colour of its own.
 */
public final class Palette {
    private Palette() {
    }

    private static final int[] BASE = {0x1F77B4, 0xD62728, 0x2CA02C, 0xFF7F0E, 0x9467BD, 0x8C564B, 0xE377C2, 0x17BECF,
        0x7F7F7F, 0xBCBD22};

    /** {@code n} distinct colours. */
    public static List<Color> colours(int n) {
        List<Color> out = new ArrayList<>();
        for (int i = 0; i < Math.min(n, BASE.length); i++) {
            out.add(new Color(BASE[i]));
        }
        // candidates: a grid over hue, saturation and brightness, dark enough for white paper
        List<Color> candidates = new ArrayList<>();
        for (int h = 0; h < 72; h++) {
            for (float s : new float[] {0.55f, 0.8f, 1f}) {
                for (float v : new float[] {0.35f, 0.5f, 0.65f, 0.8f}) {
                    candidates.add(Color.getHSBColor(h / 72f, s, v));
                }
            }
        }
        while (out.size() < n) {
            Color best = null;
            double bestDistance = -1;
            for (Color c : candidates) {
                double d = deltaE(c, Color.WHITE) * 0.5;
                for (Color o : out) {
                    d = Math.min(d, deltaE(c, o));
                }
                if (d > bestDistance) {
                    bestDistance = d;
                    best = c;
                }
            }
            out.add(best);
            candidates.remove(best);
        }
        return out;
    }

    /**
     * The colour of each series, in order: data series take the next palette colour, a fit the colour of the data
     * series it names.
     */
    public static List<Color> assign(List<Series> series) {
        int own = 0;
        for (Series s : series) {
            if (s.fitOf() == null) {
                own++;
            }
        }
        List<Color> palette = colours(own);
        Map<String, Color> byName = new HashMap<>();
        List<Color> out = new ArrayList<>();
        int next = 0;
        for (Series s : series) {
            if (s.fitOf() == null) {
                Color c = palette.get(next++);
                byName.putIfAbsent(s.name(), c);
                out.add(c);
            } else {
                out.add(null);
            }
        }
        for (int i = 0; i < series.size(); i++) {
            if (out.get(i) == null) {
                Color c = byName.get(series.get(i).fitOf());
                if (c == null) {
                    throw new IllegalArgumentException("series " + series.get(i).name() + " is a fit of \"" + series.get(i).fitOf()
                            + "\", which is not a data series of the figure");
                }
                out.set(i, c);
            }
        }
        return out;
    }

    /** CIE76 colour difference (Euclidean distance in CIELAB, D65). */
    static double deltaE(Color a, Color b) {
        double[] p = lab(a);
        double[] q = lab(b);
        return Math.sqrt((p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1]) + (p[2] - q[2]) * (p[2] - q[2]));
    }

    static double[] lab(Color c) {
        double r = linear(c.getRed() / 255.0);
        double g = linear(c.getGreen() / 255.0);
        double b = linear(c.getBlue() / 255.0);
        double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        double fx = f(x);
        double fy = f(y);
        double fz = f(z);
        return new double[] {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double linear(double u) {
        return u <= 0.04045 ? u / 12.92 : Math.pow((u + 0.055) / 1.055, 2.4);
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }
}
