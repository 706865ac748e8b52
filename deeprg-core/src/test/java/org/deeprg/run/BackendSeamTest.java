package org.deeprg.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import java.util.List;
import org.deeprg.InvalidInputException;
import org.deeprg.json.Json;
import org.deeprg.testing.Reproducibility;
import org.deeprg.testing.ShippingBackend;
import org.deeprg.testing.SyntheticJob;
import org.junit.jupiter.api.Test;

/** The backend seam: local default, lookup by name, results in index order on any backend, the task-size check. */
class BackendSeamTest {

    @Test
    void localIsTheDefaultAndNeedsNoSettings() {
        assertThat(Backends.open("local", null, null)).isSameAs(LocalBackend.INSTANCE);
        assertThat(Backends.open(null, null, null)).isSameAs(LocalBackend.INSTANCE);
        assertThat(LocalBackend.INSTANCE.describe()).containsEntry("name", "local");
        assertThat(RunContext.of(1).backend()).isSameAs(LocalBackend.INSTANCE);
    }

    @Test
    void clusterSettingsWithTheLocalBackendAreBadInput() {
        assertThatThrownBy(() -> Backends.open("local", "local[2]", null)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).parameter()).isEqualTo("sparkMaster"))
                .hasMessageContaining("only used with --backend spark");
        assertThatThrownBy(() -> Backends.open("local", null, 3)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).parameter()).isEqualTo("partitions"));
    }

    @Test
    void unknownBackendAndMissingModuleAreBadInput() {
        assertThatThrownBy(() -> Backends.open("hadoop", null, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must be one of local, spark");
        // core's test class path has no deeprg-spark module
        assertThatThrownBy(() -> Backends.open("spark", null, null)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).parameter()).isEqualTo("backend"))
                .hasMessageContaining("deeprg-spark module is not on the class path");
    }

    /** Threads 1, 2, 3 and a shipping backend with 1, 3 and 7 partitions (and more partitions than tasks) agree bit for bit. */
    @Test
    void syntheticJobIsBitIdenticalOnEveryLocalAndShippingBackend() {
        SyntheticJob job = SyntheticJob.of(13, 2000);
        SyntheticJob.Result reference = Reproducibility.assertSameForAnyThreads(Reproducibility.SEED, c -> SyntheticJob.run(job, c));
        String json = Json.write(reference);
        for (int partitions : new int[] {1, 3, 7, 50}) {
            RunContext shipped = RunContext.of(Reproducibility.SEED, 2).withBackend(new ShippingBackend(partitions));
            assertThat(Json.write(SyntheticJob.run(job, shipped))).as("%d partitions", partitions).isEqualTo(json);
        }
        double forward = 0;
        for (SyntheticJob.Part p : reference.parts()) {
            forward += p.sum();
        }
        assertThat(forward / (13 * 2000.0)).isEqualTo(reference.mean());
        assertThat(reference.parts()).hasSize(13);
        // another seed, other numbers
        assertThat(Json.write(SyntheticJob.run(job, RunContext.of(Reproducibility.SEED + 1)))).isNotEqualTo(json);
        // the draws are standard normals: mean within 5 standard errors of 0, mean square within 5 of 1
        double n = 13 * 2000.0;
        assertThat(Math.abs(reference.mean())).isLessThan(5 / Math.sqrt(n));
        assertThat(Math.abs(reference.meanOfSquares() - 1)).isLessThan(5 * Math.sqrt(2 / n));
    }

    @Test
    void aTooBigTaskIsRefusedNamingTheLargestCapturedPart() {
        double[] data = new double[300_000];
        Task<Double> task = i -> data[i];
        assertThat(TaskShipping.serialisedSize(task)).isGreaterThan(2_400_000);
        assertThatThrownBy(() -> TaskShipping.requireAtMost(task, 1 << 20, "spark", "spark.deeprg.maxTaskBytes"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).parameter()).isEqualTo("backend"))
                .hasMessageContaining("captured double[] #1 2.3 MiB")
                .hasMessageContaining("above the 1.0 MiB that deeprg sends to spark per job (spark.deeprg.maxTaskBytes)")
                .hasMessageContaining("(a lambda in org.deeprg.run.BackendSeamTest)")
                .hasMessageNotContaining("\n");
        // a task object with fields: the field is named
        BigTask big = new BigTask(7, new long[200_000]);
        assertThatThrownBy(() -> TaskShipping.requireAtMost(big, 1 << 20, "spark", "x"))
                .hasMessageContaining("field BigTask.table (long[]) 1.5 MiB");
        assertThat(TaskShipping.requireAtMost(i -> i * 2.0, 1 << 20, "spark", "x")).isLessThan(2_000);
    }

    @Test
    void aTaskThatDoesNotSerialiseIsAnInternalErrorNamingTheClass() {
        Object notSerialisable = new Object();
        Task<Integer> task = i -> notSerialisable.hashCode();
        assertThatThrownBy(() -> TaskShipping.serialisedSize(task)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("java.lang.Object is not Serializable");
        assertThatThrownBy(() -> RunContext.of(1).withBackend(new ShippingBackend(2)).map(3, task))
                .isInstanceOf(IllegalStateException.class);
    }

    record BigTask(int scale, long[] table) implements Task<Long> {
        @Override
        public Long run(int index) {
            return table[index] * scale;
        }
    }

    @Test
    void resultsArriveInIndexOrderForAnyThreadCount() {
        Task<Integer> square = i -> i * i;
        for (int threads : new int[] {1, 2, 5}) {
            List<Integer> out = RunContext.of(1, threads).map(20, square);
            for (int i = 0; i < 20; i++) {
                assertThat(out.get(i)).isEqualTo(i * i);
            }
        }
        assertThat(RunContext.of(1, 2).withBackend(new ShippingBackend(4)).map(0, square)).isEmpty();
        Serializable unused = square;
        assertThat(unused).isNotNull();
    }
}
