package org.deeprg.train;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeprg.InvalidInputException;
import org.deeprg.json.Json;
import org.deeprg.net.NetworkParameters;

/**
 * Binary training checkpoint: everything needed to continue a run bit-identically.
 *
 * <pre>
 *   "DEEPRGCK" (8 bytes) | version int = 1 | fingerprint UTF | epochsDone int | steps long | history UTF (JSON)
 *   then per layer l: W, b, m_W, v_W, m_b, v_b  as (length int, doubles)
 * </pre>
 * The fingerprint is the JSON of the spec without {@code epochs}, the data sets' names and sizes and the root seed:
 * a checkpoint can only resume the same run (training longer is allowed). Every declared length is checked against
 * the expected network before anything is allocated, so a corrupt or hostile file is refused with a one-line
 * {@link InvalidInputException}, never an out-of-memory.
 */
final class Checkpoint {
    private static final byte[] MAGIC = "DEEPRGCK".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int VERSION = 1;

    private Checkpoint() {
    }

    /** The arrays of layer l in file order: W, b, m_W, v_W, m_b, v_b (the live arrays). */
    private static double[][] arrays(Trainer t, int l) {
        NetworkParameters p = t.parameters();
        NetworkParameters m = t.moments(0);
        NetworkParameters v = t.moments(1);
        return new double[][] {p.weights(l), p.biases(l), m.weights(l), v.weights(l), m.biases(l), v.biases(l)};
    }

    static String fingerprint(Trainer t) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("spec", t.spec().withEpochs(0));
        f.put("train", t.trainSet().name() + ":" + t.trainSet().size() + "x" + t.trainSet().inputDimension());
        f.put("test", t.testSet().name() + ":" + t.testSet().size());
        f.put("seed", t.streams().seed());
        return Json.write(f).replaceAll("\\s+", "");
    }

    static void write(Path file, Trainer t) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (OutputStream os = Files.newOutputStream(tmp);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os, 1 << 16))) {
                out.write(MAGIC);
                out.writeInt(VERSION);
                out.writeUTF(fingerprint(t));
                out.writeInt(t.epochsDone());
                out.writeLong(t.steps());
                byte[] history = Json.mapper().writeValueAsBytes(t.history());
                out.writeInt(history.length);
                out.write(history);
                for (int l = 0; l < t.network().layers(); l++) {
                    for (double[] a : arrays(t, l)) {
                        out.writeInt(a.length);
                        for (double x : a) {
                            out.writeDouble(x);
                        }
                    }
                }
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new InvalidInputException("checkpoint", file, "cannot be written: " + e.getMessage());
        }
    }

    static void read(Path file, Trainer t) {
        if (!Files.isRegularFile(file)) {
            throw InvalidInputException.file(file, "checkpoint not found");
        }
        try (InputStream is = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(is, 1 << 16))) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw InvalidInputException.file(file, "not a deeprg training checkpoint (bad magic)");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw InvalidInputException.file(file, "checkpoint version " + version + ", this deeprg reads " + VERSION);
            }
            String fp = in.readUTF();
            String expected = fingerprint(t);
            if (!fp.equals(expected)) {
                throw InvalidInputException.file(file, "checkpoint of a different run (network, data, seed or "
                        + "hyperparameters differ): it has " + fp + ", this run is " + expected);
            }
            int epochs = in.readInt();
            long steps = in.readLong();
            if (epochs < 0 || steps < 0) {
                throw InvalidInputException.file(file, "negative epoch or step count");
            }
            int historyLength = in.readInt();
            if (historyLength < 0 || historyLength > 64 * 1024 * 1024) {
                throw InvalidInputException.file(file, "history of " + historyLength + " bytes");
            }
            byte[] history = new byte[historyLength];
            in.readFully(history);
            List<EpochStats> past = Json.mapper().readValue(history, new TypeReference<List<EpochStats>>() { });
            if (past.size() != epochs) {
                throw InvalidInputException.file(file, "history has " + past.size() + " epochs, header says " + epochs);
            }
            for (int l = 0; l < t.network().layers(); l++) {
                for (double[] a : arrays(t, l)) {
                    int length = in.readInt();
                    if (length != a.length) {
                        throw InvalidInputException.file(file, "layer " + l + ": array of " + length
                                + " values where the network has " + a.length);
                    }
                    for (int i = 0; i < length; i++) {
                        a[i] = in.readDouble();
                    }
                }
            }
            if (in.read() != -1) {
                throw InvalidInputException.file(file, "trailing bytes after the last layer");
            }
            t.restore(epochs, steps, past);
        } catch (EOFException e) {
            throw InvalidInputException.file(file, "truncated checkpoint");
        } catch (IOException e) {
            throw InvalidInputException.file(file, "cannot read checkpoint: " + e.getMessage());
        }
    }
}
