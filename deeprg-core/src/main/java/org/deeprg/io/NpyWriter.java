package org.deeprg.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes NumPy {@code .npy} files (format 1.0, or 2.0 when the header needs it) of little-endian doubles
 * ({@code '<f8'}), C order: the files {@code numpy.load} reads and {@link NpyReader} reads back exactly.
 *
 * <p>Layout: {@code \x93NUMPY}, version bytes, the header length, the header dict
 * {@code {'descr': '<f8', 'fortran_order': False, 'shape': (r, c), }} padded with spaces and a final newline so that
 * the data start at a multiple of 64 bytes (as NumPy writes it), then the elements. The output is a function of the
 * array only (no time stamps): the same array gives the same bytes.
 */
public final class NpyWriter {
    private NpyWriter() {
    }

    /** The bytes of a {@code .npy} file holding {@code array} (its name is not stored). */
    public static byte[] bytes(NdArray array) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 + 8 * array.data().length);
        try {
            write(array, out);
        } catch (IOException e) {
            throw new IllegalStateException(e); // a byte array stream does not fail
        }
        return out.toByteArray();
    }

    /** Writes {@code array} as a {@code .npy} stream (not closed). */
    public static void write(NdArray array, OutputStream out) throws IOException {
        StringBuilder shape = new StringBuilder("(");
        int[] s = array.shape();
        for (int i = 0; i < s.length; i++) {
            shape.append(s[i]);
            if (s.length == 1 || i < s.length - 1) {
                shape.append(s.length == 1 ? "," : ", ");
            }
        }
        shape.append(')');
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }";
        int major = dict.length() + 11 < 65536 ? 1 : 2;
        int prefix = major == 1 ? 10 : 12;
        int total = prefix + dict.length() + 1;
        int padded = (total + 63) / 64 * 64;
        String header = dict + " ".repeat(padded - total) + "\n";
        byte[] hb = header.getBytes(StandardCharsets.ISO_8859_1);
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            out.write(hb.length & 0xFF);
            out.write((hb.length >>> 8) & 0xFF);
        } else {
            out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(hb.length).array());
        }
        out.write(hb);
        writeDoubles(array.data(), out);
    }

    /** Writes doubles little-endian in chunks. */
    static void writeDoubles(double[] data, OutputStream out) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : data) {
            if (!chunk.hasRemaining()) {
                out.write(chunk.array(), 0, chunk.position());
                chunk.clear();
            }
            chunk.putDouble(v);
        }
        out.write(chunk.array(), 0, chunk.position());
    }
}
