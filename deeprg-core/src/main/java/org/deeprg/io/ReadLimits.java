package org.deeprg.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.deeprg.InvalidInputException;

/**
 * Size checks shared by the readers: every declared size is checked here before an array is allocated.
 */
final class ReadLimits {
    /** Largest Java array we allocate (bytes or elements): {@link Budget#MAX_ARRAY_LENGTH}. */
    static final long MAX_ARRAY_LENGTH = Budget.MAX_ARRAY_LENGTH;

    /** {@link Budget#MAX_DEFLATE_RATIO}. */
    static final long MAX_DEFLATE_RATIO = Budget.MAX_DEFLATE_RATIO;

    private ReadLimits() {
    }

    /** Product of dimensions, refusing negatives and overflow beyond {@code Long.MAX_VALUE / 8}. */
    static long elementCount(Object file, long[] shape) {
        long n = 1;
        for (int i = 0; i < shape.length; i++) {
            long d = shape[i];
            if (d < 0) {
                throw InvalidInputException.file(file, "dimension " + i + " of the shape is negative (" + d + ")");
            }
            if (d != 0 && n > (Long.MAX_VALUE / 8) / d) {
                throw InvalidInputException.file(file, "declared shape " + java.util.Arrays.toString(shape)
                        + " has more elements than can exist");
            }
            n *= d;
        }
        return n;
    }

    /**
     * Refuses a payload of {@code elements} elements that would not fit into one array or into the memory
     * {@link Budget} (with {@code 8 + bytesPerElement} bytes per element: the double array made from it plus the raw
     * bytes).
     */
    static void requireAllocatable(Object file, long elements, int bytesPerElement, String what) {
        Budget.requireArrayLength(file, elements, what);
        Budget.requireFile(file, Budget.bytes(elements, 8L + bytesPerElement), what + " (" + elements + " elements)");
    }

    /** Reads exactly {@code buffer.length} bytes, or refuses the file as truncated. */
    static void readFully(InputStream in, byte[] buffer, Object file, String what) throws IOException {
        int off = 0;
        while (off < buffer.length) {
            int r = in.read(buffer, off, buffer.length - off);
            if (r < 0) {
                throw InvalidInputException.file(file, "truncated: " + what + " needs " + buffer.length
                        + " bytes, only " + off + " present");
            }
            off += r;
        }
    }

    /** Reads one byte or refuses the file as truncated. */
    static int readByte(InputStream in, Object file, String what) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw InvalidInputException.file(file, "truncated in " + what);
        }
        return b;
    }

    /** An I/O failure (not a format error) as a clear file error. */
    static InvalidInputException ioError(Path file, IOException e) {
        return InputFiles.ioError(file, e);
    }
}
