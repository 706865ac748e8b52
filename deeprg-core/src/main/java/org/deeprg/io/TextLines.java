package org.deeprg.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
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
    private final InputStream in;
    private final int maxBytes;
    private final java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] line = new byte[256];
    private int length;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int end;
    private int lineNumber;
    private boolean eof;
    private boolean pendingCr;

    private TextLines(Path file, InputStream in, int maxBytes) {
        this.file = file;
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** Opens a regular file as strict UTF-8 with the budget's line limit. */
    public static TextLines open(Path file) {
        return open(file, Budget.maxLineChars());
    }

    /** Opens a regular file as strict UTF-8 with a given line limit (bytes of UTF-8, at least the characters). */
    public static TextLines open(Path file, int maxLineChars) {
        return new TextLines(file, InputFiles.open(file), maxLineChars);
    }

    /** The next line without its terminator, or null at the end of the file. */
    public String next() {
        try {
            length = 0;
            boolean any = false;
            while (true) {
                if (pos >= end) {
                    if (eof || !fill()) {
                        eof = true;
                        if (!any) {
                            return null;
                        }
                        return decode();
                    }
                }
                byte b = buf[pos++];
                if (pendingCr) {
                    pendingCr = false;
                    if (b == '\n') {
                        continue;
                    }
                }
                if (b == '\n' || b == '\r') {
                    pendingCr = b == '\r';
                    return decode();
                }
                any = true;
                if (length >= maxBytes) {
                    throw InvalidInputException.file(file, "line " + (lineNumber + 1) + " is longer than " + maxBytes
                            + " characters (not a text file of the expected kind, or a line that cannot fit in memory)");
                }
                if (length == line.length) {
                    line = java.util.Arrays.copyOf(line, (int) Math.min((long) maxBytes + 1, 2L * line.length));
                }
                line[length++] = b;
            }
        } catch (IOException e) {
            throw InputFiles.ioError(file, e);
        }
    }

    private String decode() {
        lineNumber++;
        try {
            return decoder.decode(java.nio.ByteBuffer.wrap(line, 0, length)).toString();
        } catch (CharacterCodingException e) {
            throw InvalidInputException.file(file, "line " + lineNumber + ": not UTF-8 text");
        }
    }

    private boolean fill() throws IOException {
        int r = in.read(buf, 0, buf.length);
        pos = 0;
        end = Math.max(r, 0);
        return r > 0;
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
