package org.deeprg.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.deeprg.InvalidInputException;

/**
 * The one memory budget of deeprg: how many bytes a reader or a spec may still ask for, derived from the heap
 * ({@link Runtime#maxMemory()} minus what is in use), so that a hostile size is refused with one clear line
 * (an {@link InvalidInputException}, exit code 2) instead of an {@link OutOfMemoryError} or a hang.
 *
 * <p>Three uses, one mechanism:
 * <ul>
 *   <li><b>Declared sizes</b>, checked before allocating: a reader calls {@link #requireFile(Object, long, String)}
 *       with the bytes a header declares (npy/npz/safetensors shapes, IDX dimensions, CIFAR record counts); a spec
 *       calls {@link #requireOption(String, Object, long, String)} with the bytes its computation will hold
 *       (e.g. the weight matrices of the widths it was given). Use {@link #bytes(long, long)} to multiply without
 *       overflow.</li>
 *   <li><b>Streams</b>, checked while reading: {@link #limit(InputStream, long, Object, String)} refuses to deliver
 *       more than a bound (decompressed gzip/zip data), {@link TextLines} refuses a line longer than
 *       {@link #maxLineChars()}, and a {@link Meter} refuses a growing collection (rows of a CSV file) once it
 *       passes the budget.</li>
 *   <li><b>Array limits</b>: {@link #MAX_ARRAY_LENGTH}, the largest Java array.</li>
 * </ul>
 *
 * <p>The budget is {@value #HEAP_FRACTION_PERCENT}% of the heap that is free now (after one garbage collection when
 * a request does not fit at first), optionally capped by the system property {@value #PROPERTY} (bytes; used by tests
 * and by users who want a smaller budget than the heap).
 */
public final class Budget {
    /** System property capping the budget (bytes). */
    public static final String PROPERTY = "deeprg.memoryBudget";
    /** Percentage of the free heap a single request may take. */
    public static final int HEAP_FRACTION_PERCENT = 90;
    /** Largest Java array we allocate (elements). */
    public static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 16L;
    /**
     * Largest expansion factor of DEFLATE (zlib's documented theoretical limit is 1032:1): {@code c} compressed bytes
     * cannot inflate to more than {@code MAX_DEFLATE_RATIO * c + 64} bytes.
     */
    public static final long MAX_DEFLATE_RATIO = 1032L;

    private static final long MIN_LINE_CHARS = 1L << 16;
    private static final long MAX_LINE_CHARS = 1L << 26;

    private Budget() {
    }

    /** Bytes a request may take now: a fraction of the free heap, capped by {@value #PROPERTY}. */
    public static long availableBytes() {
        return available(false);
    }

    private static long available(boolean afterGc) {
        if (afterGc) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        long free = Math.max(0, rt.maxMemory() - used);
        long budget = free / 100 * HEAP_FRACTION_PERCENT;
        String cap = System.getProperty(PROPERTY);
        if (cap != null) {
            try {
                budget = Math.min(budget, Long.parseLong(cap.trim()));
            } catch (NumberFormatException e) {
                // an unparsable cap is ignored: the heap still bounds every request
            }
        }
        return budget;
    }

    /** Whether {@code bytes} fit now (after one GC if they do not fit at first). */
    public static boolean fits(long bytes) {
        return bytes >= 0 && (bytes <= available(false) || bytes <= available(true));
    }

    /** {@code a * b}, saturating at {@link Long#MAX_VALUE} (negative inputs count as huge). */
    public static long bytes(long a, long b) {
        if (a < 0 || b < 0) {
            return Long.MAX_VALUE;
        }
        if (a != 0 && b > Long.MAX_VALUE / a) {
            return Long.MAX_VALUE;
        }
        return a * b;
    }

    /** {@code a + b}, saturating at {@link Long#MAX_VALUE}. */
    public static long plus(long a, long b) {
        long s = a + b;
        return (a < 0 || b < 0 || s < 0) ? Long.MAX_VALUE : s;
    }

