package org.deeprg.qft;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@code jdk.incubator.vector} kernels of {@link OneLayerEvaluator}: 4 networks per 256-bit vector, array passes
 * (no vector crosses a call: JDK 17 boxes vectors passed to methods that are not inlined). Loaded only when the module
 * is present ({@link SamplerKernels}); {@link ScalarOneLayer} computes the same bits without it.
 */
final class VectorOneLayer extends OneLayerEvaluator {
    private static final VectorSpecies<Double> S = VectorMath.SPECIES;
    private static final int L = VectorMath.LANES;

    VectorOneLayer(NetworkSpec spec, double[][] points) {
        super(spec, points);
    }

    @Override
    void expInPlace(double[] x, int n) {
        VectorMath.expInPlace(x, n);
    }

    @Override
    void activateInPlace(double[] x, int n, double shift) {
        VectorMath.activateInPlace(activation, x, n, shift);
    }

    @Override
    void progressionArguments(int n) {
        int first = apOrder[0];
        double x0 = xs[first][0] * w0Scale;
        double st = apStep * w0Scale;
        double off = offset[first];
        double sb = spec.sigmaB();
        for (int i = 0; i < n; i += L) {
            DoubleVector w0 = DoubleVector.fromArray(S, draws, i);
            DoubleVector b0 = DoubleVector.fromArray(S, draws, n + i).fma(DoubleVector.broadcast(S, sb), DoubleVector.broadcast(S, off));
            w0.fma(DoubleVector.broadcast(S, x0), b0).intoArray(tmpA, i);
            w0.mul(st).intoArray(tmpB, i);
        }
    }

    @Override
    void progressionAccumulate(int nj, double[][] f) {
        int n = nj * BATCH;
        int w1Base = 2 * n;
        for (int b = 0; b < BATCH; b += L) {
            for (int i = 0; i < m; i++) {
                double[] fa = f[apOrder[i]];
                DoubleVector acc = DoubleVector.fromArray(S, fa, b);
                double factor = i == 0 ? 1.0 : apFactor[i];
                for (int j = 0; j < nj; j++) {
                    int k = j * BATCH + b;
                    DoubleVector e = DoubleVector.fromArray(S, tmpA, k);
                    if (i > 0) {
                        e = e.mul(DoubleVector.fromArray(S, tmpB, k)).mul(factor);
                        e.intoArray(tmpA, k);
                    }
                    acc = DoubleVector.fromArray(S, draws, w1Base + k).mul(w1Scale).fma(e, acc);
                }
                acc.intoArray(fa, b);
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
        DoubleVector c1 = DoubleVector.broadcast(S, apFactor[1]);
        DoubleVector c2 = DoubleVector.broadcast(S, apFactor[2]);
        DoubleVector c3 = DoubleVector.broadcast(S, apFactor[3]);
        DoubleVector c4 = DoubleVector.broadcast(S, apFactor[4]);
        DoubleVector c5 = DoubleVector.broadcast(S, apFactor[5]);
        for (int b = 0; b < BATCH; b += L) {
            DoubleVector a0 = DoubleVector.fromArray(S, f0, b);
            DoubleVector a1 = DoubleVector.fromArray(S, f1, b);
            DoubleVector a2 = DoubleVector.fromArray(S, f2, b);
            DoubleVector a3 = DoubleVector.fromArray(S, f3, b);
            DoubleVector a4 = DoubleVector.fromArray(S, f4, b);
            DoubleVector a5 = DoubleVector.fromArray(S, f5, b);
            for (int j = 0; j < nj; j++) {
                int k = j * BATCH + b;
                DoubleVector w = DoubleVector.fromArray(S, draws, w1Base + k);
                DoubleVector r = DoubleVector.fromArray(S, tmpB, k);
                DoubleVector e = DoubleVector.fromArray(S, tmpA, k).mul(w1Scale);
                a0 = w.fma(e, a0);
                e = e.mul(r).mul(c1);
                a1 = w.fma(e, a1);
                e = e.mul(r).mul(c2);
                a2 = w.fma(e, a2);
                e = e.mul(r).mul(c3);
                a3 = w.fma(e, a3);
                e = e.mul(r).mul(c4);
                a4 = w.fma(e, a4);
                e = e.mul(r).mul(c5);
                a5 = w.fma(e, a5);
            }
            a0.intoArray(f0, b);
            a1.intoArray(f1, b);
            a2.intoArray(f2, b);
            a3.intoArray(f3, b);
            a4.intoArray(f4, b);
            a5.intoArray(f5, b);
        }
    }

    @Override
    void preActivation(int a, int n) {
        double sb = spec.sigmaB();
        for (int i = 0; i < n; i += L) {
            DoubleVector z = DoubleVector.fromArray(S, draws, d * n + i).mul(sb);
            for (int c = 0; c < d; c++) {
                z = DoubleVector.fromArray(S, draws, c * n + i).fma(DoubleVector.broadcast(S, xs[a][c] * w0Scale), z);
            }
            z.intoArray(tmpA, i);
        }
    }

    @Override
    void accumulatePoint(int nj, int n, double[] fa) {
        int w1Base = (d + 1) * n;
        for (int b = 0; b < BATCH; b += L) {
            DoubleVector acc = DoubleVector.fromArray(S, fa, b);
            for (int j = 0; j < nj; j++) {
                int k = j * BATCH + b;
                acc = DoubleVector.fromArray(S, draws, w1Base + k).mul(w1Scale).fma(DoubleVector.fromArray(S, tmpA, k), acc);
            }
            acc.intoArray(fa, b);
        }
    }

    @Override
    void progressionValues(int nj, double[][] g) {
        for (int b = 0; b < BATCH; b += L) {
            for (int j = 0; j < nj; j++) {
                int k = j * BATCH + b;
                DoubleVector e = DoubleVector.fromArray(S, tmpA, k);
                DoubleVector r = DoubleVector.fromArray(S, tmpB, k);
                e.intoArray(g[apOrder[0]], k);
                for (int i = 1; i < m; i++) {
                    e = e.mul(r).mul(apFactor[i]);
                    e.intoArray(g[apOrder[i]], k);
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
                for (int b = 0; b < BATCH; b += L) {
                    DoubleVector acc = DoubleVector.fromArray(S, out, b);
                    for (int j = 0; j < nj; j++) {
                        int k = j * BATCH + b;
                        acc = DoubleVector.fromArray(S, ga, k).fma(DoubleVector.fromArray(S, gc, k), acc);
                    }
                    acc.intoArray(out, b);
                }
            }
        }
    }
}
