package org.deeprg.train;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UTFDataFormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeprg.InvalidInputException;
import org.deeprg.json.Json;
import org.deeprg.net.NetworkParameters;

/**
 * The training checkpoint of {@code critical train --checkpoint/--resume}: everything needed to continue a run
 * bit-identically, with a format version, the hash of the run it belongs to and a checksum, validated completely
 * before anything of it is used.
 *
 * <h2>Format (version {@value #VERSION}, big-endian, {@link DataOutputStream} encodings)</h2>
 * <pre>
 *   "DEEPRGCK" (8 bytes) | version int | specHash UTF (64 hex digits) | fingerprint UTF (JSON)
 *   | epochsDone int | steps long | regulariserApplications long | history length int | history (JSON, UTF-8)
 *   | per layer l: W, b, m_W, v_W, m_b, v_b, each as (length int, doubles)
 *   | SHA-256 of every byte before it (32 bytes)
 * </pre>
 * The fingerprint is the JSON of the spec without {@code epochs}, the data sets' names and sizes and the root seed;
 * {@code specHash} is its SHA-256. A checkpoint resumes only the same run (network, data, hyperparameters, seed); more
 * epochs are allowed, fewer are refused (the checkpoint has already trained past them).
 *
 * <h2>Validation on reading (each failure: one {@link InvalidInputException} naming the file, exit 2)</h2>
 * a regular file no larger than the run's checkpoint can be; the checksum of the whole content (a truncated, damaged or
 * edited file fails here); the magic and version; the spec hash and the fingerprint of this run (a stale checkpoint
 * of another run fails here); {@code epochsDone} not more than {@code --epochs}; {@code steps} equal to
 * {@code epochsDone} times the batches per epoch; {@code regulariserApplications} equal to what the steps imply
 * ({@code ceil(steps / every)} with the regulariser, 0 without); a history of {@code epochsDone} epochs numbered 1, 2,
 * ... with finite losses, accuracies in [0, 1], non-negative penalties, one per hidden layer; every array of the
 * network's length with finite values, Adam's second moments non-negative; nothing after the checksum.
 */
final class Checkpoint {
    private static final byte[] MAGIC = "DEEPRGCK".getBytes(StandardCharsets.US_ASCII);
    /** The format written and read. */
    static final int VERSION = 2;
    private static final int CHECKSUM_BYTES = 32;
    /** Largest history section (bytes of JSON). */
    private static final int MAX_HISTORY_BYTES = 64 << 20;

    private Checkpoint() {
    }

    /** The arrays of layer l in file order: W, b, m_W, v_W, m_b, v_b (the live arrays). */
    private static double[][] arrays(Trainer t, int l) {
        NetworkParameters p = t.parameters();
        NetworkParameters m = t.moments(0);
        NetworkParameters v = t.moments(1);
        return new double[][] {p.weights(l), p.biases(l), m.weights(l), v.weights(l), m.biases(l), v.biases(l)};
    }

