package org.deeprg.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.deeprg.json.Json;
import org.deeprg.numerics.Blas;
import org.junit.jupiter.api.Test;

/** Provenance says once which BLAS computed the result. */
class ProvenanceTest {
    @Test
    void recordsTheBlasInUse() {
        Provenance p = Provenance.capture(List.of("x"), null, 1, 1, Instant.now()).finished(List.of());
        assertThat(p.blas()).isEqualTo(Blas.describe()).startsWith(Blas.backend());
        assertThat(Json.write(p)).contains("\"blas\"");
    }
}
