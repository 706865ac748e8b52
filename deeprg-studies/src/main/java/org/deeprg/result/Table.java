package org.deeprg.result;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table written as CSV into the result directory (and shown in index.html when small).
 *
 * @param name    file stem ({@code [a-z0-9-]+})
 * @param columns column headers with units
 * @param rows    rows of numbers or strings
 */
public record Table(String name, List<String> columns, List<List<Object>> rows) {
    public Table {
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("table name must match [a-z0-9-]+, got " + name);
        }
        columns = List.copyOf(columns);
        for (List<Object> r : rows) {
            if (r.size() != columns.size()) {
                throw new IllegalArgumentException("table " + name + ": row has " + r.size() + " cells, expected " + columns.size());
            }
        }
        rows = List.copyOf(rows);
    }

    /** A builder adding rows one by one. */
    public static Builder builder(String name, String... columns) {
        return new Builder(name, Arrays.asList(columns));
    }

    /** Row-by-row builder. */
    public static final class Builder {
        private final String name;
        private final List<String> columns;
        private final List<List<Object>> rows = new ArrayList<>();

        private Builder(String name, List<String> columns) {
            this.name = name;
            this.columns = columns;
        }

        public Builder row(Object... cells) {
            rows.add(Arrays.asList(cells));
            return this;
        }

        public Table build() {
            return new Table(name, columns, rows);
        }
    }
}
