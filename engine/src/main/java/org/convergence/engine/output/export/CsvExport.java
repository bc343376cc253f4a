package org.convergence.engine.output.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.convergence.engine.analysis.OverlapAnalysis.PairField;
import org.convergence.engine.output.AtomicFile;

/**
 * Writes a run's converging pairs as {@code PREFIX-pairs.csv}: RFC 4180 (comma-separated, fields quoted
 * where needed, CRLF line ends; Commons CSV's {@link CSVFormat#RFC4180}), UTF-8, a header row, then one
 * row per pair with the two process ids {@code a} and {@code b} ({@code a < b}) and every score of
 * {@link PairField}, named as in {@code analyze --format json} ({@code sharedThemes}: theme ids joined
 * by {@code |}; {@code weightedJaccard} only for weighted data). Rows are sorted by {@code a}, then
 * {@code b}, not by rank: sort by {@code jaccard} to rank them. Streamed: memory does not grow with the
 * pairs.
 */
final class CsvExport {

    private CsvExport() {
    }

    /** Writes the file; see the class comment. */
    static List<WrittenFile> write(ExportSource source, ExportFiles files) throws IOException {
        try (AtomicFile file = AtomicFile.of(files.file("pairs.csv"))) {
            long pairs;
            try (Writer out = file.writer(); CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
                List<PairField> fields = source.result().pairs().fields();
                csv.print("a");
                csv.print("b");
                for (PairField f : fields) {
                    csv.print(f.key());
                }
                csv.println();
                pairs = TextPairSink.stream(source, new TextPairSink(fields) {
                    @Override
                    void pair(String a, String b, String[] text, double[] numbers) throws IOException {
                        csv.print(a);
                        csv.print(b);
                        for (String t : text) {
                            csv.print(t);
                        }
                        csv.println();
                    }
                });
            }
            file.commit();
            return List.of(new WrittenFile(file.target(), List.of(new WrittenFile.Count(pairs, "pairs")),
                    Optional.of("one row per pair, sorted by process ids")));
        }
    }
}
