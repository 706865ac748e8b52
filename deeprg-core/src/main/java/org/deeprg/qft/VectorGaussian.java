package org.deeprg.qft;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.deeprg.random.RandomStreams;

/**
 * A vectorised standard-normal generator: four interleaved XoShiRo256++ streams in 256-bit lanes feeding an
 * exact Box-Muller transform, evaluated with branch-free polynomials.
 *
 * <p>Algorithm for each lane and each pair of outputs: draw two 64-bit words {@code r1, r2};
 * {@code u1 = 2 - [1.m]} with the 52 high bits of {@code r1} as mantissa, so {@code u1} is uniform on
 * {@code (0, 1]} (tails beyond {@code sqrt(104 ln 2) = 8.49} standard deviations, probability {@code 2e-17}, are
 * cut); {@code R = sqrt(-2 ln u1)}; an angle {@code phi} uniform on {@code [-pi/4, pi/4)} from the high bits of
 * {@code r2}; {@code (c, s) = (cos phi, sin phi)} by Taylor polynomials (error {@code < 1e-16}); then one of the 8
 * symmetries of the square (swap c and s, flip either sign), chosen by three low bits of {@code r1}, makes the angle
 * uniform on the whole circle. The outputs {@code R c, R s} are two independent standard normals (Box & Muller
 * 1958). {@code ln} uses the exponent bits and {@code 2 atanh((m-1)/(m+1))} on {@code m in [sqrt(1/2), sqrt 2)}
 * (series to order 19, relative error {@code < 1e-15}).
 *
 * <p>The four lane streams are seeded with SplitMix64 from one {@link RandomStreams} node, so a generator is a pure
 * function of its stream: the basis of thread-count independence. Not thread-safe; one per task.
 */
public final class VectorGaussian {
    private static final VectorSpecies<Long> LS = LongVector.SPECIES_256;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_256;
    private static final long ONE_BITS = 0x3FF0000000000000L;
    private static final long MANTISSA = 0x000FFFFFFFFFFFFFL;
    private static final long SQRT2_MANTISSA = Double.doubleToRawLongBits(1.4142135623730951) & 0x000FFFFFFFFFFFFFL;
    private static final long SHIFTER_BITS = Double.doubleToRawLongBits(0x1.8p52);
    private static final double LN2 = 0.6931471803691238 + 1.9082149292705877e-10;
    private static final double EXP_SHIFTER = 0x1.8p52;
    private static final double PI_HALF = Math.PI / 2;

    private LongVector s0;
    private LongVector s1;
    private LongVector s2;
    private LongVector s3;
    private final double[] pending = new double[8];
    private int pendingCount;

    /** A generator positioned at the start of {@code stream}. */
    public VectorGaussian(RandomStreams stream) {
        long[][] st = new long[4][4];
        long s = stream.seed();
        for (int lane = 0; lane < 4; lane++) {
            for (int w = 0; w < 4; w++) {
                s += 0x9E3779B97F4A7C15L;
                st[w][lane] = RandomStreams.mix64(s);
            }
        }
        s0 = LongVector.fromArray(LS, st[0], 0);
        s1 = LongVector.fromArray(LS, st[1], 0);
        s2 = LongVector.fromArray(LS, st[2], 0);
        s3 = LongVector.fromArray(LS, st[3], 0);
    }

    private static LongVector rotl(LongVector x, int k) {
        return x.lanewise(VectorOperators.LSHL, k).or(x.lanewise(VectorOperators.LSHR, 64 - k));
    }

