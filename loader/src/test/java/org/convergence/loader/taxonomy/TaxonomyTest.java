package org.convergence.loader.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.convergence.loader.LoadException;
import org.junit.jupiter.api.Test;

class TaxonomyTest {

    private final Taxonomy taxonomy = Taxonomy.builtIn();

    @Test
    void matchingIgnoresCaseAccentsAndPunctuationOnly() {
        assertThat(taxonomy.match("GESTION   migratoria")).map(Taxonomy.Theme::id).contains("migration-management");
        assertThat(taxonomy.match("Sistemas de informacion estadistica migratoria (SIEMCA/SIEMMES)**"))
                .map(Taxonomy.Theme::id).contains("migration-statistics");
        assertThat(taxonomy.match("promover los derechos humanos de los migrantes")).map(Taxonomy.Theme::id)
                .contains("human-rights-of-migrants");
    }

    @Test
    void nearMissesAreNotMerged() {
        assertThat(taxonomy.match("Derechos Humano")).isEmpty();
        assertThat(taxonomy.match("Gestión migratoria regional")).isEmpty();
    }

    @Test
    void smugglingAndTraffickingStayApartUnderOneBroaderTheme() {
        Taxonomy.Theme smuggling = taxonomy.match("Tráfico de migrantes").orElseThrow();
        Taxonomy.Theme trafficking = taxonomy.match("Tráfico (trata) de personas").orElseThrow();
        assertThat(smuggling.id()).isEqualTo("smuggling-of-migrants");
        assertThat(trafficking.id()).isEqualTo("trafficking-in-persons");
        assertThat(smuggling.broader()).isEqualTo(trafficking.broader()).isEqualTo("smuggling-and-trafficking");
        assertThat(trafficking.note()).contains("trata");
    }

    @Test
    void everyThemeHasBothNames() {
        assertThat(taxonomy.themes()).isNotEmpty()
                .allSatisfy(t -> assertThat(t.es()).isNotBlank())
                .allSatisfy(t -> assertThat(t.en()).isNotBlank());
    }

    private static Taxonomy parse(String yaml) {
        return Taxonomy.parse("t.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void duplicateAliasAcrossThemesIsAnError() {
        assertThatThrownBy(() -> parse("themes:\n- {id: a, es: A, en: A, aliases: [x]}\n"
                + "- {id: b, es: B, en: B, aliases: ['X ']}\n"))
                .isInstanceOf(LoadException.class)
                .hasMessage("t.yaml: alias `X ` of theme `b` is already an alias of theme `a`");
    }

    @Test
    void unknownOrCyclicBroaderThemeIsAnError() {
        assertThatThrownBy(() -> parse("themes:\n- {id: a, es: A, en: A, broader: zz}\n"))
                .hasMessageContaining("names broader theme `zz`, which is not defined");
        assertThatThrownBy(() -> parse("themes:\n- {id: a, es: A, en: A, broader: b}\n"
                + "- {id: b, es: B, en: B, broader: a}\n")).hasMessageContaining("cycle");
    }

    @Test
    void unknownKeysAndBadIdsAreErrors() {
        assertThatThrownBy(() -> parse("themes:\n- {id: a, es: A, en: A, colour: red}\n"))
                .isInstanceOf(LoadException.class).hasMessageContaining("colour");
        assertThatThrownBy(() -> parse("version: x\nthemes:\n  - id: a\n    es: A\n    en: A\n    colour: red\n"))
                .hasMessage("t.yaml:6: invalid taxonomy: unknown key `themes[0].colour`; allowed here: aliases, broader, en,"
                        + " es, id, note");
        assertThatThrownBy(() -> parse("themes:\n- {id: 'Bad Id', es: A, en: A}\n"))
                .hasMessageContaining("lower-case words joined by hyphens");
    }
}
