package org.deeprg.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Axis ranges and tick labels of the plots.
 *
 * <ul>
 *   <li>Linear axes show the data range (from 0 for non-negative data that start near it); XChart places the ticks
 *       at multiples of 1, 2 or 5 times a power of ten, and their labels are rounded to what the axis span resolves: {@code 0.05} (never {@code .05}),
 *       {@code −3.14} (never {@code -3.141592653589793}), {@code 2.5×10⁻⁶} for very small or large magnitudes,
 *       with a real minus sign.</li>
 *   <li>Logarithmic axes label their decades ({@code 0.01}, {@code 1}, {@code 100}, or {@code 10⁻⁶ ... 10⁴} when
 *       a decade lies outside [10⁻³, 10⁴]); when fewer than two decades lie inside the axis, the 1-2-5 values, and
 *       when still fewer than two, every integer multiple of the decade.</li>
 * </ul>
 */
public final class AxisTicks {
    private AxisTicks() {
    }

    /** A labelled tick at {@code value}. */
    public record Tick(double value, String label) {
    }

    private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    static final char MINUS = '−';

    /**
     * The range a linear axis shows for data in [lo, hi]: the data range itself, widened around a single value, and
     * extended to 0 when the data are non-negative and start within a tenth of the span from 0 (counts, densities).
     */
    public static double[] dataRange(double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            return new double[] {0, 1};
        }
        if (hi == lo) {
            double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
            return new double[] {lo - pad, hi + pad};
        }
        if (lo > 0 && lo < 0.1 * (hi - lo)) {
            lo = 0;
        }
        return new double[] {lo, hi};
    }

    /**
     * The label of a tick at {@code value} on a linear axis spanning [lo, hi]: rounded to three significant digits of
     * the span, trailing zeros dropped, a leading zero kept, scientific notation ({@code 2.5×10⁻⁶}, each value with its
     * own power of ten) when the largest magnitude on the axis is at least 10⁵ or below 10⁻³.
     */
    public static String linearLabel(double value, double lo, double hi) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        double span = Math.abs(hi - lo);
        double magnitude = Math.max(Math.abs(lo), Math.abs(hi));
        if (!(span > 0) || !Double.isFinite(span)) {
            span = value == 0 ? 1 : Math.abs(value);
        }
        if (!(magnitude > 0) || !Double.isFinite(magnitude)) {
            magnitude = span;
        }
        // a tick within a millionth of the span from zero is zero (binary noise of lo + k step)
        if (Math.abs(value) < span * 1e-9) {
            return "0";
        }
        int spanExp = (int) Math.floor(Math.log10(span));
        if (magnitude >= 1e5 || magnitude < 1e-3) {
            int e = (int) Math.floor(Math.log10(Math.abs(value)) + 1e-12);
            int decimals = Math.max(0, Math.min(6, e - spanExp + 2));
            String mantissa = strip(new BigDecimal(value / Math.pow(10, e)).setScale(decimals, RoundingMode.HALF_EVEN));
            return minus(mantissa) + "×10" + superscript(e);
        }
        int decimals = Math.max(0, Math.min(15, 2 - spanExp));
        return minus(strip(new BigDecimal(value).setScale(decimals, RoundingMode.HALF_EVEN)));
    }

    /**
     * The labelled ticks of a logarithmic axis on [lo, hi] (both positive): its decades, at most about
     * {@code maxLabels} of them (every second, fifth, ... decade when there are more); when fewer than two decades
     * lie inside, the 1-2-5 values; when still fewer than two, every integer multiple of a decade.
     */
    public static List<Tick> logTicks(double lo, double hi, int maxLabels) {
        if (!(lo > 0) || !(hi >= lo) || !Double.isFinite(hi)) {
            return List.of();
        }
        int kLo = (int) Math.floor(Math.log10(lo));
        int kHi = (int) Math.ceil(Math.log10(hi));
        List<Double> decades = new ArrayList<>();
        for (int k = kLo; k <= kHi; k++) {
            double v = Math.pow(10, k);
            if (inside(v, lo, hi)) {
                decades.add(v);
            }
        }
        List<Double> chosen;
        if (decades.size() >= 2) {
            int every = 1;
            while (decades.size() / every > Math.max(2, maxLabels)) {
                every = every == 1 ? 2 : every == 2 ? 5 : every * 2;
            }
            chosen = new ArrayList<>();
            for (double v : decades) {
                long k = Math.round(Math.log10(v));
                if (Math.floorMod(k, every) == 0) {
                    chosen.add(v);
                }
            }
            if (chosen.size() < 2) {
                chosen = decades;
            }
        } else {
            chosen = multiples(lo, hi, kLo, kHi, new int[] {1, 2, 5});
            if (chosen.size() < 2) {
                chosen = multiples(lo, hi, kLo, kHi, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
            }
        }
        boolean powers = false;
        for (double v : chosen) {
            powers |= v < 1e-3 * (1 - 1e-9) || v > 1e4 * (1 + 1e-9);
        }
        List<Tick> out = new ArrayList<>();
        for (double v : chosen) {
            out.add(new Tick(v, logLabel(v, powers)));
        }
        return out;
    }

    private static List<Double> multiples(double lo, double hi, int kLo, int kHi, int[] mantissas) {
        List<Double> out = new ArrayList<>();
        for (int k = kLo; k <= kHi; k++) {
            for (int m : mantissas) {
                double v = m * Math.pow(10, k);
                if (inside(v, lo, hi)) {
                    out.add(v);
                }
            }
        }
        return out;
    }

    private static boolean inside(double v, double lo, double hi) {
        return v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9);
    }

    /**
     * The label of {@code v = m 10^k} on a log axis: plain ({@code 0.02}, {@code 300}) unless {@code powers}, then
     * {@code 10ᵏ} for a decade and {@code m×10ᵏ} otherwise.
     */
    static String logLabel(double v, boolean powers) {
        int k = (int) Math.floor(Math.log10(v) + 1e-9);
        long m = Math.round(v / Math.pow(10, k));
        if (m == 10) {
            k++;
            m = 1;
        }
        if (powers) {
            return (m == 1 ? "" : m + "×") + "10" + superscript(k);
        }
        return strip(new BigDecimal(m).scaleByPowerOfTen(k));
    }

    /** {@code -12} as {@code ⁻¹²}. */
    static String superscript(int e) {
        StringBuilder b = new StringBuilder();
        if (e < 0) {
            b.append('⁻');
        }
        for (char c : Integer.toString(Math.abs(e)).toCharArray()) {
            b.append(SUPERSCRIPT_DIGITS.charAt(c - '0'));
        }
        return b.toString();
    }

    private static String strip(BigDecimal d) {
        String s = d.stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    private static String minus(String s) {
        return s.startsWith("-") ? MINUS + s.substring(1) : s;
    }
}
