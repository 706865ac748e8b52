package org.deeprg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --backend}, {@code --spark-master}, {@code --partitions} where the deeprg-spark module is not on the class
 * path (this module's tests): local is the default and recorded in provenance; spark is one line, exit 2. The Spark
 * side is tested in deeprg-spark (SparkCliTest).
 */
class BackendOptionsTest {
    @Test
    void localIsTheDefaultAndRecordedInProvenance(@TempDir Path tmp) throws Exception {
        CliRun r = CliRun.of("dyn", "exact", "--width", "1", "--depth", "2", "--example", "1:1", "--quiet", "--out", tmp.resolve("a").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(tmp.resolve("a/provenance.json"))).contains("\"backend\" : {").contains("\"name\" : \"local\"");
    }

    @Test
    void sparkWithoutTheModuleIsOneLineExitTwo(@TempDir Path tmp) {
        Path out = tmp.resolve("b");
        CliRun r = CliRun.of("dyn", "exact", "--width", "1", "--depth", "2", "--example", "1:1", "--backend", "spark", "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.errLines()).isEqualTo(1);
        assertThat(r.err()).startsWith("deeprg: option --backend: value 'spark' is not allowed: the deeprg-spark module is not on the class path");
        assertThat(out).doesNotExist();
    }

    @Test
    void badValuesAreOneLineExitTwo() {
        String[][] cases = {{"--backend", "flink"}, {"--spark-master", "local[2]"}, {"--partitions", "3"},
            {"--backend", "spark", "--partitions", "0"}, {"--partitions", "x"}};
        String[] expected = {"option --backend: value 'flink' is not allowed: must be one of local, spark",
            "option --spark-master: value 'local[2]' is not allowed: is only used with --backend spark",
            "option --partitions: value '3' is not allowed: is only used with --backend spark",
            "option --partitions: value '0' is not allowed: must be an integer >= 1", "--partitions"};
        for (int i = 0; i < cases.length; i++) {
            String[] args = new String[5 + cases[i].length];
            System.arraycopy(new String[] {"dyn", "exact", "--example", "1:1", "--quiet"}, 0, args, 0, 5);
            System.arraycopy(cases[i], 0, args, 5, cases[i].length);
            CliRun r = CliRun.of(args);
            assertThat(r.code()).as(r.err()).isEqualTo(2);
            assertThat(r.errLines()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).contains(expected[i]);
        }
    }
}
