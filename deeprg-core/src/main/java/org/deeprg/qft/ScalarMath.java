package org.deeprg.qft;

import org.deeprg.net.Activation;

/**
 * The elementary functions of the ensemble sampler written with plain doubles: the scalar twins of
 * {@link VectorMath}, operation for operation (same fused multiply-adds, same order), so that a lane of the
 * vectorised kernel and this code give the same bits. Used by the scalar fallback of the sampler (a JVM started
 * without {@code --add-modules jdk.incubator.vector}) and by tests. No class of {@code jdk.incubator.vector} is
 * referenced here.
 *
 * <ul>
 * <li>{@link #exp}: Cody-Waite reduction {@code x = k ln2 + r}, {@code |r| <= ln2/2}, Taylor polynomial of degree 12
 *     (Estrin scheme, truncation {@code < 2e-16} relative), scaling by {@code 2^k} through the exponent bits; arguments
 *     clamped to {@code [-708, 709]}; relative error a few ulp.</li>
 * <li>{@link #erfcNonNegative}: {@code t exp(-z^2 + P(t))}, {@code t = 1/(1 + z/2)} (Numerical Recipes {@code erfcc}),
 *     relative error below {@code 1.2e-7} for {@code z >= 0}.</li>
 * </ul>
 */
public final class ScalarMath {
    static final double LOG2E = 1.4426950408889634;
    static final double LN2_HI = 0.6931471803691238;
    static final double LN2_LO = 1.9082149292705877e-10;
    static final double SHIFTER = 0x1.8p52;
    static final double[] EXP_COEF = new double[13];
    /** Coefficients of the erfc polynomial, highest first (Horner order of {@link #erfcNonNegative}). */
    static final double[] ERFC = {0.17087277, -0.82215223, 1.48851587, -1.13520398, 0.27886807, -0.18628806, 0.09678418,
        0.37409196, 1.00002368, -1.26551223};
    /** {@code 1/sqrt(2)} as the GeLU kernel computes it. */
    static final double INV_SQRT2 = 1 / Math.sqrt(2.0);

    static {
        double f = 1;
        for (int i = 0; i <= 12; i++) {
            if (i > 0) {
                f *= i;
            }
            EXP_COEF[i] = 1.0 / f;
        }
    }

    private ScalarMath() {
    }

    /** {@code e^x} (see the class comment for the accuracy); the same bits as a lane of {@link VectorMath#exp}. */
    public static double exp(double x) {
        x = Math.min(Math.max(x, -708.0), 709.0);
        double t = Math.fma(x, LOG2E, SHIFTER);
        double k = t - SHIFTER;
        double r = Math.fma(k, -LN2_HI, x);
        r = Math.fma(k, -LN2_LO, r);
        double r2 = r * r;
        double r4 = r2 * r2;
        double r8 = r4 * r4;
        double e01 = Math.fma(r, EXP_COEF[1], EXP_COEF[0]);
        double e23 = Math.fma(r, EXP_COEF[3], EXP_COEF[2]);
        double e45 = Math.fma(r, EXP_COEF[5], EXP_COEF[4]);
        double e67 = Math.fma(r, EXP_COEF[7], EXP_COEF[6]);
        double e89 = Math.fma(r, EXP_COEF[9], EXP_COEF[8]);
        double e1011 = Math.fma(r, EXP_COEF[11], EXP_COEF[10]);
        double lo = Math.fma(e23, r2, e01);
        double mid = Math.fma(e67, r2, e45);
        double hi = Math.fma(e1011, r2, e89) + r4 * EXP_COEF[12];
        double p = Math.fma(hi, r8, Math.fma(mid, r4, lo));
        return Double.longBitsToDouble(Double.doubleToRawLongBits(p) + (Double.doubleToRawLongBits(t) << 52));
    }

    /** Complementary error function for {@code z >= 0} (relative error below 1.2e-7). */
    public static double erfcNonNegative(double z) {
        double t = Math.fma(z, 0.5, 1.0);
        t = 1.0 / t;
        double p = ERFC[0];
        for (int i = 1; i < ERFC.length; i++) {
            p = Math.fma(p, t, ERFC[i]);
        }
        double arg = -(z * z) + p;
        return t * exp(arg);
    }

    /** {@code erf(z)} (absolute error below 1.2e-7); the sign is copied bitwise as in the vector kernel. */
    public static double erf(double z) {
        double e = 1.0 - erfcNonNegative(Math.abs(z));
        long sign = Double.doubleToRawLongBits(z) & Long.MIN_VALUE;
        return Double.longBitsToDouble(Double.doubleToRawLongBits(e) | sign);
    }

    /** {@code x[i] = e^{x[i]}} for {@code i < n}. Modifies {@code x}. */
    public static void expInPlace(double[] x, int n) {
        for (int i = 0; i < n; i++) {
            x[i] = exp(x[i]);
        }
    }

    /**
     * {@code x[i] = g(x[i] + shift)} for {@code i < n}: the sampler's activation kernels (Gauss-net: {@code exp} with the
     * Eq. 3 shift; ReLU; erf, tanh and GeLU through the polynomial approximations above). Modifies {@code x}.
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
            for (int i = 0; i < n; i++) {
                x[i] = erf(x[i]);
            }
        } else if (act instanceof Activation.Tanh) {
            for (int i = 0; i < n; i++) {
                double e = exp(x[i] * 2.0);
                x[i] = 1.0 - 2.0 / (e + 1.0);
            }
        } else if (act instanceof Activation.Gelu) {
            for (int i = 0; i < n; i++) {
                double z = x[i];
                double half = erfcNonNegative(Math.abs(z) * INV_SQRT2) * 0.5;
                x[i] = z * (z >= 0.0 ? 1.0 - half : half);
            }
        } else {
            throw new IllegalStateException("no sampler kernel for the activation " + act);
        }
    }
}