    /**
     * Refuses a file whose content would need {@code bytes} of memory beyond the budget.
     *
     * @param file the file (or {@code file!entry}) named in the error
     * @param what what needs the memory, e.g. "tensor 'w' of shape [100000, 100000]"
     */
    public static void requireFile(Object file, long bytes, String what) {
        if (!fits(bytes)) {
            throw InvalidInputException.file(file, what + " needs " + human(bytes) + " of memory, more than the "
                    + human(availableBytes()) + " available" + HINT);
        }
    }

    /**
     * Refuses an option value whose computation would hold {@code bytes} of memory beyond the budget.
     *
     * @param parameter the spec parameter (camelCase, printed as the option)
     * @param value     the value as the user gave it
     * @param what      what needs the memory, e.g. "the weight matrices of widths 100000,100000"
     */
    public static void requireOption(String parameter, Object value, long bytes, String what) {
        if (!fits(bytes)) {
            throw new InvalidInputException(parameter, value, what + " need " + human(bytes) + " of memory, more than the "
                    + human(availableBytes()) + " available" + HINT);
        }
    }

    /** Refuses more than {@link #MAX_ARRAY_LENGTH} elements in one array (a file error). */
    public static void requireArrayLength(Object file, long elements, String what) {
        if (elements < 0 || elements > MAX_ARRAY_LENGTH) {
            throw InvalidInputException.file(file, what + " declares " + elements + " elements, more than the limit of "
                    + MAX_ARRAY_LENGTH + " per array");
        }
    }

    private static final String HINT = " (give the JVM more with DEEPRG_JAVA_OPTS=-Xmx..., or use a smaller input)";

    /** Bytes as text with a binary unit. */
    public static String human(long bytes) {
        if (bytes == Long.MAX_VALUE) {
            return "more than 8 EiB";
        }
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? bytes + " bytes" : String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /**
     * Longest text line a reader accepts, in characters: 1/32 of the budget, at least 64 Ki and at most 64 Mi
     * characters (a line of 10^5 numbers fits easily; a 3 GB line or {@code /dev/zero} does not).
     */
    public static int maxLineChars() {
        long v = availableBytes() / 32;
        return (int) Math.max(MIN_LINE_CHARS, Math.min(MAX_LINE_CHARS, v));
    }

    /**
     * A stream that delivers at most {@code maxBytes} bytes of {@code in} and refuses the file (an
     * {@link InvalidInputException}) when more follow: the guard for decompressed data.
     */
    public static InputStream limit(InputStream in, long maxBytes, Object file, String what) {
        return new FilterInputStream(in) {
            private long count;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int r = super.read(buf, off, len);
                if (r > 0) {
                    count(r);
                }
                return r;
            }

            @Override
            public long skip(long n) throws IOException {
                long s = super.skip(n);
                if (s > 0) {
                    count(s);
                }
                return s;
            }

            private void count(long n) {
                count += n;
                if (count > maxBytes) {
                    throw InvalidInputException.file(file, what + " exceeds " + human(maxBytes)
                            + " (decompression bomb or corrupt data)");
                }
            }
        };
    }

    /** A meter for a collection that grows while reading (rows of a table): refuses once it passes the budget. */
    public static Meter meter(Object file, String what) {
        return new Meter(file, what, availableBytes());
    }

    /** Counts bytes held while reading; see {@link Budget#meter(Object, String)}. */
    public static final class Meter {
        private final Object file;
        private final String what;
        private final long limit;
        private long used;

        private Meter(Object file, String what, long limit) {
            this.file = file;
            this.what = what;
            this.limit = limit;
        }

        /** Adds {@code bytes}; throws an {@link InvalidInputException} naming the file once over the budget. */
        public void add(long bytes) {
            used = plus(used, bytes);
            if (used > limit) {
                throw InvalidInputException.file(file, what + " need more than " + human(limit) + " of memory" + HINT);
            }
        }

        /** Bytes counted so far. */
        public long used() {
            return used;
        }
    }
}
