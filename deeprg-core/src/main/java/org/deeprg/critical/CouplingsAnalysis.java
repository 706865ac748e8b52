package org.deeprg.critical;

import java.util.ArrayList;
import java.util.List;
import org.deeprg.io.NdArray;
import org.deeprg.io.WeightFiles;
import org.deeprg.run.RunContext;

/**
 * The couplings of the layers of a network: every 2-d weight matrix {@code v} is read as a layer, {@code w = v v^T}
 * (Eq. 32; {@code v^T v} with {@link LayerUnits#COLUMNS}), and analysed by {@link LayerCouplings} (the Gaussian
 * couplings of Eq. 13 or Eq. 55) and {@link CriticalityAnalysis} (the Sec. 2.5 case and the residuals of Eqs. 26, 30,
 * 33). Arrays of another rank, empty ones, ones with more than {@link #MAX_UNITS} units or non-finite weights are
 * listed as skipped with the reason, never silently dropped.
 *
 * <p>Cost per layer: one {@code N x N} symmetric eigen-decomposition and two {@code N x N} products; the layers are
 * analysed on the context's local threads (results in file order, independent of the thread count).
 */
public final class CouplingsAnalysis {
    /** Largest N analysed (one N x N eigen-decomposition per layer). */
    public static final int MAX_UNITS = 4096;

    private CouplingsAnalysis() {
    }

    /**
     * Reads the weight file of the spec and analyses every 2-d array as a layer.
     *
     * @throws org.deeprg.InvalidInputException if the file is missing, of unknown type or malformed (naming the file)
     */
    public static CouplingsResult run(CouplingsSpec spec, RunContext context) {
        List<NdArray> arrays = WeightFiles.read(spec.weights());
        return analyse(spec.weights().toString(), arrays, spec.beta(), spec.h(), spec.convention(), spec.units(),
                context);
    }

    /**
     * Analyses arrays already in memory (for library callers with their own weights).
     *
     * @param source     a name for the arrays' origin (the {@code file} field of the result)
     * @param arrays     the arrays (2-d ones are layers)
     * @param beta       inverse temperature (finite, != 0)
     * @param h          uniform external field
     * @param convention Eq. 13 or Eq. 55
     * @param units      rows or columns as the units
     * @param context    threads for the per-layer analyses
     */
    public static CouplingsResult analyse(String source, List<NdArray> arrays, double beta, double h,
                                          CouplingConvention convention, LayerUnits units, RunContext context) {
        List<NdArray> accepted = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (NdArray arr : arrays) {
            String reason = skipReason(arr, units);
            if (reason != null) {
                skipped.add(arr.name() + ": " + reason);
            } else {
                accepted.add(arr);
            }
        }
        List<CouplingsResult.Layer> layers = context.mapLocal(accepted.size(),
                i -> layer(accepted.get(i), beta, h, convention, units));
        return new CouplingsResult(source, beta, h, convention, units, layers, skipped);
    }

    /** Why an array is not analysed as a layer, or null if it is. */
    static String skipReason(NdArray arr, LayerUnits units) {
        int[] s = arr.shape();
        if (s.length != 2) {
            return "rank " + s.length + ", not a 2-d weight matrix";
        }
        int rows = units == LayerUnits.ROWS ? s[0] : s[1];
        int cols = units == LayerUnits.ROWS ? s[1] : s[0];
        if (rows == 0 || cols == 0) {
            return "empty";
        }
        if (rows > MAX_UNITS) {
            return "N = " + rows + " units exceeds the limit of " + MAX_UNITS + " (try --units "
                    + (units == LayerUnits.ROWS ? "columns" : "rows") + ")";
        }
        for (double e : arr.data()) {
            if (!Double.isFinite(e)) {
                return "contains NaN or infinite weights";
            }
        }
        return null;
    }

    /**
     * The analysis of one 2-d array as a layer.
     *
     * @throws IllegalArgumentException if the array is not a layer ({@link #skipReason} is not null)
     */
    public static CouplingsResult.Layer layer(NdArray arr, double beta, double h, CouplingConvention convention,
                                              LayerUnits units) {
        String reason = skipReason(arr, units);
        if (reason != null) {
            throw new IllegalArgumentException(arr.name() + ": " + reason);
        }
        int[] s = arr.shape();
        int rows = units == LayerUnits.ROWS ? s[0] : s[1];
        int cols = units == LayerUnits.ROWS ? s[1] : s[0];
        double[] v = arr.data();
        if (units == LayerUnits.COLUMNS) {
            double[] t = new double[v.length];
            CriticalRegulariser.transpose(v, s[0], s[1], t);
            v = t;
        }
        LayerCouplings layer = LayerCouplings.fromLayer(v, rows, cols, beta, h, convention);
        CriticalityAnalysis an = CriticalityAnalysis.of(layer);
        double[] r = layer.r();
        double fro = 0;
        double trace = 0;
        for (int i = 0; i < rows; i++) {
            trace += r[i * rows + i];
        }
        for (double e : r) {
            fro += e * e;
        }
        double un = 0;
        for (double e : layer.u()) {
            un += e * e;
        }
        return new CouplingsResult.Layer(arr.name(), s, rows, layer.a(), layer.g(), Math.sqrt(fro), trace,
                Math.sqrt(un), an, an.spectrum());
    }
}
