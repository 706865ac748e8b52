package org.deeprg.sft;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeprg.InvalidInputException;
import org.deeprg.net.DenseNetwork;

/**
 * An index-to-coordinate map of the weights: the "space" of synaptic field theory (Table I: indices i, j, m -> x).
 * Coordinates {@code coordinates[k][dim]} for parameter k (the network's standard indexing), and optional periods per
 * dimension (0 = open). Distances are Euclidean with the minimum-image convention in periodic dimensions.
 *
 * @param name        label for plots
 * @param coordinates one point per parameter
 * @param periods     period of each dimension, 0 for none
 */
public record Embedding(String name, double[][] coordinates, double[] periods) {
    public Embedding {
        for (double[] c : coordinates) {
            if (c.length != periods.length) {
                throw new IllegalArgumentException("every coordinate needs " + periods.length + " components");
            }
        }
    }

    public int size() {
        return coordinates.length;
    }

    /** Distance between parameters a and b. */
    public double distance(int a, int b) {
        double s = 0;
        for (int d = 0; d < periods.length; d++) {
            double x = Math.abs(coordinates[a][d] - coordinates[b][d]);
            if (periods[d] > 0) {
                x = x % periods[d];
                x = Math.min(x, periods[d] - x);
            }
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /** The standard flat indexing: parameter k sits at x = k (open line), as in a flattened parameter vector. */
    public static Embedding standardFlat(DenseNetwork net) {
        double[][] c = new double[net.parameterCount()][1];
        for (int k = 0; k < c.length; k++) {
            c[k][0] = k;
        }
        return new Embedding("standard (flat index)", c, new double[] {0});
    }

    /** The standard layer/row/column indexing as a 3-d point {@code (m, i, j)}. */
    public static Embedding standardLayerRowColumn(DenseNetwork net) {
        double[][] c = new double[net.parameterCount()][];
        for (int k = 0; k < c.length; k++) {
            DenseNetwork.Label l = net.label(k);
            c[k] = new double[] {l.layer(), l.row(), l.column()};
        }
        return new Embedding("standard (layer,row,column)", c, new double[] {0, 0, 0});
    }

    /**
     * Reads a user mapping: CSV header {@code index,x0[,x1,...]}, one row per parameter, every index
     * {@code 0..parameters-1} exactly once. Errors name the file, line and column.
     */
    public static Embedding read(Path file, int parameters) {
        List<String> lines = org.deeprg.io.TextLines.readAll(file);
        int start = 0;
        while (start < lines.size() && lines.get(start).isBlank()) {
            start++;
        }
        if (start == lines.size()) {
            throw InvalidInputException.file(file, "line 1, column 1: empty file, expected header index,x0,...");
        }
        String[] head = lines.get(start).split(",", -1);
        if (!head[0].trim().equals("index")) {
            throw InvalidInputException.file(file, "line " + (start + 1) + ", column 1: header expected 'index', got '" + head[0].trim() + "'");
        }
        int dims = head.length - 1;
        if (dims < 1) {
            throw InvalidInputException.file(file, "line " + (start + 1) + ", column 2: header needs at least one coordinate column x0");
        }
        for (int d = 0; d < dims; d++) {
            if (!head[d + 1].trim().equals("x" + d)) {
                throw InvalidInputException.file(file, "line " + (start + 1) + ", column " + (d + 2) + ": header expected 'x" + d + "', got '" + head[d + 1].trim() + "'");
            }
        }
        double[][] c = new double[parameters][];
        int[] seenAt = new int[parameters];
        for (int i = start + 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length != dims + 1) {
                throw InvalidInputException.file(file, "line " + (i + 1) + ", column " + (Math.min(cells.length, dims + 1) + 1)
                        + ": row has " + cells.length + " cells, header has " + (dims + 1));
            }
            int idx;
            try {
                idx = Integer.parseInt(cells[0].trim());
            } catch (NumberFormatException e) {
                throw InvalidInputException.file(file, "line " + (i + 1) + ", column 1: '" + cells[0].trim() + "' is not an integer index");
            }
            if (idx < 0 || idx >= parameters) {
                throw InvalidInputException.file(file, "line " + (i + 1) + ", column 1: index " + idx + " outside 0.." + (parameters - 1));
            }
            if (c[idx] != null) {
                throw InvalidInputException.file(file, "line " + (i + 1) + ", column 1: index " + idx + " already mapped on line " + seenAt[idx]);
            }
            double[] x = new double[dims];
            for (int d = 0; d < dims; d++) {
                try {
                    x[d] = Double.parseDouble(cells[d + 1].trim());
                } catch (NumberFormatException e) {
                    x[d] = Double.NaN;
                }
                if (!Double.isFinite(x[d])) {
                    throw InvalidInputException.file(file, "line " + (i + 1) + ", column " + (d + 2) + ": '" + cells[d + 1].trim() + "' is not a finite number");
                }
            }
            c[idx] = x;
            seenAt[idx] = i + 1;
        }
        for (int k = 0; k < parameters; k++) {
            if (c[k] == null) {
                throw InvalidInputException.file(file, "line " + (lines.size() + 1) + ", column 1: index " + k
                        + " is not mapped (every weight 0.." + (parameters - 1) + " exactly once)");
            }
        }
        return new Embedding("user (" + file.getFileName() + ")", c, new double[dims]);
    }
}
