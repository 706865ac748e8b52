package org.deeprg.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeprg.InvalidInputException;

/**
 * Reads NumPy {@code .npy} files (format versions 1.0, 2.0 and 3.0).
 *
 * <p>Layout: the magic {@code \x93NUMPY}, major and minor version bytes, the header length (uint16 little-endian
 * in 1.0, uint32 in 2.0/3.0), then a Python dict literal such as
 * {@code {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }}, then the raw elements.
 * Supported {@code descr}: floats {@code f2 f4 f8}, signed and unsigned integers of 1-8 bytes and {@code b1},
 * with byte order {@code <}, {@code >}, {@code |} or {@code =} (native, taken as little-endian). Fortran-order data
 * is converted to C order. Structured, object (pickled), string and complex arrays are refused.
 *
 * <p>The declared data size must match the bytes present exactly (no truncation, no trailing bytes); it is checked
 * before anything is allocated.
 */
public final class NpyReader {
    /** Largest header accepted (NumPy itself writes headers of well under 1 KiB). */
    public static final int MAX_HEADER_BYTES = 1 << 20;
    /** Largest number of dimensions accepted (NumPy's own limit is 64). */
    public static final int MAX_DIMENSIONS = 64;

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    private NpyReader() {
    }

    /**
     * Reads a {@code .npy} file; the array is named after the file (without {@code .npy}).
     *
     * @throws InvalidInputException for a missing, malformed, truncated, unsupported or too large file
     */
    public static NdArray read(Path file) {
        long length = InputFiles.requireRegularFile(file);
        String name = file.getFileName().toString().replaceFirst("\\.npy$", "");
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in, name, file, length, true);
        } catch (IOException e) {
            throw ReadLimits.ioError(file, e);
        }
    }

    /**
     * Reads one array from a stream holding at most {@code maxBytes} bytes in all (header included).
     *
     * @param exact when true, {@code maxBytes} is the exact stream length, so a size mismatch is reported as such;
     *              either way the stream must end right after the data
     */
    static NdArray read(InputStream in, String name, Object file, long maxBytes, boolean exact) throws IOException {
        byte[] magic = new byte[8];
        ReadLimits.readFully(in, magic, file, "the .npy magic number");
        for (int i = 0; i < MAGIC.length; i++) {
            if (magic[i] != MAGIC[i]) {
                throw InvalidInputException.file(file, "bad magic number: not a NumPy .npy file");
            }
        }
        int major = magic[6] & 0xFF;
        int minor = magic[7] & 0xFF;
        long headerLength;
        int prefix;
        if (major == 1) {
            byte[] l = new byte[2];
            ReadLimits.readFully(in, l, file, "the .npy header length");
            headerLength = (l[0] & 0xFF) | ((l[1] & 0xFF) << 8);
            prefix = 10;
        } else if (major == 2 || major == 3) {
            byte[] l = new byte[4];
            ReadLimits.readFully(in, l, file, "the .npy header length");
            headerLength = ByteBuffer.wrap(l).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
            prefix = 12;
        } else {
            throw InvalidInputException.file(file, "unsupported .npy format version " + major + "." + minor
                    + " (supported 1.0, 2.0, 3.0)");
        }
        if (headerLength > MAX_HEADER_BYTES || headerLength > maxBytes - prefix) {
            throw InvalidInputException.file(file, ".npy header length " + headerLength + " bytes exceeds "
                    + (headerLength > MAX_HEADER_BYTES ? "the limit of " + MAX_HEADER_BYTES : exact ? "the file" : "the archive entry"));
        }
        byte[] hb = new byte[(int) headerLength];
        ReadLimits.readFully(in, hb, file, "the .npy header");
        String header = new String(hb, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Map<String, Object> dict = new HeaderParser(header, file).parseDict();
        Object descr = dict.get("descr");
        Object fortran = dict.get("fortran_order");
        Object shapeObj = dict.get("shape");
        if (!(descr instanceof String d)) {
            throw InvalidInputException.file(file, ".npy header has no string 'descr' (structured arrays are not "
                    + "supported): " + abbreviate(header));
        }
        if (!(fortran instanceof Boolean fortranOrder)) {
            throw InvalidInputException.file(file, ".npy header has no boolean 'fortran_order'");
        }
        if (!(shapeObj instanceof long[] shape)) {
            throw InvalidInputException.file(file, ".npy header has no tuple 'shape'");
        }
        if (shape.length > MAX_DIMENSIONS) {
            throw InvalidInputException.file(file, ".npy shape has " + shape.length + " dimensions (limit "
                    + MAX_DIMENSIONS + ")");
        }
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        String kind = d;
        if (!d.isEmpty() && "<>|=".indexOf(d.charAt(0)) >= 0) {
            if (d.charAt(0) == '>') {
                order = ByteOrder.BIG_ENDIAN;
            }
            kind = d.substring(1);
        }
        ElementType type = typeOf(kind, file);
        long elements = ReadLimits.elementCount(file, shape);
        long dataBytes = elements * type.bytes;
        long available = maxBytes - prefix - headerLength;
        if (dataBytes > available || (exact && dataBytes != available)) {
            throw InvalidInputException.file(file, "the .npy header declares shape " + java.util.Arrays.toString(shape)
                    + " of " + d + " (" + dataBytes + " bytes) but " + (exact ? "the file holds " + available
                    + " bytes of data" : "the entry cannot hold that many") + (dataBytes > available ? " (truncated "
                    + "or hostile header)" : " (trailing bytes)"));
        }
        ReadLimits.requireAllocatable(file, elements, 0, ".npy header");
        int[] intShape = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            intShape[i] = (int) shape[i];
        }
        double[] data = new double[(int) elements];
        readElements(in, type, order, data, file);
        if (in.read() >= 0) {
            throw InvalidInputException.file(file, "trailing bytes after the " + dataBytes + " bytes of .npy data");
        }
        if (fortranOrder) {
            data = NdArray.fortranToC(data, intShape);
        }
        return new NdArray(name, intShape, data);
    }

    static void readElements(InputStream in, ElementType type, ByteOrder order, double[] out, Object file)
            throws IOException {
        int perChunk = Math.max(1, (1 << 16) / type.bytes);
        byte[] chunk = new byte[perChunk * type.bytes];
        ByteBuffer bb = ByteBuffer.wrap(chunk).order(order);
        int done = 0;
        while (done < out.length) {
            int n = Math.min(perChunk, out.length - done);
            int off = 0;
            int want = n * type.bytes;
            while (off < want) {
                int r = in.read(chunk, off, want - off);
                if (r < 0) {
                    throw InvalidInputException.file(file, "truncated: data ends after " + ((long) done * type.bytes
                            + off) + " of " + ((long) out.length * type.bytes) + " bytes");
                }
                off += r;
            }
            bb.clear();
            for (int i = 0; i < n; i++) {
                out[done + i] = type.read(bb);
            }
            done += n;
        }
    }

    private static ElementType typeOf(String kind, Object file) {
        switch (kind) {
            case "f8":
                return ElementType.F64;
            case "f4":
                return ElementType.F32;
            case "f2":
                return ElementType.F16;
            case "i8":
                return ElementType.I64;
            case "i4":
                return ElementType.I32;
            case "i2":
                return ElementType.I16;
            case "i1":
                return ElementType.I8;
            case "u8":
                return ElementType.U64;
            case "u4":
                return ElementType.U32;
            case "u2":
                return ElementType.U16;
            case "u1":
                return ElementType.U8;
            case "b1":
                return ElementType.BOOL;
            default:
                throw InvalidInputException.file(file, "unsupported .npy element type '" + abbreviate(kind)
                        + "' (supported: f2 f4 f8 i1 i2 i4 i8 u1 u2 u4 u8 b1)");
        }
    }

    static String abbreviate(String s) {
        String t = s.replaceAll("[\\p{Cntrl}]", "?");
        return t.length() > 80 ? t.substring(0, 80) + "..." : t;
    }

    /** Recursive-descent parser for the Python literal subset NumPy writes in .npy headers. */
    private static final class HeaderParser {
        private final String s;
        private final Object file;
        private int pos;

        HeaderParser(String s, Object file) {
            this.s = s;
            this.file = file;
        }

        Map<String, Object> parseDict() {
            skip();
            expect('{');
            Map<String, Object> map = new LinkedHashMap<>();
            skip();
            while (peek() != '}') {
                String key = parseString();
                skip();
                expect(':');
                skip();
                Object value = parseValue();
                if (map.put(key, value) != null) {
                    throw error("duplicate key '" + abbreviate(key) + "'");
                }
                skip();
                if (peek() == ',') {
                    pos++;
                    skip();
                } else if (peek() != '}') {
                    throw error("expected ',' or '}'");
                }
            }
            pos++;
            skip();
            if (pos != s.length()) {
                throw error("unexpected text after the header dict");
            }
            return map;
        }

        private Object parseValue() {
            char c = peek();
            if (c == '\'' || c == '"') {
                return parseString();
            }
            if (c == '(') {
                return parseTuple();
            }
            if (s.startsWith("True", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("False", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            if (c == '[' || c == '{') {
                throw error("structured or nested values are not supported");
            }
            if (Character.isDigit(c) || c == '-') {
                return parseInt();
            }
            throw error("unexpected character '" + c + "'");
        }

        private long[] parseTuple() {
            expect('(');
            List<Long> dims = new ArrayList<>();
            skip();
            while (peek() != ')') {
                if (dims.size() > MAX_DIMENSIONS) {
                    throw error("shape has more than " + MAX_DIMENSIONS + " dimensions");
                }
                dims.add(parseInt());
                skip();
                if (peek() == ',') {
                    pos++;
                    skip();
                } else if (peek() != ')') {
                    throw error("expected ',' or ')' in the shape");
                }
            }
            pos++;
            long[] out = new long[dims.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = dims.get(i);
            }
            return out;
        }

        private long parseInt() {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            while (pos < s.length() && Character.isDigit(s.charAt(pos)) && s.charAt(pos) < 128) {
                pos++;
            }
            String digits = s.substring(start, pos);
            if (pos < s.length() && s.charAt(pos) == 'L') {
                pos++; // Python 2 long suffix
            }
            try {
                return Long.parseLong(digits);
            } catch (NumberFormatException e) {
                throw error("bad integer '" + abbreviate(digits) + "'");
            }
        }

        private String parseString() {
            char q = peek();
            if (q != '\'' && q != '"') {
                throw error("expected a quoted key");
            }
            int end = s.indexOf(q, pos + 1);
            if (end < 0) {
                throw error("unterminated string");
            }
            String out = s.substring(pos + 1, end);
            pos = end + 1;
            return out;
        }

        private void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        private char peek() {
            if (pos >= s.length()) {
                throw error("header ends early");
            }
            return s.charAt(pos);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private InvalidInputException error(String what) {
            return InvalidInputException.file(file, "malformed .npy header at character " + pos + ": " + what
                    + " in " + abbreviate(s));
        }
    }
}
