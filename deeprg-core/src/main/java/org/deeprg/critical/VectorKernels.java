package org.deeprg.critical;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API (jdk.incubator.vector) versions of the dense kernels of {@link CriticalRegulariser}: the same loop
 * order with fused multiply-adds on the preferred vector width. Only loaded when the module is present (the
 * launcher, surefire and the benchmarks pass {@code --add-modules jdk.incubator.vector}); otherwise the scalar
 * loops run. Results differ from the scalar loops by rounding only (fma).
 *
 * <h2>Why a hand-written GEMM/SYRK beside netlib's (issue 10, decided by measurement)</h2>
 * Training's regulariser ({@code org.deeprg.train.CriticalPenalty}) computes the same penalty and gradient with
 * {@code dsyrk}/{@code dgemm} through {@link org.deeprg.numerics.Blas}; these kernels are kept for the theory side
 * ({@link CriticalRegulariser}, {@link LayerCouplings}, {@link CouplingFlow}, {@link CriticalityAnalysis}) because
 * <ul>
 *   <li>they are the independent second implementation the BLAS form is tested against
 *       ({@code TrainerTest.blasPenaltyEqualsTheCriticalRegulariserOnTheTransposedWeights});</li>
 *   <li>their numbers do not depend on which BLAS is installed: the theory study gives the same bits with native
 *       OpenBLAS and with the pure-Java fallback (native and pure-Java BLAS round differently);</li>
 *   <li>they are 1.5-4x faster than netlib's pure-Java BLAS, the fallback a machine without {@code libopenblas0}
 *       gets, and the theory works with layers of N = 6-8 units, where the gap to native OpenBLAS is below a
 *       microsecond per call.</li>
 * </ul>
 * {@code RegulariserKernelBenchmark} (penalty and gradient of one N x in layer, median of JMH sample mode, 2-core
 * development machine at load average ~21, 2026-11-30; the lead re-measures on a quiet machine):
 * <pre>
 *   N x in     these kernels (Vector API)   scalar loops   netlib pure-Java BLAS   native OpenBLAS (JNI)
 *   8 x 8          2.0-2.2 us                  2.3 us            3.5 us               1.4-1.6 us
 *   32 x 32        16-28 us                    170 us            59 us                8.5-9.1 us
 *   64 x 64        85-173 us                   ~700 us           263 us               45 us
 *   600 x 784      205-286 ms                  --                1.3 s                240-494 ms (under load;
 *                                                                                     53 ms on a calmer machine)
 * </pre>
 * Native OpenBLAS wins on a calm machine for every size above a few units, which is why the training hot path uses
 * it ({@code CriticalPenalty}); under heavy contention its worker threads lose the advantage at large N.
 */
final class VectorKernels {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    private VectorKernels() {
    }

    /** Depth (k) block of the tiled product: a 4-row slice of x and a 2-vector column panel of y stay in L1/L2. */
    private static final int K_BLOCK = 256;

    /**
     * {@code out (p x q) = x (p x r) y (r x q)}, row-major. Register-tiled: each 4 x (2 vectors) tile of
     * {@code out} is accumulated in eight vector registers over a depth block of 256 with fused multiply-adds
     * (two loads of y and four broadcasts of x per eight fma); rows and columns outside whole tiles are done by
     * scalar loops. Modified: out.
     */
    static void multiplyInto(double[] x, int p, int r, double[] y, int q, double[] out) {
        multiply(x, p, r, y, q, out, false);
    }

    /**
     * As {@link #multiplyInto} for a product known to be symmetric ({@code p == q}): tiles entirely below the
     * diagonal are skipped and the lower triangle is copied from the upper one (about half the work).
     */
    static void multiplySymmetricInto(double[] x, int p, int r, double[] y, double[] out) {
        multiply(x, p, r, y, p, out, true);
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < i; j++) {
                out[i * p + j] = out[j * p + i];
            }
        }
    }

    private static void multiply(double[] x, int p, int r, double[] y, int q, double[] out, boolean upperOnly) {
        java.util.Arrays.fill(out, 0, p * q, 0.0);
        int lanes = SPECIES.length();
        int nb = 2 * lanes;
        int pm = p - p % 4;
        int qm = q - q % nb;
        for (int k0 = 0; k0 < r; k0 += K_BLOCK) {
            int k1 = Math.min(r, k0 + K_BLOCK);
            for (int j0 = 0; j0 < qm; j0 += nb) {
                int iEnd = upperOnly ? Math.min(pm, j0 + nb) : pm;
                for (int i0 = 0; i0 < iEnd; i0 += 4) {
                    tile(x, r, y, q, out, i0, j0, k0, k1, lanes);
                }
            }
            for (int i = 0; i < p; i++) {
                int jStart = i < pm ? qm : 0;
                if (jStart == q) {
                    continue;
                }
                int oi = i * q;
                for (int k = k0; k < k1; k++) {
                    double s = x[i * r + k];
                    int yk = k * q;
                    for (int j = jStart; j < q; j++) {
                        out[oi + j] += s * y[yk + j];
                    }
                }
            }
        }
    }

    private static void tile(double[] a, int r, double[] b, int q, double[] c, int i0, int j0, int k0, int k1,
                             int lanes) {
        int c0 = i0 * q + j0;
        int c1 = c0 + q;
        int c2 = c1 + q;
        int c3 = c2 + q;
        DoubleVector x00 = DoubleVector.fromArray(SPECIES, c, c0);
        DoubleVector x01 = DoubleVector.fromArray(SPECIES, c, c0 + lanes);
        DoubleVector x10 = DoubleVector.fromArray(SPECIES, c, c1);
        DoubleVector x11 = DoubleVector.fromArray(SPECIES, c, c1 + lanes);
        DoubleVector x20 = DoubleVector.fromArray(SPECIES, c, c2);
        DoubleVector x21 = DoubleVector.fromArray(SPECIES, c, c2 + lanes);
        DoubleVector x30 = DoubleVector.fromArray(SPECIES, c, c3);
        DoubleVector x31 = DoubleVector.fromArray(SPECIES, c, c3 + lanes);
        int a0 = i0 * r;
        int a1 = a0 + r;
        int a2 = a1 + r;
        int a3 = a2 + r;
        for (int k = k0; k < k1; k++) {
            int bk = k * q + j0;
            DoubleVector b0 = DoubleVector.fromArray(SPECIES, b, bk);
            DoubleVector b1 = DoubleVector.fromArray(SPECIES, b, bk + lanes);
            DoubleVector s = DoubleVector.broadcast(SPECIES, a[a0 + k]);
            x00 = s.fma(b0, x00);
            x01 = s.fma(b1, x01);
            s = DoubleVector.broadcast(SPECIES, a[a1 + k]);
            x10 = s.fma(b0, x10);
            x11 = s.fma(b1, x11);
            s = DoubleVector.broadcast(SPECIES, a[a2 + k]);
            x20 = s.fma(b0, x20);
            x21 = s.fma(b1, x21);
            s = DoubleVector.broadcast(SPECIES, a[a3 + k]);
            x30 = s.fma(b0, x30);
            x31 = s.fma(b1, x31);
        }
        x00.intoArray(c, c0);
        x01.intoArray(c, c0 + lanes);
        x10.intoArray(c, c1);
        x11.intoArray(c, c1 + lanes);
        x20.intoArray(c, c2);
        x21.intoArray(c, c2 + lanes);
        x30.intoArray(c, c3);
        x31.intoArray(c, c3 + lanes);
    }
}
