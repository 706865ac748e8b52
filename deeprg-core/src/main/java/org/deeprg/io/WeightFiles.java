package org.deeprg.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.deeprg.InvalidInputException;

/**
 * Reads the weights of a network from the files Python users have: {@code .npy} (one array), {@code .npz} (named
 * arrays) and {@code .safetensors} (named tensors), chosen by the file extension.
 */
public final class WeightFiles {
    private WeightFiles() {
    }

    /** Whether the file starts with the magic of a {@code critical train} checkpoint ({@code DEEPRGCK}). */
    private static boolean isTrainingCheckpoint(Path file) {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(8);
            return new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).equals("DEEPRGCK");
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * All arrays of the file, in file order.
     *
     * @throws InvalidInputException for an unknown extension, a missing file or malformed content
     */
    public static List<NdArray> read(Path file) {
        if (!Files.exists(file)) {
            throw InvalidInputException.file(file, "no such file");
        }
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".npy")) {
            return List.of(NpyReader.read(file));
        }
        if (name.endsWith(".npz")) {
            return NpzReader.read(file);
        }
        if (name.endsWith(".safetensors")) {
            return SafetensorsReader.read(file);
        }
        if (Files.isRegularFile(file) && isTrainingCheckpoint(file)) {
            throw InvalidInputException.file(file, "is a deeprg training checkpoint (optimiser state), not a weight file; "
                    + "'critical train' and 'critical experiment' write the trained weights beside it as .safetensors and .npz "
                    + "(e.g. RESULT/weights.safetensors)");
        }
        throw InvalidInputException.file(file, "unknown weight file type (expected .npy, .npz or .safetensors)");
    }
}
