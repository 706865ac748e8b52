package org.deeprg.io;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes NumPy {@code .npz} archives as {@code numpy.savez} does: an uncompressed (stored) zip archive with one
 * {@code NAME.npy} entry per array ({@link NpyWriter}). Every entry carries the same fixed time stamp (1980-01-01
 * 00:00, the zip epoch, without a time zone), so the archive's bytes are a function of the arrays only.
 */
public final class NpzWriter {
    private static final LocalDateTime ZIP_EPOCH = LocalDateTime.of(1980, 1, 1, 0, 0);

    private NpzWriter() {
    }

    /**
     * Writes the arrays, in order, as entries named after them (not closed).
     *
     * @throws IllegalArgumentException for two arrays of the same name
     */
    public static void write(List<NdArray> arrays, OutputStream out) throws IOException {
        Set<String> names = new HashSet<>();
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.setMethod(ZipOutputStream.STORED);
        for (NdArray a : arrays) {
            if (!names.add(a.name())) {
                throw new IllegalArgumentException("two arrays named " + a.name());
            }
            byte[] npy = NpyWriter.bytes(a);
            CRC32 crc = new CRC32();
            crc.update(npy);
            ZipEntry e = new ZipEntry(a.name() + ".npy");
            e.setMethod(ZipEntry.STORED);
            e.setSize(npy.length);
            e.setCompressedSize(npy.length);
            e.setCrc(crc.getValue());
            e.setTimeLocal(ZIP_EPOCH);
            zip.putNextEntry(e);
            zip.write(npy);
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }
}
