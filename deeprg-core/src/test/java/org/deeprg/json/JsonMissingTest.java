package org.deeprg.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonMissingTest {
    record Fit(double alpha, @Missing("not computed: --bootstrap 0") double pValue, Double tauInt, double[] series,
               List<Double> list, Map<String, Double> map) {
    }

    record Dynamic(double chi2) implements MissingReasons {
        @Override
        public Map<String, String> missingReasons() {
            return Map.of("chi2", "fewer than 3 points");
        }
    }

    @Test
    void nonFiniteNumbersAreNullWithAReasonBesideNeverNaNStrings() throws Exception {
        String json = Json.write(new Fit(2.5, Double.NaN, Double.POSITIVE_INFINITY, new double[] {1, Double.NaN},
                List.of(1.0, Double.NaN), Map.of("a", Double.NEGATIVE_INFINITY)));
        assertThat(json).doesNotContain("NaN").doesNotContain("Infinity");
        JsonNode n = Json.mapper().readTree(json);
        assertThat(n.get("alpha").asDouble()).isEqualTo(2.5);
        assertThat(n.has("alphaReason")).isFalse();
        assertThat(n.get("pValue").isNull()).isTrue();
        assertThat(n.get("pValueReason").asText()).isEqualTo("not computed: --bootstrap 0");
        assertThat(n.get("tauInt").isNull()).isTrue();
        assertThat(n.get("tauIntReason").asText()).contains("overflows");
        assertThat(n.get("series").get(1).isNull()).isTrue();
        assertThat(n.get("seriesReason").asText()).startsWith("1 of 2 entries");
        assertThat(n.get("list").get(1).isNull()).isTrue();
        assertThat(n.get("map").get("a").isNull()).isTrue();
        assertThat(Json.mapper().readTree(Json.write(new Dynamic(Double.NaN))).get("chi2Reason").asText())
                .isEqualTo("fewer than 3 points");
        assertThat(Json.write(Map.of("x", Double.NaN))).doesNotContain("NaN");
        assertThat(Json.write(new Dynamic(1.0))).doesNotContain("Reason").doesNotContain("missingReasons");
    }

    @Test
    void theExactMapperKeepsNonFiniteNumbersForCheckpoints() throws Exception {
        String s = Json.mapper().writeValueAsString(new double[] {Double.NaN, Double.POSITIVE_INFINITY});
        double[] back = Json.mapper().readValue(s, double[].class);
        assertThat(back[0]).isNaN();
        assertThat(back[1]).isInfinite();
    }
}
