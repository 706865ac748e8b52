package org.deeprg.qft;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.deeprg.net.Activation;

/**
 * Vectorised elementary functions on 256-bit lanes (4 doubles) for the hot loops of the ensemble sampler. Only
 * loaded when the JVM has the {@code jdk.incubator.vector} module ({@link SamplerKernels}); {@link ScalarMath} has the
 * scalar twins, operation for operation.
 *
 * <p>The species is fixed at 256 bits (not the machine's preferred one) so that the numbers are the same on
 * AVX2 and AVX-512 machines. All functions are branch-free polynomial kernels:
 * <ul>
 * <li>{@link #exp}: Cody-Waite reduction {@code x = k ln2 + r}, {@code |r| <= ln2/2}, Taylor polynomial of degree 12 (Estrin scheme)
 *     (truncation {@code < 2e-16} relative), scaling by {@code 2^k} through the exponent bits. Arguments are clamped
 *     to {@code [-708, 709]} (no subnormals, no infinities); relative error a few ulp.</li>
 * <li>{@link #erfcNonNegative}: the Chebyshev-fitted form {@code t exp(-z^2 + P(t))}, {@code t = 1/(1+z/2)} (Numerical Recipes
 *     {@code erfcc}), relative error below {@code 1.2e-7} for all {@code z >= 0}: far below the sampling error of any
 *     ensemble average, and documented as such.</li>
 * </ul>
 */
public final class VectorMath {
    /** The fixed 4-lane species. */
    public static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_256;
    /** Lanes per vector. */
    public static final int LANES = SPECIES.length();

    private static final double LOG2E = ScalarMath.LOG2E;
    private static final double LN2_HI = ScalarMath.LN2_HI;
    private static final double LN2_LO = ScalarMath.LN2_LO;
    private static final double SHIFTER = ScalarMath.SHIFTER;
    private static final double[] EXP_COEF = ScalarMath.EXP_COEF;

    private VectorMath() {
    }

    private static DoubleVector bc(double c) {
        return DoubleVector.broadcast(SPECIES, c);
    }

    /** {@code e^x} lane-wise (see class comment for accuracy). */
    public static DoubleVector exp(DoubleVector x) {
        x = x.max(-708.0).min(709.0);
        DoubleVector t = x.fma(LOG2E, SHIFTER);
        DoubleVector k = t.sub(SHIFTER);
        DoubleVector r = k.fma(DoubleVector.broadcast(SPECIES, -LN2_HI), x);
        r = k.fma(DoubleVector.broadcast(SPECIES, -LN2_LO), r);
        // sum_{i=0}^{12} r^i / i! by Estrin's scheme
        DoubleVector r2 = r.mul(r);
        DoubleVector r4 = r2.mul(r2);
        DoubleVector r8 = r4.mul(r4);
        DoubleVector e01 = r.fma(bc(EXP_COEF[1]), bc(EXP_COEF[0]));
        DoubleVector e23 = r.fma(bc(EXP_COEF[3]), bc(EXP_COEF[2]));
        DoubleVector e45 = r.fma(bc(EXP_COEF[5]), bc(EXP_COEF[4]));
        DoubleVector e67 = r.fma(bc(EXP_COEF[7]), bc(EXP_COEF[6]));
        DoubleVector e89 = r.fma(bc(EXP_COEF[9]), bc(EXP_COEF[8]));
        DoubleVector e1011 = r.fma(bc(EXP_COEF[11]), bc(EXP_COEF[10]));
        DoubleVector lo = e23.fma(r2, e01);
        DoubleVector mid = e67.fma(r2, e45);
        DoubleVector hi = e1011.fma(r2, e89).add(r4.mul(EXP_COEF[12]));
        DoubleVector p = hi.fma(r8, mid.fma(r4, lo));
        LongVector scale = t.reinterpretAsLongs().lanewise(VectorOperators.LSHL, 52);
        return p.reinterpretAsLongs().add(scale).reinterpretAsDoubles();
    }

