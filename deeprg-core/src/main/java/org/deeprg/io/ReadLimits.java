package org.deeprg.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.deeprg.InvalidInputException;

/**
 * Size checks shared by the readers: every declared size is checked here before an array is allocated.
 */
final class ReadLimits {
    /** Largest Java array we allocate (bytes or elements). */
    static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 16L;

    /**
     * Largest expansion factor of DEFLATE (zlib's documented theoretical limit is 1032:1); a compressed stream
     * of {@code c} bytes cannot inflate to more than {@code MAX_DEFLATE_RATIO * c + 64} bytes.
     */
    static final long MAX_DEFLATE_RATIO = 1032L;

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
     * Refuses a payload of {@code bytes} that would not fit into one array or into the free heap (with a factor for
     * the double copy made from it).
     */
    static void requireAllocatable(Object file, long elements, int bytesPerElement, String what) {
        if (elements > MAX_ARRAY_LENGTH) {
            throw InvalidInputException.file(file, what + " declares " + elements
                    + " elements, more than the limit of " + MAX_ARRAY_LENGTH + " per array");
        }
        long need = elements * (8L + bytesPerElement);
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (need > free) {
            throw InvalidInputException.file(file, what + " declares " + elements + " elements (" + need
                    + " bytes to hold), more than the " + free + " bytes of memory available");
        }
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
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException) {
            return InvalidInputException.file(file, "no such file");
        }
        return InvalidInputException.file(file, "cannot be read (" + msg.replace('\n', ' ') + ")");
    }
}
