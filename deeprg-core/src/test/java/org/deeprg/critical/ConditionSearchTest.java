package org.deeprg.critical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.deeprg.InvalidInputException;
import org.deeprg.critical.ConditionSearchSpec.Condition;
import org.deeprg.critical.ConditionSearchSpec.MatrixClass;
import org.deeprg.testing.Reproducibility;
import org.junit.jupiter.api.Test;

/**
 * The numerical search over classes of w finds exactly what {@link CriticalityConditions} derives: Eq. 33 solved by
 * general real w for even N, nowhere for symmetric w, v v^T or N = 1, approached only at infinity for odd N >= 3.
 */
class ConditionSearchTest {
    private static ConditionSearchResult search(Condition c, MatrixClass m, int n, double beta, int restarts, int evals) {
        return ConditionSearch.run(new ConditionSearchSpec(c, m, n, beta, restarts, evals), Reproducibility.context());
    }

    @Test
    void eq33GeneralRealCouplingsAreSolvedForEvenNOnly() {
        for (int n : new int[] {2, 4}) {
            ConditionSearchResult r = search(Condition.EQ33, MatrixClass.GENERAL, n, 1.5, 6, 3000);
            assertThat(r.bestResidual()).isLessThan(1e-10);
            // an independent check of the returned couplings: w^2 = -(N^2/(2 beta^2)) I and zero diagonal
            double[] w = r.bestCouplings();
            assertThat(CriticalityConditionsTest.eq33ByEntries(w, n, 1.5)).isLessThan(1e-9);
            double[] w2 = CriticalityConditions.square(w, n);
            for (int i = 0; i < n; i++) {
                assertThat(w[i * n + i] * 1.5 / n).isCloseTo(0, within(1e-8));
                assertThat(w2[i * n + i] * 1.5 * 1.5 / (n * n)).isCloseTo(-0.5, within(1e-8));
            }
        }
        assertThat(search(Condition.EQ33, MatrixClass.GENERAL, 1, 1.5, 6, 3000).bestResidual())
                .isCloseTo(7.0 / 8, within(1e-9));
        ConditionSearchResult odd = search(Condition.EQ33, MatrixClass.GENERAL, 3, 1.5, 6, 3000);
        assertThat(odd.bestResidual()).isGreaterThan(0).isLessThan(0.1);
        // the iterates run off: the residual is small only where ||a w|| is large
        assertThat(odd.bestScaledNorm()).isGreaterThan(20);
    }

    @Test
    void eq33SymmetricAndGramCouplingsReachTheBoundsAndNoLower() {
        for (int n = 1; n <= 4; n++) {
            assertThat(search(Condition.EQ33, MatrixClass.SYMMETRIC, n, 2, 4, 2000).bestResidual())
                    .isGreaterThanOrEqualTo(7.0 / 8 - 1e-12).isCloseTo(7.0 / 8, within(1e-7));
            assertThat(search(Condition.EQ33, MatrixClass.GRAM, n, 2, 4, 2000).bestResidual())
                    .isGreaterThanOrEqualTo(1 - 1e-12).isCloseTo(1, within(1e-6));
            assertThat(search(Condition.EQ33, MatrixClass.GRAM, n, -2, 4, 2000).bestResidual())
                    .isGreaterThanOrEqualTo(7.0 / 8 - 1e-12).isCloseTo(7.0 / 8, within(1e-6));
        }
    }

    @Test
    void eq30IsSolvedByGeneralRealCouplingsForEvenNAndBoundedBelowForOddN() {
        assertThat(search(Condition.EQ30, MatrixClass.GENERAL, 2, 1, 6, 3000).bestResidual()).isLessThan(1e-10);
        assertThat(search(Condition.EQ30, MatrixClass.GENERAL, 4, 1, 6, 3000).bestResidual()).isLessThan(1e-10);
        for (int n : new int[] {1, 3}) {
            assertThat(search(Condition.EQ30, MatrixClass.GENERAL, n, 1, 6, 3000).bestResidual())
                    .isGreaterThanOrEqualTo(7 / (8 * Math.sqrt(n)) - 1e-12).isCloseTo(7 / (8 * Math.sqrt(n)), within(1e-7));
        }
        assertThat(search(Condition.EQ30, MatrixClass.SYMMETRIC, 3, 1, 4, 2000).bestResidual())
                .isCloseTo(7.0 / 8, within(1e-7));
    }

    @Test
    void sameNumbersForAnyThreadCountAndBadSpecsNameTheParameter() {
        ConditionSearchSpec spec = new ConditionSearchSpec(Condition.EQ33, MatrixClass.GENERAL, 3, 1, 5, 200);
        ConditionSearchResult r = Reproducibility.assertSameForAnyThreads(Reproducibility.SEED,
                ctx -> ConditionSearch.run(spec, ctx));
        assertThat(r.starts()).hasSize(5);
        assertThatThrownBy(() -> new ConditionSearchSpec(Condition.EQ33, MatrixClass.GENERAL, 9, 1, 1, 100))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("units");
        assertThatThrownBy(() -> new ConditionSearchSpec(Condition.EQ33, MatrixClass.GENERAL, 3, 0, 1, 100))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("beta");
        assertThatThrownBy(() -> new ConditionSearchSpec(null, MatrixClass.GENERAL, 3, 1, 1, 100))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("condition");
    }
}
