package org.deeprg.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.deeprg.InvalidInputException;

/**
 * Reads a UTF-8 text file line by line under the memory {@link Budget}: the file must be a regular file
 * ({@link InputFiles}), a line longer than {@link Budget#maxLineChars()} characters is refused while it is being
 * read (a 3 GB line, or a file of zero bytes without newline, never reaches memory), and malformed UTF-8 is refused
 * with its line number. Line terminators {@code \n}, {@code \r\n} and {@code \r} are accepted. Every error names the
 * file and the line (an {@link InvalidInputException}, exit code 2).
 *
 * <pre>{@code
 * try (TextLines lines = TextLines.open(file)) {
 *     for (String line; (line = lines.next()) != null; ) {
 *         ... lines.lineNumber() ...
 *     }
 * }
 * }</pre>
 */
public final class TextLines implements Closeable {
    private final Path file;
    private final Reader in;
    private final int maxChars;
    private final StringBuilder line = new StringBuilder();
    private final char[] buf = new char[1 << 14];
    private int pos;
    private int end;
    private int lineNumber;
    private boolean eof;

    private TextLines(Path file, Reader in, int maxChars) {
        this.file = file;
        this.in = in;
        this.maxChars = maxChars;
    }

    /** Opens a regular file as strict UTF-8 with the budget's line limit. */
    public static TextLines open(Path file) {
        return open(file, Budget.maxLineChars());
    }

    /** Opens a regular file as strict UTF-8 with a given line limit (characters). */
    public static TextLines open(Path file, int maxLineChars) {
        InputStream raw = InputFiles.open(file);
        Reader r = new InputStreamReader(raw, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        return new TextLines(file, r, maxLineChars);
    }

    /** The next line without its terminator, or null at the end of the file. */
    public String next() {
        if (eof && pos >= end) {
            return null;
        }
        line.setLength(0);
        try {
            while (true) {
                if (pos >= end) {
                    if (!fill()) {
                        eof = true;
                        if (line.length() == 0 && lastWasTerminator) {
                            return null;
                        }
                        lastWasTerminator = true;
                        lineNumber++;
                        return line.toString();
                    }
                }
                char c = buf[pos++];
                if (c == '\n' || c == '\r') {
                    if (c == '\r') {
                        if (pos >= end && !fill()) {
                            eof = true;
                        } else if (buf[pos] == '\n') {
                            pos++;
                        }
                    }
                    lastWasTerminator = true;
                    lineNumber++;
                    return line.toString();
                }
                lastWasTerminator = false;
                if (line.length() >= maxChars) {
                    throw InvalidInputException.file(file, "line " + (lineNumber + 1) + " is longer than " + maxChars
                            + " characters (not a text file of the expected kind, or a line that cannot fit in memory)");
                }
                line.append(c);
            }
        } catch (CharacterCodingException e) {
            throw InvalidInputException.file(file, "line " + (lineNumber + 1) + ": not UTF-8 text");
        } catch (IOException e) {
            throw InputFiles.ioError(file, e);
        }
    }

    private boolean lastWasTerminator = true;

    private boolean fill() throws IOException {
        int r = in.read(buf, 0, buf.length);
        if (r <= 0) {
            pos = 0;
            end = 0;
            return false;
        }
        pos = 0;
        end = r;
        return true;
    }

    /**
     * All lines of a regular UTF-8 text file, under the memory budget (each line counted with its characters and
     * the object overhead): for small tables that a reader parses in several passes.
     */
    public static java.util.List<String> readAll(Path file) {
        java.util.List<String> out = new java.util.ArrayList<>();
        Budget.Meter meter = Budget.meter(file, "the lines of the file");
        try (TextLines in = open(file)) {
            for (String l; (l = in.next()) != null; ) {
                meter.add(2L * l.length() + 64);
                out.add(l);
            }
        }
        return out;
    }

    /** 1-based number of the line last returned by {@link #next()}. */
    public int lineNumber() {
        return lineNumber;
    }

    /** The file being read. */
    public Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // nothing to do: the file was only read
        }
    }
}