    /** Scalar twin of {@link #exp} (same algorithm and bits): {@link ScalarMath#exp(double)}. */
    public static double exp(double x) {
        return ScalarMath.exp(x);
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

    /**
     * {@code x[i] = e^{x[i]}} for {@code i < n} ({@code n} a multiple of {@link #LANES}); same algorithm and bits as
     * {@link #exp(DoubleVector)}, written out inside the loop so that no vector crosses a call (JDK 17 boxes vectors
     * passed to methods the JIT does not inline). Modifies {@code x}.
     */
    public static void expInPlace(double[] x, int n) {
        DoubleVector lo = DoubleVector.broadcast(SPECIES, -708.0);
        DoubleVector hiClamp = DoubleVector.broadcast(SPECIES, 709.0);
        DoubleVector mln2hi = DoubleVector.broadcast(SPECIES, -LN2_HI);
        DoubleVector mln2lo = DoubleVector.broadcast(SPECIES, -LN2_LO);
        DoubleVector c0 = DoubleVector.broadcast(SPECIES, EXP_COEF[0]);
        DoubleVector c1 = DoubleVector.broadcast(SPECIES, EXP_COEF[1]);
        DoubleVector c2 = DoubleVector.broadcast(SPECIES, EXP_COEF[2]);
        DoubleVector c3 = DoubleVector.broadcast(SPECIES, EXP_COEF[3]);
        DoubleVector c4 = DoubleVector.broadcast(SPECIES, EXP_COEF[4]);
        DoubleVector c5 = DoubleVector.broadcast(SPECIES, EXP_COEF[5]);
        DoubleVector c6 = DoubleVector.broadcast(SPECIES, EXP_COEF[6]);
        DoubleVector c7 = DoubleVector.broadcast(SPECIES, EXP_COEF[7]);
        DoubleVector c8 = DoubleVector.broadcast(SPECIES, EXP_COEF[8]);
        DoubleVector c9 = DoubleVector.broadcast(SPECIES, EXP_COEF[9]);
        DoubleVector c10 = DoubleVector.broadcast(SPECIES, EXP_COEF[10]);
        DoubleVector c11 = DoubleVector.broadcast(SPECIES, EXP_COEF[11]);
        for (int i = 0; i < n; i += LANES) {
            DoubleVector v = DoubleVector.fromArray(SPECIES, x, i).max(lo).min(hiClamp);
            DoubleVector t = v.fma(LOG2E, SHIFTER);
            DoubleVector k = t.sub(SHIFTER);
            DoubleVector r = k.fma(mln2hi, v);
            r = k.fma(mln2lo, r);
            DoubleVector r2 = r.mul(r);
            DoubleVector r4 = r2.mul(r2);
            DoubleVector r8 = r4.mul(r4);
            DoubleVector e01 = r.fma(c1, c0);
            DoubleVector e23 = r.fma(c3, c2);
            DoubleVector e45 = r.fma(c5, c4);
            DoubleVector e67 = r.fma(c7, c6);
            DoubleVector e89 = r.fma(c9, c8);
            DoubleVector e1011 = r.fma(c11, c10);
            DoubleVector low = e23.fma(r2, e01);
            DoubleVector mid = e67.fma(r2, e45);
            DoubleVector high = e1011.fma(r2, e89).add(r4.mul(EXP_COEF[12]));
            DoubleVector p = high.fma(r8, mid.fma(r4, low));
            LongVector scale = t.reinterpretAsLongs().lanewise(VectorOperators.LSHL, 52);
            p.reinterpretAsLongs().add(scale).reinterpretAsDoubles().intoArray(x, i);
        }
    }

    /**
     * {@code x[i] = g(x[i] + shift)} for the sampler's activations (Gauss-net: {@code exp} with the Eq. 3 shift; the
     * others ignore {@code shift}); n a multiple of {@link #LANES}. Lane for lane the same bits as
     * {@link ScalarMath#activateInPlace}.
     */
    public static void activateInPlace(Activation act, double[] x, int n, double shift) {
        if (act instanceof Activation.Gauss) {
            if (shift != 0) {
                for (int i = 0; i < n; i++) {
                    x[i] += shift;
                }
            }
            expInPlace(x, n);
        } else if (act instanceof Activation.Relu) {
            for (int i = 0; i < n; i++) {
                x[i] = Math.max(x[i], 0.0);
            }
        } else if (act instanceof Activation.Erf) {
            for (int i = 0; i < n; i += LANES) {
                erf(DoubleVector.fromArray(SPECIES, x, i)).intoArray(x, i);
            }
        } else if (act instanceof Activation.Tanh) {
            for (int i = 0; i < n; i += LANES) {
                DoubleVector e = exp(DoubleVector.fromArray(SPECIES, x, i).mul(2.0));
                DoubleVector.broadcast(SPECIES, 1.0).sub(DoubleVector.broadcast(SPECIES, 2.0).div(e.add(1.0))).intoArray(x, i);
            }
        } else if (act instanceof Activation.Gelu) {
            for (int i = 0; i < n; i += LANES) {
                DoubleVector z = DoubleVector.fromArray(SPECIES, x, i);
                DoubleVector half = erfcNonNegative(z.abs().mul(ScalarMath.INV_SQRT2)).mul(0.5);
                VectorMask<Double> pos = z.compare(VectorOperators.GE, 0.0);
                z.mul(half.blend(DoubleVector.broadcast(SPECIES, 1.0).sub(half), pos)).intoArray(x, i);
            }
        } else {
            throw new IllegalStateException("no sampler kernel for the activation " + act);
        }
    }
}
