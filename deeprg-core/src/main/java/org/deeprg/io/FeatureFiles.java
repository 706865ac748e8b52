package org.deeprg.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.deeprg.InvalidInputException;

/**
 * Reads a labelled data set a user gives as files: features (one row per example) and integer class labels, from
 * NumPy {@code .npy}, {@code .npz} or CSV files.
 *
 * <h2>Accepted files</h2>
 * <ul>
 *   <li><b>Features</b>: a {@code .npy} array of rank at least 2 ({@code examples x features}, or
 *       {@code examples x h x w ...}, flattened in C order); a {@code .npz} archive holding such an array, named
 *       {@code x} or {@code features} (or its only array); a CSV file of numbers, one example per line, the same number
 *       of comma-separated values on every line (a first line without any number is a header and skipped; lines
 *       starting with {@code #} and empty lines are skipped).</li>
 *   <li><b>Labels</b>: a {@code .npy} array of shape {@code (examples)} or {@code (examples, 1)}; a {@code .npz} holding
 *       one, named {@code y} or {@code labels} (or its only array); a CSV file with one label per line. Without a labels
 *       file, a {@code .npz} of features must hold the labels too ({@code y} or {@code labels}), and in a CSV of features
 *       the last column is the label.</li>
 * </ul>
 * Labels must be integers in {@code [0, }{@value #MAX_CLASSES}{@code )}; the number of labels must equal the number of
 * examples; feature values must be finite.
 *
 * <h2>Hostile files</h2>
 * The binary readers check every declared size before allocating ({@link NpyReader}, {@link NpzReader}). The CSV
 * reader refuses a line longer than {@link #MAX_LINE_BYTES} bytes and a file whose values exceed
 * {@link #MAX_VALUES} or the free memory, while it streams, before it grows its arrays. Every error is one
 * {@link InvalidInputException} naming the file (and the line or item).
 */
public final class FeatureFiles {
    /** Largest number of classes (labels are below it). */
    public static final int MAX_CLASSES = 10_000;
    /** Largest CSV line in bytes. */
    public static final int MAX_LINE_BYTES = 16 << 20;
    /** Largest number of feature values read (the limit of {@code org.deeprg.net.Dataset}). */
    public static final long MAX_VALUES = 200_000_000L;

    private FeatureFiles() {
    }

    /**
     * A labelled table read from files.
     *
     * @param name     a name for reports (the features file's name)
     * @param count    number of examples
     * @param features values per example
     * @param x        {@code count x features} values, row-major (not copied)
     * @param labels   {@code count} labels (not copied)
     * @param files    the files read, for provenance
     */
    public record Labelled(String name, int count, int features, double[] x, int[] labels, List<Path> files) {
        public Labelled {
            if (x.length != (long) count * features || labels.length != count) {
                throw new IllegalArgumentException("inconsistent table of " + count + " examples");
            }
            files = List.copyOf(files);
        }

        /** The largest label plus one. */
        public int classesSeen() {
            int m = -1;
            for (int y : labels) {
                m = Math.max(m, y);
            }
            return m + 1;
        }
    }

    /**
     * Reads features and labels.
     *
     * @param features the features file ({@code .npy}, {@code .npz} or {@code .csv})
     * @param labels   the labels file, or null when the features file carries them (see the class documentation)
     * @throws InvalidInputException naming the file for anything malformed, inconsistent or too large
     */
    public static Labelled read(Path features, Path labels) {
        requireRegularFile(features);
        if (labels != null) {
            requireRegularFile(labels);
        }
        String kind = kind(features);
        double[] x;
        int n;
        int d;
        int[] y;
        if (kind.equals("csv")) {
            Csv table = readCsv(features);
            if (labels == null) {
                if (table.columns < 2) {
                    throw InvalidInputException.file(features, "a CSV of features without a labels file needs the label in "
                            + "its last column, but it has " + table.columns + " column(s)");
                }
                n = table.rows;
                d = table.columns - 1;
                x = new double[n * d];
                double[] ly = new double[n];
                for (int r = 0; r < n; r++) {
                    System.arraycopy(table.values, r * table.columns, x, r * d, d);
                    ly[r] = table.values[r * table.columns + d];
                }
                y = labels(ly, features, "the label column");
                return checked(features, n, d, x, y, List.of(features));
            }
            n = table.rows;
            d = table.columns;
            x = table.values;
        } else {
            List<NdArray> arrays = kind.equals("npy") ? List.of(NpyReader.read(features)) : NpzReader.read(features);
            NdArray fx = pick(arrays, features, List.of("x", "features"), "features");
            int[] s = fx.shape();
            if (s.length < 2) {
                throw InvalidInputException.file(features, "features array '" + fx.name() + "' has shape " + Arrays.toString(s)
                        + "; expected examples x features (rank 2 or more)");
            }
            n = s[0];
            long dl = 1;
            for (int i = 1; i < s.length; i++) {
                dl *= s[i];
            }
            if (n == 0 || dl == 0) {
                throw InvalidInputException.file(features, "features array '" + fx.name() + "' of shape " + Arrays.toString(s) + " is empty");
            }
            d = (int) dl;
            x = fx.data();
            if (labels == null) {
                if (!kind.equals("npz")) {
                    throw InvalidInputException.file(features, "features without labels: give a labels file as well, or a "
                            + ".npz holding both as 'x' and 'y'");
                }
                NdArray ly = pick(arrays, features, List.of("y", "labels"), "labels");
                y = labels(vector(ly, features), features, "array '" + ly.name() + "'");
                return checked(features, n, d, x, y, List.of(features));
            }
        }
        String lk = kind(labels);
        double[] ly;
        if (lk.equals("csv")) {
            Csv t = readCsv(labels);
            if (t.columns != 1) {
                throw InvalidInputException.file(labels, "a CSV of labels has one value per line, this one has " + t.columns
                        + " columns");
            }
            ly = t.values;
        } else {
            List<NdArray> arrays = lk.equals("npy") ? List.of(NpyReader.read(labels)) : NpzReader.read(labels);
            ly = vector(pick(arrays, labels, List.of("y", "labels"), "labels"), labels);
        }
        if (ly.length != n) {
            throw InvalidInputException.file(labels, ly.length + " labels for the " + n + " examples of " + features);
        }
        y = labels(ly, labels, "the labels");
        return checked(features, n, d, x, y, List.of(features, labels));
    }

