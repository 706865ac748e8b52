package org.deeprg.numerics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.commons.rng.UniformRandomProvider;
import org.deeprg.random.RandomStreams;
import org.junit.jupiter.api.Test;

/** The row-major BLAS front against naive loops, and netlib's load warnings kept off the console. */
class BlasTest {

    private static double[] random(UniformRandomProvider r, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = 2 * r.nextDouble() - 1;
        }
        return a;
    }

    /** All four transpose combinations, alpha, beta and an offset C against triple loops. */
    @Test
    void gemmMatchesNaiveLoopsForEveryTransposeAndAnOffset() {
        UniformRandomProvider r = RandomStreams.root(1).generator();
        int m = 7;
        int n = 5;
        int k = 9;
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                double[] a = random(r, m * k);
                double[] b = random(r, k * n);
                double[] c0 = random(r, m * n);
                double[] c = c0.clone();
                Blas.gemm(ta, tb, m, n, k, 0.7, a, b, -1.3, c);
                double[] shifted = new double[3 + m * n];
                System.arraycopy(c0, 0, shifted, 3, m * n);
                Blas.gemm(ta, tb, m, n, k, 0.7, a, b, -1.3, shifted, 3);
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        double s = 0;
                        for (int l = 0; l < k; l++) {
                            double ail = ta ? a[l * m + i] : a[i * k + l];
                            double blj = tb ? b[j * k + l] : b[l * n + j];
                            s += ail * blj;
                        }
                        double expected = 0.7 * s - 1.3 * c0[i * n + j];
                        assertThat(c[i * n + j]).as("transA %s transB %s (%d, %d)", ta, tb, i, j).isCloseTo(expected, within(1e-13));
                        assertThat(shifted[3 + i * n + j]).isEqualTo(c[i * n + j]);
                    }
                }
            }
        }
    }

    @Test
    void symmetricRankKFillsTheWholeMatrix() {
        UniformRandomProvider r = RandomStreams.root(2).generator();
        int n = 6;
        int k = 4;
        double[] a = random(r, k * n);
        double[] c = new double[n * n];
        Blas.symmetricRankK(n, k, 2.0, a, 0.0, c);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int l = 0; l < k; l++) {
                    s += a[l * n + i] * a[l * n + j];
                }
                assertThat(c[i * n + j]).isCloseTo(2 * s, within(1e-13));
            }
        }
    }

    /** After initialisation netlib's records no longer reach the root logger's (console) handlers. */
    @Test
    void netlibLogRecordsDoNotReachTheConsoleHandlers() {
        String said = Blas.describe();
        assertThat(said).startsWith(Blas.backend());
        Logger netlib = Logger.getLogger("dev.ludovic.netlib");
        assertThat(netlib.getUseParentHandlers()).isFalse();
        List<LogRecord> seen = new java.util.ArrayList<>();
        Handler spy = new Handler() {
            @Override
            public void publish(LogRecord record) {
                seen.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(spy);
        try {
            Logger.getLogger("dev.ludovic.netlib.blas.InstanceBuilder").warning("Failed to load implementation from: test");
        } finally {
            root.removeHandler(spy);
        }
        assertThat(seen).isEmpty();
        assertThat(Blas.loadMessages()).contains("Failed to load implementation from: test");
    }

    /**
     * End to end in a fresh JVM without the Vector API module and with the pure-Java BLAS forced: netlib fails to load
     * VectorBLAS (and logs a warning by default), yet nothing reaches stderr, and {@link Blas#describe()} says which
     * BLAS runs and why.
     */
    @Test
    void aFreshJvmPrintsNoNetlibWarning() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx64m", "-Ddeeprg.blas=java", "-cp", System.getProperty("java.class.path"),
                BlasProbe.class.getName());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out + err).isEqualTo(0);
        assertThat(err).doesNotContain("Failed to load").doesNotContain("WARNING");
        assertThat(out).contains("pure-Java BLAS").contains("-Ddeeprg.blas=java").contains("dgemm ok");
    }

    /** The child JVM's program: one product, then the description on stdout. */
    public static final class BlasProbe {
        public static void main(String[] args) {
            double[] c = new double[1];
            Blas.gemm(false, false, 1, 1, 1, 1.0, new double[] {2}, new double[] {3}, 0.0, c);
            System.out.println(Blas.describe());
            System.out.println(c[0] == 6.0 ? "dgemm ok" : "dgemm wrong");
        }
    }
}
