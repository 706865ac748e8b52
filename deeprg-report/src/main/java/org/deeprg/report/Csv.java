package org.deeprg.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeprg.result.Table;

/** RFC 4180 CSV of a {@link Table}; doubles in full precision (shortest round-trip form). */
public final class Csv {
    private Csv() {
    }

    public static void write(Table table, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            line(w, table.columns());
            for (List<Object> row : table.rows()) {
                line(w, row);
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
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
