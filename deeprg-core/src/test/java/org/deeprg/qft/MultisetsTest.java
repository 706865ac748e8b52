package org.deeprg.qft;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.deeprg.random.RandomStreams;
import org.junit.jupiter.api.Test;

class MultisetsTest {
    @Test
    void sixPointsGive21And126And462() {
        assertThat(Multisets.of(6, 2)).hasSize(21);
        assertThat(Multisets.of(6, 4)).hasSize(126);
        assertThat(Multisets.of(6, 6)).hasSize(462);
        assertThat(Multisets.count(6, 6)).isEqualTo(462);
        assertThat(new NPointLayout(6, 6).slots()).isEqualTo(21 + 126 + 462);
    }

    @Test
    void depthFirstWalkVisitsEverySlotOnce() {
        NPointLayout layout = new NPointLayout(5, 6);
        Set<Integer> seen = new HashSet<>();
        for (int s : layout.dfsSlot()) {
            if (s >= 0) {
                assertThat(seen.add(s)).isTrue();
            }
        }
        assertThat(seen).hasSize(layout.slots());
    }

    /** The accumulator's sums against the naive product over each multiset, network by network. */
    @Test
    void accumulatorMatchesNaiveProducts() {
        NPointLayout layout = new NPointLayout(4, 6);
        NPointAccumulator acc = NPointAccumulator.create(layout, 8);
        NormalStream g = new NormalStream(RandomStreams.root(3));
        double[] naive = new double[layout.slots()];
        for (int batch = 0; batch < 3; batch++) {
            double[][] f = new double[4][8];
            for (double[] row : f) {
                g.fill(row, 0, 8);
            }
            acc.add(f);
            for (int s = 0; s < layout.slots(); s++) {
                for (int b = 0; b < 8; b++) {
                    double p = 1;
                    for (int i : layout.multiset(s)) {
                        p *= f[i][b];
                    }
                    naive[s] += p;
                }
            }
        }
        for (int s = 0; s < layout.slots(); s++) {
            assertThat(acc.sums()[s]).isCloseTo(naive[s], org.assertj.core.api.Assertions.within(1e-12 * (1 + Math.abs(naive[s]))));
        }
    }
}
