package org.deeprg.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.deeprg.InvalidInputException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    static byte[] idx(int type, int[] shape, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * shape.length + data.length);
        b.put((byte) 0).put((byte) 0).put((byte) type).put((byte) shape.length);
        for (int d : shape) {
            b.putInt(d);
        }
        b.put(data);
        return b.array();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    Path write(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    @Test
    void readsEveryElementTypePlainAndGzipped() throws IOException {
        ByteBuffer d = ByteBuffer.allocate(2 * 3 * 8);
        for (int i = 0; i < 6; i++) {
            d.putDouble(i * 0.5 - 1);
        }
        for (boolean gz : new boolean[] {false, true}) {
            byte[] doubles = idx(0x0E, new int[] {2, 3}, d.array());
            IdxArray a = IdxReader.read(write("d" + gz, gz ? gzip(doubles) : doubles));
            assertThat(a.shape()).containsExactly(2, 3);
            for (int i = 0; i < 6; i++) {
                assertThat(a.get(i)).isEqualTo(i * 0.5 - 1);
            }
            byte[] ub = idx(0x08, new int[] {4}, new byte[] {0, 1, (byte) 200, (byte) 255});
            IdxArray u = IdxReader.read(write("u" + gz, gz ? gzip(ub) : ub));
            assertThat(new double[] {u.get(0), u.get(1), u.get(2), u.get(3)}).containsExactly(0, 1, 200, 255);
        }
        ByteBuffer f = ByteBuffer.allocate(8).putFloat(1.5f).putFloat(-2f);
        assertThat(IdxReader.read(write("f", idx(0x0D, new int[] {2}, f.array()))).get(1)).isEqualTo(-2.0);
        ByteBuffer s = ByteBuffer.allocate(4).putShort((short) -3).putShort((short) 300);
        assertThat(IdxReader.read(write("s", idx(0x0B, new int[] {2}, s.array()))).get(0)).isEqualTo(-3.0);
        ByteBuffer in = ByteBuffer.allocate(4).putInt(-70000);
        assertThat(IdxReader.read(write("i", idx(0x0C, new int[] {1}, in.array()))).get(0)).isEqualTo(-70000.0);
        assertThat(IdxReader.read(write("b", idx(0x09, new int[] {1}, new byte[] {-5}))).get(0)).isEqualTo(-5.0);
    }

    private void refused(byte[] content, String expected) throws IOException {
        Path p = write("bad" + Arrays.hashCode(content) + ".idx", content);
        assertThatThrownBy(() -> IdxReader.read(p)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(p.toString()).hasMessageContaining(expected);
    }

    @Test
    void refusesEveryMalformedFixture() throws IOException {
        byte[] good = idx(0x08, new int[] {2, 2}, new byte[] {1, 2, 3, 4});
        refused(new byte[0], "truncated");
        refused(new byte[] {0, 0, 8}, "truncated");
        refused(new byte[] {1, 2, 8, 1, 0, 0, 0, 1, 9}, "bad magic");
        refused(idx(0x07, new int[] {1}, new byte[] {1}), "unknown IDX element type");
        refused(idx(0x08, new int[0], new byte[] {1}), "0 dimensions");
        refused(new byte[] {0, 0, 8, 40}, "40 dimensions");
        refused(Arrays.copyOf(good, 10), "truncated");
        refused(Arrays.copyOf(good, good.length - 1), "has only 3 bytes of data");
        refused(Arrays.copyOf(good, good.length + 2), "trailing bytes");
        refused(idx(0x08, new int[] {-1, 4}, new byte[0]), "negative");
        refused(idx(0x0E, new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE}, new byte[0]),
                "more elements than can exist");
        // gzipped hostile: a few bytes declaring 2^31 x 2^31 elements, and 2^30 bytes in a ~40-byte file
        refused(gzip(idx(0x08, new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE}, new byte[0])), "more elements than");
        refused(gzip(idx(0x08, new int[] {1 << 20, 1 << 15}, new byte[0])), "cannot hold");
        refused(gzip(idx(0x08, new int[] {1 << 30}, new byte[0])), "cannot hold");
        // gzipped but truncated payload, and corrupt compressed data
        refused(gzip(Arrays.copyOf(good, good.length - 1)), "truncated");
        byte[] gz = gzip(good);
        byte[] corrupt = gz.clone();
        for (int i = 10; i < corrupt.length - 8; i++) {
            corrupt[i] ^= (byte) 0x5A;
        }
        refused(corrupt, "");
        refused(Arrays.copyOf(gz, gz.length - 9), "truncated");
    }

    @Test
    void missingFileAndDirectoryAreClearErrors() {
        assertThatThrownBy(() -> IdxReader.read(dir.resolve("none.idx"))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no such file");
        assertThatThrownBy(() -> IdxReader.read(dir)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(dir.toString());
    }

    @Test
    void fashionMnistFromGeneratedFilesAndItsErrors() throws IOException {
        byte[] pixels = new byte[3 * 2 * 2];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 20);
        }
        for (String split : new String[] {"train", "t10k"}) {
            write(split + "-images-idx3-ubyte.gz", gzip(idx(0x08, new int[] {3, 2, 2}, pixels)));
            write(split + "-labels-idx1-ubyte", idx(0x08, new int[] {3}, new byte[] {0, 9, 4}));
        }
        LabelledImages t = FashionMnist.load(dir, LabelledImages.Split.TEST);
        assertThat(t.count()).isEqualTo(3);
        assertThat(t.height()).isEqualTo(2);
        assertThat(t.labels()).containsExactly(0, 9, 4);
        assertThat(t.pixels()[5]).isEqualTo(100 / 255f);
        write("train-labels-idx1-ubyte", idx(0x08, new int[] {3}, new byte[] {0, 10, 4}));
        assertThatThrownBy(() -> FashionMnist.load(dir, LabelledImages.Split.TRAIN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("label 10 of item 1 is out of range");
        write("train-labels-idx1-ubyte", idx(0x08, new int[] {2}, new byte[] {0, 1}));
        assertThatThrownBy(() -> FashionMnist.load(dir, LabelledImages.Split.TRAIN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("2 labels for 3 images");
        assertThatThrownBy(() -> FashionMnist.load(dir.resolve("nowhere"), LabelledImages.Split.TRAIN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("Fashion-MNIST is not installed");
    }

    @Test
    void realFashionMnistTestSplitWhenInstalled() {
        Assumptions.assumeTrue(FashionMnist.isInstalled(FashionMnist.DEFAULT_DIRECTORY),
                "dataset-fashion-mnist not installed");
        LabelledImages t = FashionMnist.load(FashionMnist.DEFAULT_DIRECTORY, LabelledImages.Split.TEST);
        assertThat(t.count()).isEqualTo(10000);
        assertThat(t.features()).isEqualTo(784);
        int[] perClass = new int[10];
        for (int y : t.labels()) {
            perClass[y]++;
        }
        assertThat(perClass).containsOnly(1000);
    }

    @Test
    void cifar10BatchesAndTheirErrors() throws IOException {
        byte[] two = new byte[2 * Cifar10.RECORD_BYTES];
        two[0] = 3;
        two[1] = (byte) 255;
        two[Cifar10.RECORD_BYTES] = 9;
        Path cifar = Files.createDirectories(dir.resolve("cifar-10-batches-bin"));
        Files.write(cifar.resolve("test_batch.bin"), two);
        LabelledImages t = Cifar10.load(dir, LabelledImages.Split.TEST);
        assertThat(t.count()).isEqualTo(2);
        assertThat(t.labels()).containsExactly(3, 9);
        assertThat(t.pixels()[0]).isEqualTo(1f);
        assertThat(t.features()).isEqualTo(3072);
        assertThatThrownBy(() -> Cifar10.load(dir, LabelledImages.Split.TRAIN))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("data_batch_1.bin: not found");
        Path truncated = write("trunc.bin", Arrays.copyOf(two, two.length - 1));
        assertThatThrownBy(() -> Cifar10.loadBatch(truncated)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not a positive multiple");
        Path empty = write("empty.bin", new byte[0]);
        assertThatThrownBy(() -> Cifar10.loadBatch(empty)).isInstanceOf(InvalidInputException.class);
        two[Cifar10.RECORD_BYTES] = 10;
        Path badLabel = write("label.bin", two);
        assertThatThrownBy(() -> Cifar10.loadBatch(badLabel)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("label 10 of record 1 is out of range");
    }
}
