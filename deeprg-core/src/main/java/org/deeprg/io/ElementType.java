package org.deeprg.io;

import java.nio.ByteBuffer;

/**
 * Numeric element types shared by the NumPy and safetensors readers, all decoded to double.
 * Half precision (IEEE binary16) and bfloat16 are decoded exactly; 64-bit integers beyond 2^53 lose precision.
 */
enum ElementType {
    F64(8), F32(4), F16(2), BF16(2), I64(8), I32(4), I16(2), I8(1), U64(8), U32(4), U16(2), U8(1), BOOL(1);

    final int bytes;

    ElementType(int bytes) {
        this.bytes = bytes;
    }

    /** Reads one element at the buffer's position (byte order set on the buffer). */
    double read(ByteBuffer b) {
        switch (this) {
            case F64:
                return b.getDouble();
            case F32:
                return b.getFloat();
            case F16:
                return halfToDouble(b.getShort());
            case BF16:
                return Float.intBitsToFloat((b.getShort() & 0xFFFF) << 16);
            case I64:
                return b.getLong();
            case I32:
                return b.getInt();
            case I16:
                return b.getShort();
            case I8:
                return b.get();
            case U64: {
                long v = b.getLong();
                return v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
            }
            case U32:
                return b.getInt() & 0xFFFFFFFFL;
            case U16:
                return b.getShort() & 0xFFFF;
            case U8:
                return b.get() & 0xFF;
            case BOOL:
                return b.get() != 0 ? 1.0 : 0.0;
            default:
                throw new IllegalStateException(name());
        }
    }

    /** IEEE 754 binary16 to double. */
    static double halfToDouble(short h) {
        int bits = h & 0xFFFF;
        int sign = (bits >>> 15) != 0 ? -1 : 1;
        int exp = (bits >>> 10) & 0x1F;
        int mant = bits & 0x3FF;
        if (exp == 0) {
            return sign * Math.scalb((double) mant, -24);
        }
        if (exp == 31) {
            return mant == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
        }
        return sign * Math.scalb(1.0 + mant / 1024.0, exp - 15);
    }
}