    /** What identifies the run: spec without its epochs (set to 1), data sets, seed (compact JSON). */
    static String fingerprint(Trainer t) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("spec", t.spec().withEpochs(1));
        f.put("train", t.trainSet().name() + ":" + t.trainSet().size() + "x" + t.trainSet().inputDimension());
        f.put("test", t.testSet().name() + ":" + t.testSet().size());
        f.put("seed", t.streams().seed());
        return Json.write(f).replaceAll("\\s+", "");
    }

    static String sha256(byte[] bytes, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(bytes, 0, length);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes of the checkpoint of {@code t} (without and then with the trailing checksum). */
    static byte[] bytes(Trainer t) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeInt(VERSION);
            String fp = fingerprint(t);
            out.writeUTF(sha256(fp.getBytes(StandardCharsets.UTF_8), fp.getBytes(StandardCharsets.UTF_8).length));
            out.writeUTF(fp);
            out.writeInt(t.epochsDone());
            out.writeLong(t.steps());
            out.writeLong(t.regulariserApplications());
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
            out.flush();
            byte[] content = bytes.toByteArray();
            byte[] sum = HexFormat.of().parseHex(sha256(content, content.length));
            byte[] all = Arrays.copyOf(content, content.length + CHECKSUM_BYTES);
            System.arraycopy(sum, 0, all, content.length, CHECKSUM_BYTES);
            return all;
        } catch (IOException e) {
            throw new IllegalStateException(e); // in-memory streams do not fail
        }
    }

    /** Writes the checkpoint atomically (a temporary sibling, then a rename). */
    static void write(Path file, Trainer t) {
        byte[] all = bytes(t);
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            try {
                Files.write(tmp, all);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new InvalidInputException("checkpoint", file, "cannot be written: " + e.getMessage());
        }
    }

    /** The largest checkpoint of this run in bytes: the arrays, headers, and the history's limit. */
    static long maxBytes(Trainer t) {
        long arrays = 0;
        for (int l = 0; l < t.network().layers(); l++) {
            for (double[] a : arrays(t, l)) {
                arrays += 4 + 8L * a.length;
            }
        }
        return arrays + MAX_HISTORY_BYTES + (1 << 20);
    }

    /** Reads, validates completely and restores into {@code t} (a freshly built trainer of the same run). */
    static void read(Path file, Trainer t) {
        if (!Files.exists(file)) {
            throw InvalidInputException.file(file, "checkpoint not found");
        }
        if (!Files.isRegularFile(file)) {
            throw InvalidInputException.file(file, "checkpoint is not a regular file");
        }
        byte[] all;
        try {
            long size = Files.size(file);
            if (size > maxBytes(t)) {
                throw InvalidInputException.file(file, "checkpoint of " + size + " bytes, more than a checkpoint of this run ("
                        + maxBytes(t) + " bytes at most) can be");
            }
            try (InputStream in = Files.newInputStream(file)) {
                all = in.readNBytes((int) size + 1);
            }
        } catch (IOException e) {
            throw InvalidInputException.file(file, "cannot read checkpoint: " + oneLine(e.getMessage()));
        }
        if (all.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
            throw InvalidInputException.file(file, "not a deeprg training checkpoint (bad magic)");
        }
        if (all.length < MAGIC.length + 4 + CHECKSUM_BYTES) {
            throw InvalidInputException.file(file, "truncated checkpoint (" + all.length + " bytes)");
        }
        int version = ((all[8] & 0xFF) << 24) | ((all[9] & 0xFF) << 16) | ((all[10] & 0xFF) << 8) | (all[11] & 0xFF);
        if (version != VERSION) {
            throw InvalidInputException.file(file, "checkpoint format version " + version + ", this deeprg reads version "
                    + VERSION + " (start the run again without --resume)");
        }
        int contentLength = all.length - CHECKSUM_BYTES;
        String expectedSum = sha256(all, contentLength);
        String storedSum = HexFormat.of().formatHex(all, contentLength, all.length);
        if (!expectedSum.equals(storedSum)) {
            throw InvalidInputException.file(file, "checksum mismatch: the checkpoint is truncated, damaged or was edited");
        }
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(all, 0, contentLength));
            in.skipNBytes(MAGIC.length + 4);
            String hash = in.readUTF();
            String fp = in.readUTF();
            String expected = fingerprint(t);
            byte[] expectedBytes = expected.getBytes(StandardCharsets.UTF_8);
            if (!hash.equals(sha256(expectedBytes, expectedBytes.length)) || !fp.equals(expected)) {
                throw InvalidInputException.file(file, "checkpoint of a different run (network, data, seed or hyperparameters "
                        + "differ): it has " + abbreviate(fp) + ", this run is " + abbreviate(expected));
            }
            int epochs = in.readInt();
            long steps = in.readLong();
            long applications = in.readLong();
            TrainingSpec spec = t.spec();
            if (epochs < 0) {
                throw InvalidInputException.file(file, "negative epoch count " + epochs);
            }
            if (epochs > spec.epochs()) {
                throw new InvalidInputException("epochs", spec.epochs(), "at least the " + epochs + " epochs the checkpoint "
                        + file + " has already done (resuming continues a run; give --epochs " + epochs + " or more)");
            }
            long batches = (t.trainSet().size() + spec.batchSize() - 1) / spec.batchSize();
            if (steps != epochs * batches) {
                throw InvalidInputException.file(file, "it records " + steps + " steps for " + epochs + " epochs of " + batches
                        + " batches");
            }
            long expectedApplications = spec.lambda() > 0 ? (steps + spec.every() - 1) / spec.every() : 0;
            if (applications != expectedApplications) {
                throw InvalidInputException.file(file, "it records " + applications + " regulariser applications where "
                        + steps + " steps with --every " + spec.every() + (spec.lambda() > 0 ? "" : " and --lambda 0") + " make "
                        + expectedApplications);
            }
            int historyLength = in.readInt();
            if (historyLength < 0 || historyLength > Math.min(MAX_HISTORY_BYTES, in.available())) {
                throw InvalidInputException.file(file, "history section of " + historyLength + " bytes does not fit the file");
            }
            byte[] history = in.readNBytes(historyLength);
            List<EpochStats> past;
            try {
                past = Json.mapper().readValue(history, new TypeReference<List<EpochStats>>() { });
            } catch (IOException | RuntimeException e) {
                throw InvalidInputException.file(file, "history is not a list of epochs (" + oneLine(e.getMessage()) + ")");
            }
            validateHistory(file, past, epochs, t.network().layers() - 1);
            double[][][] values = new double[t.network().layers()][][];
            for (int l = 0; l < t.network().layers(); l++) {
                double[][] live = arrays(t, l);
                values[l] = new double[live.length][];
                for (int k = 0; k < live.length; k++) {
                    int length = in.readInt();
                    if (length != live[k].length) {
                        throw InvalidInputException.file(file, "layer " + (l + 1) + ": array of " + length
                                + " values where the network has " + live[k].length);
                    }
                    if (8L * length > in.available()) {
                        throw InvalidInputException.file(file, "layer " + (l + 1) + ": the file ends inside an array");
                    }
                    double[] a = new double[length];
                    for (int i = 0; i < length; i++) {
                        double x = in.readDouble();
                        if (!Double.isFinite(x) || (k == 3 || k == 5) && x < 0) {
                            throw InvalidInputException.file(file, "layer " + (l + 1) + ": value " + x + " at " + i + " of "
                                    + new String[] {"W", "b", "m_W", "v_W", "m_b", "v_b"}[k]
                                    + ((k == 3 || k == 5) ? " (Adam's second moments are finite and >= 0)" : " is not finite"));
                        }
                        a[i] = x;
                    }
                    values[l][k] = a;
                }
            }
            if (in.available() != 0) {
                throw InvalidInputException.file(file, "trailing bytes after the last layer");
            }
            for (int l = 0; l < values.length; l++) {
                double[][] live = arrays(t, l);
                for (int k = 0; k < live.length; k++) {
                    System.arraycopy(values[l][k], 0, live[k], 0, live[k].length);
                }
            }
            t.restore(epochs, steps, applications, past);
        } catch (EOFException | UTFDataFormatException e) {
            throw InvalidInputException.file(file, "malformed checkpoint (a section ends early or is not valid text)");
        } catch (IOException e) {
            throw InvalidInputException.file(file, "cannot read checkpoint: " + oneLine(e.getMessage()));
        }
    }

    private static void validateHistory(Path file, List<EpochStats> past, int epochs, int hiddenLayers) {
        if (past == null || past.size() != epochs) {
            throw InvalidInputException.file(file, "history has " + (past == null ? 0 : past.size()) + " epochs, the header says "
                    + epochs);
        }
        for (int e = 0; e < past.size(); e++) {
            EpochStats s = past.get(e);
            if (s == null || s.epoch() != e + 1) {
                throw InvalidInputException.file(file, "history entry " + (e + 1) + " is not epoch " + (e + 1));
            }
            boolean ok = Double.isFinite(s.trainLoss()) && s.trainLoss() >= 0 && Double.isFinite(s.testLoss()) && s.testLoss() >= 0
                    && s.trainAccuracy() >= 0 && s.trainAccuracy() <= 1 && s.testAccuracy() >= 0 && s.testAccuracy() <= 1
                    && Double.isFinite(s.criticalPenalty()) && s.criticalPenalty() >= 0 && s.penaltyPerLayer() != null
                    && s.penaltyPerLayer().size() == hiddenLayers;
            if (ok) {
                for (Double p : s.penaltyPerLayer()) {
                    ok &= p != null && Double.isFinite(p) && p >= 0;
                }
            }
            if (!ok) {
                throw InvalidInputException.file(file, "history of epoch " + (e + 1) + " has values out of range (losses finite "
                        + ">= 0, accuracies in [0, 1], one penalty >= 0 per hidden layer)");
            }
        }
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ");
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
