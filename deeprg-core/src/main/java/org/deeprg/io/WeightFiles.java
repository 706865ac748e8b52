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
        throw InvalidInputException.file(file, "unknown weight file type (expected .npy, .npz or .safetensors)");
    }
}
