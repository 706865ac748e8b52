package org.deeprg.fit;

import java.nio.file.Path;
import org.deeprg.InvalidInputException;
import org.deeprg.io.Budget;
import org.deeprg.io.TextLines;

/** Reads a power-law sample: one number per line; blank lines and lines starting with '#' are skipped. */
public final class PowerLawData {
    /** Largest number of values read (8 bytes each; the fit holds about five arrays of this size: 2 GB). */
    public static final int MAX_VALUES = 50_000_000;
    /** Smallest value accepted: below it, x^(1-alpha) and 1/x overflow for the exponents a fit explores. */
    public static final double MIN_VALUE = 1e-100;
    /** Largest value accepted: above it, x^(1-alpha) and sums of x overflow for the exponents a fit explores. */
    public static final double MAX_VALUE = 1e100;

    private PowerLawData() {
    }

    /**
     * Reads the values of {@code file}.
     *
     * @throws InvalidInputException naming the file and line for a missing file, a value that is not a number, not
     *                               finite or not positive, or fewer than {@value PowerLaw#MIN_POINTS} values
     */
    public static double[] read(Path file) {
        double[] values = new double[1024];
        int n = 0;
        try (TextLines in = TextLines.open(file)) {
            String line;
            while ((line = in.next()) != null) {
                int lineNumber = in.lineNumber();
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                double x;
                try {
                    x = Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    throw InvalidInputException.file(file, "line " + lineNumber + ": '" + abbreviate(t) + "' is not a number");
                }
                if (!Double.isFinite(x) || x <= 0) {
                    throw InvalidInputException.file(file, "line " + lineNumber + ": " + abbreviate(t)
                            + " is not a positive finite number (a power law lives on x > 0)");
                }
                if (x < MIN_VALUE || x > MAX_VALUE) {
                    throw InvalidInputException.file(file, "line " + lineNumber + ": " + abbreviate(t)
                            + " is outside [" + MIN_VALUE + ", " + MAX_VALUE + "], where the likelihood's powers and sums stay "
                            + "finite in double precision (rescale the data)");
                }
                if (n == MAX_VALUES) {
                    throw InvalidInputException.file(file, "more than " + MAX_VALUES + " values");
                }
                if (n == values.length) {
                    Budget.requireFile(file, Budget.bytes(Math.min(MAX_VALUES, 2L * n), 8L * 6), "the " + n + "+ values and the fit");
                    values = java.util.Arrays.copyOf(values, (int) Math.min(MAX_VALUES, 2L * n));
                }
                values[n++] = x;
            }
        }
        if (n < PowerLaw.MIN_POINTS) {
            throw InvalidInputException.file(file, n + " positive values, a power-law fit needs at least " + PowerLaw.MIN_POINTS);
        }
        double[] out = java.util.Arrays.copyOf(values, n);
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double x : out) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        if (min == max) {
            throw InvalidInputException.file(file, "all " + n + " values are equal (" + min + "): no tail to fit");
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
