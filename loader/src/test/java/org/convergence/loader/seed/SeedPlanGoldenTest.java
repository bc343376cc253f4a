package org.convergence.loader.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.convergence.loader.LoadPlan;
import org.convergence.loader.taxonomy.Organisations;
import org.convergence.loader.taxonomy.Taxonomy;
import org.junit.jupiter.api.Test;

/**
 * The seed's whole {@link LoadPlan} (every node and relationship with every property, in plan order,
 * the unmapped labels and the source), with and without the taxonomy, character for character against
 * {@code golden/seed-plan*.txt}. Parser refactorings must leave it as it is. When the plan changes on
 * purpose, run with {@code -Dgolden.update=true} to rewrite the files, and read the diff before
 * committing them.
 */
class SeedPlanGoldenTest {

    @Test
    void seedPlanIsUnchanged() throws IOException {
        check("golden/seed-plan.txt", new SeedMatrixParser(Taxonomy.builtIn(), Organisations.builtIn())
                .parse(SeedMatrixParser.builtInSource()));
    }

    @Test
    void seedPlanWithoutTaxonomyIsUnchanged() throws IOException {
        check("golden/seed-plan-no-taxonomy.txt", new SeedMatrixParser(Taxonomy.none(), Organisations.builtIn())
                .parse(SeedMatrixParser.builtInSource()));
    }

    /** @return the plan as text: one line per node, relationship, unmapped label and note, in plan order */
    static String render(LoadPlan plan) {
        StringBuilder b = new StringBuilder();
        b.append("source ").append(plan.source()).append('\n');
        plan.nodes().forEach((kind, rows) -> rows.forEach(n -> b.append("node ").append(kind).append(' ')
                .append(n.id()).append(' ').append(render(n.props())).append('\n')));
        plan.relationships().forEach((kind, rows) -> rows.forEach(r -> b.append("rel ").append(kind).append(' ')
                .append(r.from()).append(" -> ").append(r.to()).append(' ').append(render(r.props())).append('\n')));
        plan.unmapped().forEach(u -> b.append("unmapped ").append(u.label()).append(" | ").append(u.themeId())
                .append(" | line ").append(u.line()).append('\n'));
        plan.notes().forEach(n -> b.append("note ").append(n).append('\n'));
        return b.toString();
    }

    /**
     * Properties sorted by key (parsers build some with {@code Map.of}, whose order changes from run to
     * run), each value with its Java type, so that 1996 and "1996" differ.
     */
    private static String render(Map<String, Object> props) {
        StringBuilder b = new StringBuilder("{");
        new java.util.TreeMap<>(props).forEach((k, v) -> b.append(b.length() == 1 ? "" : ", ").append(k).append('=').append(value(v)));
        return b.append('}').toString();
    }

    private static String value(Object v) {
        if (v instanceof List<?> list) {
            return list.stream().map(SeedPlanGoldenTest::value).toList().toString();
        }
        return v.getClass().getSimpleName() + ":" + v;
    }

    private static void check(String golden, LoadPlan plan) throws IOException {
        String actual = render(plan);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(Path.of("src/test/resources", golden), actual, StandardCharsets.UTF_8);
        }
        String expected;
        try (InputStream in = SeedPlanGoldenTest.class.getResourceAsStream("/" + golden)) {
            assertThat(in).as("golden file %s (create it with -Dgolden.update=true)", golden).isNotNull();
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(expected);
    }
}
