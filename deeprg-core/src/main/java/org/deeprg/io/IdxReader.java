package org.deeprg.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.deeprg.InvalidInputException;

/**
 * Reads IDX files (the format of MNIST and Fashion-MNIST), plain or gzipped (detected by the gzip magic number,
 * not the file name).
 *
 * <p>Format: bytes 0-1 are zero, byte 2 is the element type ({@link IdxArray.IdxType}), byte 3 the number of
 * dimensions; then one big-endian int32 per dimension; then the elements, big-endian, row-major. The declared size
 * must match the data exactly: fewer bytes (truncated) or trailing bytes are refused. For gzipped files the
 * declared size is first checked against the largest possible DEFLATE expansion of the file, so a tiny file
 * declaring a huge shape is refused before anything is allocated.
 */
public final class IdxReader {
    /** Largest number of dimensions accepted. */
    public static final int MAX_DIMENSIONS = 16;

    private IdxReader() {
    }

    /**
     * Reads an IDX file.
     *
     * @throws InvalidInputException if the file is missing, unreadable, malformed, truncated or too large
     */
    public static IdxArray read(Path file) {
        long fileLength = InputFiles.requireRegularFile(file);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            boolean gzip = b0 == 0x1f && b1 == 0x8b;
            long maxPayload = gzip ? ReadLimits.MAX_DEFLATE_RATIO * fileLength + 64 : fileLength;
            InputStream in = gzip ? new BufferedInputStream(Budget.limit(new GZIPInputStream(raw, 1 << 16), maxPayload,
                    file, "the decompressed IDX data"), 1 << 16) : raw;
            return read(in, file, maxPayload, !gzip);
        } catch (ZipException | java.io.EOFException e) {
            throw InvalidInputException.file(file, "truncated or corrupt gzip data (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw ReadLimits.ioError(file, e);
        }
    }

    private static IdxArray read(InputStream in, Path file, long maxBytes, boolean exactLength) throws IOException {
        int z0 = ReadLimits.readByte(in, file, "the IDX magic number");
        int z1 = ReadLimits.readByte(in, file, "the IDX magic number");
        int typeCode = ReadLimits.readByte(in, file, "the IDX magic number");
        int ndim = ReadLimits.readByte(in, file, "the IDX magic number");
        if (z0 != 0 || z1 != 0) {
            throw InvalidInputException.file(file, String.format(
                    "bad magic number: not an IDX file (first bytes %02x %02x, expected 00 00)", z0, z1));
        }
        IdxArray.IdxType type = IdxArray.IdxType.of(typeCode);
        if (type == null) {
            throw InvalidInputException.file(file, String.format(
                    "unknown IDX element type 0x%02x (allowed 08, 09, 0b, 0c, 0d, 0e)", typeCode));
        }
        if (ndim == 0 || ndim > MAX_DIMENSIONS) {
            throw InvalidInputException.file(file, "IDX header declares " + ndim
                    + " dimensions (allowed 1 to " + MAX_DIMENSIONS + ")");
        }
        byte[] dimBytes = new byte[4 * ndim];
        ReadLimits.readFully(in, dimBytes, file, "the IDX dimensions");
        long[] shape = new long[ndim];
        int[] intShape = new int[ndim];
        for (int i = 0; i < ndim; i++) {
            int d = ((dimBytes[4 * i] & 0xFF) << 24) | ((dimBytes[4 * i + 1] & 0xFF) << 16)
                    | ((dimBytes[4 * i + 2] & 0xFF) << 8) | (dimBytes[4 * i + 3] & 0xFF);
            shape[i] = d;
            intShape[i] = d;
        }
        long elements = ReadLimits.elementCount(file, shape);
        long bytes = elements * type.bytes();
        long headerBytes = 4L + 4L * ndim;
        if (bytes > maxBytes - (exactLength ? headerBytes : 0)) {
            throw InvalidInputException.file(file, "IDX header declares shape " + java.util.Arrays.toString(shape)
                    + " (" + bytes + " bytes of data) but the file " + (exactLength ? "has only "
                    + Math.max(0, maxBytes - headerBytes) + " bytes of data" : "cannot hold that many"));
        }
        ReadLimits.requireAllocatable(file, bytes, 1, "IDX header");
        byte[] data = new byte[(int) bytes];
        ReadLimits.readFully(in, data, file, "the IDX data of shape " + java.util.Arrays.toString(shape));
        if (in.read() >= 0) {
            throw InvalidInputException.file(file, "trailing bytes after the " + bytes
                    + " bytes of data declared by the IDX header");
        }
        return new IdxArray(intShape, type, data);
    }
}
