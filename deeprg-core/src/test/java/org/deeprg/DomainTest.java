package org.deeprg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DomainTest {
    @Test
    void intervalsAreOpenOrClosedAndNeverAdmitNonFiniteValues() {
        assertThat(Domain.contains("(0, 1e6]", 1e6)).isTrue();
        assertThat(Domain.contains("(0, 1e6]", 0)).isFalse();
        assertThat(Domain.contains("[0, 1e6)", 0)).isTrue();
        assertThat(Domain.contains("[0, 1e6)", 1e6)).isFalse();
        assertThat(Domain.contains("[-inf, inf]", Double.POSITIVE_INFINITY)).isFalse();
        assertThat(Domain.contains("[-inf, inf]", Double.NaN)).isFalse();
        assertThat(Domain.contains("[-inf, inf]", -1e308)).isTrue();
        assertThat(Domain.contains("[1, 2^31)", Math.pow(2, 31))).isFalse();
        assertThatThrownBy(() -> Domain.check("steps", 9_007_199_254_740_993L, "[0, 9007199254740992]", null))
                .isInstanceOf(InvalidInputException.class);
        assertThat(Domain.check("steps", 9_007_199_254_740_992L, "[0, 9007199254740992]", null)).isEqualTo(9_007_199_254_740_992L);
    }

    @Test
    void theErrorNamesTheParameterTheValueAndTheInterval() {
        assertThatThrownBy(() -> Domain.check("sigmaB", 1e308, "[0, 1e3]", "the kernel overflows beyond"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("sigmaB");
                    assertThat(e.value()).isEqualTo("1.0E308");
                    assertThat(e.allowed()).isEqualTo("must be a finite number in [0, 1e3] (the kernel overflows beyond)");
                });
        assertThatThrownBy(() -> Domain.check("momentum", Double.NaN, "[0, 1)")).hasMessageContaining("NaN");
        assertThatThrownBy(() -> Domain.check("chains", 0L, "[1, 4096]")).hasMessageContaining("an integer in [1, 4096]");
        assertThatThrownBy(() -> Domain.check("x", 1, "1, 2")).isInstanceOf(IllegalArgumentException.class)
                .isNotInstanceOf(InvalidInputException.class);
    }
}
