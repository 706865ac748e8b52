package org.deeprg.io;

import java.util.Arrays;

/**
 * A named dense array of doubles in row-major (C) order, as read from {@code .npy}, {@code .npz} or
 * {@code .safetensors}. Whatever the file's element type and order, {@code data} is C order:
 * element {@code (i0, i1, ..., ik)} is at {@code ((i0 * shape[1] + i1) * shape[2] + ...) + ik}.
 *
 * @param name  array name (the .npz entry without {@code .npy}, the safetensors tensor name, or the file name)
 * @param shape dimensions, outermost first; empty for a scalar (copied)
 * @param data  elements (not copied)
 */
public record NdArray(String name, int[] shape, double[] data) {
    public NdArray {
        shape = shape.clone();
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not match " + data.length
                    + " elements");
        }
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** Number of dimensions. */
    public int rank() {
        return shape.length;
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NdArray a && name.equals(a.name) && Arrays.equals(shape, a.shape)
                && Arrays.equals(data, a.data);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(shape);
    }

    /** Converts Fortran-order (column-major) data of the given shape to C order. */
    static double[] fortranToC(double[] f, int[] shape) {
        int k = shape.length;
        if (k <= 1) {
            return f;
        }
        double[] c = new double[f.length];
        int[] idx = new int[k];
        // strides of the Fortran layout
        long[] fs = new long[k];
        fs[0] = 1;
        for (int i = 1; i < k; i++) {
            fs[i] = fs[i - 1] * shape[i - 1];
        }
        for (int ci = 0; ci < c.length; ci++) {
            long fi = 0;
            for (int i = 0; i < k; i++) {
                fi += idx[i] * fs[i];
            }
            c[ci] = f[(int) fi];
            for (int i = k - 1; i >= 0; i--) {
                if (++idx[i] < shape[i]) {
                    break;
                }
                idx[i] = 0;
            }
        }
        return c;
    }
}
