package org.deeprg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.deeprg.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code critical correlation} and {@code critical couplings}: JSON contracts and bad input. */
class CriticalTheoryCliTest {
    @TempDir
    Path dir;

    private static JsonNode json(CliRun r) throws IOException {
        assertThat(r.code()).as(r.err()).isZero();
        return Json.mapper().readTree(r.out());
    }

    @Test
    void correlationReportsTheCorrelationLengthOffCriticality() throws IOException {
        JsonNode j = json(CliRun.of("critical", "correlation", "--dim", "2", "--r", "0.5", "--g", "2", "--json",
                "--quiet", "--out", dir.resolve("c1").toString()));
        assertThat(j.get("correlationLength").asDouble()).isCloseTo(2.0, within(0.05 * 2.0));
        assertThat(j.get("correlationLengthTheory").asDouble()).isEqualTo(2.0);
        assertThat(j.has("decayExponent")).isFalse();
        assertThat(dir.resolve("c1").resolve("two-point-function.csv")).exists();
    }

    @Test
    void correlationReportsTheDecayExponentAtCriticality() throws IOException {
        JsonNode j = json(CliRun.of("critical", "correlation", "--dim", "1", "--r", "0", "--g", "1", "--json",
                "--quiet", "--out", dir.resolve("c2").toString()));
        assertThat(j.get("decayExponent").asDouble()).isCloseTo(-1.0, within(0.05));
        assertThat(j.has("correlationLength")).isFalse();
    }

    private void badInput(String expected, String... args) {
        Path out = dir.resolve("bad" + Arrays.hashCode(args));
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--out";
        all[args.length + 1] = out.toString();
        CliRun r = CliRun.of(all);
        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.errLines()).isEqualTo(1);
        assertThat(r.err()).contains(expected).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void correlationRefusesBadInputWithOneLine() {
        badInput("--dim", "critical", "correlation", "--dim", "4", "--r", "0");
        badInput("--r", "critical", "correlation", "--dim", "2", "--r", "-0.1");
        badInput("--g", "critical", "correlation", "--dim", "2", "--g", "0");
        badInput("--sites", "critical", "correlation", "--dim", "3", "--sites", "2048");
        badInput("--r", "critical", "correlation", "--dim", "2", "--r", "abc");
    }

    /** A little-endian float64 C-order .npy file. */
    static byte[] npy(int rows, int cols, double[] data) {
        String header = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + rows + ", " + cols + "), }";
        StringBuilder h = new StringBuilder(header);
        while ((10 + h.length() + 1) % 64 != 0) {
            h.append(' ');
        }
        h.append('\n');
        byte[] hb = h.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(10 + hb.length + 8 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) hb.length).put(hb);
        for (double x : data) {
            b.putDouble(x);
        }
        return b.array();
    }

    @Test
    void couplingsClassifiesACriticalCurieWeissLayer() throws IOException {
        // v = sqrt(N / beta) I  =>  w = v v^T = (N / beta) I: the critical constant-coupling case (Eq. 28)
        int n = 5;
        double beta = 2.0;
        double[] v = new double[n * n];
        for (int i = 0; i < n; i++) {
            v[i * n + i] = Math.sqrt(n / beta);
        }
        Path file = Files.write(dir.resolve("cw.npy"), npy(n, n, v));
        JsonNode j = json(CliRun.of("critical", "couplings", "--weights", file.toString(), "--beta", "2", "--json",
                "--quiet", "--out", dir.resolve("cw").toString()));
        JsonNode layer = j.get("layers").get(0);
        assertThat(layer.get("units").asInt()).isEqualTo(n);
        assertThat(layer.get("analysis").get("fixedPointCase").asText()).isEqualTo("CRITICAL_CONSTANT_COUPLING");
        assertThat(layer.get("analysis").get("componentResidual").asDouble()).isGreaterThanOrEqualTo(7.0 / 8.0);
        assertThat(layer.get("g").asDouble()).isEqualTo(beta / n);
        // a 5 x 2 layer read with --units columns has N = 2
        Path rect = Files.write(dir.resolve("rect.npy"), npy(5, 2, new double[] {1, 0, 0, 1, 1, 1, 0, 2, 2, 0}));
        JsonNode c = json(CliRun.of("critical", "couplings", "--weights", rect.toString(), "--units", "columns",
                "--json", "--quiet", "--out", dir.resolve("rect").toString()));
        assertThat(c.get("layers").get(0).get("units").asInt()).isEqualTo(2);
    }

    @Test
    void couplingsRefusesBadFilesWithOneLine() throws IOException {
        byte[] good = npy(2, 2, new double[] {1, 0, 0, 1});
        Path truncated = Files.write(dir.resolve("t.npy"), Arrays.copyOf(good, good.length - 5));
        badInput("t.npy", "critical", "couplings", "--weights", truncated.toString());
        Path text = Files.writeString(dir.resolve("w.txt"), "1 2 3");
        badInput("unknown weight file type", "critical", "couplings", "--weights", text.toString());
        badInput("no such file", "critical", "couplings", "--weights", dir.resolve("none.npz").toString());
        Path ok = Files.write(dir.resolve("ok.npy"), good);
        badInput("--beta", "critical", "couplings", "--weights", ok.toString(), "--beta", "0");
        Path zip = Files.write(dir.resolve("z.npz"), "PK\u0003\u0004 broken".getBytes(StandardCharsets.ISO_8859_1));
        badInput("z.npz", "critical", "couplings", "--weights", zip.toString());
        Path st = Files.write(dir.resolve("s.safetensors"), new byte[] {(byte) 0xff, (byte) 0xff, 0, 0, 0, 0, 0, 0});
        badInput("s.safetensors", "critical", "couplings", "--weights", st.toString());
    }
}
