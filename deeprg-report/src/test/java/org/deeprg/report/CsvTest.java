package org.deeprg.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeprg.result.Figure;
import org.deeprg.result.Series;
import org.deeprg.result.Table;
import org.deeprg.result.Value;
import org.deeprg.stats.Estimate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {

    @Test
    void figureDataFlagUnreliableErrorBars(@TempDir Path tmp) throws IOException {
        List<Estimate> e = List.of(Estimate.of(1, 0.1, 10), Estimate.of(2, 0.5, 10).unreliable("heavy tails"));
        Figure f = Figure.of("f", "t", "x", "y", "c", Series.estimates("data", new double[] {1, 2}, e),
                Series.line("data fit", new double[] {1, 2}, new double[] {1.1, 1.9}).fitOf("data"));
        Csv.write(f, tmp.resolve("f.plot.csv"));
        assertThat(Files.readAllLines(tmp.resolve("f.plot.csv"))).containsExactly(
                "series,x,y,y error,y error reliable,fit of",
                "data,1.0,1.0,0.1,true,",
                "data,2.0,2.0,0.5,false,",
                "data fit,1.0,1.1,,,data",
                "data fit,2.0,1.9,,,data");
    }

    @Test
    void sampledTableCellsBecomeValueStderrAndReliability(@TempDir Path tmp) throws IOException {
        Table t = Table.builder("t", "N", "m_4", "note")
                .row(2, Estimate.of(0.5, 0.01, 100), "ok")
                .row(3, Estimate.of(0.4, 0.2, 100).unreliable("too few effective samples"), "a, b")
                .row(4, Value.text("n/a"), "")
                .build();
        Csv.write(t, tmp.resolve("t.csv"));
        assertThat(Files.readAllLines(tmp.resolve("t.csv"))).containsExactly(
                "N,m_4,m_4 stderr,m_4 stderr reliable,note",
                "2,0.5,0.01,true,ok",
                "3,0.4,0.2,false,\"a, b\"",
                "4,n/a,,,");
    }
}
