package org.deeprg.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeprg.InvalidInputException;
import org.deeprg.json.Json;
import org.deeprg.run.BackendException;
import org.deeprg.run.Backends;
import org.deeprg.run.RunContext;
import org.deeprg.run.Task;
import org.deeprg.testing.Reproducibility;
import org.deeprg.testing.SyntheticJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark backend in Spark's local mode: the same numbers as local threads for any master and partitioning, a
 * retried task recomputes the same numbers, failures are one line, and bad settings are bad input.
 */
class SparkBackendTest {
    private static final SyntheticJob JOB = SyntheticJob.of(23, 3000);

    private static String local(int threads) {
        return Json.write(SyntheticJob.run(JOB, RunContext.of(Reproducibility.SEED, threads)));
    }

    private static String onSpark(SparkBackend spark) {
        return Json.write(SyntheticJob.run(JOB, RunContext.of(Reproducibility.SEED, 1).withBackend(spark)));
    }

    @Test
    void bitIdenticalToLocalThreadsForAnyMasterAndPartitionCount() {
        String reference = local(1);
        assertThat(local(2)).isEqualTo(reference);
        for (String master : new String[] {"local[1]", "local[2]"}) {
            for (Integer partitions : new Integer[] {1, 3, 7, null, 1000}) {
                try (SparkBackend spark = SparkBackend.start(master, partitions)) {
                    assertThat(onSpark(spark)).as("%s with %s partitions", master, partitions).isEqualTo(reference);
                    if (partitions != null) {
                        assertThat(spark.partitionsFor(JOB.tasks())).isEqualTo(Math.min(partitions, JOB.tasks()));
                    }
                }
            }
        }
    }

    /**
     * Partition k of P runs the indices k, k + P, ... (jobs list their costliest tasks first: round-robin gives every
     * partition the same mix), every index exactly once, and provenance counts the jobs and tasks.
     */
    @Test
    void indicesAreDealtToPartitionsRoundRobinAndCounted() {
        try (SparkBackend spark = SparkBackend.start("local[2]", 4)) {
            Task<int[]> where = i -> new int[] {i, org.apache.spark.TaskContext.getPartitionId()};
            List<int[]> ran = spark.map(10, 1, where);
            assertThat(ran).hasSize(10);
            for (int i = 0; i < 10; i++) {
                assertThat(ran.get(i)[0]).isEqualTo(i);
                assertThat(ran.get(i)[1]).as("partition of index %d", i).isEqualTo(i % 4);
            }
            spark.map(3, 1, i -> i);
            assertThat(spark.describe()).containsEntry("jobs", 2L).containsEntry("tasks", 13L);
        }
    }

    @Test
    void theBackendIsFoundByNameAndDescribedForProvenance() {
        try (var backend = Backends.open("spark", "local[2]", 3)) {
            assertThat(backend).isInstanceOf(SparkBackend.class);
            Map<String, Object> d = backend.describe();
            assertThat(d).containsEntry("name", "spark").containsEntry("master", "local[2]").containsEntry("partitions", 3)
                    .containsEntry("defaultParallelism", 2).containsEntry("sparkVersion", "4.2.0").containsKey("applicationId");
            assertThat(backend.map(0, 1, i -> i)).isEmpty();
        }
    }

    @Test
    void aRetriedTaskRecomputesTheSameNumbers(@TempDir Path markers) throws IOException {
        String reference = local(1);
        SyntheticJob.resetFailures();
        SyntheticJob failing = new SyntheticJob(JOB.tasks(), JOB.samples(), 5, 0, markers.toString());
        // local[2,3]: two cores, up to three attempts per task
        try (SparkBackend spark = SparkBackend.start("local[2,3]", 4)) {
            String json = Json.write(SyntheticJob.run(failing, RunContext.of(Reproducibility.SEED, 1).withBackend(spark)));
            assertThat(json).isEqualTo(reference);
        }
        try (var files = Files.list(markers)) {
            List<String> attemptsOfTask5 = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("task-5-")).toList();
            assertThat(attemptsOfTask5).as("task 5 failed once and ran again").hasSize(2);
        }
    }

    @Test
    void aJobThatKeepsFailingIsOneLineOfBackendFailure() {
        Task<Integer> broken = i -> {
            if (i == 2) {
                throw new IllegalStateException("task 2 is broken");
            }
            return i;
        };
        try (SparkBackend spark = SparkBackend.start("local[2,2]", 2)) {
            assertThatThrownBy(() -> spark.map(4, 1, broken)).isInstanceOf(BackendException.class)
                    .hasMessageNotContaining("\n")
                    .hasMessageContaining("the Spark job failed")
                    .hasMessageContaining("failed 2 times")
                    .hasMessageContaining("task 2 is broken");
            // the context survives a failed job
            assertThat(spark.map(3, 1, i -> i + 1)).containsExactly(1, 2, 3);
        }
    }

    @Test
    void badInputInsideATaskStaysBadInput() {
        Task<Integer> bad = i -> {
            throw new InvalidInputException("width", 0, "must be >= 1");
        };
        try (SparkBackend spark = SparkBackend.start("local[1]", null)) {
            assertThatThrownBy(() -> spark.map(2, 1, bad)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("width = 0 is not allowed");
        }
    }

    @Test
    void aTooBigTaskIsRefusedBeforeAnythingRuns() {
        double[] data = new double[3_000_000];
        Task<Double> greedy = i -> data[i];
        try (SparkBackend spark = SparkBackend.start("local[1]", null)) {
            assertThatThrownBy(() -> spark.map(2, 1, greedy)).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).parameter()).isEqualTo("backend"))
                    .hasMessageContaining("captured double[] #1 22.9 MiB")
                    .hasMessageContaining("above the 16.0 MiB")
                    .hasMessageContaining("spark.deeprg.maxTaskBytes");
        }
    }

    @Test
    void malformedUnreachableAndUnsupportedMastersAreBadInput() {
        for (String master : new String[] {"local[0]", "local[x]", "spork://host:7077", "spark://127.0.0.1", "spark://127.0.0.1:99999", ""}) {
            assertThatThrownBy(() -> SparkBackend.start(master, null)).as(master).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).parameter()).isEqualTo("sparkMaster"))
                    .hasMessageContaining("must be local, local[N]");
        }
        assertThatThrownBy(() -> SparkBackend.start("spark://127.0.0.1:1", null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no Spark master answers there");
        assertThatThrownBy(() -> SparkBackend.start("yarn", null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("needs Spark's YARN");
        assertThatThrownBy(() -> SparkBackend.start("k8s://https://127.0.0.1:6443", null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("needs Spark's Kubernetes");
        for (int partitions : new int[] {0, -3, SparkBackend.MAX_PARTITIONS + 1}) {
            assertThatThrownBy(() -> SparkBackend.start("local[1]", partitions)).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).parameter()).isEqualTo("partitions"))
                    .hasMessageContaining("must be an integer in [1, 1000000]");
        }
    }
}
