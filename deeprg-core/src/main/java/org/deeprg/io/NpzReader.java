package org.deeprg.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.deeprg.InvalidInputException;

/**
 * Reads NumPy {@code .npz} archives ({@code numpy.savez} and {@code savez_compressed}): a zip file whose entries
 * are {@code .npy} files; each array is named after its entry without {@code .npy}.
 *
 * <p>Hostile archives: the number of entries is limited ({@link #MAX_ENTRIES}); the payload of each entry is bounded
 * by its compressed size (stored) or the largest DEFLATE expansion of it (1032:1), and each array's declared size
 * is checked against that bound and the free memory before allocation. Corrupt zip structures are reported as
 * clear file errors.
 */
public final class NpzReader {
    /** Largest number of entries accepted. */
    public static final int MAX_ENTRIES = 100_000;

    private NpzReader() {
    }

    /**
     * Reads all arrays of an archive, in entry order.
     *
     * @throws InvalidInputException for a missing, malformed or hostile archive or entry
     */
    public static List<NdArray> read(Path file) {
        long length = InputFiles.requireRegularFile(file);
        List<NdArray> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > MAX_ENTRIES) {
                throw InvalidInputException.file(file, "the .npz archive has " + zip.size() + " entries (limit "
                        + MAX_ENTRIES + ")");
            }
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                String entryName = e.getName();
                String label = file + "!" + NpyReader.abbreviate(entryName);
                if (!entryName.endsWith(".npy")) {
                    throw InvalidInputException.file(label, "entry is not a .npy array");
                }
                String name = entryName.substring(0, entryName.length() - 4);
                if (!names.add(name)) {
                    throw InvalidInputException.file(label, "duplicate array name '" + name + "'");
                }
                long compressed = e.getCompressedSize();
                if (compressed < 0 || compressed > length) {
                    compressed = length;
                }
                long bound = e.getMethod() == ZipEntry.STORED ? compressed
                        : ReadLimits.MAX_DEFLATE_RATIO * compressed + 64;
                long declared = e.getSize();
                if (declared >= 0) {
                    bound = Math.min(bound, declared);
                }
                try (InputStream in = new BufferedInputStream(Budget.limit(zip.getInputStream(e), bound, label,
                        "the decompressed entry"), 1 << 16)) {
                    out.add(NpyReader.read(in, name, label, bound, false));
                }
            }
        } catch (InvalidInputException e) {
            throw e;
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw InvalidInputException.file(file, "corrupt or truncated .npz (zip) archive ("
                    + NpyReader.abbreviate(String.valueOf(e.getMessage())) + ")");
        } catch (IOException e) {
            throw ReadLimits.ioError(file, e);
        } catch (IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException e) {
            // java.util.zip signals some malformed structures (bad entry-name encoding, bad extra fields) this way
            throw InvalidInputException.file(file, "malformed .npz (zip) archive ("
                    + NpyReader.abbreviate(String.valueOf(e.getMessage())) + ")");
        }
        return out;
    }
}
