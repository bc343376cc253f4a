package org.convergence.engine.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.convergence.engine.analysis.BipartiteGraph;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.analysis.OverlapAnalysis;
import org.convergence.engine.analysis.SimilarityMetric;
import org.convergence.engine.analysis.TwoModeData;
import org.convergence.engine.app.AnalysisJob;
import org.convergence.engine.bench.TwoModeGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON output is written as it is generated, and a streaming parser reads every pair back. */
class StreamedJsonTest {

    /** Counts what reaches it and how much of it arrived before the end. */
    private static final class CountingWriter extends Writer {
        private final Writer target;
        long chars;
        long writes;

        CountingWriter(Writer target) {
            this.target = target;
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            chars += length;
            writes++;
            target.write(buffer, offset, length);
        }

        @Override
        public void flush() throws IOException {
            target.flush();
        }

        @Override
        public void close() throws IOException {
            target.close();
        }
    }

    @Test
    void everyPairIsStreamedOutAndReadsBackInRankOrder(@TempDir Path dir) throws IOException {
        BipartiteGraph g = TwoModeGenerator.generate(new TwoModeGenerator.Parameters(3000, 2000, 45_000, 0.3, 11));
        ConvergenceAnalysis.Parameters p = new ConvergenceAnalysis.Parameters(new OverlapAnalysis.Parameters(1, 0,
                SimilarityMetric.JACCARD, 2), null, false, List.of(), false, ConvergenceAnalysis.BETWEENNESS_BUDGET, 0, 1);
        ConvergenceAnalysis.Result report = ConvergenceAnalysis.run(TwoModeData.generated(g), p, line -> { })
                .identified("bench", "run-x", "{}", "test", null);
        long pairs = report.pairs().count();
        assertThat(pairs).isGreaterThan(50_000);
        Path file = dir.resolve("report.json");
        CountingWriter out;
        try (Writer w = Files.newBufferedWriter(file)) {
            out = new CountingWriter(w);
            ResultOutput.json(new RunOutcome(report, Map.of("topK", 0), Map.of("overlap", 1L)), out);
        }
        // the generator hands its buffer over as it fills: thousands of writes, none holding the document
        assertThat(out.writes).isGreaterThan(1000);
        assertThat(out.chars / out.writes).isLessThan(64 * 1024);

        int seen = 0;
        double previous = Double.POSITIVE_INFINITY;
        try (JsonParser parser = ResultOutput.JSON.getFactory().createParser(file.toFile())) {
            while (parser.nextToken() != null) {
                if (parser.currentToken() == JsonToken.FIELD_NAME && "pairs".equals(parser.currentName())
                        && parser.getParsingContext().getParent().inRoot()) {
                    assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        double jaccard = Double.NaN;
                        int shared = -1;
                        int themes = -1;
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String field = parser.currentName();
                            parser.nextToken();
                            switch (field) {
                                case "jaccard" -> jaccard = parser.getDoubleValue();
                                case "shared" -> shared = parser.getIntValue();
                                case "sharedThemes" -> {
                                    themes = 0;
                                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                                        themes++;
                                    }
                                }
                                default -> parser.skipChildren();
                            }
                        }
                        assertThat(jaccard).isLessThanOrEqualTo(previous).isPositive();
                        assertThat(themes).isEqualTo(shared).isPositive();
                        previous = jaccard;
                        seen++;
                    }
                }
            }
        }
        assertThat(seen).isEqualTo(pairs);
    }
}
