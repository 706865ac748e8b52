package org.deeprg.critical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.deeprg.InvalidInputException;
import org.deeprg.testing.Reproducibility;
import org.junit.jupiter.api.Test;

/** {@link RegulariserDescent}: reproducible for any thread count, and it ends on the bounds of Eq. 33 for v v^T. */
class RegulariserDescentTest {
    private static final RegulariserDescentSpec SPEC = new RegulariserDescentSpec(4, 3, 3, 1500, 0.5, 4.5);

    @Test
    void theSeedAloneDeterminesTheResult() {
        RegulariserDescentResult r = Reproducibility.assertSameForAnyThreads(Reproducibility.SEED,
                ctx -> RegulariserDescent.run(SPEC, ctx));
        Reproducibility.assertSeedDetermines(Reproducibility.SEED, ctx -> RegulariserDescent.run(SPEC, ctx));
        assertThat(r.starts()).hasSize(3);
        for (RegulariserDescentResult.Start s : r.starts()) {
            assertThat(s.beta()).isBetween(0.5, 4.5);
        }
    }

    @Test
    void theDescentEndsOnTheBoundsOneAndSevenEighths() {
        RegulariserDescentResult r = RegulariserDescent.run(new RegulariserDescentSpec(4, 4, 3, 1500, 0.5, 4.5),
                Reproducibility.context());
        // for w = v v^T: sqrt(P/N) >= 1 (beta > 0, at v = 0) and >= 7/8 (beta < 0, at w = N/(4|beta|) I)
        assertThat(r.bestPositiveBeta()).isGreaterThanOrEqualTo(1 - 1e-12).isCloseTo(1, within(1e-4));
        assertThat(r.bestNegativeBeta()).isGreaterThanOrEqualTo(7.0 / 8 - 1e-12).isCloseTo(7.0 / 8, within(1e-4));
    }

    @Test
    void aRankDeficientLayerStaysAboveSevenEighths() {
        // 7/8 is reached only at w = N/(4|beta|) I, which has full rank: a 4 x 3 layer (rank <= 3) stays above it
        RegulariserDescentResult r = RegulariserDescent.run(SPEC, Reproducibility.context());
        assertThat(r.bestNegativeBeta()).isGreaterThan(7.0 / 8 + 0.01);
        assertThat(r.bestPositiveBeta()).isGreaterThanOrEqualTo(1 - 1e-12);
    }

    @Test
    void badSpecsNameTheParameter() {
        assertThatThrownBy(() -> new RegulariserDescentSpec(0, 3, 1, 1, 1, 2)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("rows");
        assertThatThrownBy(() -> new RegulariserDescentSpec(3, 3, 1, 1, 2, 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("betaMax");
        assertThatThrownBy(() -> new RegulariserDescentSpec(3, 3, 1, 1, -1, 1)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("betaMin");
    }
}
