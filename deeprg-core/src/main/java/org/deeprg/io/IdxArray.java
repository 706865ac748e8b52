package org.deeprg.io;

import java.util.Arrays;

/**
 * The content of an IDX file (the MNIST format): a shape and its elements in row-major (C) order.
 *
 * <p>Elements are kept as the raw big-endian bytes of the file ({@code type.bytes()} per element) so that a
 * 60000 x 28 x 28 image file costs 47 MB, not 376 MB; {@link #get(long)} decodes one element.
 *
 * @param shape dimensions, outermost first (copied)
 * @param type  element type of the file
 * @param raw   element bytes, big-endian, row-major (not copied: do not modify)
 */
public record IdxArray(int[] shape, IdxType type, byte[] raw) {
    /** Element types of the IDX format (third byte of the magic number). */
    public enum IdxType {
        UNSIGNED_BYTE(0x08, 1), SIGNED_BYTE(0x09, 1), SHORT(0x0B, 2), INT(0x0C, 4), FLOAT(0x0D, 4), DOUBLE(0x0E, 8);

        private final int code;
        private final int bytes;

        IdxType(int code, int bytes) {
            this.code = code;
            this.bytes = bytes;
        }

        /** The type code in the magic number. */
        public int code() {
            return code;
        }

        /** Bytes per element. */
        public int bytes() {
            return bytes;
        }

        /** The type for a code, or null. */
        static IdxType of(int code) {
            for (IdxType t : values()) {
                if (t.code == code) {
                    return t;
                }
            }
            return null;
        }
    }

    public IdxArray {
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** Number of elements. */
    public long size() {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** Element {@code index} (row-major) as a double. */
    public double get(long index) {
        int i = Math.toIntExact(index * type.bytes());
        switch (type) {
            case UNSIGNED_BYTE:
                return raw[i] & 0xFF;
            case SIGNED_BYTE:
                return raw[i];
            case SHORT:
                return (short) (((raw[i] & 0xFF) << 8) | (raw[i + 1] & 0xFF));
            case INT:
                return readInt(i);
            case FLOAT:
                return Float.intBitsToFloat(readInt(i));
            case DOUBLE:
                return Double.longBitsToDouble(((long) readInt(i) << 32) | (readInt(i + 4) & 0xFFFFFFFFL));
            default:
                throw new IllegalStateException(type.name());
        }
    }

    private int readInt(int i) {
        return ((raw[i] & 0xFF) << 24) | ((raw[i + 1] & 0xFF) << 16) | ((raw[i + 2] & 0xFF) << 8) | (raw[i + 3] & 0xFF);
    }

    @Override
    public String toString() {
        return "IdxArray" + Arrays.toString(shape) + " " + type;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdxArray a && Arrays.equals(shape, a.shape) && type == a.type && Arrays.equals(raw, a.raw);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + type.hashCode();
    }
}
