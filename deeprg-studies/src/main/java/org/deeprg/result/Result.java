package org.deeprg.result;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
    private final List<Attachment> attachments;

    /**
     * A file the result directory holds besides its JSON, tables and figures (e.g. trained weights), written with the
     * rest of the directory (so atomically, before it is renamed into place).
     *
     * @param fileName a plain file name, {@code [A-Za-z0-9][A-Za-z0-9._-]*}, not one of the directory's own files
     * @param content  writes the file's bytes
     */
    public record Attachment(String fileName, Content content) {
        public Attachment {
            Objects.requireNonNull(content, "content");
            if (fileName == null || !fileName.matches("[A-Za-z0-9][A-Za-z0-9._-]*") || fileName.equals("result.json")
                    || fileName.equals("provenance.json") || fileName.equals("claims.json") || fileName.equals("index.html")) {
                throw new IllegalArgumentException("attachment name " + fileName + " is not a plain file name or is reserved");
            }
        }
    }

    /** Writes the bytes of an attachment. */
    @FunctionalInterface
    public interface Content {
        void write(OutputStream out) throws IOException;
    }

    private Result(Builder b) {
        this.title = b.title;
        this.data = b.data;
        this.tables = List.copyOf(b.tables);
        this.figures = List.copyOf(b.figures);
        this.claims = List.copyOf(b.claims);
        this.summary = List.copyOf(b.summary);
        this.inputFiles = List.copyOf(b.inputFiles);
        this.attachments = List.copyOf(b.attachments);
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

    /** Files written into the result directory besides the standard ones. */
    public List<Attachment> attachments() {
        return attachments;
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
        private final List<Attachment> attachments = new ArrayList<>();

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

        /** Adds a file to the result directory (e.g. a weight file). */
        public Builder attachment(String fileName, Content content) {
            Attachment a = new Attachment(fileName, content);
            if (attachments.stream().anyMatch(x -> x.fileName().equals(fileName))) {
                throw new IllegalArgumentException("two attachments named " + fileName);
            }
            attachments.add(a);
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
