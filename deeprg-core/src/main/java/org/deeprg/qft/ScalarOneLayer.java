package org.deeprg.qft;

/**
 * The plain-double kernels of {@link OneLayerEvaluator}, the fallback when the JVM lacks
 * {@code jdk.incubator.vector}. Every element goes through the same operations in the same order as its lane in
 * {@link VectorOneLayer} (fused multiply-adds where the vector code fuses), so both give the same bits
 * ({@code SamplerKernelsTest}).
 */
final class ScalarOneLayer extends OneLayerEvaluator {
    ScalarOneLayer(NetworkSpec spec, double[][] points) {
        super(spec, points);
    }

    @Override
    void expInPlace(double[] x, int n) {
        ScalarMath.expInPlace(x, n);
    }

    @Override
    void activateInPlace(double[] x, int n, double shift) {
        ScalarMath.activateInPlace(activation, x, n, shift);
    }

    @Override
    void progressionArguments(int n) {
        int first = apOrder[0];
        double x0 = xs[first][0] * w0Scale;
        double st = apStep * w0Scale;
        double off = offset[first];
        double sb = spec.sigmaB();
        for (int i = 0; i < n; i++) {
            double w0 = draws[i];
            double b0 = Math.fma(draws[n + i], sb, off);
            tmpA[i] = Math.fma(w0, x0, b0);
            tmpB[i] = w0 * st;
        }
    }

    @Override
    void progressionAccumulate(int nj, double[][] f) {
        int n = nj * BATCH;
        int w1Base = 2 * n;
        for (int i = 0; i < m; i++) {
            double[] fa = f[apOrder[i]];
            double factor = i == 0 ? 1.0 : apFactor[i];
            for (int b = 0; b < BATCH; b++) {
                double acc = fa[b];
                for (int j = 0; j < nj; j++) {
                    int k = j * BATCH + b;
                    double e = tmpA[k];
                    if (i > 0) {
                        e = e * tmpB[k] * factor;
                        tmpA[k] = e;
                    }
                    acc = Math.fma(draws[w1Base + k] * w1Scale, e, acc);
                }
                fa[b] = acc;
            }
        }
    }

    @Override
    void progressionAccumulateSix(int nj, double[][] f) {
        int n = nj * BATCH;
        int w1Base = 2 * n;
        double[] f0 = f[apOrder[0]];
        double[] f1 = f[apOrder[1]];
        double[] f2 = f[apOrder[2]];
        double[] f3 = f[apOrder[3]];
        double[] f4 = f[apOrder[4]];
        double[] f5 = f[apOrder[5]];
        double c1 = apFactor[1];
        double c2 = apFactor[2];
        double c3 = apFactor[3];
        double c4 = apFactor[4];
        double c5 = apFactor[5];
        for (int b = 0; b < BATCH; b++) {
            double a0 = f0[b];
            double a1 = f1[b];
            double a2 = f2[b];
            double a3 = f3[b];
            double a4 = f4[b];
            double a5 = f5[b];
            for (int j = 0; j < nj; j++) {
                int k = j * BATCH + b;
                double w = draws[w1Base + k];
                double r = tmpB[k];
                double e = tmpA[k] * w1Scale;
                a0 = Math.fma(w, e, a0);
                e = e * r * c1;
                a1 = Math.fma(w, e, a1);
                e = e * r * c2;
                a2 = Math.fma(w, e, a2);
                e = e * r * c3;
                a3 = Math.fma(w, e, a3);
                e = e * r * c4;
                a4 = Math.fma(w, e, a4);
                e = e * r * c5;
                a5 = Math.fma(w, e, a5);
            }
            f0[b] = a0;
            f1[b] = a1;
            f2[b] = a2;
            f3[b] = a3;
            f4[b] = a4;
            f5[b] = a5;
        }
    }

    @Override
    void preActivation(int a, int n) {
        double sb = spec.sigmaB();
        int base = d * n;
        for (int i = 0; i < n; i++) {
            double z = draws[base + i] * sb;
            for (int c = 0; c < d; c++) {
                z = Math.fma(draws[c * n + i], xs[a][c] * w0Scale, z);
            }
            tmpA[i] = z;
        }
    }

    @Override
    void accumulatePoint(int nj, int n, double[] fa) {
        int w1Base = (d + 1) * n;
        for (int b = 0; b < BATCH; b++) {
            double acc = fa[b];
            for (int j = 0; j < nj; j++) {
                int k = j * BATCH + b;
                acc = Math.fma(draws[w1Base + k] * w1Scale, tmpA[k], acc);
            }
            fa[b] = acc;
        }
    }

    @Override
    void progressionValues(int nj, double[][] g) {
        for (int j = 0; j < nj; j++) {
            for (int b = 0; b < BATCH; b++) {
                int k = j * BATCH + b;
                double e = tmpA[k];
                double r = tmpB[k];
                g[apOrder[0]][k] = e;
                for (int i = 1; i < m; i++) {
                    e = e * r * apFactor[i];
                    g[apOrder[i]][k] = e;
                }
            }
        }
    }

    @Override
    void accumulatePairs(int nj, double[][] g, double[][] cov) {
        int p = 0;
        for (int a = 0; a < m; a++) {
            for (int c = a; c < m; c++) {
                double[] ga = g[a];
                double[] gc = g[c];
                double[] out = cov[p++];
                for (int b = 0; b < BATCH; b++) {
                    double acc = out[b];
                    for (int j = 0; j < nj; j++) {
                        int k = j * BATCH + b;
                        acc = Math.fma(ga[k], gc[k], acc);
                    }
                    out[b] = acc;
                }
            }
        }
    }
}
