package org.deeprg.qft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deeprg.InvalidInputException;
import org.deeprg.net.Activation;
import org.junit.jupiter.api.Test;

/**
 * sigma_W and sigma_b that would overflow the n-point functions are refused by the spec records, naming the option,
 * the value and the allowed range; the range's edge is checked against the closed-form Gauss-net moment.
 */
class RepresentableMomentsTest {
    private static final double[][] POINTS = {{-0.01}, {-0.006}, {-0.002}, {0.002}, {0.006}, {0.01}};

    @Test
    void hostileScalesAreRefusedNamingTheOptionAndTheRange() {
        for (double sigmaW : new double[] {1e308, 2147483648.0}) {
            assertThatThrownBy(() -> new EnsembleSpec(NetworkSpec.oneLayer(1, 1, Activation.GAUSS, sigmaW, 1), List.of(3), POINTS, 6, 200, 2, true))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("sigmaW").hasMessageContaining("must be in [0, ");
            assertThatThrownBy(() -> new CouplingSpec(NetworkSpec.oneLayer(1, 10, Activation.GAUSS, 1, 0), List.of(1.0, sigmaW), POINTS, 200, 2))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("sigmaW");
            assertThatThrownBy(() -> new EnsembleSpec(NetworkSpec.oneLayer(1, 1, Activation.GAUSS, 1, sigmaW), List.of(3), POINTS, 6, 200, 2, true))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("sigmaB");
            assertThatThrownBy(() -> new CouplingSpec(NetworkSpec.oneLayer(1, 10, Activation.GAUSS, 1, sigmaW), List.of(1.0), POINTS, 200, 2))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("sigmaB");
            for (String a : List.of("relu", "erf", "tanh", "gelu")) {
                Activation act = NetworkSpec.activation(a);
                assertThatThrownBy(() -> new EnsembleSpec(new NetworkSpec(1, 1, 2, act, sigmaW == 1e308 ? sigmaW : 1e200, 1), List.of(3), POINTS,
                        6, 200, 2, false)).as(a).isInstanceOf(InvalidInputException.class).hasMessageContaining("sigmaW");
            }
        }
    }

    @Test
    void thePapersSettingsAreAccepted() {
        // Sec. 3 (sigma_b = sigma_W = 1) and Fig. 2 (sigma_b = 0, sigma_W up to 20) at paper scale
        assertThatCode(() -> new EnsembleSpec(NetworkSpec.oneLayer(1, 1, Activation.GAUSS, 1, 1), List.of(2, 1000), POINTS, 6, 30_000, 20, true))
                .doesNotThrowAnyException();
        assertThatCode(() -> new CouplingSpec(NetworkSpec.oneLayer(1, 10, Activation.GAUSS, 1, 0), List.of(1.0, 10.0, 20.0), POINTS, 30_000, 30))
                .doesNotThrowAnyException();
        assertThatCode(() -> new EnsembleSpec(new NetworkSpec(1, 1, 4, NetworkSpec.activation("relu"), Math.sqrt(2), 0), List.of(32),
                new double[][] {{1}}, 4, 10_000, 10, false)).doesNotThrowAnyException();
    }

    /**
     * At the largest sigma_b the message allows for a Gauss-net (sigma_W = 0, so the pre-activation variance is
     * V = sigma_b^2), the closed form nets x sigma_b^6 E[g^6] = nets x sigma_b^6 exp(12 V) is finite; 1 % above it is refused.
     */
    @Test
    void theEdgeOfTheRangeMatchesTheClosedFormGaussNetMoment() {
        NetworkSpec tooBig = NetworkSpec.oneLayer(1, 1, Activation.GAUSS, 0, 1e3);
        String message = "";
        try {
            new EnsembleSpec(tooBig, List.of(3), POINTS, 6, 1000, 2, true);
        } catch (InvalidInputException e) {
            message = e.getMessage();
        }
        Matcher m = Pattern.compile("must be in \\[0, ([0-9.eE+-]+)\\]").matcher(message);
        assertThat(m.find()).as(message).isTrue();
        double edge = Double.parseDouble(m.group(1));
        double logMoment = Math.log(1000) + 6 * Math.log(edge) + 12 * edge * edge;
        assertThat(logMoment).isLessThanOrEqualTo(701).isGreaterThan(690);
        assertThat(Math.exp(logMoment)).isFinite();
        assertThatCode(() -> new EnsembleSpec(NetworkSpec.oneLayer(1, 1, Activation.GAUSS, 0, edge * 0.999), List.of(3), POINTS, 6, 1000, 2, true))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> new EnsembleSpec(NetworkSpec.oneLayer(1, 1, Activation.GAUSS, 0, edge * 1.01), List.of(3), POINTS, 6, 1000, 2, true))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("sigmaB");
    }
}
