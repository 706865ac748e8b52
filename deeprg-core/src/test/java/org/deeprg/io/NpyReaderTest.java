package org.deeprg.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.deeprg.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fixtures in src/test/resources/org/deeprg/io/numpy were written by NumPy 2.x (np.save, np.savez). */
class NpyReaderTest {
    @TempDir
    Path dir;

    static Path fixture(String name) {
        try {
            return Path.of(NpyReaderTest.class.getResource("numpy/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsNumpyFilesInEveryOrderAndEndianness() {
        for (String f : new String[] {"c_f8_le.npy", "c_f4_be.npy", "f_f4_be.npy", "v2_f8.npy"}) {
            NdArray a = NpyReader.read(fixture(f));
            assertThat(a.shape()).as(f).containsExactly(3, 4);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 4; j++) {
                    assertThat(a.data()[i * 4 + j]).as(f).isEqualTo((4 * i + j) * 0.5 - 1.0);
                }
            }
        }
        NdArray b = NpyReader.read(fixture("f_f8_le.npy"));
        assertThat(b.shape()).containsExactly(2, 3, 4);
        for (int e = 0; e < 24; e++) {
            assertThat(b.data()[e]).isEqualTo(e * 0.25);
        }
        NdArray s = NpyReader.read(fixture("scalar.npy"));
        assertThat(s.shape()).isEmpty();
        assertThat(s.data()).containsExactly(3.5);
        assertThat(NpyReader.read(fixture("empty.npy")).shape()).containsExactly(0, 3);
        assertThat(NpyReader.read(fixture("half.npy")).data()).containsExactly(0.5, -2.0, 65504.0,
                ElementType.halfToDouble((short) 1));
        assertThat(NpyReader.read(fixture("int32.npy")).data()).containsExactly(-7, 0, 123456);
        assertThat(NpyReader.read(fixture("uint8.npy")).data()).containsExactly(0, 200, 255);
        assertThat(NpyReader.read(fixture("bool.npy")).data()).containsExactly(1, 0, 1);
    }

    @Test
    void readsNpzArchivesStoredAndCompressed() {
        for (String f : new String[] {"weights.npz", "weights_compressed.npz"}) {
            List<NdArray> arrays = NpzReader.read(fixture(f));
            assertThat(arrays).extracting(NdArray::name).containsExactly("layer0", "layer1");
            assertThat(arrays.get(0).shape()).containsExactly(4, 3);
            assertThat(arrays.get(1).shape()).containsExactly(3, 2);
            for (int e = 0; e < 12; e++) {
                assertThat(arrays.get(0).data()[e]).isEqualTo(e * 0.1);
            }
            for (int e = 0; e < 6; e++) {
                assertThat(arrays.get(1).data()[e]).isCloseTo(e * -0.2, org.assertj.core.api.Assertions.within(1e-7));
            }
        }
        assertThat(WeightFiles.read(fixture("weights.npz"))).hasSize(2);
        assertThat(WeightFiles.read(fixture("c_f8_le.npy")).get(0).name()).isEqualTo("c_f8_le");
    }

    static byte[] npy(String header) {
        return npy(1, header, new byte[0]);
    }

    static byte[] npy(int major, String header, byte[] data) {
        byte[] h = header.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(12 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            b.putShort((short) h.length);
        } else {
            b.putInt(h.length);
        }
        b.put(h).put(data);
        return Arrays.copyOf(b.array(), b.position());
    }

    private void refused(byte[] content, String expected) throws IOException {
        Path p = Files.write(dir.resolve("bad" + Arrays.hashCode(content) + ".npy"), content);
        assertThatThrownBy(() -> NpyReader.read(p)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(p.toString()).hasMessageContaining(expected);
    }

    @Test
    void refusesEveryMalformedNpy() throws IOException {
        byte[] good = Files.readAllBytes(fixture("c_f8_le.npy"));
        String h = "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }";
        byte[] two = new byte[16];
        assertThat(NpyReader.read(Files.write(dir.resolve("ok.npy"), npy(1, h, two))).data()).containsExactly(0, 0);
        refused(new byte[0], "truncated");
        refused(Arrays.copyOf(good, 5), "truncated");
        refused(Arrays.copyOf(good, 9), "truncated");
        refused(Arrays.copyOf(good, 40), "header length");
        refused(Arrays.copyOf(good, good.length - 3), "truncated or hostile header");
        refused(Arrays.copyOf(good, good.length + 8), "trailing bytes");
        byte[] magic = good.clone();
        magic[1] = 'X';
        refused(magic, "bad magic number");
        byte[] version = good.clone();
        version[6] = 9;
        refused(version, "unsupported .npy format version 9.0");
        refused(hugeHeaderLength(), "exceeds");
        refused(npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (-2,), }", two), "negative");
        refused(npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (4611686018427387904, 4), }", two),
                "more elements than can exist");
        refused(npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999,), }", two),
                "bad integer");
        refused(npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1000000, 1000000), }", two),
                "truncated or hostile header");
        refused(npy(1, "{'descr': '|O', 'fortran_order': False, 'shape': (2,), }", two), "unsupported .npy element");
        refused(npy(1, "{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }", two), "unsupported");
        refused(npy(1, "{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (2,), }", two),
                "structured");
        refused(npy(1, "{'fortran_order': False, 'shape': (2,), }", two), "no string 'descr'");
        refused(npy(1, "{'descr': '<f8', 'shape': (2,), }", two), "fortran_order");
        refused(npy(1, "{'descr': '<f8', 'fortran_order': False}", two), "no tuple 'shape'");
        refused(npy(1, "{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, 'shape': (2,)}", two), "duplicate");
        refused(npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2,", two), "ends early");
        refused(npy(1, "{'descr': '<f8, 'fortran_order': False, 'shape': (2,)}", two), "malformed");
        refused(npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (2,)} junk", two), "after the header");
        refused(npy(1, "not a dict", two), "expected '{'");
        refused(npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (" + "1,".repeat(70) + "), }", two),
                "dimensions");
    }

    private static byte[] hugeHeaderLength() {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0}).putInt(-1).putInt(0);
        return b.array();
    }

    static byte[] zip(boolean deflate, String[] names, byte[][] contents) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (int i = 0; i < names.length; i++) {
                ZipEntry e = new ZipEntry(names[i]);
                if (!deflate) {
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(contents[i].length);
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(contents[i]);
                    e.setCrc(crc.getValue());
                }
                z.putNextEntry(e);
                z.write(contents[i]);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private void refusedNpz(byte[] content, String expected) throws IOException {
        Path p = Files.write(dir.resolve("bad" + Arrays.hashCode(content) + ".npz"), content);
        assertThatThrownBy(() -> NpzReader.read(p)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(p.toString()).hasMessageContaining(expected);
    }

    @Test
    void refusesEveryMalformedNpz() throws IOException {
        byte[] good = Files.readAllBytes(fixture("weights_compressed.npz"));
        String h = "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }";
        byte[] array = npy(1, h, new byte[16]);
        assertThat(NpzReader.read(Files.write(dir.resolve("ok.npz"),
                zip(false, new String[] {"a.npy"}, new byte[][] {array})))).hasSize(1);
        refusedNpz(new byte[0], "");
        refusedNpz("not a zip at all".getBytes(StandardCharsets.US_ASCII), "corrupt or truncated");
        refusedNpz(Arrays.copyOf(good, good.length / 2), "corrupt or truncated");
        refusedNpz(zip(true, new String[] {"a.txt"}, new byte[][] {array}), "not a .npy array");
        refusedNpz(zip(true, new String[] {"a.npy", "b.npy"}, new byte[][] {array, Arrays.copyOf(array, 20)}),
                "exceeds the archive entry");
        refusedNpz(zip(true, new String[] {"a.npy"}, new byte[][] {Arrays.copyOf(array, array.length - 3)}),
                "truncated");
        // an entry whose header declares far more data than its compressed size can inflate to
        byte[] hostile = npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (100000000,), }", new byte[0]);
        refusedNpz(zip(true, new String[] {"w.npy"}, new byte[][] {hostile}), "cannot hold");
        refusedNpz(zip(false, new String[] {"w.npy"}, new byte[][] {hostile}), "cannot hold");
        byte[] trailing = npy(1, h, new byte[24]);
        refusedNpz(zip(true, new String[] {"t.npy"}, new byte[][] {trailing}), "trailing bytes");
        byte[] corrupt = good.clone();
        for (int i = 60; i < 200 && i < corrupt.length; i++) {
            corrupt[i] ^= 0x33;
        }
        refusedNpz(corrupt, "");
    }
}
