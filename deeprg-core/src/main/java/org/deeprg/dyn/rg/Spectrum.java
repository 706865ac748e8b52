package org.deeprg.dyn.rg;

import java.util.Arrays;
import java.util.Comparator;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/** Eigenvalues of a real square matrix, sorted by decreasing modulus (then decreasing real part): [k] = {re, im}. */
public final class Spectrum {
    private Spectrum() {
    }

    /** Eigenvalues of {@code m} (not modified). */
    public static double[][] eigenvalues(double[][] m) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m.length, false);
        if (!eig.decompose(new DMatrixRMaj(m))) {
            throw new IllegalStateException("eigen decomposition failed");
        }
        Complex_F64[] ev = new Complex_F64[eig.getNumberOfEigenvalues()];
        for (int i = 0; i < ev.length; i++) {
            ev[i] = eig.getEigenvalue(i);
        }
        Arrays.sort(ev, Comparator.comparingDouble((Complex_F64 c) -> -c.getMagnitude()).thenComparingDouble(c -> -c.real));
        double[][] r = new double[ev.length][];
        for (int i = 0; i < ev.length; i++) {
            r[i] = new double[] {ev[i].real, ev[i].imaginary};
        }
        return r;
    }

    /** Ratios |lambda_2|/|lambda_1| below this are round-off of a rank-one matrix: xi = 0. */
    public static final double RANK_ONE_RATIO = 1e-12;

    /**
     * xi = 1/ln(|lambda_1|/|lambda_2|) of a transfer matrix (Infinity for degenerate moduli, 0 when
     * |lambda_2| / |lambda_1| &lt; {@link #RANK_ONE_RATIO}, i.e. rank one up to round-off).
     */
    public static double correlationLength(double[][] transfer) {
        double[][] ev = eigenvalues(transfer);
        if (ev.length < 2) {
            return 0;
        }
        double r = Math.hypot(ev[1][0], ev[1][1]) / Math.hypot(ev[0][0], ev[0][1]);
        if (r < RANK_ONE_RATIO) {
            return 0;
        }
        return r >= 1 ? Double.POSITIVE_INFINITY : -1 / Math.log(r);
    }
}
