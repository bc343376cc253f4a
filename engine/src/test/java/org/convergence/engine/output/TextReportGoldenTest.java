package org.convergence.engine.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.convergence.engine.analysis.ConvergenceAnalysis;
import org.convergence.engine.analysis.SeedData;
import org.convergence.engine.analysis.Setting;
import org.convergence.engine.app.AnalysisJob;
import org.junit.jupiter.api.Test;

/**
 * The text report of the seed, character for character, against {@code golden/seed-report.txt}. When
 * the report changes on purpose, run with {@code -Dgolden.update=true} to rewrite the file, and read
 * the diff before committing it.
 */
class TextReportGoldenTest {

    private static final String GOLDEN = "golden/seed-report.txt";

    @Test
    void seedReportIsUnchanged() throws IOException {
        ConvergenceAnalysis.Parameters d = ConvergenceAnalysis.Parameters.defaults();
        ConvergenceAnalysis.Parameters p = new ConvergenceAnalysis.Parameters(d.overlap(), d.clusters(), true,
                List.of(new ConvergenceAnalysis.PathRequest("CSM", "PPP", 3)), true, d.betweennessBudget(), 3, 5);
        ConvergenceAnalysis.Result report = ConvergenceAnalysis.run(SeedData.load(), p, line -> { })
                .identified("seed", "run-000000000000", "{}", "test", null);
        Map<String, Long> timings = new LinkedHashMap<>();
        report.timingsMs().keySet().forEach(k -> timings.put(k, 0L));
        RunOutcome outcome = new RunOutcome(report, Setting.describe(null, p), timings);
        StringWriter text = new StringWriter();
        ResultOutput.text(outcome, 20, new PrintWriter(text));
        String actual = text.toString();
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(Path.of("src/test/resources", GOLDEN), actual, StandardCharsets.UTF_8);
        }
        String expected;
        try (InputStream in = TextReportGoldenTest.class.getResourceAsStream("/" + GOLDEN)) {
            assertThat(in).as("golden file %s (create it with -Dgolden.update=true)", GOLDEN).isNotNull();
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(expected);
    }
}
