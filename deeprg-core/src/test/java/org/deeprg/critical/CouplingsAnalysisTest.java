package org.deeprg.critical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.deeprg.InvalidInputException;
import org.deeprg.io.NdArray;
import org.deeprg.io.WeightFiles;
import org.deeprg.json.Json;
import org.deeprg.testing.Reproducibility;
import org.junit.jupiter.api.Test;

/** {@link CouplingsAnalysis}: layers of a weight file, skip reasons, rows vs columns, thread independence. */
class CouplingsAnalysisTest {
    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(CouplingsAnalysisTest.class.getResource("/org/deeprg/io/numpy/" + name).toURI());
    }

    @Test
    void analysesEveryLayerOfANpzFileAndTheResultIsTheSameForAnyThreadCount() throws URISyntaxException {
        CouplingsSpec spec = new CouplingsSpec(fixture("weights.npz"), 2.0, 0.3, CouplingConvention.EQ13,
                LayerUnits.ROWS);
        CouplingsResult r = Reproducibility.assertSameForAnyThreads(Reproducibility.SEED,
                ctx -> CouplingsAnalysis.run(spec, ctx));
        assertThat(r.layers()).extracting(CouplingsResult.Layer::name).containsExactly("layer0", "layer1");
        assertThat(r.skipped()).isEmpty();
        // each layer equals the analysis of w = v v^T built by hand from the same array
        List<NdArray> arrays = WeightFiles.read(spec.weights());
        for (int k = 0; k < 2; k++) {
            NdArray arr = arrays.get(k);
            int rows = arr.shape()[0];
            int cols = arr.shape()[1];
            double[] w = new double[rows * rows];
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < rows; j++) {
                    for (int c = 0; c < cols; c++) {
                        w[i * rows + j] += arr.data()[i * cols + c] * arr.data()[j * cols + c];
                    }
                }
            }
            double[] h = new double[rows];
            java.util.Arrays.fill(h, 0.3);
            LayerCouplings byHand = new LayerCouplings(w, rows, 2.0, h, CouplingConvention.EQ13);
            CouplingsResult.Layer layer = r.layers().get(k);
            assertThat(layer.units()).isEqualTo(rows);
            assertThat(layer.a()).isEqualTo(2.0 / rows);
            double trace = 0;
            for (int i = 0; i < rows; i++) {
                trace += byHand.r()[i * rows + i];
            }
            assertThat(layer.massTrace()).isCloseTo(trace, within(1e-12 * (1 + Math.abs(trace))));
            assertThat(layer.analysis().componentResidual())
                    .isCloseTo(CriticalityAnalysis.of(byHand).componentResidual(), within(1e-12));
            assertThat(layer.spectrum()).containsExactly(byHand.spectrum(), within(1e-12));
        }
    }

    @Test
    void columnsAsUnitsIsTheTransposeAndUnusableArraysAreListedWithTheReason() {
        double[] v = {1, 0, 2, 0.5, -1, 3};
        NdArray stored = new NdArray("v", new int[] {2, 3}, v);
        NdArray transposed = new NdArray("v", new int[] {3, 2}, new double[] {1, 0.5, 0, -1, 2, 3});
        var ctx = Reproducibility.context();
        CouplingsResult columns = CouplingsAnalysis.analyse("mem", List.of(stored), 1.5, 0.1, CouplingConvention.EQ55,
                LayerUnits.COLUMNS, ctx);
        CouplingsResult rows = CouplingsAnalysis.analyse("mem", List.of(transposed), 1.5, 0.1, CouplingConvention.EQ55,
                LayerUnits.ROWS, ctx);
        assertThat(Json.write(columns.layers().get(0).analysis())).isEqualTo(Json.write(rows.layers().get(0).analysis()));
        assertThat(columns.layers().get(0).units()).isEqualTo(3);

        double[] nan = {1, Double.NaN, 0, 1};
        CouplingsResult skipped = CouplingsAnalysis.analyse("mem", List.of(
                new NdArray("bias", new int[] {3}, new double[3]),
                new NdArray("empty", new int[] {0, 4}, new double[0]),
                new NdArray("tall", new int[] {CouplingsAnalysis.MAX_UNITS + 1, 1}, new double[CouplingsAnalysis.MAX_UNITS + 1]),
                new NdArray("nan", new int[] {2, 2}, nan)), 1.0, 0.0, CouplingConvention.EQ13, LayerUnits.ROWS, ctx);
        assertThat(skipped.layers()).isEmpty();
        assertThat(skipped.skipped()).containsExactly("bias: rank 1, not a 2-d weight matrix", "empty: empty",
                "tall: N = 4097 units exceeds the limit of 4096 (try --units columns)",
                "nan: contains NaN or infinite weights");
    }

    @Test
    void aCriticalCurieWeissLayerIsClassifiedAndBadSpecsNameTheOption() {
        int n = 4;
        double beta = 2.0;
        double[] v = new double[n * n];
        for (int i = 0; i < n; i++) {
            v[i * n + i] = Math.sqrt(n / beta);
        }
        CouplingsResult.Layer layer = CouplingsAnalysis.layer(new NdArray("cw", new int[] {n, n}, v), beta, 0,
                CouplingConvention.EQ13, LayerUnits.ROWS);
        assertThat(layer.analysis().fixedPointCase()).isEqualTo(FixedPointCase.CRITICAL_CONSTANT_COUPLING);
        assertThat(layer.massFrobeniusNorm()).isCloseTo(0, within(1e-12));
        assertThatThrownBy(() -> new CouplingsSpec(null, 1, 0, CouplingConvention.EQ13, LayerUnits.ROWS))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("--weights");
        assertThatThrownBy(() -> new CouplingsSpec(Path.of("w.npy"), 0, 0, CouplingConvention.EQ13, LayerUnits.ROWS))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("beta");
        assertThatThrownBy(() -> new CouplingsSpec(Path.of("w.npy"), 1, Double.NaN, CouplingConvention.EQ13,
                LayerUnits.ROWS)).isInstanceOf(InvalidInputException.class).hasMessageContaining("h");
        assertThatThrownBy(() -> CouplingsAnalysis.run(new CouplingsSpec(Path.of("/nonexistent/w.npz"), 1, 0,
                CouplingConvention.EQ13, LayerUnits.ROWS), Reproducibility.context()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("w.npz");
    }
}
