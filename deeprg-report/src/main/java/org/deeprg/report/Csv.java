package org.deeprg.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeprg.result.Figure;
import org.deeprg.result.Series;
import org.deeprg.result.Table;
import org.deeprg.result.Value;
import org.deeprg.stats.Estimate;

/**
 * RFC 4180 CSV of a {@link Table} or of a {@link Figure}'s data; doubles in full precision (shortest round-trip form).
 *
 * <p>A table column holding sampled values ({@link Estimate} or numeric {@link Value} cells) is written as three
 * columns: {@code NAME}, {@code NAME stderr} and {@code NAME stderr reliable} ({@code false} where the error bar
 * cannot be trusted), so that an untrustworthy error bar is flagged in the CSV as in the JSON.
 */
public final class Csv {
    private Csv() {
    }

    public static void write(Table table, Path file) throws IOException {
        int cols = table.columns().size();
        boolean[] sampled = new boolean[cols];
        for (List<Object> row : table.rows()) {
            for (int c = 0; c < cols; c++) {
                Object o = row.get(c);
                sampled[c] |= o instanceof Estimate || (o instanceof Value v && v.value() != null);
            }
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            List<Object> header = new ArrayList<>();
            for (int c = 0; c < cols; c++) {
                String name = table.columns().get(c);
                header.add(name);
                if (sampled[c]) {
                    header.add(name + " stderr");
                    header.add(name + " stderr reliable");
                }
            }
            line(w, header);
            for (List<Object> row : table.rows()) {
                List<Object> out = new ArrayList<>();
                for (int c = 0; c < cols; c++) {
                    Object o = row.get(c);
                    if (!sampled[c]) {
                        out.add(o);
                    } else if (o instanceof Estimate e) {
                        out.add(e.mean());
                        out.add(e.stderr());
                        out.add(e.stderrReliable());
                    } else if (o instanceof Value v && v.value() != null) {
                        out.add(v.value());
                        out.add(v.stderr());
                        out.add(v.stderr() == null ? null : !Boolean.FALSE.equals(v.stderrReliable()));
                    } else {
                        out.add(o instanceof Value v ? v.text() : o);
                        out.add(null);
                        out.add(null);
                    }
                }
                line(w, out);
            }
        }
    }

    /**
     * The data behind a figure, one row per point: {@code series, x, y, y error, y error reliable, fit of}; the
     * reliability column is {@code false} for points whose error bar cannot be trusted and empty without error bars.
     */
    public static void write(Figure figure, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            line(w, List.of("series", "x", "y", "y error", "y error reliable", "fit of"));
            for (Series s : figure.series()) {
                for (int i = 0; i < s.x().length; i++) {
                    List<Object> row = new ArrayList<>();
                    row.add(s.name());
                    row.add(s.x()[i]);
                    row.add(s.y()[i]);
                    row.add(s.yError() == null ? null : s.yError()[i]);
                    row.add(s.yError() == null && s.unreliable() == null ? null : !s.isUnreliable(i));
                    row.add(s.fitOf());
                    line(w, row);
                }
            }
        }
    }

    private static void line(Writer w, List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(cell(cells.get(i)));
        }
        w.write('\n');
    }

    static String cell(Object o) {
        if (o == null) {
            return "";
        }
        String s = String.valueOf(o);
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
