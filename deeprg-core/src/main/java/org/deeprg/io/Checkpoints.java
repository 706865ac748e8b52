package org.deeprg.io;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.deeprg.InvalidInputException;
import org.deeprg.json.Json;

/**
 * The shared pieces of a trustworthy checkpoint: a format name and version, the hash of the spec it belongs to, a
 * SHA-256 checksum of the payload, a size bound from the memory {@link Budget}, and an atomic write (temporary file
 * in the same directory, fsync, rename). A checkpoint that is not exactly what this run would have written is refused
 * with one line naming the file (an {@link InvalidInputException}, exit code 2); nothing is trusted blindly.
 *
 * <p>File layout: line 1 {@code DEEPRG-CHECKPOINT 1}; line 2 a JSON header
 * {@code {"format":..,"version":..,"specHash":..,"payloadBytes":..,"sha256":..}}; then exactly {@code payloadBytes}
 * bytes of payload (any encoding the owner chooses; {@link #writeJson}/{@link #readJson} use exact JSON).
 *
 * <p>Use (the owner of a checkpointing computation):
 * <pre>{@code
 * static final String FORMAT = "dyn-mc";      // one name per checkpoint kind
 * static final int VERSION = 2;               // bump when the payload changes
 * Checkpoints.writeJson(file, FORMAT, VERSION, spec, state);             // every few seconds; atomic
 * State s = Checkpoints.readJson(file, FORMAT, VERSION, spec, State.class);  // on --resume
 * }</pre>
 * {@code readJson} refuses unknown and missing properties and nulls for primitives; the state record's compact
 * constructor then validates the meaning (counts within range, array lengths matching the spec) by throwing
 * {@link InvalidInputException}, which is reported as an error about the file. Delete the checkpoint only after the
 * result is safely written (the CLI's {@code ComputeCommand.afterWrite} hook).
 */
public final class Checkpoints {
    /** First line of every checkpoint. */
    public static final String MAGIC = "DEEPRG-CHECKPOINT 1";
    private static final int MAX_HEADER_BYTES = 4096;

    private static final ObjectMapper CANONICAL = Json.mapper().copy()
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(SerializationFeature.INDENT_OUTPUT, false);

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .build();

    private Checkpoints() {
    }

    /** The header of a checkpoint. */
    public record Header(String format, int version, String specHash, long payloadBytes, String sha256) {
    }

    /** SHA-256 (hex) of the spec's canonical JSON (sorted keys): equal specs, equal hashes, on every machine. */
    public static String specHash(Object spec) {
        try {
            return sha256(CANONICAL.writeValueAsBytes(spec));
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the spec " + spec.getClass().getName(), e);
        }
    }

    /** Writes {@code state} as exact JSON (see {@link Json#mapper()}) under a header for {@code spec}; atomic. */
    public static void writeJson(Path file, String format, int version, Object spec, Object state) {
        byte[] payload;
        try {
            payload = STRICT.writeValueAsBytes(state);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the checkpoint state " + state.getClass().getName(), e);
        }
        write(file, format, version, specHash(spec), payload);
    }

    /**
     * Reads and validates a checkpoint written by {@link #writeJson} for this {@code spec}; the record's own compact
     * constructor checks the meaning of the state.
     */
    public static <T> T readJson(Path file, String format, int version, Object spec, Class<T> type) {
        byte[] payload = read(file, format, version, specHash(spec));
        try {
            T t = STRICT.readValue(payload, type);
            if (t == null) {
                throw InvalidInputException.file(file, "checkpoint state is null");
            }
            return t;
        } catch (IOException e) {
            Throwable c = e;
            while (c != null) {
                if (c instanceof InvalidInputException ie) {
                    throw InvalidInputException.file(file, "checkpoint state is invalid: "
                            + (ie.parameter() == null ? ie.allowed() : ie.parameter() + " = " + ie.value() + ": " + ie.allowed()));
                }
                c = c.getCause();
            }
            String m = (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : String.valueOf(e.getMessage())).split("\n")[0];
            throw InvalidInputException.file(file, "checkpoint state does not match this deeprg (" + m + ")");
        } catch (RuntimeException e) {
            if (e instanceof InvalidInputException ie && ie.parameter() == null) {
                throw ie;
            }
            throw InvalidInputException.file(file, "checkpoint state is invalid (" + e.getMessage() + ")");
        }
    }

