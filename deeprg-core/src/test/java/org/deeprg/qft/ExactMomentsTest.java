package org.deeprg.qft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.deeprg.net.Activation;
import org.junit.jupiter.api.Test;

/** The moment-cumulant recursion of {@link ExactMoments} against the set-partition sums of {@link FiniteWidth}. */
class ExactMomentsTest {
    private static final double[][] PTS = {{-0.3}, {0.1}, {0.4}, {0.9}};

    @Test
    void agreesWithTheSetPartitionRouteForEveryMultisetUpToSix() {
        for (double sigmaB : new double[] {0.0, 0.5, 1.0}) {
            NetworkSpec spec = NetworkSpec.oneLayer(1, 1, Activation.GAUSS, 1.3, sigmaB);
            FiniteWidth fw = new FiniteWidth(spec, PTS);
            for (int width : new int[] {1, 2, 7, 1000}) {
                ExactMoments em = new ExactMoments(spec, PTS, width);
                NPointLayout layout = new NPointLayout(PTS.length, 6);
                for (int s = 0; s < layout.slots(); s++) {
                    int[] ms = layout.multiset(s);
                    double a = fw.value(ms, width);
                    assertThat(em.moment(ms)).as("sigmaB %s N %d %s", sigmaB, width, java.util.Arrays.toString(ms))
                            .isCloseTo(a, within(1e-11 * Math.abs(a)));
                }
            }
        }
    }

    /** Width 1 by hand, to order 8: f = b + W g with E[(b + W g)^8] expanded binomially. */
    @Test
    void widthOneEighthMomentByHand() {
        NetworkSpec spec = NetworkSpec.oneLayer(1, 1, Activation.GAUSS, 0.8, 0.6);
        double[] x = PTS[2];
        double sb2 = 0.36;
        double sw2 = 0.64;
        double expected = 0;
        // E[(b + h)^8] = sum_{j even} C(8, j) E[b^{8-j}] E[h^j], E[b^{2m}] = (2m-1)!! sb^{2m}, E[h^j] = (j-1)!! sw^j M_j
        for (int j = 0; j <= 8; j += 2) {
            double mj = j == 0 ? 1 : GaussianExpectations.productMoment(spec, repeat(x, j));
            double eh = Wick.doubleFactorialOdd(Math.max(j, 2)) * (j == 0 ? 1 : Math.pow(sw2, j / 2.0)) * mj;
            if (j == 0) {
                eh = 1;
            }
            double eb = 8 - j == 0 ? 1 : Wick.doubleFactorialOdd(8 - j) * Math.pow(sb2, (8 - j) / 2.0);
            expected += binom(8, j) * eb * eh;
        }
        ExactMoments em = new ExactMoments(spec, PTS, 1);
        assertThat(em.moment(2, 2, 2, 2, 2, 2, 2, 2)).isCloseTo(expected, within(1e-12 * expected));
    }

    @Test
    void oddMomentsVanishAndOtherActivationsAreRefused() {
        ExactMoments em = new ExactMoments(NetworkSpec.oneLayer(1, 1, Activation.GAUSS, 1.0, 1.0), PTS, 3);
        assertThat(em.moment(0, 1, 2)).isZero();
        assertThat(ExactMoments.supports(NetworkSpec.oneLayer(1, 1, Activation.ERF, 1.0, 1.0))).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ExactMoments(NetworkSpec.oneLayer(1, 1, Activation.ERF, 1.0, 1.0), PTS, 3))
                .isInstanceOf(org.deeprg.InvalidInputException.class);
        assertThat(List.of(em.productVariance(new int[] {0, 1}))).allMatch(v -> v > 0);
    }

    private static double[][] repeat(double[] x, int k) {
        double[][] out = new double[k][];
        for (int i = 0; i < k; i++) {
            out[i] = x;
        }
        return out;
    }

    private static double binom(int n, int k) {
        double b = 1;
        for (int i = 1; i <= k; i++) {
            b = b * (n - k + i) / i;
        }
        return b;
    }
}
