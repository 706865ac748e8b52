package org.deeprg.result;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a computation returns: the numbers ({@link #data()}, serialised to {@code result.json} and printed by
 * {@code --json}), tables, figures, paper claims and human-readable summary lines. The report module writes
 * it as a result directory with provenance.
 *
 * <p>{@code data} is any Jackson-serialisable object, normally a record whose field names are the documented
 * JSON contract of the command ({@code {"logZ": ..., "logZOriginal": ...}}).
 */
public final class Result {
    private final String title;
    private final Object data;
    private final List<Table> tables;
    private final List<Figure> figures;
    private final List<Claim> claims;
    private final List<String> summary;
    private final List<Path> inputFiles;

    private Result(Builder b) {
        this.title = b.title;
        this.data = b.data;
        this.tables = List.copyOf(b.tables);
        this.figures = List.copyOf(b.figures);
        this.claims = List.copyOf(b.claims);
        this.summary = List.copyOf(b.summary);
        this.inputFiles = List.copyOf(b.inputFiles);
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    public String title() {
        return title;
    }

    public Object data() {
        return data;
    }

    public List<Table> tables() {
        return tables;
    }

    public List<Figure> figures() {
        return figures;
    }

    public List<Claim> claims() {
        return claims;
    }

    public List<String> summary() {
        return summary;
    }

    /** Files read by the computation; their SHA-256 goes into provenance.json. */
    public List<Path> inputFiles() {
        return inputFiles;
    }

    /** Builder. */
    public static final class Builder {
        private final String title;
        private Object data;
        private final List<Table> tables = new ArrayList<>();
        private final List<Figure> figures = new ArrayList<>();
        private final List<Claim> claims = new ArrayList<>();
        private final List<String> summary = new ArrayList<>();
        private final List<Path> inputFiles = new ArrayList<>();

        private Builder(String title) {
            this.title = title;
        }

        public Builder data(Object data) {
            this.data = data;
            return this;
        }

        public Builder table(Table t) {
            tables.add(t);
            return this;
        }

        public Builder figure(Figure f) {
            figures.add(f);
            return this;
        }

        public Builder claim(Claim c) {
            claims.add(c);
            return this;
        }

        public Builder claims(List<Claim> cs) {
            claims.addAll(cs);
            return this;
        }

        public Builder summary(String line) {
            summary.add(line);
            return this;
        }

        public Builder inputFile(Path p) {
            inputFiles.add(p);
            return this;
        }

        public Result build() {
            if (data == null) {
                throw new IllegalStateException("result " + title + " has no data");
            }
            return new Result(this);
        }
    }
}