    /**
     * Writes a checkpoint atomically: a hidden temporary file in the same directory is written, forced to disk and
     * renamed over {@code file}; a crash leaves either the old or the new checkpoint, never a torn one.
     *
     * @throws InvalidInputException naming the file when it cannot be written (disk full, permissions)
     */
    public static void write(Path file, String format, int version, String specHash, byte[] payload) {
        Header h = new Header(format, version, specHash, payload.length, sha256(payload));
        byte[] header;
        try {
            header = (MAGIC + "\n" + CANONICAL.writeValueAsString(h) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Path abs = file.toAbsolutePath().normalize();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                writeAll(ch, ByteBuffer.wrap(header));
                writeAll(ch, ByteBuffer.wrap(payload));
                ch.force(true);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true);
            } catch (IOException e) {
                // not every file system can sync a directory; the rename is still atomic
            }
        } catch (IOException e) {
            throw InvalidInputException.file(file, "checkpoint cannot be written (" + String.valueOf(e.getMessage())
                    .replaceAll("\\s+", " ") + ")");
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // best effort
                }
            }
        }
    }

    private static void writeAll(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    /**
     * Reads and validates a checkpoint: magic line, header, format, version, spec hash, payload length (within the
     * file and the memory budget) and checksum; returns the payload.
     *
     * @throws InvalidInputException naming the file and the first mismatch
     */
    public static byte[] read(Path file, String format, int version, String specHash) {
        long size = InputFiles.requireRegularFile(file);
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            String magic = readLine(in, file);
            if (!MAGIC.equals(magic)) {
                throw InvalidInputException.file(file, "not a deeprg checkpoint (first line is not '" + MAGIC + "')");
            }
            String headerLine = readLine(in, file);
            Header h;
            try {
                h = STRICT.readValue(headerLine, Header.class);
            } catch (IOException e) {
                throw InvalidInputException.file(file, "checkpoint header is malformed");
            }
            if (h.format() == null || h.specHash() == null || h.sha256() == null) {
                throw InvalidInputException.file(file, "checkpoint header is incomplete");
            }
            if (!h.format().equals(format)) {
                throw InvalidInputException.file(file, "checkpoint of kind '" + NpyReader.abbreviate(h.format())
                        + "', expected '" + format + "'");
            }
            if (h.version() != version) {
                throw InvalidInputException.file(file, "checkpoint format version " + h.version() + ", this deeprg reads version "
                        + version + " (start the run afresh without --resume)");
            }
            if (!h.specHash().equals(specHash)) {
                throw InvalidInputException.file(file, "checkpoint of a different run (its options or seed differ from "
                        + "this command's); rerun with the options of the interrupted run, or start afresh without --resume");
            }
            long offset = MAGIC.length() + 1L + headerLine.getBytes(StandardCharsets.UTF_8).length + 1L;
            if (h.payloadBytes() < 0 || h.payloadBytes() != size - offset) {
                throw InvalidInputException.file(file, "checkpoint is truncated or has trailing bytes (header says "
                        + h.payloadBytes() + " bytes of state, the file holds " + (size - offset) + ")");
            }
            Budget.requireArrayLength(file, h.payloadBytes(), "the checkpoint state");
            Budget.requireFile(file, h.payloadBytes(), "the checkpoint state");
            byte[] payload = new byte[(int) h.payloadBytes()];
            ReadLimits.readFully(in, payload, file, "the checkpoint state");
            if (in.read() >= 0) {
                throw InvalidInputException.file(file, "trailing bytes after the checkpoint state");
            }
            if (!sha256(payload).equals(h.sha256())) {
                throw InvalidInputException.file(file, "checkpoint checksum mismatch (corrupt or edited)");
            }
            return payload;
        } catch (IOException e) {
            throw InputFiles.ioError(file, e);
        }
    }

    private static String readLine(InputStream in, Path file) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (b.size() >= MAX_HEADER_BYTES) {
                throw InvalidInputException.file(file, "not a deeprg checkpoint (header line longer than "
                        + MAX_HEADER_BYTES + " bytes)");
            }
            b.write(c);
        }
        if (c < 0) {
            throw InvalidInputException.file(file, "not a deeprg checkpoint (truncated header)");
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    /** SHA-256 of {@code bytes}, hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
