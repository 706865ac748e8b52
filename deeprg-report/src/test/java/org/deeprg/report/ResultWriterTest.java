package org.deeprg.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.deeprg.InvalidInputException;
import org.deeprg.result.Figure;
import org.deeprg.result.Result;
import org.deeprg.result.Series;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultWriterTest {

    @Test
    void aFailingWriteLeavesNothingBehind(@TempDir Path tmp) {
        Path target = tmp.resolve("r");
        assertThatThrownBy(() -> ResultWriter.atomically(target, dir -> {
            Files.writeString(dir.resolve("result.json"), "{}");
            throw new IOException("disk full");
        })).hasMessageContaining("disk full");
        assertThat(target).doesNotExist();
        assertThat(tmp.toFile().list()).isEmpty();
    }

    @Test
    void inputFilesAreHashed(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("in.txt");
        Files.writeString(f, "abc");
        Provenance.InputFile h = Provenance.hash(f);
        // SHA-256("abc"), FIPS 180-2 test vector
        assertThat(h.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(h.bytes()).isEqualTo(3);
    }

    @Test
    void logAxesDropNonPositivePointsInsteadOfFailing(@TempDir Path tmp) throws IOException {
        Figure f = Figure.of("f", "t", "x", "y", "c", Series.markers("s", new double[] {-1, 0, 1, 2}, new double[] {1, 1, 0, 4}))
                .withLogAxes(true, true);
        assertThat(PlotRenderer.render(f, tmp)).isEqualTo(3);
        assertThat(tmp.resolve("f.png")).isNotEmptyFile();
        assertThat(tmp.resolve("f.svg")).isNotEmptyFile();
    }

    @Test
    void writesEveryFileAndRefusesForeignDirectories(@TempDir Path tmp) throws IOException {
        Result r = Result.builder("t").data(Map.of("x", 1)).build();
        Provenance p = Provenance.capture(List.of("a"), Map.of("k", 1), 5, 1, Instant.now()).finished(List.of());
        Path out = ResultWriter.write(tmp.resolve("out"), r, p);
        assertThat(ResultWriter.isDeeprgResult(out)).isTrue();
        Files.createDirectories(tmp.resolve("foreign"));
        Files.writeString(tmp.resolve("foreign/x"), "x");
        assertThatThrownBy(() -> ResultWriter.checkTarget(tmp.resolve("foreign"))).isInstanceOf(InvalidInputException.class);
    }
}
