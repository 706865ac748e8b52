package org.deeprg.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeprg.InvalidInputException;

/**
 * CIFAR-10 in its binary format ("CIFAR-10 binary version", Krizhevsky 2009): batch files of records of
 * 1 label byte (0-9) followed by 3072 pixel bytes (1024 red, 1024 green, 1024 blue, each 32 x 32 row-major).
 * Files: {@code data_batch_1.bin} ... {@code data_batch_5.bin} (training), {@code test_batch.bin} (test), in the
 * folder {@code cifar-10-batches-bin} of the official archive. Pixels are scaled to [0, 1], layout channel-major
 * as in the file (the {@link LabelledImages} layout).
 */
public final class Cifar10 {
    /** Classes. */
    public static final int CLASSES = 10;
    /** Bytes per record: label + 3 x 32 x 32 pixels. */
    public static final int RECORD_BYTES = 1 + 3 * 32 * 32;

    private Cifar10() {
    }

    /**
     * Loads one split from the folder of the binary archive (or its parent containing {@code cifar-10-batches-bin}).
     *
     * @throws InvalidInputException if files are missing, malformed or have labels out of range
     */
    public static LabelledImages load(Path directory, LabelledImages.Split split) {
        Path dir = directory;
        if (!Files.isRegularFile(dir.resolve("test_batch.bin")) && Files.isDirectory(dir.resolve("cifar-10-batches-bin"))) {
            dir = dir.resolve("cifar-10-batches-bin");
        }
        List<Path> files = new ArrayList<>();
        if (split == LabelledImages.Split.TRAIN) {
            for (int i = 1; i <= 5; i++) {
                files.add(dir.resolve("data_batch_" + i + ".bin"));
            }
        } else {
            files.add(dir.resolve("test_batch.bin"));
        }
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw InvalidInputException.file(f, "not found: expected the CIFAR-10 binary version (folder "
                        + "cifar-10-batches-bin with data_batch_1..5.bin and test_batch.bin)");
            }
        }
        List<LabelledImages> parts = new ArrayList<>();
        long total = 0;
        for (Path f : files) {
            LabelledImages b = loadBatch(f);
            parts.add(b);
            total += b.count();
        }
        Budget.requireArrayLength(dir, total * (RECORD_BYTES - 1), "the " + total + " images");
        Budget.requireFile(dir, Budget.bytes(total, 4L * (RECORD_BYTES - 1) + 4), "the " + total + " images as one array");
        int n = (int) total;
        float[] x = new float[n * (RECORD_BYTES - 1)];
        int[] y = new int[n];
        int at = 0;
        for (LabelledImages b : parts) {
            System.arraycopy(b.pixels(), 0, x, at * (RECORD_BYTES - 1), b.pixels().length);
            System.arraycopy(b.labels(), 0, y, at, b.count());
            at += b.count();
        }
        return new LabelledImages("cifar-10/" + split.name().toLowerCase(java.util.Locale.ROOT), n, 3, 32, 32,
                CLASSES, x, y);
    }

    /**
     * Reads one batch file.
     *
     * @throws InvalidInputException if the length is not a positive multiple of {@value #RECORD_BYTES} bytes or a
     *                               label is above 9
     */
    public static LabelledImages loadBatch(Path file) {
        long length = InputFiles.requireRegularFile(file);
        if (length == 0 || length % RECORD_BYTES != 0) {
            throw InvalidInputException.file(file, "length " + length + " bytes is not a positive multiple of the "
                    + RECORD_BYTES + "-byte CIFAR-10 record (truncated or not a CIFAR-10 binary batch)");
        }
        long records = length / RECORD_BYTES;
        ReadLimits.requireAllocatable(file, records * (RECORD_BYTES - 1), 4, "CIFAR-10 batch");
        int n = (int) records;
        float[] x = new float[n * (RECORD_BYTES - 1)];
        int[] y = new int[n];
        byte[] rec = new byte[RECORD_BYTES];
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            for (int i = 0; i < n; i++) {
                ReadLimits.readFully(in, rec, file, "record " + i);
                int label = rec[0] & 0xFF;
                if (label >= CLASSES) {
                    throw InvalidInputException.file(file, "label " + label + " of record " + i
                            + " is out of range (allowed 0 to 9)");
                }
                y[i] = label;
                int base = i * (RECORD_BYTES - 1);
                for (int j = 1; j < RECORD_BYTES; j++) {
                    x[base + j - 1] = (rec[j] & 0xFF) / 255f;
                }
            }
        } catch (IOException e) {
            throw ReadLimits.ioError(file, e);
        }
        return new LabelledImages("cifar-10/" + file.getFileName(), n, 3, 32, 32, CLASSES, x, y);
    }
}
