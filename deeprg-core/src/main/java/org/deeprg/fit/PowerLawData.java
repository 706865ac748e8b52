package org.deeprg.fit;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeprg.InvalidInputException;

/** Reads a power-law sample: one number per line; blank lines and lines starting with '#' are skipped. */
public final class PowerLawData {
    /** Largest number of values read (8 bytes each; the fit holds about five arrays of this size: 2 GB). */
    public static final int MAX_VALUES = 50_000_000;

    private PowerLawData() {
    }

    /**
     * Reads the values of {@code file}.
     *
     * @throws InvalidInputException naming the file and line for a missing file, a value that is not a number, not
     *                               finite or not positive, or fewer than {@value PowerLaw#MIN_POINTS} values
     */
    public static double[] read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw InvalidInputException.file(file, "not found or not a regular file");
        }
        double[] values = new double[1024];
        int n = 0;
        int lineNumber = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNumber++;
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
                if (n == MAX_VALUES) {
                    throw InvalidInputException.file(file, "more than " + MAX_VALUES + " values");
                }
                if (n == values.length) {
                    values = java.util.Arrays.copyOf(values, (int) Math.min(MAX_VALUES, 2L * n));
                }
                values[n++] = x;
            }
        } catch (java.nio.charset.MalformedInputException e) {
            throw InvalidInputException.file(file, "line " + (lineNumber + 1) + ": not UTF-8 text");
        } catch (IOException e) {
            throw InvalidInputException.file(file, "cannot read: " + e.getMessage());
        }
        if (n < PowerLaw.MIN_POINTS) {
            throw InvalidInputException.file(file, n + " positive values, a power-law fit needs at least " + PowerLaw.MIN_POINTS);
        }
        return java.util.Arrays.copyOf(values, n);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
