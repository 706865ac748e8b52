package org.deeprg.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.deeprg.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsReaderTest {
    @TempDir
    Path dir;

    static byte[] safetensors(String header, byte[] data) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(h.length).put(h).put(data);
        return b.array();
    }

    @Test
    void readsTheFixtureWrittenToTheSpecification() {
        List<NdArray> t = WeightFiles.read(NpyReaderTest.fixture("weights.safetensors"));
        assertThat(t).extracting(NdArray::name).containsExactly("layer0.weight", "layer1.weight", "bf", "h");
        assertThat(t.get(0).shape()).containsExactly(4, 3);
        for (int e = 0; e < 12; e++) {
            assertThat(t.get(0).data()[e]).isCloseTo(e * 0.1, within(1e-6));
        }
        for (int e = 0; e < 6; e++) {
            assertThat(t.get(1).data()[e]).isEqualTo(e * -0.2);
        }
        assertThat(t.get(2).data()).containsExactly(1.0, -2.5, 0.15625);
        assertThat(t.get(3).data()).containsExactly(0.5, -3.0);
    }

    private void refused(byte[] content, String expected) throws IOException {
        Path p = Files.write(dir.resolve("bad" + Arrays.hashCode(content) + ".safetensors"), content);
        assertThatThrownBy(() -> SafetensorsReader.read(p)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(p.toString()).hasMessageContaining(expected);
    }

    @Test
    void refusesEveryMalformedFile() throws IOException {
        byte[] eight = new byte[8];
        String ok = "{\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]}}";
        assertThat(SafetensorsReader.read(Files.write(dir.resolve("ok.safetensors"), safetensors(ok, eight))))
                .hasSize(1);
        refused(new byte[3], "truncated");
        byte[] huge = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(Long.MAX_VALUE).array();
        refused(huge, "header length");
        byte[] negative = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(-5).array();
        refused(negative, "header length 18446744073709551611");
        refused(Arrays.copyOf(safetensors(ok, eight), 20), "exceeds the file");
        refused(safetensors("{not json", eight), "not valid JSON");
        refused(safetensors("[1, 2]", eight), "not a JSON object");
        refused(safetensors("{\"a\": 3}", eight), "is not a JSON object");
        refused(safetensors("{\"__metadata__\": 3}", new byte[0]), "__metadata__");
        refused(safetensors("{\"a\":{\"shape\":[1],\"data_offsets\":[0,8]}}", eight), "dtype");
        refused(safetensors("{\"a\":{\"dtype\":\"F8_E4M3\",\"shape\":[1],\"data_offsets\":[0,8]}}", eight),
                "unsupported dtype");
        refused(safetensors("{\"a\":{\"dtype\":\"F64\",\"data_offsets\":[0,8]}}", eight), "shape");
        refused(safetensors("{\"a\":{\"dtype\":\"F64\",\"shape\":[-1],\"data_offsets\":[0,8]}}", eight),
                "non-negative");
        refused(safetensors("{\"a\":{\"dtype\":\"F64\",\"shape\":[1.5],\"data_offsets\":[0,8]}}", eight),
                "non-negative integers");
        refused(safetensors("{\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0]}}", eight),
                "data_offsets");
        refused(safetensors("{\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,16]}}", eight),
                "outside the data buffer");
        refused(safetensors("{\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[8,0]}}", eight),
                "outside the data buffer");
        refused(safetensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,8]}}", eight),
                "span 8 bytes");
        refused(safetensors("{\"a\":{\"dtype\":\"F64\",\"shape\":[4611686018427387904,4611686018427387904],"
                + "\"data_offsets\":[0,8]}}", eight), "more elements than can exist");
        refused(safetensors("{\"a\":{\"dtype\":\"F64\",\"shape\":[1000000000000],\"data_offsets\":[0,8]}}", eight),
                "span 8 bytes");
        refused(safetensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[2,6]}}", eight), "overlap");
        refused(safetensors("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", eight), "gap");
        refused(safetensors(ok, new byte[12]), "trailing or missing data");
        refused(safetensors("{\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]},"
                + "\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]}}", eight), "not valid JSON");
        refused(safetensors("[".repeat(5000), eight), "not valid JSON");
    }
}
