package org.deeprg.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes {@code .safetensors} files (the format {@link SafetensorsReader} documents) of {@code F64} tensors: the 8-byte
 * little-endian header length, the JSON header (an optional {@code "__metadata__"} object of strings first, then one
 * entry per tensor in the given order with consecutive {@code data_offsets}), padded with spaces to a multiple of 8
 * bytes as the reference implementation does, then the little-endian data. The output is a function of the tensors
 * and the metadata only: the same input gives the same bytes.
 */
public final class SafetensorsWriter {
    private SafetensorsWriter() {
    }

    /**
     * Writes the tensors (not closed).
     *
     * @param metadata string-to-string metadata (in iteration order; may be empty)
     * @throws IllegalArgumentException for two tensors of the same name or a tensor named {@code __metadata__}
     */
    public static void write(List<NdArray> tensors, Map<String, String> metadata, OutputStream out) throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        Set<String> names = new HashSet<>();
        try (JsonGenerator g = new JsonFactory().createGenerator(header)) {
            g.writeStartObject();
            if (!metadata.isEmpty()) {
                g.writeObjectFieldStart("__metadata__");
                for (Map.Entry<String, String> e : metadata.entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
            }
            long offset = 0;
            for (NdArray t : tensors) {
                if (t.name().equals("__metadata__") || !names.add(t.name())) {
                    throw new IllegalArgumentException("tensor name " + t.name() + " is reserved or repeated");
                }
                g.writeObjectFieldStart(t.name());
                g.writeStringField("dtype", "F64");
                g.writeArrayFieldStart("shape");
                for (int d : t.shape()) {
                    g.writeNumber(d);
                }
                g.writeEndArray();
                long end = offset + 8L * t.data().length;
                g.writeArrayFieldStart("data_offsets");
                g.writeNumber(offset);
                g.writeNumber(end);
                g.writeEndArray();
                g.writeEndObject();
                offset = end;
            }
            g.writeEndObject();
        }
        int length = header.size();
        int padded = (length + 7) / 8 * 8;
        for (int i = length; i < padded; i++) {
            header.write(' ');
        }
        out.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded).array());
        header.writeTo(out);
        for (NdArray t : tensors) {
            NpyWriter.writeDoubles(t.data(), out);
        }
        out.flush();
    }
}