    /** Natural logarithm of lanes in {@code (0, 1]} (normal numbers only); branch-free, long arithmetic only. */
    static DoubleVector logUnit(DoubleVector u) {
        LongVector bits = u.reinterpretAsLongs();
        LongVector e = bits.lanewise(VectorOperators.LSHR, 52).sub(1023L);
        LongVector mant = bits.and(MANTISSA);
        // big = -1 where m > sqrt(2) (mantissa above that of sqrt 2), else 0
        LongVector big = LongVector.broadcast(LS, SQRT2_MANTISSA).sub(mant).lanewise(VectorOperators.ASHR, 63);
        DoubleVector m = mant.or(ONE_BITS).add(big.lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
        e = e.sub(big);
        // exact small-integer conversion via the 1.5*2^52 shifter
        DoubleVector ed = e.add(SHIFTER_BITS).reinterpretAsDoubles().sub(EXP_SHIFTER);
        DoubleVector s = m.sub(1.0).div(m.add(1.0));
        DoubleVector s2v = s.mul(s);
        DoubleVector p = DoubleVector.broadcast(DS, 1.0 / 19);
        for (int k = 17; k >= 1; k -= 2) {
            p = p.fma(s2v, DoubleVector.broadcast(DS, 1.0 / k));
        }
        return ed.fma(DoubleVector.broadcast(DS, LN2), s.mul(p).mul(2.0));
    }

    /** Fills {@code out[offset .. offset+length)} with independent standard normals. Modifies {@code out}. */
    public void fill(double[] out, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (pendingCount > 0 && i < end) {
            out[i++] = pending[8 - pendingCount--];
        }
        int bulk = (end - i) / 8 * 8;
        if (bulk > 0) {
            generate(out, i, bulk);
            i += bulk;
        }
        if (i < end) {
            generate(pending, 0, 8);
            pendingCount = 8;
            while (i < end) {
                out[i++] = pending[8 - pendingCount--];
            }
        }
    }

    /** One standard normal (scalar convenience; the bulk path is {@link #fill}). */
    public double sample() {
        if (pendingCount == 0) {
            generate(pending, 0, 8);
            pendingCount = 8;
        }
        return pending[8 - pendingCount--];
    }

    /** Writes {@code count} (a multiple of 8) normals at {@code out[at..]}; the state lives in locals meanwhile. */
    private void generate(double[] out, int at, int count) {
        LongVector x0 = s0;
        LongVector x1 = s1;
        LongVector x2 = s2;
        LongVector x3 = s3;
        DoubleVector two = DoubleVector.broadcast(DS, 2.0);
        for (int done = 0; done < count; done += 8) {
            LongVector r1 = rotl(x0.add(x3), 23).add(x0);
            LongVector t = x1.lanewise(VectorOperators.LSHL, 17);
            x2 = x2.lanewise(VectorOperators.XOR, x0);
            x3 = x3.lanewise(VectorOperators.XOR, x1);
            x1 = x1.lanewise(VectorOperators.XOR, x2);
            x0 = x0.lanewise(VectorOperators.XOR, x3);
            x2 = x2.lanewise(VectorOperators.XOR, t);
            x3 = rotl(x3, 45);
            LongVector r2 = rotl(x0.add(x3), 23).add(x0);
            t = x1.lanewise(VectorOperators.LSHL, 17);
            x2 = x2.lanewise(VectorOperators.XOR, x0);
            x3 = x3.lanewise(VectorOperators.XOR, x1);
            x1 = x1.lanewise(VectorOperators.XOR, x2);
            x0 = x0.lanewise(VectorOperators.XOR, x3);
            x2 = x2.lanewise(VectorOperators.XOR, t);
            x3 = rotl(x3, 45);

            DoubleVector d1 = r1.lanewise(VectorOperators.LSHR, 12).or(ONE_BITS).reinterpretAsDoubles();
            DoubleVector radius = logUnit(two.sub(d1)).mul(-2.0).sqrt();
            DoubleVector v = r2.lanewise(VectorOperators.LSHR, 12).or(ONE_BITS).reinterpretAsDoubles().sub(1.5);
            DoubleVector phi = v.mul(PI_HALF);
            DoubleVector p2 = phi.mul(phi);
            // sin(phi) = phi (1 - p2/3! + p2^2/5! - ...), to phi^15; cos to phi^16
            DoubleVector sp = DoubleVector.broadcast(DS, -1.0 / 1307674368000.0);
            sp = sp.fma(p2, DoubleVector.broadcast(DS, 1.0 / 6227020800.0));
            sp = sp.fma(p2, DoubleVector.broadcast(DS, -1.0 / 39916800.0));
            sp = sp.fma(p2, DoubleVector.broadcast(DS, 1.0 / 362880.0));
            sp = sp.fma(p2, DoubleVector.broadcast(DS, -1.0 / 5040.0));
            sp = sp.fma(p2, DoubleVector.broadcast(DS, 1.0 / 120.0));
            sp = sp.fma(p2, DoubleVector.broadcast(DS, -1.0 / 6.0));
            sp = sp.fma(p2, DoubleVector.broadcast(DS, 1.0));
            LongVector sinBits = sp.mul(phi).reinterpretAsLongs();
            DoubleVector cp = DoubleVector.broadcast(DS, 1.0 / 20922789888000.0);
            cp = cp.fma(p2, DoubleVector.broadcast(DS, -1.0 / 87178291200.0));
            cp = cp.fma(p2, DoubleVector.broadcast(DS, 1.0 / 479001600.0));
            cp = cp.fma(p2, DoubleVector.broadcast(DS, -1.0 / 3628800.0));
            cp = cp.fma(p2, DoubleVector.broadcast(DS, 1.0 / 40320.0));
            cp = cp.fma(p2, DoubleVector.broadcast(DS, -1.0 / 720.0));
            cp = cp.fma(p2, DoubleVector.broadcast(DS, 1.0 / 24.0));
            cp = cp.fma(p2, DoubleVector.broadcast(DS, -0.5));
            LongVector cosBits = cp.fma(p2, DoubleVector.broadcast(DS, 1.0)).reinterpretAsLongs();
            // swap (c, s) where bit 0 of r1 is set: select = all ones or zero
            LongVector select = r1.and(1L).neg();
            LongVector diff = cosBits.lanewise(VectorOperators.XOR, sinBits).and(select);
            LongVector aBits = cosBits.lanewise(VectorOperators.XOR, diff)
                    .lanewise(VectorOperators.XOR, r1.and(2L).lanewise(VectorOperators.LSHL, 62));
            LongVector bBits = sinBits.lanewise(VectorOperators.XOR, diff)
                    .lanewise(VectorOperators.XOR, r1.and(4L).lanewise(VectorOperators.LSHL, 61));
            radius.mul(aBits.reinterpretAsDoubles()).intoArray(out, at + done);
            radius.mul(bBits.reinterpretAsDoubles()).intoArray(out, at + done + 4);
        }
        s0 = x0;
        s1 = x1;
        s2 = x2;
        s3 = x3;
    }
}
