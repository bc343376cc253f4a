package org.convergence.loader.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.convergence.loader.LoadException;
import org.convergence.loader.SourceText;
import org.convergence.loader.taxonomy.Organisations;
import org.convergence.loader.taxonomy.Taxonomy;

/**
 * The matrix parser on mutations of the 2002 document (seeded, a fixed number of tries): a clean parse
 * or a {@link LoadException} naming the file, never another exception.
 */
class MatrixFuzzTest {

    private static final String SEED = SeedMatrixParser.builtInSource().text();

    @Property(tries = 600, seed = "20025")
    void mutationsOfTheSeedMatrix(@ForAll("mutations") String text) {
        try {
            new SeedMatrixParser(Taxonomy.builtIn(), Organisations.builtIn())
                    .parse(SourceText.decode("matrix.txt", text.getBytes(StandardCharsets.UTF_8)));
        } catch (LoadException e) {
            assertThat(e.getMessage()).startsWith("matrix.txt");
        }
    }

    @Provide
    Arbitrary<String> mutations() {
        String[] lines = SEED.split("\n", -1);
        Arbitrary<Integer> line = Arbitraries.integers().between(0, lines.length - 1);
        Arbitrary<String> replacement = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just("|"),
                Arbitraries.just("*"), Arbitraries.just("---"), Arbitraries.strings().ofMaxLength(20),
                line.map(i -> lines[i]));
        return Arbitraries.integers().between(1, 4).flatMap(n -> line.list().ofSize(n).flatMap(at ->
                replacement.list().ofSize(n).map(with -> {
                    String[] out = lines.clone();
                    for (int i = 0; i < n; i++) {
                        out[at.get(i)] = with.get(i);
                    }
                    return String.join("\n", out);
                })));
    }
}
