package org.deeprg.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.deeprg.InvalidInputException;

/**
 * Reads {@code .safetensors} files (Hugging Face): an 8-byte little-endian unsigned header length {@code n}, a JSON
 * header of {@code n} bytes mapping tensor names to {@code {"dtype", "shape", "data_offsets": [begin, end]}} (plus an
 * optional {@code "__metadata__"} object of strings), then the data buffer; offsets are relative to the buffer,
 * data little-endian, row-major.
 *
 * <p>Checks, as in the reference implementation: header length within the file and at most
 * {@link #MAX_HEADER_BYTES}; valid JSON without duplicate keys; non-negative shapes; {@code end - begin} equal to the
 * declared element count times the element size; tensors that tile the buffer exactly (no overlap, no gap, nothing
 * after the last one). All of this is checked before any tensor is allocated. Supported dtypes: F64 F32 F16 BF16
 * I64 I32 I16 I8 U64 U32 U16 U8 BOOL.
 */
public final class SafetensorsReader {
    /** Header size limit of the reference implementation (100 MB). */
    public static final long MAX_HEADER_BYTES = 100_000_000L;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxNumberLength(100).build())
            .build());

    private SafetensorsReader() {
    }

    private record Entry(String name, ElementType type, long[] shape, long begin, long end) {
    }

    /**
     * Reads all tensors, in the order of their data offsets.
     *
     * @throws InvalidInputException for a missing, malformed, inconsistent, unsupported or too large file
     */
    public static List<NdArray> read(Path file) {
        InputFiles.requireRegularFile(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = ch.size();
            if (length < 8) {
                throw InvalidInputException.file(file, "truncated: " + length
                        + " bytes, a .safetensors file starts with an 8-byte header length");
            }
            ByteBuffer lb = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, lb, 0, file);
            long n = lb.getLong(0);
            if (n < 0 || n > length - 8 || n > MAX_HEADER_BYTES) {
                throw InvalidInputException.file(file, "header length " + Long.toUnsignedString(n)
                        + " exceeds " + (n >= 0 && n <= length - 8 ? "the limit of " + MAX_HEADER_BYTES + " bytes"
                        : "the file (" + length + " bytes)") + ": not a .safetensors file or truncated");
            }
            ByteBuffer hb = ByteBuffer.allocate((int) n);
            readFully(ch, hb, 8, file);
            JsonNode root;
            try {
                root = MAPPER.readTree(hb.array());
            } catch (IOException e) {
                throw InvalidInputException.file(file, "header is not valid JSON ("
                        + NpyReader.abbreviate(String.valueOf(e.getMessage()).split("\n")[0]) + ")");
            }
            if (root == null || !root.isObject()) {
                throw InvalidInputException.file(file, "header is not a JSON object");
            }
            long bufferLength = length - 8 - n;
            List<Entry> entries = parseEntries(root, file, bufferLength);
            List<NdArray> out = new ArrayList<>(entries.size());
            for (Entry e : entries) {
                long elements = (e.end - e.begin) / e.type.bytes;
                ReadLimits.requireAllocatable(file, elements, 0, "tensor '" + e.name + "'");
                double[] data = new double[(int) elements];
                InputStream in = Channels.newInputStream(ch.position(8 + n + e.begin));
                NpyReader.readElements(new java.io.BufferedInputStream(in, 1 << 16), e.type, ByteOrder.LITTLE_ENDIAN,
                        data, file + "!" + e.name);
                int[] shape = new int[e.shape.length];
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = (int) e.shape[i];
                }
                out.add(new NdArray(e.name, shape, data));
            }
            return out;
        } catch (IOException e) {
            throw ReadLimits.ioError(file, e);
        }
    }

    private static List<Entry> parseEntries(JsonNode root, Path file, long bufferLength) {
        List<Entry> entries = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            String name = f.getKey();
            JsonNode t = f.getValue();
            String label = "tensor '" + NpyReader.abbreviate(name) + "'";
            if (name.equals("__metadata__")) {
                if (!t.isObject()) {
                    throw InvalidInputException.file(file, "__metadata__ is not a JSON object");
                }
                continue;
            }
            if (!t.isObject()) {
                throw InvalidInputException.file(file, label + " is not a JSON object");
            }
            JsonNode dtype = t.get("dtype");
            JsonNode shapeNode = t.get("shape");
            JsonNode offsets = t.get("data_offsets");
            if (dtype == null || !dtype.isTextual()) {
                throw InvalidInputException.file(file, label + " has no string \"dtype\"");
            }
            ElementType type;
            try {
                type = ElementType.valueOf(dtype.asText());
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.file(file, label + " has unsupported dtype '"
                        + NpyReader.abbreviate(dtype.asText()) + "' (supported F64 F32 F16 BF16 I64 I32 I16 I8 U64 U32 "
                        + "U16 U8 BOOL)");
            }
            if (shapeNode == null || !shapeNode.isArray() || shapeNode.size() > NpyReader.MAX_DIMENSIONS) {
                throw InvalidInputException.file(file, label + " has no \"shape\" array of at most "
                        + NpyReader.MAX_DIMENSIONS + " dimensions");
            }
            long[] shape = new long[shapeNode.size()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = nonNegativeLong(shapeNode.get(i), file, label + " shape");
            }
            if (offsets == null || !offsets.isArray() || offsets.size() != 2) {
                throw InvalidInputException.file(file, label + " has no \"data_offsets\" [begin, end]");
            }
            long begin = nonNegativeLong(offsets.get(0), file, label + " data_offsets");
            long end = nonNegativeLong(offsets.get(1), file, label + " data_offsets");
            if (begin > end || end > bufferLength) {
                throw InvalidInputException.file(file, label + " has data_offsets [" + begin + ", " + end
                        + "] outside the data buffer of " + bufferLength + " bytes (truncated file or bad header)");
            }
            long elements = ReadLimits.elementCount(file + " " + label, shape);
            if (elements * type.bytes != end - begin) {
                throw InvalidInputException.file(file, label + " declares shape " + java.util.Arrays.toString(shape)
                        + " of " + type + " (" + elements * type.bytes + " bytes) but its data_offsets span "
                        + (end - begin) + " bytes");
            }
            entries.add(new Entry(name, type, shape, begin, end));
        }
        entries.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        long at = 0;
        for (Entry e : entries) {
            if (e.begin != at) {
                throw InvalidInputException.file(file, "tensor '" + NpyReader.abbreviate(e.name) + "' starts at byte "
                        + e.begin + " of the data buffer, expected " + at + " (tensors overlap or leave a gap)");
            }
            at = e.end;
        }
        if (at != bufferLength) {
            throw InvalidInputException.file(file, "the tensors cover " + at + " bytes but the data buffer has "
                    + bufferLength + " (trailing or missing data)");
        }
        return entries;
    }

    private static long nonNegativeLong(JsonNode v, Path file, String what) {
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
            throw InvalidInputException.file(file, what + " must hold non-negative integers, got "
                    + (v == null ? "nothing" : NpyReader.abbreviate(v.toString())));
        }
        return v.asLong();
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long position, Path file) throws IOException {
        long p = position;
        while (b.hasRemaining()) {
            int r = ch.read(b, p);
            if (r < 0) {
                throw InvalidInputException.file(file, "truncated");
            }
            p += r;
        }
    }
}