    private static Labelled checked(Path features, int n, int d, double[] x, int[] y, List<Path> files) {
        if (y.length != n) {
            throw InvalidInputException.file(features, y.length + " labels for " + n + " examples");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw InvalidInputException.file(features, "feature " + (i % d + 1) + " of example " + (i / d + 1)
                        + " is not a finite number (" + x[i] + ")");
            }
        }
        return new Labelled(String.valueOf(features.getFileName()), n, d, x, y, files);
    }

    private static void requireRegularFile(Path p) {
        if (!Files.exists(p)) {
            throw InvalidInputException.file(p, "no such file");
        }
        if (!Files.isRegularFile(p)) {
            throw InvalidInputException.file(p, "not a regular file");
        }
    }

    private static String kind(Path p) {
        String name = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npy")) {
            return "npy";
        }
        if (name.endsWith(".npz")) {
            return "npz";
        }
        if (name.endsWith(".csv")) {
            return "csv";
        }
        throw InvalidInputException.file(p, "unknown data file type (expected .npy, .npz or .csv)");
    }

    /** The array named one of {@code names}, or the only array of the file. */
    private static NdArray pick(List<NdArray> arrays, Path file, List<String> names, String what) {
        for (String name : names) {
            for (NdArray a : arrays) {
                if (a.name().equals(name)) {
                    return a;
                }
            }
        }
        if (arrays.size() == 1) {
            return arrays.get(0);
        }
        throw InvalidInputException.file(file, "no " + what + " array: expected one named " + String.join(" or ", names)
                + " (arrays present: " + arrays.stream().map(NdArray::toString).toList() + ")");
    }

    private static double[] vector(NdArray a, Path file) {
        int[] s = a.shape();
        if (s.length == 1 || (s.length == 2 && s[1] == 1)) {
            return a.data();
        }
        throw InvalidInputException.file(file, "labels array '" + a.name() + "' has shape " + Arrays.toString(s)
                + "; expected (examples) or (examples, 1)");
    }

    private static int[] labels(double[] v, Path file, String what) {
        int[] y = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            double l = v[i];
            if (!(l >= 0 && l < MAX_CLASSES && l == Math.rint(l))) {
                throw InvalidInputException.file(file, "label " + l + " of example " + (i + 1) + " in " + what
                        + " is out of range (allowed: integers 0 to " + (MAX_CLASSES - 1) + ")");
            }
            y[i] = (int) l;
        }
        return y;
    }

    /** A numeric CSV table. */
    private record Csv(int rows, int columns, double[] values) {
    }

    private static Csv readCsv(Path file) {
        double[] values = new double[1024];
        int count = 0;
        int columns = -1;
        int rows = 0;
        long lineNumber = 0;
        boolean sawData = false;
        byte[] line = new byte[256];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            while (true) {
                int length = 0;
                int c;
                boolean any = false;
                while ((c = in.read()) >= 0 && c != '\n') {
                    any = true;
                    if (length == MAX_LINE_BYTES) {
                        throw InvalidInputException.file(file, "line " + (lineNumber + 1) + " is longer than "
                                + MAX_LINE_BYTES + " bytes");
                    }
                    if (length == line.length) {
                        line = Arrays.copyOf(line, (int) Math.min(MAX_LINE_BYTES, 2L * line.length));
                    }
                    line[length++] = (byte) c;
                }
                if (c < 0 && !any) {
                    break;
                }
                lineNumber++;
                String text = new String(line, 0, length, java.nio.charset.StandardCharsets.UTF_8).strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] fields = text.split(",", -1);
                if (!sawData && lineNumber == 1 && Arrays.stream(fields).noneMatch(FeatureFiles::isNumber)) {
                    continue; // header
                }
                sawData = true;
                if (columns < 0) {
                    columns = fields.length;
                } else if (fields.length != columns) {
                    throw InvalidInputException.file(file, "line " + lineNumber + " has " + fields.length
                            + " values, the first data line has " + columns);
                }
                if ((long) count + columns > MAX_VALUES) {
                    throw InvalidInputException.file(file, "more than " + MAX_VALUES + " values");
                }
                if (count + columns > values.length) {
                    long grown = Math.max((long) count + columns, Math.min(MAX_VALUES, 2L * values.length));
                    ReadLimits.requireAllocatable(file, grown, 0, "CSV file");
                    values = Arrays.copyOf(values, (int) grown);
                }
                for (int j = 0; j < columns; j++) {
                    String f = fields[j].strip();
                    try {
                        values[count++] = Double.parseDouble(f);
                    } catch (NumberFormatException e) {
                        throw InvalidInputException.file(file, "line " + lineNumber + ", column " + (j + 1) + ": '"
                                + NpyReader.abbreviate(f) + "' is not a number");
                    }
                }
                rows++;
                if (c < 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw ReadLimits.ioError(file, e);
        }
        if (rows == 0) {
            throw InvalidInputException.file(file, "no data lines");
        }
        return new Csv(rows, columns, Arrays.copyOf(values, count));
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
