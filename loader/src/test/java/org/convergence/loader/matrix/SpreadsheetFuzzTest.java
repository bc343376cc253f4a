package org.convergence.loader.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.convergence.loader.LoadException;
import org.convergence.loader.taxonomy.Organisations;
import org.convergence.loader.taxonomy.Taxonomy;

/**
 * The workbook and CSV readers on mutations of a small matrix (seeded, a fixed number of tries): a
 * clean parse or a {@link LoadException} naming the file, never another exception.
 */
class SpreadsheetFuzzTest {

    private static final MatrixParser PARSER = new MatrixParser(Taxonomy.builtIn(), Organisations.builtIn());
    private static final String CSV = new String(MatrixCsv.write(MatrixText.read(
            org.convergence.loader.seed.SeedMatrixParser.builtInSource()), StandardCharsets.UTF_8),
            StandardCharsets.UTF_8);

    private static final Arbitrary<String> PIECES = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just(";"),
            Arbitraries.just("\""), Arbitraries.just("\n"), Arbitraries.just("*"), Arbitraries.just("(X)"),
            Arbitraries.just("· "), Arbitraries.strings().ofMaxLength(12));

    @Property(tries = 300, seed = "20029")
    void mutationsOfACsvMatrix(@ForAll("csvMutations") String text) {
        try {
            PARSER.parse(MatrixCsv.read("matrix.csv", text.getBytes(StandardCharsets.UTF_8)));
        } catch (LoadException e) {
            assertThat(e.getMessage()).startsWith("matrix.csv:");
        }
    }

    @Property(tries = 60, seed = "20030")
    void mutationsOfAWorkbookMatrix(@ForAll("cellMutations") List<Object[]> changes) {
        String[][] grid = Workbooks.SMALL;
        for (Object[] change : changes) {
            grid = Workbooks.with(grid, (Integer) change[0], (Integer) change[1], (String) change[2]);
        }
        try {
            PARSER.parse(MatrixWorkbook.read("matrix.xlsx", Workbooks.xlsx(grid)));
        } catch (LoadException e) {
            assertThat(e.getMessage()).startsWith("matrix.xlsx:");
        }
    }

    @Provide
    Arbitrary<String> csvMutations() {
        Arbitrary<Integer> at = Arbitraries.integers().between(0, CSV.length() - 1);
        Arbitrary<Integer> span = Arbitraries.integers().between(0, 40);
        return Arbitraries.integers().between(1, 4).flatMap(n -> at.list().ofSize(n).flatMap(positions ->
                span.list().ofSize(n).flatMap(spans -> PIECES.list().ofSize(n).map(with -> {
                    StringBuilder text = new StringBuilder(CSV);
                    for (int i = 0; i < n; i++) {
                        int from = Math.min(positions.get(i), text.length());
                        text.replace(from, Math.min(text.length(), from + spans.get(i)), with.get(i));
                    }
                    return text.toString();
                }))));
    }

    @Provide
    Arbitrary<List<Object[]>> cellMutations() {
        Arbitrary<Object[]> change = Arbitraries.integers().between(0, 11).flatMap(r -> Arbitraries.integers()
                .between(0, 5).flatMap(c -> PIECES.map(text -> new Object[] {r, c, text})));
        return change.list().ofMinSize(1).ofMaxSize(3);
    }
}
