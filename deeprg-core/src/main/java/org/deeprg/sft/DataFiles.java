package org.deeprg.sft;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeprg.InvalidInputException;
import org.deeprg.net.Dataset;

/**
 * CSV data files of the synaptic-field-theory commands. Header {@code x0,...,x{n-1},y0,...,y{m-1}} (exactly these
 * names, in this order), then one example per row, comma separated, all cells numbers in {@link #VALUE_RANGE}. Lines starting with
 * {@code #} and blank lines are skipped. For Example 1 (the periodic perceptron) {@code n = m = S >= 2} sites.
 * Every error names the file, the line and the column (1-based).
 */
public final class DataFiles {
    /**
     * The values a cell may hold: costs, gradients and Hessians square and sum them (times slopes up to 1e6), and the
     * eigen-solvers square those again, so larger values would overflow the double range.
     */
    public static final String VALUE_RANGE = "[-1e30, 1e30]";

    private DataFiles() {
    }

    /** Reads a data set; {@code minInputs}/{@code minOutputs} are the smallest allowed widths. */
    public static Dataset read(Path file, int minInputs, int minOutputs) {
        List<String> lines = org.deeprg.io.TextLines.readAll(file);
        int headerLine = -1;
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).trim();
            if (!t.isEmpty() && !t.startsWith("#")) {
                headerLine = i;
                break;
            }
        }
        if (headerLine < 0) {
            throw InvalidInputException.file(file, "line 1: empty file, expected a header x0,...,y0,...");
        }
        String[] head = lines.get(headerLine).split(",", -1);
        int n = 0;
        while (n < head.length && head[n].trim().equals("x" + n)) {
            n++;
        }
        int m = 0;
        while (n + m < head.length && head[n + m].trim().equals("y" + m)) {
            m++;
        }
        if (n + m < head.length || n == 0 || m == 0) {
            int col = n + m + 1;
            String got = col <= head.length ? "'" + head[col - 1].trim() + "'" : "end of line";
            String want = n == 0 ? "x0" : (m == 0 ? "x" + n + " or y0" : "y" + m + " or end of line");
            throw InvalidInputException.file(file, "line " + (headerLine + 1) + ", column " + col + ": header expected " + want + ", got " + got);
        }
        if (n < minInputs || m < minOutputs) {
            throw InvalidInputException.file(file, "line " + (headerLine + 1) + ", column 1: header has " + n + " inputs and " + m
                    + " outputs, at least " + minInputs + " and " + minOutputs + " needed");
        }
        List<double[]> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        for (int i = headerLine + 1; i < lines.size(); i++) {
            String t = lines.get(i).trim();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length != n + m) {
                throw InvalidInputException.file(file, "line " + (i + 1) + ", column " + (Math.min(cells.length, n + m) + 1)
                        + ": row has " + cells.length + " cells, header has " + (n + m));
            }
            double[] x = new double[n];
            double[] y = new double[m];
            for (int c = 0; c < n + m; c++) {
                double v;
                try {
                    v = Double.parseDouble(cells[c].trim());
                } catch (NumberFormatException e) {
                    v = Double.NaN;
                }
                if (!Double.isFinite(v)) {
                    throw InvalidInputException.file(file, "line " + (i + 1) + ", column " + (c + 1) + ": '" + cells[c].trim() + "' is not a finite number");
                }
                if (!org.deeprg.Domain.contains(VALUE_RANGE, v)) {
                    throw InvalidInputException.file(file, "line " + (i + 1) + ", column " + (c + 1) + ": " + cells[c].trim()
                            + " is outside " + VALUE_RANGE + " (costs and Hessians square and sum the values; larger ones overflow)");
                }
                if (c < n) {
                    x[c] = v;
                } else {
                    y[c - n] = v;
                }
            }
            xs.add(x);
            ys.add(y);
            if (xs.size() > 10_000_000) {
                throw InvalidInputException.file(file, "line " + (i + 1) + ", column 1: more than 10^7 examples");
            }
        }
        if (xs.isEmpty()) {
            throw InvalidInputException.file(file, "line " + (headerLine + 2) + ", column 1: no examples after the header");
        }
        return Dataset.of(xs.toArray(new double[0][]), ys.toArray(new double[0][]));
    }

    /** Reads an Example-1 file: {@code S >= 2} sites, as many outputs as inputs. */
    public static Dataset readPerceptron(Path file) {
        Dataset d = read(file, 2, 1);
        if (d.outputDimension() != d.inputDimension()) {
            throw InvalidInputException.file(file, "line 1, column " + (d.inputDimension() + d.outputDimension())
                    + ": the perceptron needs as many outputs as inputs (S sites), got " + d.inputDimension() + " x and " + d.outputDimension() + " y");
        }
        return d;
    }
}
