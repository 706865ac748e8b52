package org.deeprg;

import java.util.Locale;

/**
 * The range where a spec's computation is meaningful and numerically safe, stated once as an interval string and
 * used both in the option's help and in the spec's validation, so the two cannot drift apart.
 *
 * <p>An interval is written {@code [a, b]}, {@code (a, b]}, {@code [a, b)} or {@code (a, b)} with bounds that
 * {@link Double#parseDouble} reads ({@code 1e6}, {@code -0.5}) or {@code inf} / {@code -inf}. A value is inside when it
 * is finite (NaN and infinities are never allowed) and within the bounds. Because the interval is a compile-time
 * constant, the option's help can quote it:
 *
 * <pre>{@code
 * // in the spec record (deeprg-core)
 * public static final String BETA_RANGE = "(0, 1e4]";
 * public DynMcSpec {
 *     Domain.check("beta", beta, BETA_RANGE, "exp(-beta cost) underflows for larger beta");
 * }
 * // in the command (deeprg-cli)
 * @Option(names = "--beta", description = "Inverse temperature, in " + DynMcSpec.BETA_RANGE + " (default: ...).")
 * }</pre>
 *
 * <p>The error is an {@link InvalidInputException} naming the parameter (the CLI prints the option, e.g.
 * {@code --beta}), the value and the interval: one line, exit code 2.
 */
public final class Domain {
    private Domain() {
    }

    /**
     * Requires {@code x} finite and inside {@code interval}; returns {@code x}.
     *
     * @param parameter the spec parameter in camelCase (printed as the option)
     * @param interval  e.g. {@code "(0, 1e4]"}
     */
    public static double check(String parameter, double x, String interval) {
        return check(parameter, x, interval, null);
    }

    /**
     * As {@link #check(String, double, String)}, with the reason the range is what it is (appended to the error).
     */
    public static double check(String parameter, double x, String interval, String why) {
        if (!contains(interval, x)) {
            throw new InvalidInputException(parameter, format(x), "must be a finite number in " + interval
                    + (why == null || why.isBlank() ? "" : " (" + why + ")"));
        }
        return x;
    }

    /** Requires the integer {@code n} inside {@code interval}; returns {@code n}. */
    public static long check(String parameter, long n, String interval) {
        return check(parameter, n, interval, null);
    }

    /** As {@link #check(String, long, String)}, with the reason. */
    public static long check(String parameter, long n, String interval, String why) {
        if (!contains(interval, (double) n) || !containsExactly(interval, n)) {
            throw new InvalidInputException(parameter, n, "must be an integer in " + interval
                    + (why == null || why.isBlank() ? "" : " (" + why + ")"));
        }
        return n;
    }

    /** Requires every element of {@code xs} inside {@code interval} (the error names the first one outside). */
    public static double[] checkAll(String parameter, double[] xs, String interval, String why) {
        for (double x : xs) {
            check(parameter, x, interval, why);
        }
        return xs;
    }

    /** Whether {@code x} is finite and inside {@code interval}. */
    public static boolean contains(String interval, double x) {
        if (!Double.isFinite(x)) {
            return false;
        }
        Bounds b = parse(interval);
        boolean aboveLow = b.lowClosed ? x >= b.low : x > b.low;
        boolean belowHigh = b.highClosed ? x <= b.high : x < b.high;
        return aboveLow && belowHigh;
    }

    private static boolean containsExactly(String interval, long n) {
        // doubles lose precision above 2^53: compare integer bounds exactly where they are integers
        Bounds b = parse(interval);
        if (Double.isFinite(b.low) && b.low == Math.rint(b.low) && Math.abs(b.low) < 0x1p62) {
            long lo = (long) b.low;
            if (b.lowClosed ? n < lo : n <= lo) {
                return false;
            }
        }
        if (Double.isFinite(b.high) && b.high == Math.rint(b.high) && Math.abs(b.high) < 0x1p62) {
            long hi = (long) b.high;
            return b.highClosed ? n <= hi : n < hi;
        }
        return true;
    }

    private record Bounds(double low, boolean lowClosed, double high, boolean highClosed) {
    }

    private static Bounds parse(String interval) {
        String s = interval.trim();
        if (s.length() < 5 || "[(".indexOf(s.charAt(0)) < 0 || "])".indexOf(s.charAt(s.length() - 1)) < 0) {
            throw new IllegalArgumentException("not an interval: " + interval);
        }
        String[] parts = s.substring(1, s.length() - 1).split(",");
        if (parts.length != 2) {
            throw new IllegalArgumentException("not an interval: " + interval);
        }
        return new Bounds(bound(parts[0], interval), s.charAt(0) == '[', bound(parts[1], interval), s.charAt(s.length() - 1) == ']');
    }

    private static double bound(String t, String interval) {
        String v = t.trim().toLowerCase(Locale.ROOT).replace("_", "");
        switch (v) {
            case "inf", "+inf", "infinity":
                return Double.POSITIVE_INFINITY;
            case "-inf", "-infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                if (v.matches("2\\^\\d+")) {
                    return Math.pow(2, Integer.parseInt(v.substring(2)));
                }
                try {
                    return Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad bound '" + t + "' in interval " + interval, e);
                }
        }
    }

    private static String format(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return Long.toString((long) x);
        }
        return Double.toString(x);
    }
}
