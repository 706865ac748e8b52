package org.deeprg.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.deeprg.json.Json;
import org.deeprg.stats.Estimate;
import org.junit.jupiter.api.Test;

class SeriesTest {

    @Test
    void estimatesCarryTheirReliability() {
        Series s = Series.estimates("m_4", new double[] {2, 3, 4},
                List.of(Estimate.of(1, 0.1, 10), Estimate.of(2, 0.2, 10).unreliable("heavy tails"), Estimate.of(3, 0.3, 10)));
        assertThat(s.y()).containsExactly(1, 2, 3);
        assertThat(s.yError()).containsExactly(0.1, 0.2, 0.3);
        assertThat(s.isUnreliable(0)).isFalse();
        assertThat(s.isUnreliable(1)).isTrue();
        assertThat(s.hasUnreliablePoints()).isTrue();
        // all reliable: no flags at all
        Series r = Series.estimates("m_2", new double[] {2}, List.of(Estimate.of(1, 0.1, 10)));
        assertThat(r.unreliable()).isNull();
        assertThat(r.hasUnreliablePoints()).isFalse();
    }

    @Test
    void stylesAndPairingsAreKeptByTheCopies() {
        double[] x = {1, 2, 3};
        Series h = Series.histogram("h", x, x).asCounts();
        assertThat(h.style()).isEqualTo(Series.Style.HISTOGRAM);
        assertThat(h.counts()).isTrue();
        assertThat(Series.flow("f", x, x).style()).isEqualTo(Series.Style.FLOW);
        Series fit = Series.line("fit", x, x).fitOf("data").withStyle(Series.Style.LINE_AND_MARKERS);
        assertThat(fit.fitOf()).isEqualTo("data");
        assertThat(fit.style()).isEqualTo(Series.Style.LINE_AND_MARKERS);
        assertThat(Series.markers("m", x, x).withUnreliable(false, true, false).isUnreliable(1)).isTrue();
        // the original five-component constructor still works
        assertThat(new Series("s", x, x, null, Series.Style.LINE).fitOf()).isNull();
    }

    @Test
    void mismatchedLengthsAreRefused() {
        double[] x = {1, 2, 3};
        assertThatThrownBy(() -> new Series("s", x, new double[] {1}, null, Series.Style.LINE)).hasMessageContaining("x has 3");
        assertThatThrownBy(() -> Series.markers("s", x, x).withUnreliable(true)).hasMessageContaining("reliability flags");
        assertThatThrownBy(() -> Series.estimates("s", x, List.of(Estimate.exact(1)))).hasMessageContaining("values 1");
    }

    @Test
    void nonFiniteClaimValuesAreNotWrittenAsNumbers() throws Exception {
        Value v = Value.of(Double.NaN);
        assertThat(v.value()).isNull();
        assertThat(v.text()).isEqualTo("NaN");
        JsonNode j = Json.mapper().readTree(Json.write(Value.of(Estimate.of(1, Double.POSITIVE_INFINITY, 3))));
        assertThat(j.has("stderr")).isFalse();
        assertThat(j.path("value").isNumber()).isTrue();
    }
}
