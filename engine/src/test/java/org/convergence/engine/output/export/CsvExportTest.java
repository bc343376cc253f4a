package org.convergence.engine.output.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.convergence.engine.analysis.OverlapAnalysis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CSV export of the tiny run, parsed back as RFC 4180. */
class CsvExportTest {

    @TempDir
    Path dir;

    private List<CSVRecord> read(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    @Test
    void onePairARowWithEveryScoreUnderAHeader() throws Exception {
        List<WrittenFile> written = ExportFormat.CSV.write(TinyRun.source(true), dir.resolve("tiny"));
        Path file = dir.resolve("tiny-pairs.csv");
        assertThat(written).extracting(WrittenFile::path).containsExactly(file.toAbsolutePath());
        assertThat(written.get(0).summary()).isEqualTo("2 pairs");
        String text = Files.readString(file);
        assertThat(text).startsWith("a,b,shared,sharedThemes,jaccard,overlap,cosine,dice,weightedJaccard,adamicAdar,"
                + "resourceAllocation,associationStrength,pValue,qValue\r\n");
        assertThat(text.split("\r\n", -1)).hasSize(4); // header, two rows, and the empty rest after the last CRLF
        List<CSVRecord> rows = read(file);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("a")).isEqualTo("A");
        assertThat(rows.get(0).get("b")).isEqualTo("B");
        assertThat(rows.get(0).get("sharedThemes")).isEqualTo("x|y");
        assertThat(Double.parseDouble(rows.get(0).get("jaccard"))).isEqualTo(1.0);
        assertThat(Double.parseDouble(rows.get(0).get("weightedJaccard"))).isEqualTo(0.625);
        assertThat(Double.parseDouble(rows.get(0).get("pValue"))).isEqualTo(2e-5);
        assertThat(Double.parseDouble(rows.get(1).get("jaccard"))).isEqualTo(0.5);
    }

    @Test
    void unweightedDataHasNoWeightedJaccardColumn() throws Exception {
        ExportFormat.CSV.write(TinyRun.source(false), dir.resolve("tiny"));
        assertThat(Files.readAllLines(dir.resolve("tiny-pairs.csv")).get(0)).doesNotContain("weightedJaccard")
                .startsWith("a,b,shared,sharedThemes,jaccard,");
    }

    @Test
    void idsWithCommasAndQuotesAreQuoted() throws Exception {
        List<OverlapAnalysis.PairField> fields = OverlapAnalysis.PairField.of(false);
        ExportSource source = TinyRun.source(false, TinyRun.pairs(false, 1, sink -> {
            sink.beginPair("Alpha, \"first\"", "Beta");
            for (var f : fields) {
                switch (f.kind()) {
                    case INTEGER -> sink.field(f.key(), 1L);
                    case REAL -> sink.field(f.key(), 0.5);
                    case IDS -> sink.field(f.key(), new String[] {"a,b", "c"}, 2);
                    default -> throw new AssertionError(f);
                }
            }
            sink.endPair();
        }));
        ExportFormat.CSV.write(source, dir.resolve("odd"));
        assertThat(Files.readString(dir.resolve("odd-pairs.csv"))).contains("\"Alpha, \"\"first\"\"\",Beta,1,\"a,b|c\",");
        CSVRecord row = read(dir.resolve("odd-pairs.csv")).get(0);
        assertThat(row.get("a")).isEqualTo("Alpha, \"first\"");
        assertThat(row.get("sharedThemes")).isEqualTo("a,b|c");
    }

    @Test
    void fieldsOutOfOrderAreRefusedAndLeaveNoFile() throws Exception {
        ExportSource source = TinyRun.source(false, TinyRun.pairs(false, 1, sink -> {
            sink.beginPair("A", "B");
            sink.field("jaccard", 0.5);
        }));
        assertThatThrownBy(() -> ExportFormat.CSV.write(source, dir.resolve("bad")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Pair A-B: field `jaccard` arrived where `shared` was expected");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
