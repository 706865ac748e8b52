package org.deeprg.qft;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vectorised elementary functions on 256-bit lanes (4 doubles) for the hot loops of the ensemble sampler.
 *
 * <p>The species is fixed at 256 bits (not the machine's preferred one) so that the numbers are the same on
 * AVX2 and AVX-512 machines. All functions are branch-free polynomial kernels:
 * <ul>
 * <li>{@link #exp}: Cody-Waite reduction {@code x = k ln2 + r}, {@code |r| <= ln2/2}, Taylor polynomial of degree 12
 *     (truncation {@code < 2e-16} relative), scaling by {@code 2^k} through the exponent bits. Arguments are clamped
 *     to {@code [-708, 709]} (no subnormals, no infinities); relative error a few ulp.</li>
 * <li>{@link #erfc}: the Chebyshev-fitted form {@code t exp(-z^2 + P(t))}, {@code t = 1/(1+z/2)} (Numerical Recipes
 *     {@code erfcc}), relative error below {@code 1.2e-7} for all {@code z >= 0}: far below the sampling error of any
 *     ensemble average, and documented as such.</li>
 * </ul>
 */
public final class VectorMath {
    /** The fixed 4-lane species. */
    public static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_256;
    /** Lanes per vector. */
    public static final int LANES = SPECIES.length();

    private static final double LOG2E = 1.4426950408889634;
    private static final double LN2_HI = 0.6931471803691238;
    private static final double LN2_LO = 1.9082149292705877e-10;
    private static final double SHIFTER = 0x1.8p52;
    private static final double[] EXP_COEF = new double[13];

    static {
        double f = 1;
        for (int i = 0; i <= 12; i++) {
            if (i > 0) {
                f *= i;
            }
            EXP_COEF[i] = 1.0 / f;
        }
    }

    private VectorMath() {
    }

    /** {@code e^x} lane-wise (see class comment for accuracy). */
    public static DoubleVector exp(DoubleVector x) {
        x = x.max(-708.0).min(709.0);
        DoubleVector t = x.fma(LOG2E, SHIFTER);
        DoubleVector k = t.sub(SHIFTER);
        DoubleVector r = k.fma(DoubleVector.broadcast(SPECIES, -LN2_HI), x);
        r = k.fma(DoubleVector.broadcast(SPECIES, -LN2_LO), r);
        DoubleVector p = DoubleVector.broadcast(SPECIES, EXP_COEF[12]);
        for (int i = 11; i >= 0; i--) {
            p = p.fma(r, DoubleVector.broadcast(SPECIES, EXP_COEF[i]));
        }
        LongVector scale = t.reinterpretAsLongs().lanewise(VectorOperators.LSHL, 52);
        return p.reinterpretAsLongs().add(scale).reinterpretAsDoubles();
    }

    /** Scalar twin of {@link #exp} (same algorithm), for tails and tests. */
    public static double exp(double x) {
        x = Math.min(Math.max(x, -708.0), 709.0);
        double t = Math.fma(x, LOG2E, SHIFTER);
        double k = t - SHIFTER;
        double r = Math.fma(k, -LN2_HI, x);
        r = Math.fma(k, -LN2_LO, r);
        double p = EXP_COEF[12];
        for (int i = 11; i >= 0; i--) {
            p = Math.fma(p, r, EXP_COEF[i]);
        }
        return Double.longBitsToDouble(Double.doubleToRawLongBits(p) + (Double.doubleToRawLongBits(t) << 52));
    }

    /** Complementary error function for {@code z >= 0} lane-wise (relative error below 1.2e-7). */
    public static DoubleVector erfcNonNegative(DoubleVector z) {
        DoubleVector t = z.fma(0.5, 1.0);
        t = DoubleVector.broadcast(SPECIES, 1.0).div(t);
        DoubleVector p = DoubleVector.broadcast(SPECIES, 0.17087277);
        p = p.fma(t, DoubleVector.broadcast(SPECIES, -0.82215223));
        p = p.fma(t, DoubleVector.broadcast(SPECIES, 1.48851587));
        p = p.fma(t, DoubleVector.broadcast(SPECIES, -1.13520398));
        p = p.fma(t, DoubleVector.broadcast(SPECIES, 0.27886807));
        p = p.fma(t, DoubleVector.broadcast(SPECIES, -0.18628806));
        p = p.fma(t, DoubleVector.broadcast(SPECIES, 0.09678418));
        p = p.fma(t, DoubleVector.broadcast(SPECIES, 0.37409196));
        p = p.fma(t, DoubleVector.broadcast(SPECIES, 1.00002368));
        p = p.fma(t, DoubleVector.broadcast(SPECIES, -1.26551223));
        DoubleVector arg = z.mul(z).neg().add(p);
        return t.mul(exp(arg));
    }

    /** {@code erf(z)} lane-wise (absolute error below 1.2e-7). */
    public static DoubleVector erf(DoubleVector z) {
        DoubleVector a = z.abs();
        DoubleVector e = DoubleVector.broadcast(SPECIES, 1.0).sub(erfcNonNegative(a));
        // copy the sign of z
        LongVector sign = z.reinterpretAsLongs().and(Long.MIN_VALUE);
        return e.reinterpretAsLongs().or(sign).reinterpretAsDoubles();
    }
}
